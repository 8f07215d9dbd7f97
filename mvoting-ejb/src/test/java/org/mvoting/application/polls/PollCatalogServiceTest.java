package org.mvoting.application.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A short link's code is checked before any query: whatever is typed after /p/ reaches the service. */
class PollCatalogServiceTest {

    @Test
    void malformedCodesAreUnknownWithoutAQuery() {
        PollCatalogService catalog = new PollCatalogService(); // no repository: a query would fail the test
        for (String code : new String[] {null, "", "abc", "ABCD2345", "abcd-2345", "abcd2345abcd23456", "ab cd",
                "abcd%27", "é1234"}) {
            assertEquals(Optional.empty(), catalog.pollIdForShortCode(code), String.valueOf(code));
        }
    }
}
