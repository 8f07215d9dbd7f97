package org.mvoting.web.rest.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

/** A NUL or another control character in a path or query is refused; Korean, spaces and symbols pass. */
class ControlCharacterGuardTest {

    @Test
    void aNulATabOrADeleteIsAControlCharacter() {
        assertTrue(ControlCharacterGuard.hasControlCharacter("/events/\u0000/state"));
        assertTrue(ControlCharacterGuard.hasControlCharacter("abc\tdef"));
        assertTrue(ControlCharacterGuard.hasControlCharacter("line\nbreak"));
        assertTrue(ControlCharacterGuard.hasControlCharacter("\u007f"));
    }

    @Test
    void ordinaryTextInAnyScriptPasses() {
        assertFalse(ControlCharacterGuard.hasControlCharacter("/events/482913/state"));
        assertFalse(ControlCharacterGuard.hasControlCharacter("구내식당 만족도 — 100% ok?"));
        assertFalse(ControlCharacterGuard.hasControlCharacter((String) null));
    }

    @Test
    void aQueryIsCheckedInItsNamesAndItsValues() {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        query.add("q", "정보통신과");
        assertFalse(ControlCharacterGuard.hasControlCharacter(query));
        query.add("q", "x\u0000");
        assertTrue(ControlCharacterGuard.hasControlCharacter(query));
        MultivaluedMap<String, String> badName = new MultivaluedHashMap<>();
        badName.add("p\u0001", "1");
        assertTrue(ControlCharacterGuard.hasControlCharacter(badName));
    }
}
