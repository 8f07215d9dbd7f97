package org.mvoting.application.samples;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.messaging.PushTexts;
import org.mvoting.application.messaging.SmsTexts;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.domain.messaging.PushInstallation;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.sample.QuotaCell;
import org.mvoting.domain.sample.SampleDesign;
import org.mvoting.domain.sample.SampleDraw;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.messaging.OutboxRelay;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.InvitationLedger;
import org.mvoting.infrastructure.persistence.SampleLedger;

/**
 * The draw and the invitations of a panel sample, in the caller's transaction. Invited members join the poll's list
 * (poll_listed_voter, as a LISTED poll's numbers do), so "polls I am invited to", the invitation progress and the
 * campaign throttle of SMS invitations work as for LISTED polls; the SMS carries the poll's short link and every app
 * installation of the member gets a push.
 */
@ApplicationScoped
public class SampleInvitations {

    private static final Logger LOG = Logger.getLogger(SampleInvitations.class.getName());
    private static final DateTimeFormatter INVITATION_TIME = DateTimeFormatter.ofPattern("M/d HH:mm")
            .withZone(CitySettings.timeZone());

    @Inject
    private SampleLedger samples;

    @Inject
    private BallotLedger ballots;

    @Inject
    private InvitationLedger invitations;

    @Inject
    private ServerSecrets secrets;

    @Inject
    private OutboxRelay outbox;

    @Inject
    private AdvisoryLocks locks;

    /**
     * The draw, at the approval that opens the poll: a fresh seed from SecureRandom, the ranks of every eligible panel
     * member per cell (recorded), and invitations to ranks 1..target of each cell. Returns how many were invited.
     */
    public int drawAndInvite(Poll poll, SampleDesign design, Instant now) {
        byte[] seed = new byte[SampleDraw.SEED_BYTES];
        secrets.random().nextBytes(seed);
        Year thisYear = Year.now(CitySettings.timeZone());
        List<SampleDraw.Candidate> candidates = new ArrayList<>();
        for (SampleLedger.PanelMember member : samples.panelNotDrawn(poll.id())) {
            design.admits(member.gender(), member.district(), member.birthYear(), thisYear).ifPresent(stratum ->
                    candidates.add(new SampleDraw.Candidate(member.citizenId(), member.voterKey(), stratum)));
        }
        Map<QuotaCell, Integer> targets = new java.util.LinkedHashMap<>();
        samples.targets(poll.id()).forEach((code, target) -> targets.put(QuotaCell.parse(code, design.dimensions()), target));
        List<SampleDraw.Drawn> drawn = SampleDraw.draw(seed, candidates, targets, design::cellOf, design.overdraw());
        samples.recordDraw(poll.id(), drawn);
        design.drawn(seed, SampleDraw.ALGORITHM, now);
        // one timestamp for the run, to the microsecond the database keeps: the push statement finds the run by it
        Instant batch = now.truncatedTo(ChronoUnit.MICROS);
        int invited = 0;
        for (Map.Entry<QuotaCell, Integer> cell : targets.entrySet()) {
            invited += invite(poll, design, cell.getKey().code(), cell.getValue(), batch);
        }
        push(poll, batch);
        return invited;
    }

    /**
     * Replacements: in every cell, the slots still open beyond the invitations still worth waiting for (unanswered
     * and younger than the design's replaceAfterMinutes) go to the next ranked members. Returns how many were invited.
     */
    public int replace(Poll poll, SampleDesign design, Instant now) {
        // one inviter per poll at a time (the timer and an operator's click): the second finds nothing left to do
        locks.exclusive(AdvisoryLocks.Space.PHONE_LIST, poll.id());
        Instant batch = now.truncatedTo(ChronoUnit.MICROS);
        Instant since = batch.minus(Duration.ofMinutes(design.replaceAfterMinutes()));
        int invited = 0;
        for (SampleLedger.CellState cell : samples.cells(poll.id())) {
            int open = cell.target() - cell.filled() - samples.outstandingSince(poll.id(), cell.cell(), since);
            invited += invite(poll, design, cell.cell(), open, batch);
        }
        if (invited > 0) {
            push(poll, batch);
        }
        return invited;
    }

    /**
     * Invites up to {@code count} next ranked members of a cell: onto the list, and an SMS if their number is known.
     * {@code batch} is the invitation time of everyone invited in this run (see {@link #push}).
     */
    private int invite(Poll poll, SampleDesign design, String cell, int count, Instant batch) {
        if (count <= 0) {
            return 0;
        }
        List<SampleLedger.Invitee> next = samples.nextToInvite(poll.id(), cell, count);
        if (next.isEmpty()) {
            return 0;
        }
        ballots.addListedVoters(poll.id(), next.stream().map(invitee -> invitee.phoneSealed() == null
                ? BallotLedger.ListedVoter.staff(invitee.voterKey())
                : new BallotLedger.ListedVoter(invitee.voterKey(), invitee.phoneSealed(), invitee.phoneMasked())).toList());
        String link = link(poll, design);
        String text = link == null ? null : SmsTexts.text(Locale.KOREAN, "invitation.poll",
                poll.ownerDepartment().name(), shortTitle(poll), link, INVITATION_TIME.format(poll.schedule().closesAt()));
        for (SampleLedger.Invitee invitee : next) {
            samples.markInvited(poll.id(), invitee.citizenId(), batch);
            if (invitee.phoneSealed() != null && text != null) {
                PhoneNumber phone = secrets.openPhone(invitee.phoneSealed()).orElseThrow(() ->
                        new IllegalStateException("A panel number cannot be decrypted: was MVOTING_SECRET changed?"));
                OutboxMessage sms = OutboxMessage.campaignSms(phone.e164(), invitee.phoneSealed(), text,
                        "invitation:" + poll.id(), batch);
                outbox.enqueue(sms);
                invitations.recordInvitation(poll.id(), invitee.voterKey(), sms.id());
            }
        }
        return next.size();
    }

    /** One push to every app installation of the members invited at {@code batch} (one statement per language). */
    private void push(Poll poll, Instant batch) {
        List<UUID> pushes = new ArrayList<>();
        for (Locale language : PushInstallation.LANGUAGES) {
            pushes.addAll(samples.enqueuePush(poll.id(), PushTexts.newPoll(language, poll.id(), poll.title(),
                    poll.ownerDepartment().name(), poll.schedule().closesAt(), CitySettings.timeZone()).toJson(),
                    language, batch));
        }
        outbox.announceAll(pushes);
    }

    /** The poll's short link on the public site (MVOTING_PUBLIC_URL, else where the operator reached the portal). */
    private static String link(Poll poll, SampleDesign design) {
        String base = CitySettings.publicUrl().orElse(design.linkBase());
        if (base == null || base.isBlank()) {
            LOG.warning(() -> "Panel sample " + poll.id() + ": no public address for the SMS link; invited by push only");
            return null;
        }
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return poll.shortCode() != null ? base + "/p/" + poll.shortCode() : base + "/m/#/polls/" + poll.id();
    }

    private static String shortTitle(Poll poll) {
        return poll.title().length() > 40 ? poll.title().substring(0, 39) + "…" : poll.title();
    }
}
