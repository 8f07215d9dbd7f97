package org.mvoting.api.polls;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;

/**
 * The poll the city features at the fixed city-hall QR code. Only the mayor's office (directory role MAYOR_OFFICE)
 * or ADMIN chooses or clears it, for any department's open city-to-citizen poll; anyone may ask which it is.
 */
@Local
public interface FeaturedPolls {

    /** Features an open city-to-citizen poll at city hall (replacing the one featured before). */
    void feature(UUID pollId, Actor actor);

    /** City hall features nothing: the QR code opens the general sign-up. */
    void unfeature(Actor actor);

    /** The featured poll while it is open; empty otherwise. */
    Optional<UUID> featured();
}
