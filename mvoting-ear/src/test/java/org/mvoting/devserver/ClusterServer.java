package org.mvoting.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Two WildFly nodes (standalone-full-ha, configured by wildfly-config plus wildfly-config/ha) from one WildFly home,
 * each with its own base directory and port offset, behind Debian's HAProxy, on one PostgreSQL. The cluster test
 * starts and stops it; {@link #main} is the local two-node command (README, "Two nodes").
 *
 * <p>The balancer connects to the nodes from {@link #BALANCER_SOURCE}, the only address the nodes take
 * X-Forwarded-For from (MVOTING_BALANCER_ADDRESSES, wildfly-config/ha/13-ha-balancer.cli); a client on 127.0.0.1
 * that reaches a node directly is not trusted, as on a real network.
 */
public final class ClusterServer implements AutoCloseable {

    /** What the balancer asks each node before sending it traffic: readiness (database, messaging; 503 when not). */
    public static final String HEALTH_CHECK_PATH = "/health/ready";
    /** Liveness (200 while the node's JVM serves at all): the fallback backend's check when no node is ready. */
    public static final String LIVENESS_PATH = "/health/live";
    /** The loopback address HAProxy connects to the nodes from (all of 127/8 is this machine). */
    public static final String BALANCER_SOURCE = "127.0.0.2";
    private static final String HAPROXY = "/usr/sbin/haproxy";
    private static final Duration BOOT_PATIENCE = Duration.ofSeconds(300);

    /** One WildFly of the cluster. */
    public static final class Node {
        private final String name;
        private final int offset;
        private final Path base;
        private final Map<String, String> environment;
        private Process process;

        Node(String name, int offset, Path base, Map<String, String> environment) {
            this.name = name;
            this.offset = offset;
            this.base = base;
            this.environment = environment;
        }

        public String name() {
            return name;
        }

        public int httpPort() {
            return 8080 + offset;
        }

        public int jgroupsPort() {
            return 7600 + offset;
        }

        /** http://127.0.0.1:port (no trailing slash). */
        public String url() {
            return "http://127.0.0.1:" + httpPort();
        }

        public boolean isRunning() {
            return process != null && process.isAlive();
        }

        public Path base() {
            return base;
        }
    }

    private final Path home;
    private final Path ear;
    private final Path work;
    private final int balancerPort;
    private final List<Node> nodes = new ArrayList<>();
    private Process haproxy;

    /**
     * @param home         the WildFly home whose standalone-full-ha.xml is configured for mVoting
     * @param ear          mvoting.ear
     * @param work         where the nodes' base directories and the balancer's configuration go
     * @param balancerPort the balancer's port on 127.0.0.1
     * @param environment  the nodes' common environment (database, secret, directory, ...)
     * @param offsets      one port offset per node (8080 + offset, 7600 + offset, ...)
     */
    public ClusterServer(Path home, Path ear, Path work, int balancerPort, Map<String, String> environment, int... offsets) {
        this.home = home.toAbsolutePath();
        this.ear = ear.toAbsolutePath();
        this.work = work.toAbsolutePath();
        this.balancerPort = balancerPort;
        String members = java.util.Arrays.stream(offsets).mapToObj(o -> "127.0.0.1[" + (7600 + o) + "]")
                .collect(Collectors.joining(","));
        char letter = 'a';
        for (int offset : offsets) {
            String name = "node-" + letter++;
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("MVOTING_NODE_ID", "mvoting-" + name);
            env.put("MVOTING_CLUSTER_MEMBERS", members);
            env.put("MVOTING_BALANCER_ADDRESSES", BALANCER_SOURCE);
            nodes.add(new Node(name, offset, this.work.resolve(name), env));
        }
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    /** http://127.0.0.1:balancerPort */
    public String balancerUrl() {
        return "http://127.0.0.1:" + balancerPort;
    }

    /** Starts every node (one after the other: two cores), then the balancer. */
    public ClusterServer start() throws IOException, InterruptedException {
        requireBalancer();
        if (!Files.exists(home.resolve(ProvisionServer.MARKER + "-standalone-full-ha.xml"))) {
            throw new IllegalStateException(home + " has no configured standalone-full-ha.xml: build with -Pcluster");
        }
        for (Node node : nodes) {
            requireFree(node.httpPort(), node.name() + "'s HTTP port");
        }
        requireFree(balancerPort, "the balancer's port");
        for (Node node : nodes) {
            start(node);
        }
        startBalancer();
        return this;
    }

    /** (Re)starts one node from its base directory and waits until it serves mVoting. */
    public void start(Node node) throws IOException, InterruptedException {
        if (!Files.exists(node.base.resolve("configuration"))) {
            copyTree(home.resolve("standalone"), node.base);
        }
        Path deployments = node.base.resolve("deployments");
        try (Stream<Path> markers = Files.list(deployments)) {
            for (Path marker : markers.filter(p -> p.getFileName().toString().startsWith("mvoting.ear.")).toList()) {
                Files.delete(marker);
            }
        }
        Files.copy(ear, deployments.resolve("mvoting.ear"), StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder server = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full-ha.xml",
                "-Djboss.server.base.dir=" + node.base,
                "-Djboss.node.name=" + node.name,
                "-Djboss.socket.binding.port-offset=" + node.offset,
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.private=127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.base.resolve("console.log").toFile()));
        Map<String, String> env = server.environment();
        env.putAll(node.environment);
        env.put("JBOSS_HOME", home.toString());
        // Two nodes, the balancer, the database and the test on two cores and a shared machine: a modest heap.
        env.put("JAVA_OPTS", "-Xms256m -Xmx768m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m"
                + " -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true");
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        node.process = server.start();
        awaitDeployed(node);
    }

    private void awaitDeployed(Node node) throws InterruptedException {
        Path deployed = node.base.resolve("deployments/mvoting.ear.deployed");
        Path failed = node.base.resolve("deployments/mvoting.ear.failed");
        Instant deadline = Instant.now().plus(BOOT_PATIENCE);
        while (true) {
            if (Files.exists(failed)) {
                throw new IllegalStateException(node.name + " failed to deploy mVoting; see " + node.base.resolve("log/server.log"));
            }
            if (!node.process.isAlive()) {
                throw new IllegalStateException(node.name + " stopped while starting; see " + node.base.resolve("console.log"));
            }
            if (Files.exists(deployed) && status(node.url() + HEALTH_CHECK_PATH) == 200) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(node.name + " did not serve mVoting within " + BOOT_PATIENCE.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    /** The HAProxy configuration: round robin, health checks, the client's address in X-Forwarded-For. */
    String balancerConfiguration() {
        StringBuilder cfg = new StringBuilder();
        cfg.append("""
                # Generated by mVoting's ClusterServer. See docs/scale-out.md.
                global
                    maxconn 4000

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 120s
                    timeout server 120s
                    # A node busy with a burst of ballots answers its readiness check late, not never (the check waits
                    # for a pooled connection like any request): 1 s marked both nodes down under the throughput step's
                    # load. A dead node is still seen at once (connection refused).
                    timeout check 3s
                    # A connection a node refused is tried again, on another node. A GET whose node died under it
                    # (no answer on a kept-alive connection) is re-sent to another node too; any other request a node
                    # received is never re-sent by the balancer: a client's retry with its Idempotency-Key is safe, a
                    # blind replay of a POST is not the balancer's call. A GET answered 500 is re-sent as well: while the
                    # cluster's view changes after a node died, the survivor's Infinispan can fail to read a portal
                    # session once (ISPN000136, seen once in ten runs of the two-node test's (c)).
                    retries 2
                    option redispatch
                    retry-on conn-failure empty-response junk-response 500

                frontend mvoting
                    bind 127.0.0.1:%d
                    # Replace, never append: WildFly takes the first address of X-Forwarded-For, so a client's own
                    # header must not survive. The forwarded host and port are the balancer's business alone.
                    http-request set-header X-Forwarded-For %%[src]
                    http-request set-header X-Forwarded-Proto http
                    http-request del-header X-Forwarded-Host
                    http-request del-header X-Forwarded-Port
                    # No cleartext HTTP/2 upgrade: WildFly accepts "Upgrade: h2c", and the balancer would then tunnel
                    # the connection unread, so every later request on it would skip the rules above (a forged
                    # X-Forwarded-For arriving from the trusted balancer address) and the session stickiness.
                    http-request del-header Upgrade if { req.hdr(Upgrade) -m sub -i h2c }
                    http-request del-header HTTP2-Settings
                    http-request disable-l7-retry unless METH_GET || METH_HEAD
                    # No node ready (the database is down for all of them): the nodes that are alive still get the
                    # requests and answer them themselves, a 503 problem with Retry-After (or a page saying so), where
                    # the balancer would answer its own HTML 503 without Retry-After. A dead node gets nothing.
                    use_backend nodes-live if { nbsrv(nodes) eq 0 }
                    default_backend nodes

                backend nodes
                    balance roundrobin
                    option httpchk GET %s
                    http-check expect status 200
                    # A portal session stays on its node while the node lives (the balancer prefixes the session
                    # cookie with the node's name); the API keeps no session and is spread request by request.
                    cookie JSESSIONID prefix nocache
                    default-server inter 1s fastinter 500ms fall 2 rise 2 source %s
                """.formatted(balancerPort, HEALTH_CHECK_PATH, BALANCER_SOURCE));
        servers(cfg);
        cfg.append("""

                backend nodes-live
                    balance roundrobin
                    option httpchk GET %s
                    http-check expect status 200
                    cookie JSESSIONID prefix nocache
                    default-server inter 1s fastinter 500ms fall 2 rise 2 source %s
                """.formatted(LIVENESS_PATH, BALANCER_SOURCE));
        servers(cfg);
        return cfg.toString();
    }

    private void servers(StringBuilder cfg) {
        for (Node node : nodes) {
            cfg.append("    server ").append(node.name).append(" 127.0.0.1:").append(node.httpPort())
                    .append(" check cookie ").append(node.name).append('\n');
        }
    }

    private void startBalancer() throws IOException, InterruptedException {
        Path cfg = work.resolve("haproxy.cfg");
        Files.createDirectories(work);
        Files.writeString(cfg, balancerConfiguration(), StandardCharsets.UTF_8);
        haproxy = new ProcessBuilder(HAPROXY, "-db", "-f", cfg.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("haproxy.log").toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (status(balancerUrl() + HEALTH_CHECK_PATH) != 200) {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("HAProxy stopped; see " + work.resolve("haproxy.log"));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the balancer did not answer within 30 s");
            }
            Thread.sleep(200);
        }
        awaitBalancerSees(nodes.size());
    }

    /** Fails at once, naming the package, on a machine without Debian's HAProxy (before any node boots). */
    public static void requireBalancer() {
        if (!balancerInstalled()) {
            throw new IllegalStateException("the cluster test needs Debian's HAProxy at " + HAPROXY
                    + " (apt-get install haproxy; .ci/run installs it)");
        }
    }

    /** Whether Debian's HAProxy is here. */
    public static boolean balancerInstalled() {
        return Files.isExecutable(Path.of(HAPROXY));
    }

    /**
     * For the tests: without HAProxy they are skipped with the reason, as the browser tests are without Chromium,
     * unless MVOTING_CLUSTER_TESTS=required (set by .ci/run, which installs it), where a missing HAProxy fails them.
     */
    public static void requireBalancerForTests() {
        if (!balancerInstalled()) {
            if ("required".equals(System.getenv("MVOTING_CLUSTER_TESTS"))) {
                requireBalancer();
            }
            org.junit.jupiter.api.Assumptions.abort("no HAProxy at " + HAPROXY
                    + ": the two-node tests are skipped (apt-get install haproxy, or run .ci/run)");
        }
    }

    /** Waits until the balancer's health checks count this many nodes up (each answered the check). */
    public void awaitBalancerSees(int up) throws InterruptedException {
        // The balancer's own view is not exposed; two checks per node (rise 2, inter 1 s) take about 2 s.
        Thread.sleep(2_500L * Math.max(1, up));
    }

    /** kill -9 of the node's JVM: no shutdown hook, no graceful close of anything. */
    public void kill(Node node) throws InterruptedException {
        node.process.descendants().forEach(ProcessHandle::destroyForcibly);
        node.process.destroyForcibly();
        node.process.waitFor();
    }

    /** A graceful stop (TERM to the JVM, as an operator's systemctl stop). */
    public void stop(Node node) throws InterruptedException {
        if (node.process == null) {
            return;
        }
        node.process.descendants().forEach(ProcessHandle::destroy);
        node.process.destroy();
        if (!node.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill(node);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            haproxy.destroyForcibly();
        }
        for (Node node : nodes) {
            stop(node);
        }
    }

    static int status(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException(what + " " + port + " is in use (another server running? stop it first)", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The two-node command: two nodes (port offsets 100 and 200: :8180 and :8280) and the balancer on :8380 (or
     * MVOTING_BALANCER_PORT), on the PostgreSQL of MVOTING_DB_URL (required: a cluster shares one real database) with
     * the demo directory and demo data, until Ctrl-C.
     *
     * <p>Arguments: WildFly home, EAR file, work directory.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        String dbUrl = System.getenv("MVOTING_DB_URL");
        if (dbUrl == null || dbUrl.isBlank()) {
            throw new IllegalStateException("set MVOTING_DB_URL, MVOTING_DB_USER and MVOTING_DB_PASSWORD: both nodes need"
                    + " one PostgreSQL (README, Two nodes)");
        }
        boolean demoDirectory = System.getenv("MVOTING_LDAP_URL") == null || System.getenv("MVOTING_LDAP_URL").isBlank();
        if (demoDirectory) {
            int ldapPort = Integer.parseInt(System.getenv().getOrDefault("MVOTING_DEMO_LDAP_PORT", "10389"));
            DirectoryServer.start(ldapPort, null);
            env.put("MVOTING_LDAP_URL", "ldap://127.0.0.1:" + ldapPort);
            env.put("MVOTING_LDAP_BIND_DN", DirectoryServer.SERVICE_DN);
            env.put("MVOTING_LDAP_BIND_PASSWORD", "mvoting-sync");
        }
        env.put("MVOTING_DEMO", System.getenv().getOrDefault("MVOTING_DEMO", "true"));
        // The demo makes its own secret and signing key per node; a cluster needs ONE secret for both (README).
        env.put("MVOTING_SECRET", System.getenv().getOrDefault("MVOTING_SECRET", "two-node-demo-secret-0123456789abcdef"));
        env.putIfAbsent("MVOTING_PUSH_ADAPTER", "local");
        env.putIfAbsent("MVOTING_MIX_MIN_BATCH", "1");
        int port = Integer.parseInt(System.getenv().getOrDefault("MVOTING_BALANCER_PORT", "8380"));
        ClusterServer cluster = new ClusterServer(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), port, env, 100, 200);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cluster-stop"));
        cluster.start();
        System.out.println("mVoting on two nodes: " + cluster.nodes().stream().map(Node::url).collect(Collectors.joining(", "))
                + "; through the balancer: " + cluster.balancerUrl() + "/ (Ctrl-C stops all)");
        Thread.currentThread().join();
    }
}
