package org.mvoting.application.ballots;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.ballots.BallotBox;
import org.mvoting.api.ballots.BallotPaper;
import org.mvoting.api.ballots.CastReceipt;
import org.mvoting.api.ballots.ReceiptCheck;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.errors.AlreadyVotedException;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.api.errors.IdempotencyKeyReusedException;
import org.mvoting.api.errors.MeetingJoinClosedException;
import org.mvoting.api.errors.NotEligibleException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.errors.PollNotOpenException;
import org.mvoting.api.errors.PollPasswordException;
import org.mvoting.api.errors.ReceiptNotFoundException;
import org.mvoting.api.errors.ResultsNotVisibleException;
import org.mvoting.api.errors.SampleQuotaFullException;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.mileage.MileageAwards;
import org.mvoting.application.polls.PollViews;
import org.mvoting.domain.ballot.IdempotencyKey;
import org.mvoting.domain.ballot.Receipt;
import org.mvoting.domain.ballot.SealedBallot;
import org.mvoting.domain.ballot.SealedReceipt;
import org.mvoting.domain.poll.BallotRules;
import org.mvoting.domain.poll.Mark;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.PollPassword;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.BallotLedger.ListedVoter;
import org.mvoting.infrastructure.persistence.CitizenPollLedger;
import org.mvoting.infrastructure.persistence.PollRepository;
import org.mvoting.infrastructure.persistence.RateLimits;
import org.mvoting.infrastructure.persistence.SampleLedger;
import org.mvoting.infrastructure.persistence.AuditCheckpoints;

/**
 * The ballot engine. One cast is one transaction: eligibility, the participation row (the database's
 * primary key refuses a second one) and the sealed ballot in the inbox commit together or not at all.
 * The mixer later moves sealed ballots into the clear tables and the tally (see BallotMixer).
 */
@Stateless
public class BallotBoxService implements BallotBox {

    private static final ZoneId CITY_ZONE = CitySettings.timeZone();
    /** When a meeting room's join window closed, as a late joiner reads it: the city's clock. */
    private static final java.time.format.DateTimeFormatter JOIN_CLOSED_AT =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(CITY_ZONE);

    @Inject
    private PollRepository polls;

    @Inject
    private AuditCheckpoints checkpoints;

    @Inject
    private BallotLedger ledger;

    @Inject
    private org.mvoting.api.staff.StaffCaller staffCaller;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private BallotRulesCache rulesCache;

    @Inject
    private ServerSecrets secrets;

    @Inject
    private CitizenPollLedger citizenPolls;

    @jakarta.ejb.EJB
    private RateLimits limits;

    @Inject
    private SampleLedger samples;

    @Inject
    private MileageAwards mileage;

    static final String PASSWORD_GUESSES = "poll-password-guesses";

    @Override
    @Interceptors(BallotCounting.class)
    public CastReceipt cast(UUID pollId, BallotPaper ballot, VoterCredential voter, String idempotencyKey) {
        return cast(pollId, ballot, voter, idempotencyKey, null);
    }

