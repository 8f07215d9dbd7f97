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
 * <p>Arguments: WildFly home, wildfly-config directory, PostgreSQL driver jar; optionally a server configuration
 * (default standalone-full.xml) and a folder of scripts applied after the others (the cluster's
 * standalone-full-ha.xml: wildfly-config plus wildfly-config/ha). Each configuration has its own marker, so the
 * single-node one is configured exactly as before whether or not the cluster's is.
 */
public final class ProvisionServer {

    static final String MARKER = ".mvoting-configured";

    private ProvisionServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path home = Path.of(args[0]).toAbsolutePath();
        Path configDir = Path.of(args[1]).toAbsolutePath();
        Path driver = Path.of(args[2]).toAbsolutePath();
        String serverConfig = args.length > 3 ? args[3] : "standalone-full.xml";
        Path marker = home.resolve(serverConfig.equals("standalone-full.xml") ? MARKER : MARKER + "-" + serverConfig);
        List<String> script = new ArrayList<>();
        script.add("embed-server --server-config=" + serverConfig + " --std-out=discard");
        addScripts(script, configDir, driver);
        if (args.length > 4) {
            addScripts(script, Path.of(args[4]).toAbsolutePath(), driver);
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
        Path combined = home.resolve("mvoting-provision-" + serverConfig.replace(".xml", "") + ".cli");
        Files.write(combined, withoutInstalledModules(script, home), StandardCharsets.UTF_8);

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

    private static void addScripts(List<String> script, Path dir, Path driver) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path cli : files.filter(p -> p.toString().endsWith(".cli")).sorted().toList()) {
                script.add("# ---- " + cli.getFileName());
                script.add(Files.readString(cli, StandardCharsets.UTF_8).replace("@postgresql.jar@", driver.toString()));
            }
        }
    }

    /**
     * Modules belong to the WildFly home, not to one configuration: when the second configuration of a home is
     * configured, the driver module the first one added is there already, and {@code module add} would refuse.
     */
    static List<String> withoutInstalledModules(List<String> script, Path home) {
        List<String> lines = new ArrayList<>();
        for (String part : script) {
            for (String line : part.split("\\R", -1)) {
                java.util.regex.Matcher module = java.util.regex.Pattern.compile("^module add --name=([\\w.]+)").matcher(line);
                if (module.find() && Files.isDirectory(home.resolve("modules").resolve(module.group(1).replace('.', '/')))) {
                    lines.add("# (module " + module.group(1) + " is installed already) " + line);
                } else {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
