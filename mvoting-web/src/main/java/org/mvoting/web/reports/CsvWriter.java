package org.mvoting.web.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark, so that Excel opens Korean text correctly. Lines end in
 * CRLF; a field is quoted when it holds a comma, a quote or a line break, with quotes doubled. A field that a
 * spreadsheet would take for a formula (it starts with {@code = + - @}, a tab or a carriage return) gets a
 * leading apostrophe, so that a poll label or an audit detail can never run as a formula on a staff PC.
 * The stream is flushed but not closed: it belongs to the caller.
 */
final class CsvWriter {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Writer writer;

    CsvWriter(OutputStream out) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
    }

    void row(Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(field(fields[i]));
        }
        writer.write("\r\n");
    }

    void flush() throws IOException {
        writer.flush();
    }

    static String field(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
