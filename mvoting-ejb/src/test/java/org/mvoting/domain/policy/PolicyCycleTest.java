package org.mvoting.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.PolicyCycleException;
import org.mvoting.api.errors.PolicyCycleException.Reason;
import org.mvoting.api.policycycle.PolicyDocumentFile;
import org.mvoting.api.policycycle.PolicyStage;
import org.mvoting.api.policycycle.PolicyStepEntry;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.ResultsVisibility;
import org.mvoting.domain.organization.Department;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.Schedule;

/** The policy cycle's rules: stages in order, dates in the city's calendar, corrections instead of edits. */
class PolicyCycleTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** 2030-03-09 20:00 UTC is already 2030-03-10 05:00 in Seoul: the poll's last day is the 10th there. */
    private static final Instant CLOSED = Instant.parse("2030-03-09T20:00:00Z");
    private static final LocalDate LAST_DAY = LocalDate.of(2030, 3, 10);
    private static final Instant NOW = Instant.parse("2030-04-01T03:00:00Z"); // 12:00 on April 1st in Seoul

    private static Poll closedPoll(PollKind kind, AudienceType audience) {
        Poll poll = Poll.draftedBy(new Department("DEPT-X", "도시계획과"), kind, "공원 이름", null,
                new Schedule(Instant.parse("2030-03-01T00:00:00Z"), Instant.parse("2030-03-20T00:00:00Z")),
                audience, AssuranceLevel.SMS_VERIFIED, ResultsVisibility.AFTER_CLOSE, "op", Instant.parse("2030-02-01T00:00:00Z"));
        poll.addQuestion(new QuestionDraft(QuestionType.YES_NO, "찬성?", List.of(), null, null, null));
        poll.submitForApproval();
        poll.approve(Instant.parse("2030-03-01T00:00:00Z"));
        poll.close(CLOSED);
        return poll;
    }

    private static Poll closedPoll() {
        return closedPoll(PollKind.CITY_TO_CITIZEN, AudienceType.OPEN);
    }

    private static PolicyStepEntry entry(PolicyStage stage, LocalDate date) {
        return new PolicyStepEntry(stage, date, "  " + stage + " 내용  ", null);
    }

    private static Reason refusal(Runnable action) {
        return assertThrows(PolicyCycleException.class, action::run).reason();
    }

    @Test
    void stagesAreRecordedInOrderAndTheNextStageIsNamed() {
        PolicyCycle cycle = PolicyCycle.of(closedPoll(), List.of());
        assertEquals(PolicyStage.AGENDA, cycle.next());
        assertEquals(Reason.STAGE_OUT_OF_ORDER, refusal(() -> cycle.record(entry(PolicyStage.DECISION, LAST_DAY), "op", NOW, SEOUL)));

        PolicyStep agenda = cycle.record(entry(PolicyStage.AGENDA, LAST_DAY), "op", NOW, SEOUL);
        assertEquals("AGENDA 내용", agenda.summary(), "the text is kept without its surrounding blanks");
        assertFalse(agenda.isFirstDecision());
        assertEquals(PolicyStage.DECISION, cycle.next());
        assertEquals(Reason.STAGE_OUT_OF_ORDER, refusal(() -> cycle.record(entry(PolicyStage.EVALUATION, LAST_DAY), "op", NOW, SEOUL)));
        assertEquals(Reason.STAGE_ALREADY_RECORDED, refusal(() -> cycle.record(entry(PolicyStage.AGENDA, LAST_DAY), "op", NOW, SEOUL)));

        PolicyStep decision = cycle.record(entry(PolicyStage.DECISION, LAST_DAY.plusDays(3)), "head", NOW.plusSeconds(1), SEOUL);
        assertTrue(decision.isFirstDecision());
        cycle.record(entry(PolicyStage.EXECUTION, LAST_DAY.plusDays(5)), "op", NOW.plusSeconds(2), SEOUL);
        cycle.record(entry(PolicyStage.EVALUATION, LAST_DAY.plusDays(5)), "op", NOW.plusSeconds(3), SEOUL);
        assertNull(cycle.next(), "complete");
        assertEquals(List.of(PolicyStage.AGENDA, PolicyStage.DECISION, PolicyStage.EXECUTION, PolicyStage.EVALUATION),
                List.copyOf(cycle.current().keySet()));
    }

    @Test
    void theCycleBeginsWhenACityPollToCitizensHasClosed() {
        Poll open = closedPoll();
        Poll staffPoll = closedPoll(PollKind.CITY_TO_STAFF, AudienceType.ORG_UNITS);
        assertEquals(Reason.NOT_A_CITY_POLL,
                refusal(() -> PolicyCycle.of(staffPoll, List.of()).record(entry(PolicyStage.AGENDA, LAST_DAY), "op", NOW, SEOUL)));
        assertNull(PolicyCycle.of(staffPoll, List.of()).next());

        Poll stillOpen = Poll.draftedBy(new Department("DEPT-X", "도시계획과"), PollKind.CITY_TO_CITIZEN, "t", null,
                new Schedule(Instant.parse("2030-03-01T00:00:00Z"), Instant.parse("2030-05-01T00:00:00Z")),
                AudienceType.OPEN, AssuranceLevel.SMS_VERIFIED, ResultsVisibility.LIVE, "op", Instant.parse("2030-02-01T00:00:00Z"));
        stillOpen.addQuestion(new QuestionDraft(QuestionType.YES_NO, "찬성?", List.of(), null, null, null));
        stillOpen.submitForApproval();
        stillOpen.approve(Instant.parse("2030-03-01T00:00:00Z"));
        assertEquals(Reason.POLL_NOT_CLOSED,
                refusal(() -> PolicyCycle.of(stillOpen, List.of()).record(entry(PolicyStage.AGENDA, LAST_DAY), "op", NOW, SEOUL)));
        assertNull(PolicyCycle.of(stillOpen, List.of()).next());
        assertEquals(PolicyStage.AGENDA, PolicyCycle.of(open, List.of()).next());
    }

    @Test
    void datesAreDaysOfTheCitysCalendarFromThePollsLastDayToToday() {
        PolicyCycle cycle = PolicyCycle.of(closedPoll(), List.of());
        assertEquals(LAST_DAY, cycle.pollEndedOn(SEOUL), "closed at 20:00 UTC on the 9th: the 10th in Seoul");
        assertEquals(LocalDate.of(2030, 3, 9), cycle.pollEndedOn(ZoneId.of("UTC")));
        assertEquals(Reason.DATE_BEFORE_POLL_CLOSED,
                refusal(() -> cycle.record(entry(PolicyStage.AGENDA, LAST_DAY.minusDays(1)), "op", NOW, SEOUL)));
        // 16:00 UTC on March 31st is already April 1st in Seoul: April 1st is today there, the 2nd is not
        Instant lateEvening = Instant.parse("2030-03-31T16:00:00Z");
        assertEquals(Reason.DATE_IN_FUTURE,
                refusal(() -> cycle.record(entry(PolicyStage.AGENDA, LocalDate.of(2030, 4, 2)), "op", lateEvening, SEOUL)));
        cycle.record(entry(PolicyStage.AGENDA, LocalDate.of(2030, 4, 1)), "op", lateEvening, SEOUL);

        assertEquals(Reason.DATE_BEFORE_EARLIER_STAGE,
                refusal(() -> cycle.record(entry(PolicyStage.DECISION, LocalDate.of(2030, 3, 31)), "op", NOW, SEOUL)));
        PolicyStep sameDay = cycle.record(entry(PolicyStage.DECISION, LocalDate.of(2030, 4, 1)), "op", NOW, SEOUL);
        assertEquals(LocalDate.of(2030, 4, 1), sameDay.occurredOn(), "a later stage may share the earlier one's day");
    }

    @Test
    void aCorrectionReplacesTheCurrentEntryAndKeepsTheOldOneInTheHistory() {
        PolicyCycle cycle = PolicyCycle.of(closedPoll(), List.of());
        PolicyStep agenda = cycle.record(entry(PolicyStage.AGENDA, LAST_DAY), "op", NOW, SEOUL);
        PolicyStep decision = cycle.record(entry(PolicyStage.DECISION, LAST_DAY.plusDays(4)), "op", NOW.plusSeconds(1), SEOUL);

        PolicyStep fixed = cycle.record(new PolicyStepEntry(PolicyStage.DECISION, LAST_DAY.plusDays(2), "정정된 결정",
                decision.id()), "head", NOW.plusSeconds(2), SEOUL);
        assertEquals(decision.id(), fixed.replacesId());
        assertFalse(fixed.isFirstDecision(), "a corrected decision does not notify again");
        assertEquals(fixed, cycle.current().get(PolicyStage.DECISION));
        assertEquals(List.of(decision), cycle.corrected());
        assertEquals(PolicyStage.EXECUTION, cycle.next());

        // only the stage's current entry can be corrected, and a correction keeps the order of days
        assertEquals(Reason.NOT_CURRENT_STEP, refusal(() -> cycle.record(new PolicyStepEntry(PolicyStage.DECISION,
                LAST_DAY.plusDays(2), "또", decision.id()), "op", NOW.plusSeconds(3), SEOUL)));
        assertEquals(Reason.NOT_CURRENT_STEP, refusal(() -> cycle.record(new PolicyStepEntry(PolicyStage.EXECUTION,
                LAST_DAY.plusDays(2), "아직 없음", agenda.id()), "op", NOW.plusSeconds(3), SEOUL)));
        assertEquals(Reason.DATE_AFTER_LATER_STAGE, refusal(() -> cycle.record(new PolicyStepEntry(PolicyStage.AGENDA,
                LAST_DAY.plusDays(3), "늦은 안건", agenda.id()), "op", NOW.plusSeconds(3), SEOUL)));
        PolicyStep agendaFixed = cycle.record(new PolicyStepEntry(PolicyStage.AGENDA, LAST_DAY.plusDays(1), "안건 정정",
                agenda.id()), "op", NOW.plusSeconds(4), SEOUL);
        assertEquals(List.of(decision, agenda), cycle.corrected(), "the most recently recorded first");

        // rebuilt from the rows in any order, the cycle reads the same
        PolicyCycle reread = PolicyCycle.of(closedPoll(), List.of(fixed, agendaFixed, decision, agenda));
        assertEquals(List.of(agendaFixed, fixed), List.copyOf(reread.current().values()));
    }

    @Test
    void aSummaryIsShortTextNotBlank() {
        PolicyCycle cycle = PolicyCycle.of(closedPoll(), List.of());
        assertEquals(Reason.SUMMARY_INVALID, refusal(() -> cycle.record(new PolicyStepEntry(PolicyStage.AGENDA, LAST_DAY,
                "   ", null), "op", NOW, SEOUL)));
        assertEquals(Reason.SUMMARY_INVALID, refusal(() -> cycle.record(new PolicyStepEntry(PolicyStage.AGENDA, LAST_DAY,
                "가".repeat(PolicyStepEntry.SUMMARY_LENGTH + 1), null), "op", NOW, SEOUL)));
        cycle.record(new PolicyStepEntry(PolicyStage.AGENDA, LAST_DAY, "가".repeat(PolicyStepEntry.SUMMARY_LENGTH), null),
                "op", NOW, SEOUL);
    }

    @Test
    void aDocumentIsAPdfWithinTheLimitUnderATidyName() {
        PolicyStep step = PolicyCycle.of(closedPoll(), List.of()).record(entry(PolicyStage.AGENDA, LAST_DAY), "op", NOW, SEOUL);
        byte[] pdf = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);
        PolicyDocument document = PolicyDocument.pdf(step, "C:\\회의\\결과 \"최종\".pdf", pdf, "op", NOW);
        assertEquals("결과 최종.pdf", document.fileName());
        assertEquals(pdf.length, document.byteSize());
        assertEquals(step.id(), document.stepId());

        assertEquals(Reason.DOCUMENT_NOT_PDF, assertThrows(PolicyCycleException.class, () -> PolicyDocument.pdf(step,
                "x.pdf", "<html>".getBytes(StandardCharsets.US_ASCII), "op", NOW)).reason());
        assertEquals(Reason.DOCUMENT_SIZE, assertThrows(PolicyCycleException.class,
                () -> PolicyDocument.pdf(step, "x.pdf", new byte[0], "op", NOW)).reason());
        byte[] big = new byte[PolicyDocumentFile.MAX_BYTES + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        assertEquals(Reason.DOCUMENT_SIZE, assertThrows(PolicyCycleException.class,
                () -> PolicyDocument.pdf(step, "x.pdf", big, "op", NOW)).reason());

        assertEquals("document.pdf", PolicyDocument.cleanName(null));
        assertEquals("document.pdf", PolicyDocument.cleanName("../\u0000"));
        assertEquals("보고서.pdf", PolicyDocument.cleanName("보고서"));
        assertEquals(PolicyDocumentFile.NAME_LENGTH, PolicyDocument.cleanName("a".repeat(500) + ".pdf").length());
        assertTrue(PolicyDocument.cleanName("a".repeat(500)).endsWith(".pdf"));
        assertEquals(UUID.class, step.id().getClass());
    }
}
