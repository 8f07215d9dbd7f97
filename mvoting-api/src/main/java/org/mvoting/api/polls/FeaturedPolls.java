package org.mvoting.api.polls;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;

/**
 * The poll the city features at the fixed city-hall QR code. Staff choose it (the mayor's office, or whoever
 * manages the poll's department); anyone may ask which it is.
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
