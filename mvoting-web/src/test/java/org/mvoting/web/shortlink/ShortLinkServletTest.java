package org.mvoting.web.shortlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The link in a QR code is absolute, with the port only where it is not the scheme's default. */
class ShortLinkServletTest {

    private static HttpServletRequest request(String scheme, String host, int port) {
        Map<String, Object> answers = Map.of("getScheme", scheme, "getServerName", host, "getServerPort", port,
                "getContextPath", "");
        return (HttpServletRequest) Proxy.newProxyInstance(ShortLinkServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> answers.get(method.getName()));
    }

    @Test
    void defaultPortsAreLeftOut() {
        assertEquals("https://vote.hanbit.go.kr/p/abcd2345",
                ShortLinkServlet.absoluteLink(request("https", "vote.hanbit.go.kr", 443), "abcd2345"));
        assertEquals("http://localhost:8080/p/abcd2345",
                ShortLinkServlet.absoluteLink(request("http", "localhost", 8080), "abcd2345"));
    }
}
