package org.mvoting.api.polls;

/** Who performs an administrative action and from where, for the audit trail. */
public record Actor(String name, String source) {
}
