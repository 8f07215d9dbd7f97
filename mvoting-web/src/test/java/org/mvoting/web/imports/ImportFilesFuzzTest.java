package org.mvoting.web.imports;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mvoting.api.events.ParticipantRow;
import org.mvoting.web.imports.PhoneListFile.UnreadableFileException;

/**
 * Any uploaded file, CSV or .xlsx, is either read into at most {@link PhoneListFile#MAX_ROWS} rows or refused with
 * {@link UnreadableFileException}: never another exception (POI's own included), never slow. The Excel corpus holds
 * small real workbooks to mutate. Corpus: {@code ImportFilesFuzzTestInputs/<method>}; JAZZER_FUZZ=1 fuzzes.
 */
class ImportFilesFuzzTest {

    private static final long QUICK_NANOS = 10_000_000_000L; // a zip bomb or a loop, not a slow build machine

    @FuzzTest(maxDuration = "2m")
    void phoneListCsv(byte[] content) {
        phoneList(content, "text/csv");
    }

    @FuzzTest(maxDuration = "2m")
    void phoneListExcel(byte[] content) {
        phoneList(content, PhoneListFile.XLSX);
    }

    @FuzzTest(maxDuration = "2m")
    void participantListCsv(byte[] content) {
        participantList(content, "text/csv");
    }

    @FuzzTest(maxDuration = "2m")
    void participantListExcel(byte[] content) {
        participantList(content, PhoneListFile.XLSX);
    }

    private static void phoneList(byte[] content, String mediaType) {
        long started = System.nanoTime();
        try {
            PhoneListFile file = PhoneListFile.read(content, mediaType);
            assertTrue(file.values().size() <= PhoneListFile.MAX_ROWS);
            file.values().forEach(value -> assertNotNull(value));
        } catch (UnreadableFileException refused) {
            // the one expected refusal
        }
        assertTrue(System.nanoTime() - started < QUICK_NANOS, "one file took more than ten seconds");
    }

    private static void participantList(byte[] content, String mediaType) {
        long started = System.nanoTime();
        try {
            ParticipantListFile file = ParticipantListFile.read(content, mediaType);
            assertTrue(file.rows().size() <= PhoneListFile.MAX_ROWS);
            for (ParticipantRow row : file.rows()) {
                assertNotNull(row);
            }
        } catch (UnreadableFileException refused) {
            // the one expected refusal
        }
        assertTrue(System.nanoTime() - started < QUICK_NANOS, "one file took more than ten seconds");
    }
}
