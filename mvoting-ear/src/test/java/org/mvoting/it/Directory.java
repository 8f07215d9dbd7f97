package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

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
