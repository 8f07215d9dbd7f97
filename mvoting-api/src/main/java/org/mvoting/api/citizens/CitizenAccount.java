package org.mvoting.api.citizens;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.mvoting.api.polls.PollSummary;

/** A signed-in citizen's own data; every method takes the citizen's bearer token and acts for its holder only. */
@Local
public interface CitizenAccount {

    Optional<CitizenProfile> profile(String bearerToken);

    /** Stores or replaces the profile; refused without consent or with values out of range. */
    CitizenProfile saveProfile(String bearerToken, CitizenProfile profile);

    /** Withdraws consent: the profile is deleted (past ballots were anonymous and stay so). True when one existed. */
    boolean withdrawProfile(String bearerToken);

    /** Open LISTED polls that list this citizen's phone and that they have not voted in yet, closing soonest first. */
    List<PollSummary> invitedPolls(String bearerToken);

    /** The polls this citizen took part in, newest first. */
    List<Participation> participations(String bearerToken, int max);
}
