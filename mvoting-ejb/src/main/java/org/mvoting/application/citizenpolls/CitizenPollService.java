package org.mvoting.application.citizenpolls;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mvoting.api.citizenpolls.CitizenPollDraft;
import org.mvoting.api.citizenpolls.CitizenPollRecord;
import org.mvoting.api.citizenpolls.CitizenPollVisibility;
import org.mvoting.api.citizenpolls.CitizenPolls;
import org.mvoting.api.citizenpolls.ReportReason;
import org.mvoting.api.citizenpolls.ScreeningFinding;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.errors.PersonalInformationException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.errors.TooManyRequestsException;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.InvitationProgress;
import org.mvoting.api.polls.ListedNumber;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.PollSummary;
import org.mvoting.api.polls.ResultsVisibility;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.identity.CitizenBearer;
import org.mvoting.application.identity.CitizenTokens;
import org.mvoting.application.messaging.SmsTexts;
import org.mvoting.application.polls.PollClosing;
import org.mvoting.application.polls.PollViews;
import org.mvoting.application.polls.ShortCodes;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.domain.moderation.ScreeningHit;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.PollPassword;
import org.mvoting.domain.poll.Schedule;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.messaging.OutboxRelay;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.BallotLedger.ListedVoter;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.CitizenPollLedger;
import org.mvoting.infrastructure.persistence.InvitationLedger;
import org.mvoting.infrastructure.persistence.PollRepository;

/**
 * Citizens ask citizens. A verified citizen proposes a poll (the same 1–5 question rules as a city poll); its texts
 * are screened: personal information is refused in words, other signals hold it for a moderator. Voting goes
 * through the same ballot engine: one person, one vote by verified phone.
 */
@Stateless
public class CitizenPollService implements CitizenPolls {

    static final Duration DAY = Duration.ofDays(1);
    /** The longest a citizen's poll may stay open. */
    static final Duration LONGEST = Duration.ofDays(30);
    /** The shortest: an instant small-group poll still needs a few minutes to be answered. */
    static final Duration SHORTEST = Duration.ofMinutes(5);

    @Inject
    private ServerSecrets secrets;

    @Inject
    private CitizenTokens citizenTokens;

    @Inject
    private PollRepository polls;

    @Inject
    private CitizenPollLedger ledger;

    @Inject
    private BallotLedger ballots;

    @Inject
    private PollScreening screening;

    @Inject
    private ShortCodes shortCodes;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private AuditTrail audit;

    @Inject
    private PollClosing closing;

    @Inject
    private InvitationLedger invitations;

    @Inject
    private OutboxRelay outbox;

    @Override
    public CitizenPollRecord propose(String bearerToken, CitizenPollDraft draft) {
        CitizenBearer proposer = citizenTokens.holder(bearerToken);
        Instant now = Instant.now();
        // one proposal at a time per citizen, so two at once cannot both slip under the daily limit
        locks.exclusive(AdvisoryLocks.Space.PHONE, java.util.Arrays.hashCode(proposer.voterKey()));
        requireDailyAllowance(proposer.citizenId(), now);
        if (draft.closesAt().isAfter(now.plus(LONGEST))) {
            throw new InvalidPollException("citizen-poll-too-long", LONGEST.toDays());
        }
        if (draft.closesAt().isBefore(now.plus(SHORTEST))) {
            throw new InvalidPollException("citizen-poll-too-short", SHORTEST.toMinutes());
        }
        PollPassword password = draft.visibility() == CitizenPollVisibility.PASSWORD
                ? PollPassword.of(draft.password(), secrets.random()) : null;
        List<ListedVoter> invitees = invitees(draft);

        Poll poll = Poll.proposedByCitizen(proposer.citizenId(), draft.title(), draft.description(),
                new Schedule(now, draft.closesAt()), draft.visibility().audience(),
                draft.resultsVisibility() == null ? ResultsVisibility.AFTER_VOTING : draft.resultsVisibility(), now);
        draft.questions().forEach(poll::addQuestion);

        List<ScreeningHit> hits = screening.screen(poll);
        List<ScreeningHit> personal = hits.stream().filter(ScreeningHit::isPersonalInformation).toList();
        if (!personal.isEmpty()) {
            // what to remove, masked (the refusal must not repeat the personal information it refuses)
            throw new PersonalInformationException(String.join(", ", personal.stream()
                    .map(h -> h.field() + ": " + h.match()).distinct().toList()));
        }
        poll.publishByProposer(!hits.isEmpty(), now);
        poll.assignShortCode(shortCodes.next());
        polls.add(poll);
        if (password != null) {
            ledger.savePassword(poll.id(), password);
        }
        if (!invitees.isEmpty()) {
            ballots.addListedVoters(poll.id(), invitees);
        }
        ledger.saveFindings(poll.id(), findings(hits));
        audit.record(citizen(proposer), hits.isEmpty() ? "citizen-poll.publish" : "citizen-poll.held", poll.id(),
                draft.visibility() + ", " + draft.questions().size() + " questions"
                        + (hits.isEmpty() ? "" : ", screening: " + hits.size() + " findings"));
        return record(poll);
    }

