package org.mvoting.api.operations;

import jakarta.ejb.Local;

/**
 * Whether this node should get traffic, for the balancer (HAProxy's {@code option httpchk}) and the operators: no
 * credentials, and nothing in the answer but check names, UP/DOWN and a reason from a short fixed vocabulary.
 */
@Local
public interface NodeHealth {

    /** The JVM and the deployment answer; nothing outside the node is asked. */
    HealthReport live();

    /**
     * The database, the directory and the message queues, checked at the same time, each given at most
     * {@link HealthReport#CHECK_BUDGET_MILLIS}: a node whose database is gone answers DOWN within about a second.
     */
    HealthReport ready();
}
