/** Running the node: its health for the balancer, its metrics for the city's monitoring. */
package org.mvoting.api.operations;
