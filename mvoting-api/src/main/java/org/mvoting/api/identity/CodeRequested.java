package org.mvoting.api.identity;

/** A code is on its way: how long it stays valid and when another may be asked for. */
public record CodeRequested(String maskedPhone, long expiresInSeconds, long resendAfterSeconds) {
}
