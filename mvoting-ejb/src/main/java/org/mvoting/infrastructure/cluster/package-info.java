/** Which node of a cluster runs each once-per-cluster job: leases in the shared database, renewed as the job runs. */
package org.mvoting.infrastructure.cluster;
