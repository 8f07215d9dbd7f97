package org.mvoting.web.rest.security;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/** Where a request names its device: the app's X-Device-Id header, else the mobile web's cookie. */
public final class DeviceIdentifiers {

    public static final String HEADER = "X-Device-Id";
    public static final String COOKIE = "mvoting_device";

    private DeviceIdentifiers() {
    }

    /** The device identifier sent, unchecked (the services refuse a malformed one with a problem). */
    public static Optional<String> of(HttpHeaders headers) {
        String header = headers.getHeaderString(HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        Cookie cookie = headers.getCookies().get(COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
    }
}
