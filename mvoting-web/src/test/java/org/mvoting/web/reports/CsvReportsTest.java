package org.mvoting.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mvoting.web.reports.Fixtures.bytes;
import static org.mvoting.web.reports.Fixtures.parseCsv;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CsvReportsTest {

    @Test
    void resultsCsvHasTheBomTheHeaderBlockAndOneQuotedNeutralisedLinePerOption() throws Exception {
        byte[] csv = bytes(out -> ResultsCsv.write(Fixtures.report(), out, Locale.KOREAN));
        List<List<String>> rows = parseCsv(csv);

        assertEquals(List.of("투표 제목", Fixtures.TITLE), rows.get(0));
        assertEquals(List.of("담당 부서", Fixtures.DEPARTMENT), rows.get(1));
        assertEquals(List.of("투표 기간(한국 시간)", "2026-03-02 09:00 ~ 2026-03-09 18:00"), rows.get(2));
        assertEquals(List.of("총 투표 수", "240"), rows.get(3));
        assertEquals(List.of("결과 구분", "최종 결과"), rows.get(4));
        assertEquals(List.of("집계 검증", "일치(실시간 집계와 재집계가 같음)"), rows.get(5));
        assertEquals(List.of("작성 시각(한국 시간)", "2026-03-10 10:30"), rows.get(6));
        assertEquals(List.of("작성자", Fixtures.AUTHOR), rows.get(7));
        assertEquals(List.of(""), rows.get(8));
        assertEquals(List.of("문항 번호", "문항", "선택지", "득표 수", "득표율(%)", "순위 점수"), rows.get(9));

        assertEquals(List.of("1", Fixtures.QUESTION_1, Fixtures.HANBIT, "150", "62.5", "0"), rows.get(10));
        assertEquals(List.of("1", Fixtures.QUESTION_1, "'" + Fixtures.FORMULA, "60", "25.0", "0"), rows.get(11));
        assertEquals(List.of("1", Fixtures.QUESTION_1, Fixtures.QUOTED, "30", "12.5", "0"), rows.get(12));
        assertEquals(List.of("2", Fixtures.QUESTION_2, "어린이 놀이터", "140", "58.3", "610"), rows.get(13));
        assertEquals(List.of("2", Fixtures.QUESTION_2, "'+산책로", "100", "41.7", "530"), rows.get(14));
        assertEquals(List.of("2", Fixtures.QUESTION_2, "'@야외 무대", "0", "0.0", "300"), rows.get(15));
        assertEquals(16, rows.size());
        assertNoFormulas(rows);

        String raw = new String(csv, StandardCharsets.UTF_8);
        assertTrue(raw.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"클릭\"\")\",60,"), raw);
        assertTrue(raw.contains(",\"푸른숲, \"\"시민\"\" 공원\",30,"), raw);
    }

    @Test
    void englishResultsCsvHasEnglishLabelsAndALiveUnverifiedStatus() throws Exception {
        List<List<String>> rows = parseCsv(bytes(out -> ResultsCsv.write(Fixtures.longLiveReport(), out, Locale.ENGLISH)));
        assertEquals(List.of("Poll", "동네 이름 후보 투표"), rows.get(0));
        assertEquals(List.of("Department", "Not set"), rows.get(1));
        assertEquals(List.of("Voting period (Asia/Seoul time)", "2026-03-02 09:00 to Not set"), rows.get(2));
        assertEquals(List.of("Ballots cast", "3240"), rows.get(3));
        assertEquals(List.of("Result", "Live tally (voting still open)"), rows.get(4));
        assertEquals(List.of("Tally verified", "Not yet (checked when voting closes)"), rows.get(5));
        assertEquals(List.of("Question no.", "Question", "Option", "Votes", "Share (%)", "Ranking points"), rows.get(9));
        assertEquals(10 + 80, rows.size());
    }

    @Test
    void anyOtherLocaleGetsKorean() throws Exception {
        List<List<String>> rows = parseCsv(bytes(out -> ResultsCsv.write(Fixtures.report(), out, Locale.FRANCE)));
        assertEquals("투표 제목", rows.get(0).get(0));
    }

    @Test
    void auditCsvKeepsLineBreaksQuotedAndNeutralisesEveryFormulaStart() throws Exception {
        List<List<String>> rows = parseCsv(bytes(out -> AuditCsv.write(Fixtures.audit(), out, Locale.KOREAN)));
        assertEquals(List.of("번호", "일시(한국 시간)", "수행자", "작업", "대상", "내용", "접속 위치"), rows.get(0));
        assertEquals(List.of("1", "2026-03-09 18:00", "system", "POLL_CLOSED", "poll:0f6f8a52", "ballots=240", ""),
                rows.get(1));
        assertEquals(List.of("2", "2026-03-09 18:12", "'-admin", "POLL_EDITED", "poll:0f6f8a52",
                "'=cmd|' /C calc'!A0\n두 번째 줄", "10.0.0.7"), rows.get(2));
        assertEquals(List.of("3", "2026-03-09 19:00", "이감사", "RESULTS_EXPORTED", "poll:0f6f8a52",
                "'\t숨은 탭, \"따옴표\"", "'@host"), rows.get(3));
        assertEquals(4, rows.size());
        assertNoFormulas(rows);

        List<List<String>> english = parseCsv(bytes(out -> AuditCsv.write(List.of(), out, Locale.ENGLISH)));
        assertEquals(List.of(List.of("ID", "Time (Asia/Seoul)", "Actor", "Action", "Target", "Detail", "Source")), english);
    }

    @Test
    void fieldQuotingFollowsRfc4180() {
        assertEquals("plain", CsvWriter.field("plain"));
        assertEquals("", CsvWriter.field(null));
        assertEquals("\"a,b\"", CsvWriter.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.field("say \"hi\""));
        assertEquals("\"two\r\nlines\"", CsvWriter.field("two\r\nlines"));
        assertEquals("'-5", CsvWriter.field("-5"));
        assertEquals("\"'\rx\"", CsvWriter.field("\rx"));
        assertEquals("12", CsvWriter.field(12L));
    }

    private static void assertNoFormulas(List<List<String>> rows) {
        for (List<String> row : rows) {
            for (String field : row) {
                assertFalse(!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0, "formula start in " + row);
            }
        }
    }
}
