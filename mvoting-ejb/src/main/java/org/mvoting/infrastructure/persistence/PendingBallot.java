package org.mvoting.infrastructure.persistence;

import java.util.UUID;

/** A ballot taken from the inbox for mixing: its inbox id, receipt key and sealed form. */
public record PendingBallot(UUID id, byte[] receiptKey, byte[] sealed) {
}
