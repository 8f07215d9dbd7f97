package org.mvoting.web.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import org.mvoting.api.ballots.QuestionResult;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.citizenpolls.ResultsSummary;
import org.mvoting.api.polls.PollStatus;

/**
 * A closed poll's results summary as a PDF for a petition: the poll text, period, who could vote, participants,
 * counts per option and the verification code with where to check it. Always in Korean, the city's language: the
 * file is made once and kept, so everyone who downloads it gets the same bytes (and a copy can be checked).
 */
public final class SummaryPdf {

    private SummaryPdf() {
    }

    /** {@code checkPage}: the public address where the code (or this file) is checked. */
    public static byte[] render(ResultsSummary summary, String checkPage) throws IOException {
        ReportText text = ReportText.of(Locale.KOREAN);
        BaseFont base = ReportFonts.hangul();
        Font title = new Font(base, 18, Font.BOLD);
        Font subtitle = new Font(base, 11, Font.NORMAL, Color.DARK_GRAY);
        Font heading = new Font(base, 12, Font.BOLD);
        Font body = new Font(base, 10);
        Font bold = new Font(base, 10, Font.BOLD);
        Font code = new Font(base, 14, Font.BOLD);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(summary.title());
            document.addSubject(text.get("report.summary") + " " + summary.verificationCode());
            document.addCreator("mVoting");
            document.setDocumentLanguage(text.language());
            document.open();

            Paragraph name = new Paragraph(summary.title(), title);
            name.setSpacingAfter(2);
            document.add(name);
            Paragraph kind = new Paragraph(text.get("report.summary"), subtitle);
            kind.setSpacingAfter(12);
            document.add(kind);

            PdfPTable facts = new PdfPTable(new float[] {2, 5});
            facts.setWidthPercentage(100);
            if (summary.description() != null) {
                ResultsPdf.summaryRow(facts, text.get("field.description"), summary.description(), bold, body);
            }
            ResultsPdf.summaryRow(facts, text.get("field.period"), text.period(summary.opensAt(), summary.closesAt()), bold, body);
            ResultsPdf.summaryRow(facts, text.get("field.audience"), text.get("audience." + summary.audience()), bold, body);
            ResultsPdf.summaryRow(facts, text.get("field.participants"), text.count(summary.participants()), bold, body);
            ResultsPdf.summaryRow(facts, text.get("field.generatedAt"), text.time(summary.issuedAt()), bold, body);
            facts.setSpacingAfter(8);
            document.add(facts);

            List<QuestionResult> questions = ResultsCsv.questions(new ResultsView(summary.pollId(), summary.title(),
                    PollStatus.CLOSED, summary.participants(), true, null, summary.questions()));
            for (int q = 0; q < questions.size(); q++) {
                document.add(ResultsPdf.question(q + 1, questions.get(q), text, heading, body, bold));
            }

            Paragraph verification = new Paragraph(text.get("field.code") + ": " + summary.verificationCode(), code);
            verification.setSpacingBefore(20);
            document.add(verification);
            document.add(new Paragraph(new MessageFormat(text.get("format.check"), Locale.KOREAN)
                    .format(new Object[] {checkPage}), body));
            if (summary.checkpoint() != null) {
                // a copy of the audit chain's checkpoint outside the database: the auditors' verifier recomputes it
                Paragraph checkpoint = new Paragraph(text.get("field.checkpoint") + ": "
                        + summary.checkpoint().display(), bold);
                checkpoint.setSpacingBefore(12);
                document.add(checkpoint);
                document.add(new Paragraph(text.get("field.checkpoint.head") + " #" + summary.checkpoint().headSeq()
                        + ": " + summary.checkpoint().headHash(), body));
                document.add(new Paragraph(text.get("field.checkpoint.tally") + ": " + summary.checkpoint().tallyHash(),
                        body));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IOException("Cannot write the summary PDF", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }
}
