package org.mvoting.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-12-04T09:30:00.123456789Z");

    private static AuditChain.Event event(long seq, String detail) {
        return new AuditChain.Event(seq, AT, "kim", "poll.close", "p-1", detail, "10.0.0.1");
    }

    @Test
    void theHashIsSha256OverThePreviousHashAndTheCanonicalContentKeptToTheMicrosecond() {
        AuditChain.Event e = event(1, "ballots=3");
        assertEquals("mvoting-audit-v1|1:1|27:2026-12-04T09:30:00.123456Z|3:kim|10:poll.close|3:p-1|9:ballots=3"
                + "|8:10.0.0.1", AuditChain.canonical(e));
        assertEquals(AuditChain.sha256(AuditChain.GENESIS + "\n" + AuditChain.canonical(e)),
                AuditChain.hash(AuditChain.GENESIS, e));
        assertEquals(64, AuditChain.hash(AuditChain.GENESIS, e).length());
    }

    @Test
    void anyChangeOfContentPlaceOrPredecessorChangesTheHash() {
        String h = AuditChain.hash(AuditChain.GENESIS, event(1, "x"));
        assertNotEquals(h, AuditChain.hash(AuditChain.GENESIS, event(1, "y")));
        assertNotEquals(h, AuditChain.hash(AuditChain.GENESIS, event(2, "x")));
        assertNotEquals(h, AuditChain.hash(h, event(1, "x")));
        assertNotEquals(h, AuditChain.hash(AuditChain.GENESIS,
                new AuditChain.Event(1, AT.plusNanos(1000), "kim", "poll.close", "p-1", "x", "10.0.0.1")));
    }

    @Test
    void fieldBoundariesCannotBeImitatedAndNullDiffersFromText() {
        AuditChain.Event a = new AuditChain.Event(1, AT, "kim", "a", "b|c", null, null);
        AuditChain.Event b = new AuditChain.Event(1, AT, "kim", "a", "b", "c", null);
        AuditChain.Event c = new AuditChain.Event(1, AT, "kim", "a", "b", "-", null);
        AuditChain.Event d = new AuditChain.Event(1, AT, "kim", "a", "b", null, null);
        assertNotEquals(AuditChain.canonical(a), AuditChain.canonical(b));
        assertNotEquals(AuditChain.canonical(c), AuditChain.canonical(d));
    }

    @Test
    void theTallyHashDependsOnTheCountsNotOnTheOrderTheyWereRead() {
        Map<Long, long[]> one = new LinkedHashMap<>();
        one.put(12L, new long[] {5, 0});
        one.put(0L, new long[] {7, 0});
        Map<Long, long[]> two = new LinkedHashMap<>();
        two.put(0L, new long[] {7, 0});
        two.put(12L, new long[] {5, 0});
        assertEquals("mvoting-tally-v1\n0=7,0\n12=5,0\n", AuditChain.canonicalTally(one));
        assertEquals(AuditChain.tallyHash(one), AuditChain.tallyHash(two));
        two.put(12L, new long[] {6, 0});
        assertNotEquals(AuditChain.tallyHash(one), AuditChain.tallyHash(two));
    }

    @Test
    void theShortFormIsTheFirstSixteenHexDigitsInGroupsOfFour() {
        assertEquals("0123 4567 89ab cdef", AuditChain.shortForm("0123456789abcdef" + "0".repeat(48)));
    }
}
