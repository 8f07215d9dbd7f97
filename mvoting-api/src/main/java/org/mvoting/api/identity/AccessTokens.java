package org.mvoting.api.identity;

import jakarta.ejb.Local;
import org.mvoting.api.ballots.Channel;

/** Checks bearer tokens presented on the REST API. */
@Local
public interface AccessTokens {

    /** The voter the token stands for; throws {@link org.mvoting.api.errors.InvalidTokenException} otherwise. */
    VoterCredential authenticate(String bearerToken, Channel channel);
}
