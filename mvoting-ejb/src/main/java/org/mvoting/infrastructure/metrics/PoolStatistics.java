package org.mvoting.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * WildFly's own statistics of the MVotingDS connection pool (statistics-enabled=true in 02-datasource.cli), read
 * through the jmx subsystem's view of the management model (jboss.as:...,statistics=pool): the figures an operator
 * sees in the management console, on /metrics beside the application's. Read by normalised name (InUseCount,
 * inUseCount and in-use-count are one), so the JMX naming style does not matter. Empty when the pool or its
 * statistics are not there (another server, statistics turned off): the metrics then simply leave them out.
 */
@ApplicationScoped
public class PoolStatistics {

    private static final Logger LOG = Logger.getLogger(PoolStatistics.class.getName());
    static final String POOL = "jboss.as:subsystem=datasources,data-source=MVotingDS,statistics=pool";
    /** The figures taken (normalised names). */
    static final Set<String> WANTED = Set.of("activecount", "availablecount", "inusecount", "idlecount",
            "maxusedcount", "waitcount", "timedout", "blockingfailurecount", "maxwaitcount");

    /** normalised name → value, for the figures the pool reports. */
    public Map<String, Long> read() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Long> figures = new LinkedHashMap<>();
        try {
            ObjectName pool = new ObjectName(POOL);
            if (!server.isRegistered(pool)) {
                return figures;
            }
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(pool).getAttributes()) {
                String normalised = normalise(attribute.getName());
                if (WANTED.contains(normalised) && server.getAttribute(pool, attribute.getName()) instanceof Number n) {
                    figures.put(normalised, n.longValue());
                }
            }
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.FINE, "Pool statistics could not be read", e);
        }
        return figures;
    }

    static String normalise(String attribute) {
        return attribute.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
