package org.mvoting.domain.identity;

import java.util.regex.Pattern;
import org.mvoting.api.errors.InvalidPhoneNumberException;

/**
 * A mobile number in E.164. Korean numbers may be written the domestic way (010-1234-5678,
 * 01012345678) or internationally (+82 10 1234 5678); Korean numbers must be mobile (010, 011, 016-019)
 * because codes go out by SMS. Other countries are accepted in E.164 form.
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern KOREAN_MOBILE = Pattern.compile("\\+8210[0-9]{8}|\\+821[16-9][0-9]{7,8}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()
                || (e164.startsWith("+82") && !KOREAN_MOBILE.matcher(e164).matches())) {
            throw new InvalidPhoneNumberException();
        }
    }

    /** Normalises what a person typed; refuses anything that is not a reachable mobile number. */
    public static PhoneNumber parse(String typed) {
        if (typed == null || typed.length() > 32) {
            throw new InvalidPhoneNumberException();
        }
        String compact = typed.strip().replaceAll("[\\s().-]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (compact.matches("0[0-9]{9,10}")) {
            compact = "+82" + compact.substring(1);
        } else if (compact.matches("82[0-9]{9,11}")) {
            compact = "+" + compact;
        }
        if (compact.startsWith("+820")) {
            compact = "+82" + compact.substring(4);
        }
        return new PhoneNumber(compact);
    }

    /** The number with its middle hidden, for screens and logs: +82 10-****-5678. */
    public String masked() {
        String tail = e164.substring(e164.length() - 4);
        if (e164.startsWith("+82")) {
            return "0" + e164.substring(3, 5) + "-****-" + tail;
        }
        return e164.substring(0, Math.min(4, e164.length() - 4)) + "****" + tail;
    }

    /**
     * The number as refusal records keep it: the country and range, and the last four digits of a Korean number
     * (+82 10-****-5678), the last two of another (+4477******23), nothing in between.
     */
    public String maskedInternational() {
        if (e164.startsWith("+82")) {
            return "+82 " + e164.substring(3, 5) + "-****-" + e164.substring(e164.length() - 4);
        }
        int shown = Math.min(5, e164.length() - 2);
        return e164.substring(0, shown) + "*".repeat(e164.length() - shown - 2) + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return masked();
    }
}
