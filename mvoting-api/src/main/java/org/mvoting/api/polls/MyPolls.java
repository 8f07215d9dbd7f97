package org.mvoting.api.polls;

import jakarta.ejb.Local;
import java.time.Duration;
import java.util.List;

/**
 * "My polls" for staff: the city-to-staff polls whose audience (as fixed when each was published) includes the
 * caller, and nothing else. For the portal page, its dashboard badge, the REST API and the mobile office's staff view.
 */
@Local
public interface MyPolls {

    /** An open poll closing within this is flagged "closing soon". */
    Duration CLOSING_SOON = Duration.ofHours(24);
    /** Most closed polls listed, newest first (open and upcoming ones are all listed, up to {@link #MAX_OPEN}). */
    int MAX_CLOSED = 50;
    /** Most open and upcoming polls listed. */
    int MAX_OPEN = 200;

    /** Open polls first (closing soonest first), then upcoming ones, then closed ones (closed most recently first). */
    List<MyPoll> myPolls();

    /** How many open polls the caller has not voted in yet (the dashboard's badge). */
    int waitingForMyVote();
}
