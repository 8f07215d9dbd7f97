package org.mvoting.infrastructure.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvoting.infrastructure.persistence.ClusterLeases;

/** When a node asks the database for a job's lease, and what it makes of the answer (the SQL itself: BallotEngineIT). */
class ClusterJobsTest {

    /** The database's answers, in order, and the claims made. */
    private static final class Leases extends ClusterLeases {
        final List<String> claims = new ArrayList<>();
        final List<String> released = new ArrayList<>();
        final List<Object> answers = new ArrayList<>();

        @Override
        public boolean claim(String job, String holder, Duration ttl) {
            claims.add(job + " " + holder + " " + ttl);
            Object answer = answers.remove(0);
            if (answer instanceof RuntimeException e) {
                throw e;
            }
            return (Boolean) answer;
        }

        @Override
        public void release(String job, String holder) {
            released.add(job + " " + holder);
        }
    }

    private final Leases leases = new Leases();

    private ClusterJobs jobs() throws ReflectiveOperationException {
        ClusterJobs jobs = new ClusterJobs();
        Field field = ClusterJobs.class.getDeclaredField("leases");
        field.setAccessible(true);
        field.set(jobs, leases);
        return jobs;
    }

    @Test
    void aLeaseJustTakenIsTrustedWithoutAskingAgainButALeaseRefusedIsAskedForEveryTime() throws Exception {
        ClusterJobs jobs = jobs();
        leases.answers.addAll(List.of(true, false, false));
        assertTrue(jobs.runsHere(ClusterJob.OUTBOX_SWEEP));
        assertTrue(jobs.runsHere(ClusterJob.OUTBOX_SWEEP), "a 12-minute lease taken a moment ago");
        assertFalse(jobs.runsHere(ClusterJob.MIXING));
        assertFalse(jobs.runsHere(ClusterJob.MIXING));
        assertEquals(List.of("OUTBOX_SWEEP " + jobs.node() + " PT12M", "MIXING " + jobs.node() + " PT5S",
                "MIXING " + jobs.node() + " PT5S"), leases.claims);
    }

    @Test
    void aLeaseIsAskedForAgainOnceAThirdOfItHasPassedAndLostWhenTheDatabaseSaysSo() throws Exception {
        ClusterJobs jobs = jobs();
        leases.answers.addAll(List.of(true, false));
        assertTrue(jobs.runsHere(ClusterJob.MIXING));
        Thread.sleep(ClusterJob.MIXING.trustedFor().toMillis() + 50);
        assertFalse(jobs.runsHere(ClusterJob.MIXING), "another node took it meanwhile");
        assertEquals(2, leases.claims.size());
    }

    @Test
    void aDatabaseThatCannotBeReachedMeansNotHereAndTheNextRoundAsksAgain() throws Exception {
        ClusterJobs jobs = jobs();
        leases.answers.addAll(List.of(new IllegalStateException("connection refused"), true));
        assertFalse(jobs.runsHere(ClusterJob.POLL_CLOSING));
        assertTrue(jobs.runsHere(ClusterJob.POLL_CLOSING));
    }

    @Test
    void stoppingGivesUpTheLeasesHeldHereOnly() throws Exception {
        ClusterJobs jobs = jobs();
        leases.answers.addAll(List.of(true, false));
        jobs.runsHere(ClusterJob.MIXING);
        jobs.runsHere(ClusterJob.POLL_CLOSING);
        jobs.releaseAll();
        assertEquals(List.of("MIXING " + jobs.node()), leases.released);
    }

    @Test
    void everyLeaseOutlastsTheIntervalItsJobRunsAt() {
        // a lease shorter than its job's interval would move the job at every round (and the trust window with it)
        assertTrue(ClusterJob.MIXING.ttl().compareTo(Duration.ofSeconds(1)) > 0);
        assertTrue(ClusterJob.EVENT_CLOCK.ttl().compareTo(Duration.ofMillis(1_000)) > 0);
        assertTrue(ClusterJob.POLL_CLOSING.ttl().compareTo(Duration.ofSeconds(10)) > 0);
        assertTrue(ClusterJob.OUTBOX_SWEEP.ttl().compareTo(Duration.ofMinutes(5)) > 0);
        assertEquals(Duration.ofMinutes(91), ClusterJob.DIRECTORY_SYNC.ttl(), "60 minutes (the default) and a half");
    }
}
