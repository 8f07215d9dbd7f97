package org.mvoting.domain.identity;

import java.util.regex.Pattern;
import org.mvoting.api.errors.InvalidDeviceIdException;

/**
 * A device's own identifier: the app's installation id or the mobile web's cookie value. Opaque to mVoting,
 * but long enough to be unguessable and plain enough to be safe in a header (16 to 128 URL-safe characters).
 */
public record DeviceId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{16,128}");

    public DeviceId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidDeviceIdException();
        }
    }

    /** The identifier if it is well formed; empty for null or anything else (where refusing would help nobody). */
    public static java.util.Optional<DeviceId> parse(String value) {
        return value != null && FORM.matcher(value).matches() ? java.util.Optional.of(new DeviceId(value))
                : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return "DeviceId[" + value.substring(0, 4) + "…]";
    }
}
