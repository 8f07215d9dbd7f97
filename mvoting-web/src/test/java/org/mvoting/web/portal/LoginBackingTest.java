package org.mvoting.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** After login only a path inside the portal is followed; anything else lands on the dashboard. */
class LoginBackingTest {

    @Test
    void portalPathsAreKeptWithTheirQuery() {
        assertEquals("/admin/polls/view.xhtml?id=5f0e", LoginBacking.safeNext("/admin/polls/view.xhtml?id=5f0e"));
        assertEquals("/admin/", LoginBacking.safeNext("/admin/"));
    }

    @Test
    void everythingElseGoesToTheDashboard() {
        for (String next : new String[] {null, "", "/", "/api/v1/polls", "https://evil.example/admin/",
                "//evil.example/admin/", "/admin//evil.example", "/admin/\\evil", "/admin/../api/v1/admin/audit",
                "/admin/x\r\nSet-Cookie: a=b", "/admin/ x", "admin/index.xhtml", "/administrator"}) {
            assertEquals(LoginBacking.HOME, LoginBacking.safeNext(next), String.valueOf(next));
        }
        assertEquals(LoginBacking.HOME, LoginBacking.safeNext("/admin/" + "a".repeat(3000)));
    }
}
