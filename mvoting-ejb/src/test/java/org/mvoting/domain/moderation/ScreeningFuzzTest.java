package org.mvoting.domain.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The screening engine (what PollScreening runs over a citizen's poll) answers any text, however hostile, with a list
 * of hits inside that text and never throws or takes long: its phone, e-mail and word patterns are the ReDoS risks
 * spotbugs-exclude.xml accepts on the strength of this test. Corpus: {@code ScreeningFuzzTestInputs/anyText}.
 */
class ScreeningFuzzTest {

    private static final Screening SCREENING = new Screening(WordLists.defaults());
    private static final long QUICK_NANOS = 10_000_000_000L; // catastrophic backtracking or a loop, not a slow build machine

    @FuzzTest(maxDuration = "2m")
    void anyText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        List<ScreeningHit> hits = SCREENING.screen("title", text);
        for (ScreeningHit hit : hits) {
            assertEquals("title", hit.field());
        }
        assertTrue(System.nanoTime() - started < QUICK_NANOS, "screening one text took more than ten seconds");
    }
}
