package org.mvoting.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster's balancer configuration says what docs/scale-out.md promises (and HAProxy accepts it), and the second
 * configuration of one WildFly home does not add the driver module twice.
 */
class ClusterServerTest {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private static ClusterServer twoNodes(Path work) {
        return new ClusterServer(work.resolve("home"), work.resolve("mvoting.ear"), work, 8380, Map.of(), 100, 200);
    }

    @Test
    void theBalancerReplacesForwardedHeadersChecksHealthAndConnectsFromItsOwnAddress(@TempDir Path work) {
        String cfg = twoNodes(work).balancerConfiguration();
        assertTrue(cfg.contains("http-request set-header X-Forwarded-For %[src]"), cfg);
        // appending (option forwardfor) would leave a client's own X-Forwarded-For first, where WildFly reads it
        assertFalse(cfg.contains("option forwardfor"), cfg);
        assertTrue(cfg.contains("http-request del-header X-Forwarded-Host"), cfg);
        assertTrue(cfg.contains("http-request del-header Upgrade if { req.hdr(Upgrade) -m sub -i h2c }"), cfg);
        assertTrue(cfg.contains("balance roundrobin"), cfg);
        assertTrue(cfg.contains("timeout check 3s"), cfg);
        assertTrue(cfg.contains("option httpchk GET " + ClusterServer.HEALTH_CHECK_PATH + "\n"), cfg);
        assertTrue(cfg.contains("source " + ClusterServer.BALANCER_SOURCE), cfg);
        assertTrue(cfg.contains("server node-a 127.0.0.1:8180 check cookie node-a"), cfg);
        assertTrue(cfg.contains("server node-b 127.0.0.1:8280 check cookie node-b"), cfg);
        assertTrue(cfg.contains("bind 127.0.0.1:8380"), cfg);
        // no node ready (the database down): the live nodes answer their own 503 problem, not the balancer's HTML page
        assertTrue(cfg.contains("use_backend nodes-live if { nbsrv(nodes) eq 0 }\n    default_backend nodes\n"), cfg);
        String live = cfg.substring(cfg.indexOf("backend nodes-live"));
        assertTrue(live.contains("option httpchk GET " + ClusterServer.LIVENESS_PATH + "\n"), live);
        assertTrue(live.contains("server node-a 127.0.0.1:8180 check cookie node-a"), live);
        assertTrue(live.contains("server node-b 127.0.0.1:8280 check cookie node-b"), live);
    }

    @Test
    void haproxyAcceptsTheConfiguration(@TempDir Path work) throws IOException, InterruptedException {
        Path cfg = work.resolve("haproxy.cfg");
        Files.writeString(cfg, twoNodes(work).balancerConfiguration());
        ClusterServer.requireBalancerForTests();
        Process check = new ProcessBuilder(HAPROXY.toString(), "-c", "-f", cfg.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertEquals(0, check.waitFor(), output);
    }

    @Test
    void eachNodeHasItsOwnNameOffsetAndBase(@TempDir Path work) {
        ClusterServer cluster = twoNodes(work);
        assertEquals(List.of("node-a", "node-b"), cluster.nodes().stream().map(ClusterServer.Node::name).toList());
        assertEquals("http://127.0.0.1:8180", cluster.node(0).url());
        assertEquals(7800, cluster.node(1).jgroupsPort());
        assertEquals(work.resolve("node-b").toAbsolutePath(), cluster.node(1).base());
    }

    @Test
    void aDriverModuleTheHomeHasAlreadyIsNotAddedAgain(@TempDir Path home) throws IOException {
        List<String> script = List.of("embed-server --server-config=standalone-full-ha.xml",
                "# ---- 01\nmodule add --name=org.postgresql --resources=/x.jar\nbatch\nrun-batch");
        assertTrue(ProvisionServer.withoutInstalledModules(script, home).contains("module add --name=org.postgresql --resources=/x.jar"));
        Files.createDirectories(home.resolve("modules/org/postgresql/main"));
        List<String> second = ProvisionServer.withoutInstalledModules(script, home);
        assertFalse(second.contains("module add --name=org.postgresql --resources=/x.jar"), second.toString());
        assertTrue(second.contains("batch"));
    }
}
