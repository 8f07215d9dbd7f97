/** Running the node: liveness and readiness for the balancer, metrics for the city's monitoring. */
package org.mvoting.application.operations;
