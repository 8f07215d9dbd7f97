package org.mvoting.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run command: starts the embedded PostgreSQL (unless MVOTING_DB_URL is set), then WildFly
 * (standalone-full) with the EAR in the deployment scanner's folder, in the foreground until Ctrl-C.
 * The server runs from its own base directory (target/run-base), so it never touches the one the
 * integration tests use.
 *
 * <p>Arguments: WildFly home, EAR file, run base directory, embedded port.
 */
public final class RunServer {

    private RunServer() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        Path ear = Path.of(args[1]).toAbsolutePath();
        Path base = Path.of(args[2]).toAbsolutePath();
        String port = args[3];

        String dbUrl = System.getenv("MVOTING_DB_URL");
        String dbUser = System.getenv().getOrDefault("MVOTING_DB_USER", "mvoting");
        String dbPassword = System.getenv().getOrDefault("MVOTING_DB_PASSWORD", "mvoting");
        String ownerUser = System.getenv("MVOTING_DB_OWNER_USER");
        String ownerPassword = System.getenv("MVOTING_DB_OWNER_PASSWORD");
        if (dbUrl == null || dbUrl.isBlank()) {
            EmbeddedDatabase.main(new String[] {port, "mvoting", "mvoting", "mvoting",
                    base.resolveSibling("embedded-pg-run").toString()});
            dbUrl = "jdbc:postgresql://127.0.0.1:" + port + "/mvoting";
            dbUser = EmbeddedDatabase.applicationRole("mvoting");
            dbPassword = "mvoting";
            // migrations run as the owner; the application as its own role, which cannot edit what is written once
            ownerUser = "mvoting";
            ownerPassword = "mvoting";
        }

        // The staff directory: the city's LDAP when MVOTING_LDAP_URL is given, else the demo city in memory.
        boolean demoDirectory = System.getenv("MVOTING_LDAP_URL") == null || System.getenv("MVOTING_LDAP_URL").isBlank();
        int ldapPort = Integer.parseInt(System.getenv().getOrDefault("MVOTING_DEMO_LDAP_PORT", "10389"));
        if (demoDirectory) {
            DirectoryServer.start(ldapPort, null);
            System.out.println("Staff directory: the demo city (in-memory LDAP) on ldap://127.0.0.1:" + ldapPort
                    + "; every demo login's password is mvoting-demo (README)");
        }

        if (!Files.exists(base.resolve("configuration"))) {
            copyTree(home.resolve("standalone"), base);
        }
        Files.copy(ear, base.resolve("deployments").resolve("mvoting.ear"), StandardCopyOption.REPLACE_EXISTING);

        ProcessBuilder server = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml",
                "-Djboss.server.base.dir=" + base,
                // MVOTING_PORT_OFFSET moves every port (8080 → 8080 + offset), e.g. beside a running test server.
                "-Djboss.socket.binding.port-offset=" + System.getenv().getOrDefault("MVOTING_PORT_OFFSET", "0"))
                .inheritIO();
        Map<String, String> env = server.environment();
        env.put("JBOSS_HOME", home.toString());
        env.put("MVOTING_DB_URL", dbUrl);
        env.put("MVOTING_DB_USER", dbUser);
        env.put("MVOTING_DB_PASSWORD", dbPassword);
        if (ownerUser != null && !ownerUser.isBlank()) {
            env.put("MVOTING_DB_OWNER_USER", ownerUser);
            env.put("MVOTING_DB_OWNER_PASSWORD", ownerPassword == null ? "" : ownerPassword);
        }
        env.putIfAbsent("MVOTING_DEMO", "true");
        // the demo's push notifications of new polls are kept in local_push_message (GET /api/v1/admin/local-push)
        env.putIfAbsent("MVOTING_PUSH_ADAPTER", "local");
        if (demoDirectory) {
            env.put("MVOTING_LDAP_URL", "ldap://127.0.0.1:" + ldapPort);
            env.put("MVOTING_LDAP_BIND_DN", DirectoryServer.SERVICE_DN);
            env.put("MVOTING_LDAP_BIND_PASSWORD", "mvoting-sync");
        }
        // the demo shows a single vote in the results; production keeps batches of at least 5 (README)
        env.putIfAbsent("MVOTING_MIX_MIN_BATCH", "1");
        // standalone.conf's default heap is 512 MiB; a 1000-voter burst wants more. (Setting JAVA_OPTS replaces
        // standalone.conf's defaults, so the ones it would set are repeated here.)
        env.putIfAbsent("JAVA_OPTS", "-Xms512m -Xmx1g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m"
                + " -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true");
        // standalone.sh then forwards TERM/INT to the server JVM instead of leaving it running.
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        Process process = server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wildfly-stop"));
        System.exit(process.waitFor());
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
        }
    }
}
