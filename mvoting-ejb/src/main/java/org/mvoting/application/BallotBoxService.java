package org.mvoting.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
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
import org.mvoting.api.errors.IdempotencyKeyReusedException;
import org.mvoting.api.errors.InsufficientAssuranceException;
import org.mvoting.api.errors.NotEligibleException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.errors.PollNotOpenException;
import org.mvoting.api.errors.ReceiptNotFoundException;
import org.mvoting.api.errors.ResultsNotVisibleException;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.domain.ballot.IdempotencyKey;
import org.mvoting.domain.ballot.Receipt;
import org.mvoting.domain.ballot.SealedReceipt;
import org.mvoting.domain.poll.BallotRules;
import org.mvoting.domain.poll.Mark;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.config.Settings;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.PollRepository;

/**
 * The ballot engine. One cast is one transaction: eligibility, the participation row (the database's
 * primary key refuses a second one) and the anonymous ballot with its tally share commit together or
 * not at all.
 */
@Stateless
public class BallotBoxService implements BallotBox {

    private static final ZoneId CITY_ZONE = ZoneId.of(Settings.string("MVOTING_TIME_ZONE", "Asia/Seoul"));

    @Inject
    private PollRepository polls;

    @Inject
    private BallotLedger ledger;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private BallotRulesCache rulesCache;

    @Inject
    private ServerSecrets secrets;

    @Override
    public CastReceipt cast(UUID pollId, BallotPaper ballot, VoterCredential voter, String idempotencyKey) {
        IdempotencyKey key = new IdempotencyKey(idempotencyKey);
        // Shared with every other voter, exclusive for closing: a poll cannot close under a ballot in flight.
        locks.shared(AdvisoryLocks.Space.POLL, pollId);
        Poll poll = polls.find(pollId).filter(Poll::isPublished).orElseThrow(() -> new PollNotFoundException(pollId));
        Instant now = Instant.now();
        if (!poll.acceptsBallotsAt(now)) {
            throw new PollNotOpenException(poll.status() == PollStatus.OPEN ? "OUTSIDE_SCHEDULE" : poll.status().name());
        }
        BallotRules rules = rulesCache.of(poll);
        byte[] voterKey = voter.voterKey();
        if (!voter.assurance().satisfies(rules.minimumAssurance())) {
            throw new InsufficientAssuranceException(rules.minimumAssurance().name());
        }
        if (rules.audience() == AudienceType.LISTED && !ledger.isListed(pollId, voterKey)) {
            throw new NotEligibleException();
        }
        List<Mark> marks = rules.validate(ballot);
        byte[] fingerprint = SealedReceipt.fingerprint(marks);

        Receipt receipt = Receipt.random(secrets.random());
        Instant castHour = now.truncatedTo(ChronoUnit.HOURS);
        byte[] sealed = SealedReceipt.seal(secrets.sealSecret(), voterKey, key,
                new SealedReceipt.Contents(receipt, castHour, fingerprint), secrets.random());
        if (!ledger.recordParticipation(pollId, voterKey, voter.channel(), LocalDate.ofInstant(now, CITY_ZONE), sealed)) {
            return replay(pollId, voterKey, key, fingerprint);
        }
        ledger.recordBallot(pollId, receipt, castHour, marks);
        return new CastReceipt(pollId, receipt.code(), castHour, false);
    }

    /** The voter already took part: their own retry gets its receipt back, anything else is a second vote. */
    private CastReceipt replay(UUID pollId, byte[] voterKey, IdempotencyKey key, byte[] fingerprint) {
        byte[] existing = ledger.sealedReceipt(pollId, voterKey).orElseThrow(AlreadyVotedException::new);
        SealedReceipt.Contents earlier = SealedReceipt.open(secrets.sealSecret(), voterKey, key, existing)
                .orElseThrow(AlreadyVotedException::new);
        if (!earlier.sameBallot(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return new CastReceipt(pollId, earlier.receipt().code(), earlier.castHour(), true);
    }

    @Override
    public ReceiptCheck checkReceipt(UUID pollId, String typedReceipt) {
        polls.find(pollId).filter(Poll::isPublished).orElseThrow(() -> new PollNotFoundException(pollId));
        Receipt receipt = Receipt.parse(typedReceipt).orElseThrow(ReceiptNotFoundException::new);
        Instant hour = ledger.ballotHour(pollId, receipt).orElseThrow(ReceiptNotFoundException::new);
        return new ReceiptCheck(pollId, receipt.code(), true, hour);
    }

    @Override
    public ResultsView results(UUID pollId, Optional<VoterCredential> caller) {
        Poll poll = polls.find(pollId).filter(Poll::isPublished).orElseThrow(() -> new PollNotFoundException(pollId));
        if (poll.status() == PollStatus.CLOSED) {
            return PollViews.results(poll, ledger.finalTally(pollId), true);
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
}
