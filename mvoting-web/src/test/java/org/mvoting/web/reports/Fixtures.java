package org.mvoting.web.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.audit.AuditEntryView;
import org.mvoting.api.ballots.OptionResult;
import org.mvoting.api.ballots.QuestionResult;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.QuestionType;

/** Report inputs shared by the tests: a closed two-question poll with Korean text and hostile labels. */
final class Fixtures {

    static final String TITLE = "시민 공원 이름 정하기";
    static final String QUESTION_1 = "새 공원의 이름으로 무엇이 좋을까요?";
    static final String QUESTION_2 = "먼저 지을 시설의 순위를 매겨 주세요";
    static final String HANBIT = "한빛 공원";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"클릭\")";
    static final String QUOTED = "푸른숲, \"시민\" 공원";
    static final String DEPARTMENT = "공원녹지과";
    static final String AUTHOR = "김담당 (parks-admin)";
    static final Instant OPENS = Instant.parse("2026-03-02T00:00:00Z");   // 09:00 in Seoul
    static final Instant CLOSES = Instant.parse("2026-03-09T09:00:00Z");  // 18:00 in Seoul
    static final Instant GENERATED = Instant.parse("2026-03-10T01:30:00Z"); // 10:30 in Seoul

    private Fixtures() {
    }

    static ResultsView results() {
        return new ResultsView(UUID.fromString("0f6f8a52-4c1e-4d7a-9a59-3b2f1c0d9e01"), TITLE, PollStatus.CLOSED, 240,
                true, true, List.of(
                new QuestionResult(1, QUESTION_1, QuestionType.SINGLE_CHOICE, List.of(
                        new OptionResult(11, HANBIT, 150, 0, 0.625),
                        new OptionResult(12, FORMULA, 60, 0, 0.25),
                        new OptionResult(13, QUOTED, 30, 0, 0.125))),
                new QuestionResult(2, QUESTION_2, QuestionType.RANKING, List.of(
                        new OptionResult(21, "어린이 놀이터", 140, 610, 0.583),
                        new OptionResult(22, "+산책로", 100, 530, 0.417),
                        new OptionResult(23, "@야외 무대", 0, 300, 0.0)))));
    }

    static ResultsReport report() {
        return new ResultsReport(results(), DEPARTMENT, OPENS, CLOSES, GENERATED, AUTHOR);
    }

    /** An open poll with one question of many options: a live, unverified tally over several pages. */
    static ResultsReport longLiveReport() {
        List<OptionResult> options = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            options.add(new OptionResult(i, "선택지 " + i + "번 — 동네 이름 후보", i, 0, 0.01));
        }
        ResultsView live = new ResultsView(UUID.randomUUID(), "동네 이름 후보 투표", PollStatus.OPEN, 3240, false, null,
                List.of(new QuestionResult(9, "어느 이름이 좋습니까?", QuestionType.MULTIPLE_CHOICE, options)));
        return new ResultsReport(live, null, OPENS, null, GENERATED, null);
    }

    static List<AuditEntryView> audit() {
        return List.of(
                new AuditEntryView(1, Instant.parse("2026-03-09T09:00:05Z"), "system", "POLL_CLOSED",
                        "poll:0f6f8a52", "ballots=240", null),
                new AuditEntryView(2, Instant.parse("2026-03-09T09:12:00Z"), "-admin", "POLL_EDITED", "poll:0f6f8a52",
                        "=cmd|' /C calc'!A0\n두 번째 줄", "10.0.0.7"),
                new AuditEntryView(3, Instant.parse("2026-03-09T10:00:00Z"), "이감사", "RESULTS_EXPORTED", "poll:0f6f8a52",
                        "\t숨은 탭, \"따옴표\"", "@host"));
    }

    static byte[] bytes(Writing writing) throws IOException {
        CloseTrackingStream out = new CloseTrackingStream();
        writing.to(out);
        if (out.closed) {
            throw new AssertionError("the writer closed the caller's stream");
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    interface Writing {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    static final class CloseTrackingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Parses RFC 4180 CSV (after checking and dropping the UTF-8 byte-order mark). */
    static List<List<String>> parseCsv(byte[] bytes) {
        if (bytes.length < 3 || (bytes[0] & 0xFF) != 0xEF || (bytes[1] & 0xFF) != 0xBB || (bytes[2] & 0xFF) != 0xBF) {
            throw new AssertionError("no UTF-8 byte-order mark");
        }
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new AssertionError("quote inside an unquoted field at " + i);
                }
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new AssertionError("bare CR at " + i);
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\n') {
                throw new AssertionError("bare LF outside quotes at " + i);
            } else {
                field.append(c);
            }
        }
        if (quoted || field.length() > 0 || !row.isEmpty()) {
            throw new AssertionError("the last line does not end in CRLF");
        }
        return rows;
    }
}