    @Override
    public List<CitizenPollRecord> mine(String bearerToken) {
        CitizenBearer proposer = citizenTokens.holder(bearerToken);
        return ledger.pollsOf(proposer.citizenId()).stream().map(this::record).toList();
    }

    @Override
    public CitizenPollRecord close(String bearerToken, UUID pollId) {
        CitizenBearer proposer = citizenTokens.holder(bearerToken);
        Poll poll = polls.find(pollId).filter(p -> p.isProposedBy(proposer.citizenId()))
                .orElseThrow(() -> new PollNotFoundException(pollId));
        closing.close(pollId, new Actor("citizen:" + proposer.citizenId(), "mobile"));
        polls.refresh(poll);
        return record(poll);
    }

    @Override
    public InvitationProgress invite(String bearerToken, UUID pollId, String linkBase) {
        CitizenBearer proposer = citizenTokens.holder(bearerToken);
        Poll poll = polls.find(pollId).filter(p -> p.isProposedBy(proposer.citizenId()))
                .orElseThrow(() -> new PollNotFoundException(pollId));
        if (poll.audience() != AudienceType.LISTED) {
            throw new InvalidPollException("not-listed-audience");
        }
        if (poll.status() != PollStatus.OPEN || poll.isHidden()) {
            throw new InvalidPollException("invitations-need-open-poll");
        }
        if (linkBase == null || linkBase.isBlank()) {
            throw new IllegalArgumentException("linkBase");
        }
        // the daily limit is the citizen's: two of their polls sending at once are counted one after the other
        locks.exclusive(AdvisoryLocks.Space.PHONE, java.util.Arrays.hashCode(proposer.voterKey()));
        locks.exclusive(AdvisoryLocks.Space.PHONE_LIST, pollId);
        Instant now = Instant.now();
        List<InvitationLedger.Invitee> invitees = invitations.toInvite(pollId, true);
        int perDay = CitySettings.citizenInvitationsPerDay();
        long sentToday = invitations.citizenInvitationsSince(proposer.citizenId(), now.minus(DAY));
        if (sentToday + invitees.size() > perDay) {
            // the whole batch or nothing: half a list invited would surprise the proposer more than a refusal
            throw new TooManyRequestsException("citizen-invitations", DAY.toSeconds());
        }
        String base = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
        String title = poll.title().length() > 30 ? poll.title().substring(0, 29) + "…" : poll.title();
        for (InvitationLedger.Invitee invitee : invitees) {
            PhoneNumber phone = secrets.openPhone(invitee.phoneSealed()).orElseThrow(() ->
                    new IllegalStateException("An invitee's number cannot be decrypted: was MVOTING_SECRET changed?"));
            String token = secrets.optOutToken(invitee.voterKey());
            invitations.rememberOptOutToken(token, invitee.voterKey());
            String text = SmsTexts.text(java.util.Locale.KOREAN, "invitation.citizen", title, base + "/p/" + poll.shortCode(),
                    base + "/m/opt-out.html?t=" + token);
            OutboxMessage sms = OutboxMessage.campaignSms(phone.e164(), secrets.sealPhone(phone), text, "ci:" + pollId, now);
            outbox.enqueue(sms);
            invitations.recordInvitation(pollId, invitee.voterKey(), sms.id());
        }
        audit.record(citizen(proposer), "citizen-poll.invite", pollId, invitees.size() + " invitations queued");
        return invitations.progress(pollId);
    }

    @Override
    public PageOf<ListedNumber> invitees(String bearerToken, UUID pollId, int page, int size) {
        Poll poll = ownInviteOnly(bearerToken, pollId);
        int pageSize = Math.max(1, Math.min(size, 200));
        int safePage = Math.max(0, Math.min(page, 100_000));
        return new PageOf<>(invitations.numbers(poll.id(), safePage * pageSize, pageSize), safePage, pageSize,
                invitations.countListed(poll.id()));
    }

    @Override
    public int addInvitees(String bearerToken, UUID pollId, List<String> phoneNumbers) {
        Poll poll = ownInviteOnly(bearerToken, pollId);
        if (poll.status() == PollStatus.CLOSED || poll.status() == PollStatus.REMOVED) {
            throw new InvalidPollException("listed-voters-frozen");
        }
        List<ListedVoter> added = listed(phoneNumbers == null ? List.of() : phoneNumbers);
        locks.exclusive(AdvisoryLocks.Space.PHONE_LIST, pollId);
        ballots.addListedVoters(pollId, added);
        audit.record(new Actor("citizen:" + poll.ownerCitizenId(), "mobile"), "citizen-poll.add-invitees", pollId,
                added.size() + " numbers given");
        return invitations.countListed(pollId);
    }

    private Poll ownInviteOnly(String bearerToken, UUID pollId) {
        CitizenBearer proposer = citizenTokens.holder(bearerToken);
        Poll poll = polls.find(pollId).filter(p -> p.isProposedBy(proposer.citizenId()))
                .orElseThrow(() -> new PollNotFoundException(pollId));
        if (poll.audience() != AudienceType.LISTED) {
            throw new InvalidPollException("not-listed-audience");
        }
        return poll;
    }

