package org.mvoting.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.mvoting.api.errors.InvalidPhoneNumberException;

/**
 * Whatever a citizen types as a phone number is either a valid E.164 mobile number or an
 * {@link InvalidPhoneNumberException}: never another exception, never slow. Replays the corpus in
 * {@code PhoneNumberFuzzTestInputs/typedNumbers} in every build; fuzzes with JAZZER_FUZZ=1.
 */
class PhoneNumberFuzzTest {

    private static final long QUICK_NANOS = 10_000_000_000L; // catastrophic backtracking or a loop, not a slow build machine

    @FuzzTest(maxDuration = "2m")
    void typedNumbers(byte[] input) {
        String typed = new String(input, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        try {
            PhoneNumber number = PhoneNumber.parse(typed);
            assertTrue(number.e164().matches("\\+[1-9][0-9]{7,14}"), number.e164());
            assertEquals(number, PhoneNumber.parse(number.e164()), "a parsed number parses to itself");
            assertTrue(number.masked().contains("****"));
            assertTrue(number.maskedInternational().contains("*"));
        } catch (InvalidPhoneNumberException refused) {
            // the one expected refusal
        }
        assertTrue(System.nanoTime() - started < QUICK_NANOS, "one input took more than ten seconds");
    }
}
