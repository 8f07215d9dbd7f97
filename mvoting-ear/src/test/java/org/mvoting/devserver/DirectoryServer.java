package org.mvoting.devserver;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The staff directory for development and tests: an in-memory LDAP server (UnboundID LDAP SDK) holding the
 * demo organisation of 한빛시 (directory/demo-organisation.ldif: org chart, about 60 staff, role groups and the
 * application's service account). Base DN {@value #BASE_DN}, standard schema with schema checking, listening
 * on 127.0.0.1 only; {@value #MANAGER_DN} / {@value #MANAGER_PASSWORD} may change anything. Every person's
 * password is {@code mvoting-demo}; the service account {@value #SERVICE_DN} binds with {@code mvoting-sync}.
 *
 * <p>It runs inside the Maven process (exec:java) and stops when Maven exits, like {@link EmbeddedDatabase}.
 * exec:java closes the class loader of the main class once {@code main()} returns, after which the server could
 * not load the classes of requests it had not served yet; {@code main()} therefore loads the server through
 * a class loader of its own that stays open. The server's threads are daemon threads outside exec:java's thread
 * group, so exec:java neither waits for them nor interrupts them, and they never keep the JVM alive.
 *
 * <p>Arguments: port, and optionally the LDIF file to load (default: the demo organisation on the classpath).
 * A staff directory still answering on the port (left by an earlier run in this JVM, e.g. under the Maven
 * daemon, or by another Maven) is reloaded from the LDIF instead of started again.
 */
public final class DirectoryServer {

    public static final String BASE_DN = "dc=city,dc=go,dc=kr";
    public static final String MANAGER_DN = "cn=Directory Manager";
    public static final String MANAGER_PASSWORD = "directory-manager";
    public static final String SERVICE_DN = "cn=mvoting-sync,ou=services," + BASE_DN;
    /** The demo organisation, as a classpath resource. */
    public static final String DEMO_LDIF = "directory/demo-organisation.ldif";
    /** The root DSE's attribute with the simple binds per DN so far (see {@link BindCounter}). */
    public static final String BIND_COUNTS = "x-mvoting-bind-counts";

    private static final String HOST = "127.0.0.1";
    private static final Map<Integer, InMemoryDirectoryServer> RUNNING = new HashMap<>();
    private static boolean shutdownHookAdded;

    private DirectoryServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: DirectoryServer <port> [<ldif file>]");
        }
        int port = Integer.parseInt(args[0]);
        Path ldif = args.length == 2 ? Path.of(args[1]) : null;
        if (answersAsStaffDirectory(port)) {
            int entries = reload(port, ldif);
            System.out.printf("Staff directory (in-memory LDAP) on ldap://%s:%d, %d entries (reloaded: an earlier run"
                    + " left it running, and it stops with that run).%n", HOST, port, entries);
            return;
        }
        int entries = startDetached(port, ldif);
        System.out.printf("Staff directory (in-memory LDAP) on ldap://%s:%d, %d entries; it stops with Maven.%n",
                HOST, port, entries);
    }

    /**
     * Starts the directory in this JVM with the entries of {@code ldif} ({@code null}: the demo organisation on
     * the classpath). A server this class started on the same port before is stopped first. It serves until
     * {@link #stop()} or until the JVM exits.
     */
    public static InMemoryDirectoryServer start(int port, Path ldif) throws IOException, LDAPException {
        synchronized (RUNNING) {
            InMemoryDirectoryServer previous = RUNNING.remove(port);
            if (previous != null) {
                previous.shutDown(true);
            }
            requireFree(port);
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.setSchema(Schema.getDefaultStandardSchema()); // entries and changes are checked against it
            config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName(HOST), port, null));
            config.addInMemoryOperationInterceptor(new BindCounter());
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (LDIFReader reader = open(ldif)) {
                server.importFromLDIF(true, reader);
            }
            listenInBackground(server);
            RUNNING.put(port, server);
            if (!shutdownHookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(DirectoryServer::stop, "staff-directory-stop"));
                shutdownHookAdded = true;
            }
            return server;
        }
    }

    /** Stops the servers {@link #start(int, Path)} started. */
    public static void stop() {
        synchronized (RUNNING) {
            RUNNING.values().forEach(server -> server.shutDown(true));
            RUNNING.clear();
        }
    }

    /**
     * Starts the server through a class loader that nobody closes (exec:java closes the one it ran main() with)
     * and returns the number of entries loaded.
     */
    private static int startDetached(int port, Path ldif) throws Exception {
        // never closed: the server needs it for as long as it runs, that is until the JVM exits
        URLClassLoader detached = new URLClassLoader("staff-directory",
                new URL[] {codeSource(DirectoryServer.class), codeSource(InMemoryDirectoryServer.class)},
                ClassLoader.getPlatformClassLoader());
        try {
            Class<?> launcher = Class.forName(DirectoryServer.class.getName(), true, detached);
            Object server = launcher.getMethod("start", int.class, Path.class).invoke(null, port, ldif);
            return (Integer) server.getClass().getMethod("countEntries").invoke(server);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /**
     * The server's listener and connection threads inherit the thread group, daemon flag and context class loader
     * of the thread that starts them: a daemon thread in the JVM's top thread group keeps them out of exec:java's
     * group (which it joins, and interrupts, once main() returns) and never keeps the JVM alive.
     */
    private static void listenInBackground(InMemoryDirectoryServer server) throws IOException, LDAPException {
        ThreadGroup top = Thread.currentThread().getThreadGroup();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread starter = new Thread(top, () -> {
            try {
                server.startListening();
            } catch (LDAPException | RuntimeException e) {
                failure.set(e);
            }
        }, "staff-directory-start");
        starter.setDaemon(true);
        starter.setContextClassLoader(DirectoryServer.class.getClassLoader());
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutDown(true);
            throw new IOException("interrupted while starting the staff directory", e);
        }
        if (failure.get() instanceof LDAPException e) {
            throw e;
        } else if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
    }

    /**
     * Counts simple binds per DN and shows the counts on the root DSE as values of {@value #BIND_COUNTS}
     * ("normalized DN=count"), so a test in another JVM can see how often the application bound as a person.
     */
    static final class BindCounter extends InMemoryOperationInterceptor {
        private final Map<String, AtomicLong> binds = new ConcurrentHashMap<>();

        @Override
        public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult result) {
            String dn = result.getRequest().getBindDN();
            if (dn != null && !dn.isEmpty()) {
                binds.computeIfAbsent(normalized(dn), k -> new AtomicLong()).incrementAndGet();
            }
        }

        @Override
        public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
            if (entry.getSearchEntry().getDN().isEmpty()) {
                Entry root = entry.getSearchEntry().duplicate();
                root.setAttribute(BIND_COUNTS, binds.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().get()).toArray(String[]::new));
                entry.setSearchEntry(root);
            }
        }

        private static String normalized(String dn) {
            try {
                return new DN(dn).toNormalizedString();
            } catch (LDAPException e) {
                return dn;
            }
        }
    }

    private static LDIFReader open(Path ldif) throws IOException {
        if (ldif != null) {
            return new LDIFReader(ldif.toFile());
        }
        InputStream demo = DirectoryServer.class.getClassLoader().getResourceAsStream(DEMO_LDIF);
        if (demo == null) {
            throw new FileNotFoundException("classpath resource " + DEMO_LDIF);
        }
        return new LDIFReader(demo);
    }

    private static void requireFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            String hint = answersAsStaffDirectory(port)
                    ? "an earlier staff directory is still running on it (another Maven, or loaded by another class"
                            + " loader); stop it, or choose another port (DirectoryServer.main reloads such a directory)"
                    : "is another server running on it? Stop it, or choose another port";
            throw new IOException("Port " + port + " is taken: " + hint + ".", taken);
        }
    }

    /** Whether an LDAP server on the port serves our base DN: a staff directory an earlier run left running. */
    private static boolean answersAsStaffDirectory(int port) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(2_000);
        options.setResponseTimeoutMillis(2_000);
        try (LDAPConnection connection = new LDAPConnection(options, HOST, port)) {
            RootDSE root = connection.getRootDSE();
            if (root == null || root.getNamingContextDNs() == null) {
                return false;
            }
            DN base = new DN(BASE_DN);
            for (String context : root.getNamingContextDNs()) {
                if (base.equals(new DN(context))) {
                    return true;
                }
            }
            return false;
        } catch (LDAPException notOurs) {
            return false;
        }
    }

    /** Replaces everything in a running staff directory by the LDIF's entries; returns their number. */
    private static int reload(int port, Path ldif) throws IOException, LDAPException, LDIFException {
        try (LDAPConnection connection = new LDAPConnection(HOST, port, MANAGER_DN, MANAGER_PASSWORD);
                LDIFReader reader = open(ldif)) {
            DeleteRequest wipe = new DeleteRequest(BASE_DN);
            wipe.addControl(new SubtreeDeleteRequestControl());
            try {
                connection.delete(wipe);
            } catch (LDAPException e) {
                if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                    throw e;
                }
            }
            int entries = 0;
            for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                connection.add(entry);
                entries++;
            }
            return entries;
        }
    }
}
