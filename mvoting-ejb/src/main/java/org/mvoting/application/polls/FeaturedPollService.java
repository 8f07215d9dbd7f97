package org.mvoting.application.polls;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.errors.FeaturedSlotReservedException;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.FeaturedPolls;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.FeaturedPollRepository;
import org.mvoting.infrastructure.persistence.PollRepository;

/**
 * The city-hall QR code's poll: one slot for the whole city, so only the mayor's office (the directory's MAYOR_OFFICE
 * role) or ADMIN sets or clears it; any open city-to-citizen poll of any department may be featured. Every change in
 * the audit trail, with the poll it replaced.
 */
@Stateless
public class FeaturedPollService implements FeaturedPolls {

    static final String CITY_HALL = "CITY_HALL";

    @Inject
    private FeaturedPollRepository places;

    @Inject
    private PollRepository polls;

    @Inject
    private StaffCaller caller;

    @Inject
    private AuditTrail audit;

    @Override
    @AllowedRoles({Roles.MAYOR_OFFICE, Roles.ADMIN, Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE})
    public void feature(UUID pollId, Actor actor) {
        requireMayorOffice();
        Poll poll = polls.find(pollId).filter(p -> p.ownerDepartment() != null)
                .orElseThrow(() -> new PollNotFoundException(pollId));
        if (poll.kind() != PollKind.CITY_TO_CITIZEN || !poll.acceptsBallotsAt(Instant.now())) {
            throw new InvalidPollException("not-featurable");
        }
        Optional<UUID> before = places.featured(CITY_HALL);
        places.feature(CITY_HALL, pollId, caller.staffId(), Instant.now());
        audit.record(new Actor(caller.staffId(), actor.source()), "poll.feature", pollId,
                CITY_HALL + before.map(id -> ", replacing " + id).orElse(""));
    }

    @Override
    @AllowedRoles({Roles.MAYOR_OFFICE, Roles.ADMIN, Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE})
    public void unfeature(Actor actor) {
        requireMayorOffice();
        Optional<UUID> before = places.featured(CITY_HALL);
        places.clear(CITY_HALL);
        audit.record(new Actor(caller.staffId(), actor.source()), "poll.unfeature", CITY_HALL,
                before.map(id -> "was " + id).orElse(null));
    }

    /**
     * Operators, heads and executives pass the role check only to be told in words that the slot is the mayor's
     * office's (featured-mayor-office-only); other staff get role-required.
     */
    private void requireMayorOffice() {
        if (!caller.hasRole(Roles.MAYOR_OFFICE) && !caller.hasRole(Roles.ADMIN)) {
            throw new FeaturedSlotReservedException();
        }
    }

    @Override
    public Optional<UUID> featured() {
        return places.featured(CITY_HALL)
                .filter(id -> polls.find(id).map(p -> p.acceptsBallotsAt(Instant.now())).orElse(false));
    }
}
