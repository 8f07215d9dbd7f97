package org.mvoting.infrastructure.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.infrastructure.persistence.ClusterLeases;

/**
 * Asks whether this node runs a once-per-cluster job now ({@link #runsHere}). The answer comes from the job's lease in
 * the database; while this node's own lease is fresh (a third of its length since it was last renewed, on this
 * node's monotonic clock) it is trusted without a round trip, so the mixer's once-a-second question costs one
 * statement every 1.6 s, not every round. A database that cannot be reached means "not here": the job waits, as it
 * would have failed anyway. On a single node the node always holds every lease.
 */
@ApplicationScoped
public class ClusterJobs {

    private static final Logger LOG = Logger.getLogger(ClusterJobs.class.getName());

    @Inject
    private ClusterLeases leases;

    private final String node = nodeName();
    /** Per job held here: System.nanoTime() of the claim that last succeeded (taken before the claim, to be safe). */
    private final Map<ClusterJob, Long> heldSince = new EnumMap<>(ClusterJob.class);
    private final Map<ClusterJob, Boolean> lastAnswer = new EnumMap<>(ClusterJob.class);

    /** This node's name in the leases (jboss.node.name, as WildFly names the node in its cluster). */
    public String node() {
        return node;
    }

    /** Whether this node runs {@code job} now; renews the lease when it does. */
    public boolean runsHere(ClusterJob job) {
        long now = System.nanoTime();
        synchronized (heldSince) {
            Long since = heldSince.get(job);
            if (since != null && now - since < job.trustedFor().toNanos()) {
                return true;
            }
        }
        boolean held;
        try {
            held = leases.claim(job.name(), node, job.ttl());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The lease of " + job + " could not be read; the job waits", e);
            held = false;
        }
        synchronized (heldSince) {
            if (held) {
                heldSince.put(job, now);
            } else {
                heldSince.remove(job);
            }
            Boolean before = lastAnswer.put(job, held);
            if (before == null || before != held) {
                boolean taken = held;
                LOG.info(() -> taken ? job + " runs on this node (" + node + ")"
                        : job + " runs on another node; " + node + " takes it if that node stops");
            }
        }
        return held;
    }

    /** Gives this node's leases up when the application stops, so another node takes the jobs at once. */
    @PreDestroy
    void releaseAll() {
        ClusterJob[] held;
        synchronized (heldSince) {
            held = heldSince.keySet().toArray(ClusterJob[]::new);
            heldSince.clear();
        }
        for (ClusterJob job : held) {
            try {
                leases.release(job.name(), node);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "The lease of " + job + " was not released; it runs out by itself", e);
            }
        }
    }

    private static String nodeName() {
        String name = System.getProperty("jboss.node.name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