    @Override
    @Interceptors(BallotCounting.class) // the 4-argument cast calls this one directly: one count per call
    public CastReceipt cast(UUID pollId, BallotPaper ballot, VoterCredential voter, String idempotencyKey,
                            String pollPassword) {
        IdempotencyKey key = new IdempotencyKey(idempotencyKey);
        Optional<SampleLedger.Seat> seat = Optional.empty();
        // Shared with every other voter, exclusive for closing: a poll cannot close under a ballot in flight.
        locks.shared(AdvisoryLocks.Space.POLL, pollId);
        Poll poll = polls.find(pollId).filter(Poll::isPublished).orElseThrow(() -> new PollNotFoundException(pollId));
        BallotRules rules = rulesCache.of(poll);
        List<Mark> marks = rules.validate(ballot);
        byte[] fingerprint = SealedReceipt.fingerprint(marks);
        byte[] voterKey = voter.voterKey();
        Instant now = Instant.now();
        try {
            if (!poll.acceptsBallotsAt(now)) {
                throw new PollNotOpenException(poll.status() != PollStatus.OPEN ? poll.status().name()
                        : poll.isHidden() ? "HIDDEN_FOR_REVIEW" : "OUTSIDE_SCHEDULE");
            }
            seat = poll.audience() == AudienceType.PANEL_SAMPLE ? samples.seat(pollId, voterKey) : Optional.empty();
            Optional<SampleLedger.Seat> invited = seat;
            rules.admit(voter.assurance(), voter.staff(), () -> switch (poll.audience()) {
                case EVENT_PARTICIPANTS -> ledger.isEventParticipant(pollId, voterKey);
                case PANEL_SAMPLE -> invited.isPresent();
                default -> ledger.isListed(pollId, voterKey) || joinsMeetingRoom(poll, voter, now);
            });
            if (poll.audience() == AudienceType.PASSWORD) {
                checkPassword(pollId, voterKey, pollPassword);
            }
        } catch (BusinessException refused) {
            // A voter whose earlier cast did count still gets that receipt back (say the poll closed while
            // the answer to their first attempt was lost); everyone else gets the refusal.
            return replay(pollId, voterKey, key, fingerprint).orElseThrow(() -> refused);
        }

        Receipt receipt = Receipt.random(secrets.random());
        Instant castHour = now.truncatedTo(ChronoUnit.HOURS);
        byte[] sealedReceipt = SealedReceipt.seal(secrets.sealSecret(), voterKey, key,
                new SealedReceipt.Contents(receipt, castHour, fingerprint), secrets.random());
        LocalDate cityDay = LocalDate.ofInstant(now, CITY_ZONE);
        if (!ledger.recordParticipation(pollId, voterKey, voter.channel(), cityDay, sealedReceipt)) {
            // signed out, the device is all we know: say it is the device that has voted
            return replay(pollId, voterKey, key, fingerprint).orElseThrow(voter.assurance() == AssuranceLevel.DEVICE
                    ? AlreadyVotedException::fromThisDevice : AlreadyVotedException::new);
        }
        if (rules.countsDevices()) {
            claimDevice(pollId, voter);
        }
        // A panel sample's quota: the slot is reserved in this transaction, after the participation row, so a refusal
        // (the cell is full) rolls both back and a slot is never taken by a ballot that is not recorded.
        if (seat.isPresent() && !samples.takeSlot(pollId, seat.get().cell())) {
            throw new SampleQuotaFullException();
        }
        // Beside the participation row it mirrors (who, which poll, which day), never beside the ballot: the award holds
        // no receipt, choice or hour, and the ballot reaches the clear tables only through the mixer (docs/security.md).
        mileage.awardFor(poll, voter, cityDay);
        ledger.recordSealedBallot(pollId, secrets.receiptKey(pollId, receipt.code()),
                SealedBallot.seal(secrets.inboxKey(), new SealedBallot.Contents(receipt, castHour, marks,
                        seat.map(SampleLedger.Seat::stratum).orElse(null)), secrets.random()));
        return new CastReceipt(pollId, receipt.code(), castHour, false);
    }

    @Override
    public boolean joinMeetingRoom(UUID pollId, VoterCredential voter) {
        Poll poll = polls.find(pollId).filter(Poll::isPublished).orElseThrow(() -> new PollNotFoundException(pollId));
        if (!poll.isMeetingRoom()) {
            return false;
        }
        if (!voter.staff()) {
            throw new NotEligibleException();
        }
        Instant now = Instant.now();
        if (!poll.acceptsBallotsAt(now)) {
            throw new PollNotOpenException(poll.status().name()); // closed early by whoever runs the meeting
        }
        return ledger.isListed(pollId, voter.voterKey()) || joinsMeetingRoom(poll, voter, now);
    }

    /**
     * A meeting room's poll: signed-in staff not yet in its audience join it while the join window is open (the
     * server's clock decides, never the phone's); afterwards they are refused with meeting-join-closed, so a link
     * forwarded out of the room does not let anyone in later. The join is a listed voter row, written in this cast's
     * transaction.
     */
    private boolean joinsMeetingRoom(Poll poll, VoterCredential voter, Instant now) {
        if (!poll.isMeetingRoom() || !voter.staff()) {
            return false;
        }
        if (!poll.admitsJoinerAt(now)) {
            throw new MeetingJoinClosedException(JOIN_CLOSED_AT.format(poll.joinClosesAt()));
        }
        ledger.addListedVoters(poll.id(), List.of(ListedVoter.staff(voter.voterKey())));
        return true;
    }

