package org.mvoting.domain.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Where a request came from, as the server sees it (behind a trusted proxy, from X-Forwarded-For), reduced to what
 * a limit needs and what a record may keep. An IPv6 client holds a whole /64 as easily as one address, so limits
 * count IPv6 per /64; records keep only 203.0.113.x or the /48, never the address.
 *
 * @param limitSubject what per-address limits count: the IPv4 address, the IPv6 /64, or {@code unknown}
 * @param masked       what may be stored and shown: 203.0.113.x, 2001:db8:1::/48, or {@code unknown}
 */
public record ClientAddress(String limitSubject, String masked) {

    public static final ClientAddress UNKNOWN = new ClientAddress("unknown", "unknown");

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]{2,45}(%[0-9A-Za-z_.-]{1,32})?]?");

    /** Reads an address literal; anything else (a host name, garbage, null) is {@link #UNKNOWN}, never looked up. */
    public static ClientAddress of(String address) {
        if (address == null) {
            return UNKNOWN;
        }
        String text = address.strip();
        if (IPV4.matcher(text).matches()) {
            return new ClientAddress(text, text.substring(0, text.lastIndexOf('.')) + ".x");
        }
        if (!text.contains(":") || !IPV6.matcher(text).matches()) {
            return UNKNOWN;
        }
        String literal = text.replace("[", "").replace("]", "");
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(literal).getAddress(); // a literal with ':' is parsed, never resolved
        } catch (UnknownHostException | SecurityException e) {
            return UNKNOWN;
        }
        if (bytes.length == 4) { // ::ffff:203.0.113.7
            String v4 = (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
            return of(v4);
        }
        return new ClientAddress(prefix(bytes, 4) + "::/64", prefix(bytes, 3) + "::/48");
    }

    private static String prefix(byte[] bytes, int groups) {
        StringBuilder text = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                text.append(':');
            }
            text.append(Integer.toHexString(((bytes[2 * g] & 0xff) << 8) | (bytes[2 * g + 1] & 0xff)));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return masked;
    }
}
