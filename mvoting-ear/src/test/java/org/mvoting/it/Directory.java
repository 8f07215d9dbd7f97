package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The staff directory the tests run against (a real LDAP server) and the org-chart sync over the API. */
final class Directory {

    static final String BASE_DN = "dc=city,dc=go,dc=kr";
    static final String PEOPLE = "ou=people," + BASE_DN;
    private static boolean synced;

    private Directory() {
    }

    /** A connection as the directory manager, to change the directory the way the city's HR system would. */
    static LDAPConnection manager() {
        URI url = URI.create(System.getProperty("mvoting.test.ldap.url"));
        try {
            return new LDAPConnection(url.getHost(), url.getPort(), "cn=Directory Manager", "directory-manager");
        } catch (LDAPException e) {
            throw new IllegalStateException("the test directory does not answer at " + url, e);
        }
    }

    /** The second test directory (issue 18 part 5): 다솔시, shaped as an OpenLDAP city directory often is. */
    static final String OPENLDAP_LDIF = "directory/openldap-city.ldif";
    /** The mapping that reads it, as server system properties (the MVOTING_LDAP_* settings in dotted lower case). */
    static final Map<String, String> OPENLDAP_MAPPING = Map.ofEntries(
            Map.entry("mvoting.ldap.base.dn", "dc=dasol,dc=go,dc=kr"),
            Map.entry("mvoting.ldap.bind.dn", "cn=mvoting-sync,ou=Services,dc=dasol,dc=go,dc=kr"),
            Map.entry("mvoting.ldap.bind.password", "mvoting-sync"),
            Map.entry("mvoting.ldap.org.branch", "ou=Units"),
            Map.entry("mvoting.ldap.people.branch", "ou=Users"),
            Map.entry("mvoting.ldap.groups.branch", "ou=Groups"),
            Map.entry("mvoting.ldap.unit.code", "businessCategory"),
            Map.entry("mvoting.ldap.unit.name", "ou"),
            Map.entry("mvoting.ldap.unit.type", "description"),
            Map.entry("mvoting.ldap.unit.types", "실=DIVISION,국=DIVISION,과=DEPARTMENT,담당관=DEPARTMENT,팀=TEAM"),
            Map.entry("mvoting.ldap.person.unit.by", "NAME"),
            Map.entry("mvoting.ldap.role.groups",
                    "OPERATOR=mvoting-operators,DEPT_HEAD=mvoting-heads,EXECUTIVE=mvoting-executives,ADMIN=mvoting-admins"));

    /**
     * Serves an LDIF from the test classpath in this JVM on a free local port (standard schema, anonymous reads
     * allowed), for a test that points the server at another directory for a while.
     */
    static InMemoryDirectoryServer serve(String baseDn, String ldifResource) {
        try (InputStream in = Directory.class.getClassLoader().getResourceAsStream(ldifResource)) {
            assertTrue(in != null, ldifResource);
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
            config.setSchema(Schema.getDefaultStandardSchema());
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                    InetAddress.getByName("127.0.0.1"), 0, null));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (LDIFReader reader = new LDIFReader(in)) {
                server.importFromLDIF(true, reader);
            }
            server.startListening();
            return server;
        } catch (IOException | LDAPException e) {
            throw new IllegalStateException("cannot serve " + ldifResource, e);
        }
    }

    /** Syncs once per test JVM (the departments and people the tests use come from the directory). */
    static synchronized void ensureSynced() {
        if (!synced) {
            sync();
            synced = true;
        }
    }

    /** Runs a sync to its end and returns the finished run; waits out a run already in progress. */
    static JsonObject sync() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Api.Reply started = Api.post("/admin/directory/syncs", null, "Authorization", Api.SYSADMIN);
            if (started.status() == 202) {
                return awaitFinished(started.json().getJsonNumber("id").longValue(), deadline);
            }
            assertEquals(409, started.status(), started.body()); // another run (the scheduled one) is going
            assertTrue(Instant.now().isBefore(deadline), "a directory sync never finished");
            pause();
        }
    }

    static JsonObject awaitFinished(long runId, Instant deadline) {
        while (true) {
            Api.Reply run = Api.get("/admin/directory/syncs/" + runId, "Authorization", Api.SYSADMIN);
            assertEquals(200, run.status(), run.body());
            if (!"RUNNING".equals(run.json().getString("status"))) {
                assertEquals("SUCCEEDED", run.json().getString("status"), run.body());
                return run.json();
            }
            assertTrue(Instant.now().isBefore(deadline), "directory sync " + runId + " still running");
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
