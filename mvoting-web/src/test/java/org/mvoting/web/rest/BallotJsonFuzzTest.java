package org.mvoting.web.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import org.mvoting.api.ballots.BallotPaper;
import org.mvoting.api.errors.JsonTypeException;

/**
 * A ballot body, as {@link StrictJsonTypes} reads it before the binding: any bytes are either not JSON (null, left
 * to the binding's malformed-json), nested too deeply (ProcessingException, malformed-json too), JSON whose types fit
 * a {@link BallotPaper}, or a {@link JsonTypeException} naming a field; never another exception, never slow. Its
 * {@code deep} inputs found Parsson's bare RuntimeException for nesting beyond 1000, once a 500. Corpus: {@code BallotJsonFuzzTestInputs/ballotBody}; JAZZER_FUZZ=1 fuzzes.
 */
class BallotJsonFuzzTest {

    private static final long QUICK_NANOS = 10_000_000_000L; // catastrophic backtracking or a loop, not a slow build machine

    @FuzzTest(maxDuration = "2m")
    void ballotBody(byte[] body) {
        long started = System.nanoTime();
        JsonValue tree;
        try {
            tree = StrictJsonTypes.read(body); // null: not JSON, left to the binding's malformed-json
        } catch (ProcessingException tooDeep) {
            tree = null; // MalformedRequestMapper answers 400 malformed-json
        }
        if (tree != null) {
            try {
                StrictJsonTypes.check(tree, BallotPaper.class, "");
            } catch (JsonTypeException refused) {
                assertFalse(refused.field().isBlank(), "a refusal names the field");
            }
        }
        assertTrue(System.nanoTime() - started < QUICK_NANOS, "one body took more than ten seconds");
    }
}
