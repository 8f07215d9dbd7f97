/** This node's own counters (ballots, gateway failures) and WildFly's pool statistics, read for /metrics. */
package org.mvoting.infrastructure.metrics;
