package org.mvoting.application.citizenpolls;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.ballots.OptionResult;
import org.mvoting.api.ballots.QuestionResult;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.citizenpolls.ResultsSummaries;
import org.mvoting.api.audit.ChainCheckpoint;
import org.mvoting.api.citizenpolls.ResultsSummary;
import org.mvoting.api.citizenpolls.SummaryCheck;
import org.mvoting.api.errors.IllegalPollTransitionException;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.application.polls.PollViews;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.PollRepository;
import org.mvoting.infrastructure.persistence.SummaryLedger;
import org.mvoting.infrastructure.persistence.AuditCheckpoints;

/**
 * Results summaries. A closed poll's summary is issued once: its exact content (canonical JSON of the final
 * result) is kept with a verification code, an HMAC of that content only this server can make. The check recomputes
 * the code from the kept content (is it intact?) and the result from the ballots (does it still match?).
 */
@Stateless
public class ResultsSummaryService implements ResultsSummaries {

    @Inject
    private PollRepository polls;

    @Inject
    private AuditCheckpoints checkpoints;

    @Inject
    private BallotLedger ballots;

    @Inject
    private SummaryLedger summaries;

    @Inject
    private ServerSecrets secrets;

    @Inject
    private AdvisoryLocks locks;

    @Override
    public ResultsSummary summary(UUID pollId) {
        Poll poll = summarisable(pollId);
        locks.exclusive(AdvisoryLocks.Space.SUMMARY, pollId);
        Optional<SummaryLedger.Issued> issued = summaries.ofPoll(pollId);
        if (issued.isPresent()) {
            return read(issued.get().content(), issued.get().code());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String content = content(poll, currentResult(poll), now);
        String code = secrets.summaryCode(content);
        summaries.issue(pollId, code, sha256(content.getBytes(StandardCharsets.UTF_8)), content, now);
        return read(content, code);
    }

    @Override
    public Optional<byte[]> pdf(UUID pollId) {
        return summaries.pdf(pollId);
    }

    @Override
    public byte[] keepPdf(UUID pollId, byte[] pdf) {
        summarisable(pollId);
        summaries.keepPdf(pollId, pdf, sha256(pdf));
        return summaries.pdf(pollId).orElseThrow(() -> new IllegalStateException("summary PDF not kept: " + pollId));
    }

    @Override
    public SummaryCheck check(String verificationCode) {
        String code = normalised(verificationCode);
        return summaries.byCode(code).map(this::checked)
                .orElseThrow(() -> new NotFoundException("summary-not-found", code));
    }

    @Override
    public SummaryCheck checkPdf(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            return new SummaryCheck(false, false, null);
        }
        return summaries.byPdfHash(sha256(pdf)).map(this::checked).orElse(new SummaryCheck(false, false, null));
    }

    private SummaryCheck checked(SummaryLedger.Issued issued) {
        ResultsSummary summary = read(issued.content(), issued.code());
        boolean intact = secrets.summaryCode(issued.content()).equals(issued.code());
        Poll poll = polls.find(issued.pollId()).orElse(null);
        boolean matches = intact && poll != null
                && questionsJson(currentResult(poll).questions()).toString().equals(questionsJson(summary.questions()).toString());
        return new SummaryCheck(intact, matches, summary);
    }

    private Poll summarisable(UUID pollId) {
        Poll poll = polls.find(pollId).filter(Poll::isPublished).filter(p -> p.kind() != PollKind.CITY_TO_STAFF)
                .filter(p -> p.kind() != PollKind.EVENT) // the hall's results are the operator's to show
                .orElseThrow(() -> new PollNotFoundException(pollId));
        if (poll.status() != PollStatus.CLOSED) {
            throw new IllegalPollTransitionException(poll.status().name(), "summarise");
        }
        return poll;
    }

    private ResultsView currentResult(Poll poll) {
        return PollViews.results(poll, ballots.finalTally(poll.id()), true)
                .withCheckpoint(checkpoints.forPoll(poll.id()).orElse(null));
    }

    /** "abcd efgh-ijkl mnop" → "ABCD-EFGH-IJKL-MNOP"; anything that cannot be a code stays unmatched. */
    static String normalised(String typed) {
        String compact = typed == null ? "" : typed.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        if (compact.length() != 16) {
            return compact;
        }
        return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8, 12) + "-"
                + compact.substring(12);
    }

    static String content(Poll poll, ResultsView result, Instant issuedAt) {
        jakarta.json.JsonObjectBuilder content = Json.createObjectBuilder()
                .add("pollId", poll.id().toString())
                .add("title", poll.title())
                .add("description", poll.description() == null ? "" : poll.description())
                .add("kind", poll.kind().name())
                .add("audience", poll.audience().name())
                .add("opensAt", poll.schedule().opensAt().toString())
                .add("closesAt", (poll.closedAt() != null ? poll.closedAt() : poll.schedule().closesAt()).toString())
                .add("participants", result.ballots())
                .add("questions", questionsJson(result.questions()))
                .add("issuedAt", issuedAt.toString());
        if (result.checkpoint() != null) {
            content.add("checkpoint", Json.createObjectBuilder().add("headSeq", result.checkpoint().headSeq())
                    .add("headHash", result.checkpoint().headHash()).add("tallyHash", result.checkpoint().tallyHash()));
        }
        return content.build().toString();
    }

    private static jakarta.json.JsonArray questionsJson(List<QuestionResult> questions) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (QuestionResult q : questions) {
            JsonArrayBuilder options = Json.createArrayBuilder();
            for (OptionResult o : q.options()) {
                options.add(Json.createObjectBuilder().add("optionId", o.optionId()).add("label", o.label())
                        .add("votes", o.votes()).add("points", o.points()).add("share", o.share()));
            }
            array.add(Json.createObjectBuilder().add("questionId", q.questionId()).add("text", q.text())
                    .add("type", q.type().name()).add("options", options));
        }
        return array.build();
    }

    private static ResultsSummary read(String content, String code) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(content))) {
            json = reader.readObject();
        }
        List<QuestionResult> questions = json.getJsonArray("questions").stream().map(v -> v.asJsonObject())
                .map(q -> new QuestionResult(q.getJsonNumber("questionId").longValue(), q.getString("text"),
                        QuestionType.valueOf(q.getString("type")), q.getJsonArray("options").stream()
                        .map(v -> v.asJsonObject())
                        .map(o -> new OptionResult(o.getJsonNumber("optionId").longValue(), o.getString("label"),
                                o.getJsonNumber("votes").longValue(), o.getJsonNumber("points").longValue(),
                                o.getJsonNumber("share").doubleValue())).toList()))
                .toList();
        String description = json.getString("description");
        ChainCheckpoint checkpoint = null;
        if (json.containsKey("checkpoint")) {
            JsonObject c = json.getJsonObject("checkpoint");
            long seq = c.getJsonNumber("headSeq").longValue();
            checkpoint = new ChainCheckpoint(seq, c.getString("headHash"), c.getString("tallyHash"), null,
                    AuditCheckpoints.display(seq, c.getString("headHash"), c.getString("tallyHash")));
        }
        return new ResultsSummary(UUID.fromString(json.getString("pollId")), json.getString("title"),
                description.isEmpty() ? null : description, json.getString("kind"), json.getString("audience"),
                Instant.parse(json.getString("opensAt")), Instant.parse(json.getString("closesAt")),
                json.getJsonNumber("participants").longValue(), questions, code, Instant.parse(json.getString("issuedAt")),
                checkpoint);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