    @Override
    public void optOut(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{8,32}") || !invitations.optOut(token, Instant.now())) {
            throw new NotFoundException("opt-out-not-found", token == null ? "" : token);
        }
    }

    @Override
    public PageOf<PollSummary> directory(int page, int size) {
        int safePage = Math.min(Math.max(page, 0), 100_000);
        int safeSize = Math.min(Math.max(size, 1), 100);
        Instant now = Instant.now();
        return new PageOf<>(ledger.directory(now, safePage * safeSize, safeSize).stream().map(PollViews::summary).toList(),
                safePage, safeSize, ledger.countDirectory(now));
    }

    @Override
    public void report(String bearerToken, UUID pollId, ReportReason reason, String detail) {
        CitizenBearer reporter = citizenTokens.holder(bearerToken);
        Poll poll = polls.find(pollId).filter(p -> p.status() == PollStatus.OPEN)
                .filter(p -> p.kind() == PollKind.CITIZEN_TO_CITIZEN)
                .orElseThrow(() -> new PollNotFoundException(pollId));
        // an invite-only poll is reported by the people it concerns, not by any three phones that want it gone
        if (poll.audience() == AudienceType.LISTED && !ballots.isListed(pollId, reporter.voterKey())) {
            throw new PollNotFoundException(pollId);
        }
        locks.exclusive(AdvisoryLocks.Space.POLL_REPORTS, pollId);
        Instant now = Instant.now();
        if (!ledger.addReport(pollId, reporter.voterKey(), reason.name(), detail, now)) {
            return; // one report per citizen and poll; a second says nothing new
        }
        long open = ledger.openReports(pollId);
        if (open >= CitySettings.reportsToHide() && !poll.isHidden()) {
            locks.exclusive(AdvisoryLocks.Space.POLL, pollId); // ballots in flight finish first
            polls.refresh(poll);
            poll.hideForReview(now);
            audit.record(new Actor("system", "reports"), "citizen-poll.hidden", pollId, open + " open reports");
        }
    }

    /** At most MVOTING_CITIZEN_POLLS_PER_DAY polls in any 24 hours, so the platform cannot be used to spam. */
    private void requireDailyAllowance(UUID citizenId, Instant now) {
        int perDay = CitySettings.citizenPollsPerDay();
        List<Instant> recent = ledger.pollsCreatedSince(citizenId, now.minus(DAY));
        if (recent.size() >= perDay) {
            Instant oldest = recent.get(recent.size() - perDay);
            throw new TooManyRequestsException("citizen-polls",
                    Math.max(1, Duration.between(now, oldest.plus(DAY)).toSeconds() + 1));
        }
    }

    /** An invite-only poll's people, by phone: validated, deduplicated, kept encrypted (and masked for screens). */
    private List<ListedVoter> invitees(CitizenPollDraft draft) {
        if (draft.visibility() != CitizenPollVisibility.INVITE_ONLY) {
            return List.of();
        }
        if (draft.invitees() == null || draft.invitees().isEmpty()) {
            throw new InvalidPollException("invitees-required");
        }
        return listed(draft.invitees());
    }

    private List<ListedVoter> listed(List<String> typedNumbers) {
        Set<String> seen = new LinkedHashSet<>();
        List<ListedVoter> listed = new ArrayList<>();
        for (String typed : typedNumbers) {
            PhoneNumber phone = PhoneNumber.parse(typed);
            if (seen.add(phone.e164())) {
                listed.add(new ListedVoter(secrets.voterKey(phone), secrets.sealPhone(phone), phone.masked()));
            }
        }
        java.util.Collections.shuffle(listed, secrets.random());
        return listed;
    }

    private CitizenPollRecord record(Poll poll) {
        return new CitizenPollRecord(poll.id(), poll.title(), poll.status(), CitizenPollVisibility.of(poll.audience()),
                poll.schedule().opensAt(), poll.schedule().closesAt(), poll.isHidden(), poll.removalReason(),
                poll.shortCode(), poll.status() == PollStatus.PENDING_APPROVAL ? ledger.findings(poll.id()) : List.of());
    }

    static List<ScreeningFinding> findings(List<ScreeningHit> hits) {
        return hits.stream().map(h -> new ScreeningFinding(h.category().name(), h.field(), h.match())).toList();
    }

    private static Actor citizen(CitizenBearer bearer) {
        return new Actor("citizen:" + bearer.citizenId(), "mobile");
    }

    /** The texts of a poll by field name, as screening and moderators read them. */
    static LinkedHashMap<String, String> texts(Poll poll) {
        LinkedHashMap<String, String> texts = new LinkedHashMap<>();
        texts.put("title", poll.title());
        if (poll.description() != null) {
            texts.put("description", poll.description());
        }
        poll.questions().forEach(q -> {
            texts.put("question " + q.position(), q.text());
            q.options().forEach(o -> texts.put("question " + q.position() + " option " + o.position(), o.label()));
        });
        return texts;
    }
}
