package org.mvoting.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.mvoting.api.audit.AuditEntryView;

/**
 * The audit trail as CSV (see {@link CsvWriter} for the format): a header line, then one line per entry in
 * the order given: id, time (on the city's clock), actor, action, target, detail, source.
 */
public final class AuditCsv {

    private AuditCsv() {
    }

    public static void write(List<AuditEntryView> entries, OutputStream out, Locale locale) throws IOException {
        ReportText text = ReportText.of(locale);
        CsvWriter csv = new CsvWriter(out);
        csv.row(text.get("audit.column.id"), text.get("audit.column.occurredAt"), text.get("audit.column.actor"),
                text.get("audit.column.action"), text.get("audit.column.target"), text.get("audit.column.detail"),
                text.get("audit.column.source"));
        for (AuditEntryView entry : entries) {
            csv.row(entry.id(), entry.occurredAt() == null ? "" : text.time(entry.occurredAt()), entry.actor(),
                    entry.action(), entry.target(), entry.detail(), entry.source());
        }
        csv.flush();
    }
}
