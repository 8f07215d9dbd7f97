package org.mvoting.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Names go into GRANT and REVOKE as quoted identifiers, whatever they hold (the grants themselves: BallotEngineIT). */
class SchemaGrantsTest {

    @Test
    void aNameIsQuotedWithItsQuotesDoubled() {
        assertEquals("\"mvoting_app\"", SchemaGrants.quoted("mvoting_app"));
        assertEquals("\"Mixed Case\"", SchemaGrants.quoted("Mixed Case"));
        assertEquals("\"x\"\"; DROP TABLE ballot; --\"", SchemaGrants.quoted("x\"; DROP TABLE ballot; --"));
    }
}
