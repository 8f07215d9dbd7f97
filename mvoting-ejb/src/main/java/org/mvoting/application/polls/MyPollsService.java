package org.mvoting.application.polls;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.polls.MyPoll;
import org.mvoting.api.polls.MyPolls;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffDirectory;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.PollRepository;

/**
 * A member of staff's own polls. The audience is the one fixed at publication (the voter keys in poll_listed_voter,
 * which the ballot box admits), so the list shows exactly the polls the caller may vote in, and no other: someone
 * outside every audience sees an empty list. Results are offered as each poll's visibility allows, the same rule the
 * ballot box applies when they are read.
 */
@Stateless
public class MyPollsService implements MyPolls {

    @Inject
    private PollRepository polls;

    @EJB
    private StaffDirectory directory;

    @Override
    @AllowedRoles(Roles.STAFF)
    public List<MyPoll> myPolls() {
        byte[] voterKey = voterKey();
        Instant now = Instant.now();
        List<Poll> mine = polls.staffPollsListing(voterKey, MAX_OPEN, MAX_CLOSED);
        Set<UUID> voted = polls.participatedIn(voterKey, mine.stream().map(Poll::id).toList());
        return mine.stream().map(p -> view(p, voted.contains(p.id()), now))
                .sorted(Comparator.comparingInt((MyPoll p) -> rank(p.state())).thenComparing(MyPollsService::when)
                        .thenComparing(MyPoll::id))
                .toList();
    }

    @Override
    @AllowedRoles(Roles.STAFF)
    public int waitingForMyVote() {
        return (int) myPolls().stream().filter(p -> p.state() == MyPoll.State.OPEN && !p.voted()).count();
    }

    /** Someone who has left gets no key (and so no list): the directory refuses their credential. */
    private byte[] voterKey() {
        return directory.voterCredential(Channel.PORTAL).voterKey();
    }

    /** Open: closing soonest first; upcoming: opening soonest first; closed: closed most recently first. */
    private static Instant when(MyPoll poll) {
        return switch (poll.state()) {
            case OPEN -> poll.closesAt();
            case UPCOMING -> poll.opensAt();
            case CLOSED -> Instant.EPOCH.minusSeconds(poll.closesAt().getEpochSecond());
        };
    }

    private static int rank(MyPoll.State state) {
        return switch (state) {
            case OPEN -> 0;
            case UPCOMING -> 1;
            case CLOSED -> 2;
        };
    }

    static MyPoll view(Poll poll, boolean voted, Instant now) {
        MyPoll.State state = poll.status() == PollStatus.CLOSED ? MyPoll.State.CLOSED
                : now.isBefore(poll.schedule().opensAt()) ? MyPoll.State.UPCOMING : MyPoll.State.OPEN;
        boolean closingSoon = state == MyPoll.State.OPEN && poll.schedule().closesAt().isBefore(now.plus(CLOSING_SOON));
        boolean resultsVisible = state == MyPoll.State.CLOSED || switch (poll.resultsVisibility()) {
            case LIVE -> true;
            case AFTER_VOTING -> voted;
            case AFTER_CLOSE -> false;
        };
        return new MyPoll(poll.id(), poll.title(), PollViews.summary(poll).department(), state,
                poll.schedule().opensAt(), poll.schedule().closesAt(), closingSoon, voted, poll.resultsVisibility(),
                resultsVisible, poll.questions().size());
    }
}