    /**
     * A password-protected poll: the password must match. Guesses are limited per voter and poll (counted in
     * their own transaction, so a wrong guess counts although the cast rolls back).
     */
    private void checkPassword(UUID pollId, byte[] voterKey, String given) {
        if (given == null || given.isBlank()) {
            throw new PollPasswordException(false);
        }
        limits.hit(PASSWORD_GUESSES, pollId + ":" + java.util.HexFormat.of().formatHex(voterKey), Duration.ofMinutes(15),
                CitySettings.pollPasswordGuesses());
        PollPassword password = citizenPolls.password(pollId)
                .orElseThrow(() -> new IllegalStateException("password poll without a password: " + pollId));
        if (!password.matches(given)) {
            throw new PollPasswordException(true);
        }
    }

    /**
     * A device-level poll takes one ballot per device: the device in use must not have voted (whoever held it),
     * and no device bound to this voter may have voted signed out. A refusal rolls the whole cast back.
     */
    private void claimDevice(UUID pollId, VoterCredential voter) {
        if (ledger.boundDeviceParticipated(pollId, voter.voterKey())) {
            throw AlreadyVotedException.fromThisDevice();
        }
        byte[] deviceKey = voter.deviceKey();
        if (deviceKey != null && !ledger.recordDeviceParticipation(pollId, deviceKey)) {
            throw AlreadyVotedException.fromThisDevice();
        }
    }

    /**
     * The voter's own earlier cast under this idempotency key, if there is one. A participation that this
     * key cannot open is someone's other attempt: empty. The same key with other choices is refused.
     */
    private Optional<CastReceipt> replay(UUID pollId, byte[] voterKey, IdempotencyKey key, byte[] fingerprint) {
        Optional<SealedReceipt.Contents> earlier = ledger.sealedReceipt(pollId, voterKey)
                .flatMap(sealed -> SealedReceipt.open(secrets.sealSecret(), voterKey, key, sealed));
        if (earlier.isPresent() && !earlier.get().sameBallot(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return earlier.map(e -> new CastReceipt(pollId, e.receipt().code(), e.castHour(), true));
    }

    @Override
    public ReceiptCheck checkReceipt(UUID pollId, String typedReceipt) {
        readable(pollId);
        Receipt receipt = Receipt.parse(typedReceipt).orElseThrow(ReceiptNotFoundException::new);
        Optional<Instant> hour = ledger.ballotHour(pollId, receipt);
        if (hour.isPresent()) {
            return new ReceiptCheck(pollId, receipt.code(), ReceiptCheck.Status.COUNTED, hour.get());
        }
        if (ledger.isPending(pollId, secrets.receiptKey(pollId, receipt.code()))) {
            return new ReceiptCheck(pollId, receipt.code(), ReceiptCheck.Status.PENDING, null);
        }
        throw new ReceiptNotFoundException();
    }

    @Override
    public ResultsView results(UUID pollId, Optional<VoterCredential> caller) {
        Poll poll = readable(pollId);
        if (poll.status() == PollStatus.CLOSED) {
            return PollViews.results(poll, ledger.finalTally(pollId), true)
                    .withCheckpoint(checkpoints.forPoll(pollId).orElse(null));
        }
        boolean visible = switch (poll.resultsVisibility()) {
            case LIVE -> true;
            case AFTER_VOTING -> caller.map(v -> ledger.hasParticipated(pollId, v.voterKey())).orElse(false);
            case AFTER_CLOSE -> false;
        };
        if (!visible) {
            throw new ResultsNotVisibleException(poll.resultsVisibility().name());
        }
        return PollViews.results(poll, ledger.liveTally(pollId), false);
    }

    /** A published poll this caller may read: staff polls only for staff, as in the catalogue. */
    private Poll readable(UUID pollId) {
        // an event's question shows its results on the hall's screens when the operator says so, not here
        return polls.find(pollId).filter(Poll::isPublished)
                .filter(p -> p.kind() != org.mvoting.api.polls.PollKind.EVENT)
                .filter(p -> p.kind() != org.mvoting.api.polls.PollKind.CITY_TO_STAFF
                        || staffCaller.hasRole(org.mvoting.api.staff.Roles.STAFF))
                .orElseThrow(() -> new PollNotFoundException(pollId));
    }
}
