package org.mvoting.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Applies wildfly-config/*.cli (in name order) to the unpacked WildFly, offline, exactly once: the same
 * scripts an operator runs against their own server. Only {@code @postgresql.jar@} is filled in.
 *
 * <p>Arguments: WildFly home, wildfly-config directory, PostgreSQL driver jar.
 */
public final class ProvisionServer {

    static final String MARKER = ".mvoting-configured";

    private ProvisionServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path home = Path.of(args[0]).toAbsolutePath();
        Path configDir = Path.of(args[1]).toAbsolutePath();
        Path driver = Path.of(args[2]).toAbsolutePath();
        Path marker = home.resolve(MARKER);
        List<String> script = new ArrayList<>();
        script.add("embed-server --server-config=standalone-full.xml --std-out=discard");
        try (Stream<Path> files = Files.list(configDir)) {
            for (Path cli : files.filter(p -> p.toString().endsWith(".cli")).sorted().toList()) {
                script.add("# ---- " + cli.getFileName());
                script.add(Files.readString(cli, StandardCharsets.UTF_8).replace("@postgresql.jar@", driver.toString()));
            }
        }
        script.add("stop-embedded-server");
        String fingerprint = Integer.toHexString(script.hashCode());
        if (Files.exists(marker)) {
            if (Files.readString(marker).strip().equals(fingerprint)) {
                System.out.println("WildFly at " + home + " is configured from the current wildfly-config scripts");
                return;
            }
            throw new IllegalStateException("wildfly-config/*.cli changed since " + home + " was configured: run mvn clean"
                    + " (the scripts apply to a fresh server, as on a real one)");
        }
        Path combined = home.resolve("mvoting-provision.cli");
        Files.write(combined, script, StandardCharsets.UTF_8);

        ProcessBuilder cli = new ProcessBuilder(javaExecutable(),
                "-Djboss.home.dir=" + home,
                "-Djboss.cli.config=" + home.resolve("bin/jboss-cli.xml"),
                "-jar", home.resolve("jboss-modules.jar").toString(),
                "-mp", home.resolve("modules").toString(),
                "org.jboss.as.cli", "--file=" + combined)
                .inheritIO();
        cli.environment().put("JBOSS_HOME", home.toString());
        int exit = cli.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("jboss-cli failed (exit " + exit + ") applying " + combined);
        }
        Files.writeString(marker, fingerprint + System.lineSeparator());
        System.out.println("WildFly at " + home + " configured from " + configDir);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
