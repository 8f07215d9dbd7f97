package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.polls.MyPoll;
import org.mvoting.web.portal.PortalTime;

/** One line of "my polls" as the page reads it: times in the city's zone, what the caller may do with it. */
public class MyPollItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String title;
    private final String department;
    private final String state;
    private final String opensAt;
    private final String closesAt;
    private final boolean closingSoon;
    private final boolean voted;
    private final boolean resultsVisible;
    private final String resultsVisibility;

    public MyPollItem(MyPoll poll) {
        id = poll.id().toString();
        title = poll.title();
        department = poll.department();
        state = poll.state().name();
        opensAt = PortalTime.minutes(poll.opensAt());
        closesAt = PortalTime.minutes(poll.closesAt());
        closingSoon = poll.closingSoon();
        voted = poll.voted();
        resultsVisible = poll.resultsVisible();
        resultsVisibility = poll.resultsVisibility().name();
    }

    /** Open and not yet voted: the vote link is offered. */
    public boolean isCanVote() {
        return "OPEN".equals(state) && !voted;
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDepartment() {
        return department;
    }

    public String getState() {
        return state;
    }

    public String getOpensAt() {
        return opensAt;
    }

    public String getClosesAt() {
        return closesAt;
    }

    public boolean isClosingSoon() {
        return closingSoon;
    }

    public boolean isVoted() {
        return voted;
    }

    public boolean isResultsVisible() {
        return resultsVisible;
    }

    public String getResultsVisibility() {
        return resultsVisibility;
    }
}
