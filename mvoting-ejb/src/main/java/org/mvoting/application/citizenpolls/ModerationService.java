package org.mvoting.application.citizenpolls;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.citizenpolls.Moderation;
import org.mvoting.api.citizenpolls.ModerationCase;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.application.mileage.MileageAwards;
import org.mvoting.domain.moderation.ScreeningCategory;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.CitizenPollLedger;
import org.mvoting.infrastructure.persistence.PollRepository;

/** The moderators' decisions on citizens' polls; each one is in the audit trail. */
@Stateless
public class ModerationService implements Moderation {

    @Inject
    private PollRepository polls;

    @Inject
    private CitizenPollLedger ledger;

    @Inject
    private AuditTrail audit;

    @Inject
    private StaffCaller caller;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private MileageAwards mileage;

    @Override
    @AllowedRoles({Roles.MODERATOR, Roles.AUDITOR})
    public List<ModerationCase> queue() {
        return ledger.moderationQueue().stream().map(p -> new ModerationCase(p.id(), p.title(), p.status(), p.isHidden(),
                p.createdAt(), ledger.findings(p.id()), ledger.openReportsByReason(p.id()), CitizenPollService.texts(p)))
                .toList();
    }

    @Override
    @AllowedRoles(Roles.MODERATOR)
    public void restore(UUID pollId, Actor actor) {
        Poll poll = citizenPoll(pollId);
        Instant now = Instant.now();
        poll.restoreByModerator(caller.staffId(), now);
        ledger.dismissReports(pollId, now);
        audit.record(actor, "moderation.restore", pollId, poll.title());
    }

    @Override
    @AllowedRoles(Roles.MODERATOR)
    public void remove(UUID pollId, String reason, Actor actor) {
        Poll poll = citizenPoll(pollId);
        // wait for ballots in flight (they hold the poll's shared lock): none may land after the removal
        locks.exclusive(AdvisoryLocks.Space.POLL, pollId);
        polls.refresh(poll);
        poll.removeByModerator(caller.staffId(), reason);
        audit.record(actor, "moderation.remove", pollId, reason.strip());
        // citizens' polls pay no mileage today; should one ever have, its awards go with it
        mileage.reverseAll(pollId, actor, java.time.LocalDate.now(org.mvoting.api.settings.CitySettings.timeZone()));
    }

    @Override
    @AllowedRoles(Roles.MODERATOR)
    public void dismissReports(UUID pollId, Actor actor) {
        Poll poll = citizenPoll(pollId);
        Instant now = Instant.now();
        ledger.dismissReports(pollId, now);
        if (poll.isHidden() && poll.status() != org.mvoting.api.polls.PollStatus.REMOVED) {
            poll.restoreByModerator(caller.staffId(), now);
        }
        audit.record(actor, "moderation.dismiss-reports", pollId, poll.title());
    }

    private Poll citizenPoll(UUID pollId) {
        return polls.find(pollId).filter(p -> p.kind() == PollKind.CITIZEN_TO_CITIZEN)
                .orElseThrow(() -> new PollNotFoundException(pollId));
    }

    @Override
    @AllowedRoles({Roles.MODERATOR, Roles.AUDITOR})
    public java.util.Map<String, List<String>> addedWords() {
        return ledger.moderatorWords();
    }

    @Override
    @AllowedRoles(Roles.MODERATOR)
    public void addWord(String category, String word, Actor actor) {
        ScreeningCategory list = wordList(category);
        String cleaned = word == null ? "" : word.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        if (cleaned.isEmpty() || cleaned.length() > 100) {
            throw new InvalidPollException("moderation-word-invalid");
        }
        ledger.addWord(list.name(), cleaned, caller.staffId(), Instant.now());
        audit.record(actor, "moderation.add-word", list.name(), cleaned);
    }

    @Override
    @AllowedRoles(Roles.MODERATOR)
    public void removeWord(String category, String word, Actor actor) {
        ScreeningCategory list = wordList(category);
        if (word == null || !ledger.removeWord(list.name(), word.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new NotFoundException("moderation-word-not-found", word);
        }
        audit.record(actor, "moderation.remove-word", list.name(), word.strip());
    }

    /** Moderators extend the word lists only; personal information is found by its form, not by words. */
    private static ScreeningCategory wordList(String category) {
        try {
            ScreeningCategory list = ScreeningCategory.valueOf(category == null ? "" : category.strip().toUpperCase(java.util.Locale.ROOT));
            if (!list.isPersonalInformation()) {
                return list;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new InvalidPollException("moderation-word-category", category);
    }
}
