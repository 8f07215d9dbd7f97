package org.mvoting.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.mvoting.api.mileage.MileageEntryView;
import org.mvoting.api.mileage.MonthlyPayout;
import org.mvoting.api.mileage.PayeeTotal;

/**
 * A month's mileage payout as CSV (see {@link CsvWriter}): the month and its total, then one line per payee code
 * (awards, reversals, net won), then, after an empty line, every award and reversal of the month. Payees are payee
 * codes, never phone numbers; days are the city's calendar days.
 */
public final class MileageCsv {

    private MileageCsv() {
    }

    public static void write(MonthlyPayout payout, OutputStream out, Locale locale) throws IOException {
        ReportText text = ReportText.of(locale);
        CsvWriter csv = new CsvWriter(out);
        csv.row(text.get("report.mileage"));
        csv.row(text.get("mileage.field.month"), payout.month());
        csv.row(text.get("mileage.field.total"), payout.netWon());
        if (payout.truncated()) {
            csv.row(text.get("mileage.field.truncated"));
        }
        csv.row();
        csv.row(text.get("mileage.section.payees"));
        csv.row(text.get("mileage.column.payee"), text.get("mileage.column.awards"), text.get("mileage.column.reversals"),
                text.get("mileage.column.net"));
        for (PayeeTotal payee : payout.payees()) {
            csv.row(payee.payeeCode(), payee.awards(), payee.reversals(), payee.netWon());
        }
        csv.row();
        csv.row(text.get("mileage.section.entries"));
        csv.row(text.get("mileage.column.entry"), text.get("mileage.column.payee"), text.get("mileage.column.poll"),
                text.get("mileage.column.pollTitle"), text.get("mileage.column.kind"), text.get("mileage.column.day"),
                text.get("mileage.column.amount"), text.get("mileage.column.reverses"));
        for (MileageEntryView e : payout.entries()) {
            csv.row(e.id(), e.payeeCode(), e.pollId(), e.pollTitle(), text.get("mileage.kind." + e.kind().name()), e.day(),
                    e.amountWon(), e.reverses());
        }
        csv.flush();
    }
}
