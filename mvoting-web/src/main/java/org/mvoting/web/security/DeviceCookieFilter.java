package org.mvoting.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.mvoting.web.rest.security.DeviceIdentifiers;

/**
 * Gives every mobile-web browser a device identifier in a long-lived cookie the first time it loads the pages
 * (apps send their own in X-Device-Id). Not HttpOnly on purpose: the pages call the API with credentials
 * omitted (so a staff member's cached Basic login never rides along) and send the cookie's value in
 * X-Device-Id themselves. It identifies a device for device-level polls only, never a person.
 */
@WebFilter(filterName = "device-cookie", urlPatterns = "/m/*")
public class DeviceCookieFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final int MAX_AGE_SECONDS = (int) Duration.ofDays(400).toSeconds(); // browsers cap at 400 days
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!hasDeviceCookie(request)) {
            byte[] id = new byte[32];
            RANDOM.nextBytes(id);
            Cookie cookie = new Cookie(DeviceIdentifiers.COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(id));
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setMaxAge(MAX_AGE_SECONDS);
            cookie.setHttpOnly(false);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            // a shared cache must never hand this response, and so this device id, to anyone else
            response.setHeader("Cache-Control", "private, no-store");
        }
        chain.doFilter(request, response);
    }

    private static boolean hasDeviceCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> DeviceIdentifiers.COOKIE.equals(c.getName()));
    }
}
