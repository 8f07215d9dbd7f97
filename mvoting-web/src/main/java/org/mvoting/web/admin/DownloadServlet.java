package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvoting.api.audit.AuditEntryView;
import org.mvoting.api.audit.AuditTrailQuery;
import org.mvoting.api.audit.AuditWindow;
import org.mvoting.api.audit.Download;
import org.mvoting.api.audit.DownloadRecords;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.api.mileage.Mileage;
import org.mvoting.api.mileage.MonthlyPayout;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollRecord;
import org.mvoting.api.samples.WeightedResults;
import org.mvoting.api.samples.WeightedResultsView;
import org.mvoting.web.portal.PortalSession;
import org.mvoting.web.portal.PortalTime;
import org.mvoting.web.reports.AuditCsv;
import org.mvoting.web.reports.AuditExcel;
import org.mvoting.web.reports.MileageCsv;
import org.mvoting.web.reports.MileageExcel;
import org.mvoting.web.reports.ResultsCsv;
import org.mvoting.web.reports.ResultsExcel;
import org.mvoting.web.reports.ResultsPdf;
import org.mvoting.web.reports.ResultsReport;
import org.mvoting.web.reports.WeightedCsv;
import org.mvoting.web.reports.WeightedExcel;
import org.mvoting.web.reports.WeightedPdf;
import org.mvoting.web.reports.WeightedReport;

/**
 * Downloads under {@code /admin/download/} (the portal's login protects them):
 * {@code results/{pollId}.csv|.xlsx|.pdf}, a panel sample's {@code weighted/{pollId}.csv|.xlsx|.pdf} and
 * {@code audit.csv|.xlsx} (filtered like the audit page by {@code actor}, {@code action}, {@code target},
 * {@code from}, {@code to}) and {@code mileage/{YYYY-MM}.csv|.xlsx} (the month's mileage payout for the finance
 * office). The services check who may read what; a
 * report is written to memory first so that a failure becomes an error status, not half a file. Each file made is
 * recorded in the audit trail before it is sent; a refused or failed one is not a download.
 */
@WebServlet(urlPatterns = "/admin/download/*")
public class DownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern RESULTS = Pattern.compile("/results/([0-9a-fA-F-]{36})\\.(csv|xlsx|pdf)");
    private static final Pattern WEIGHTED = Pattern.compile("/weighted/([0-9a-fA-F-]{36})\\.(csv|xlsx|pdf)");
    private static final Pattern AUDIT = Pattern.compile("/audit\\.(csv|xlsx)");
    private static final Pattern MILEAGE = Pattern.compile("/mileage/(\\d{4}-\\d{2})\\.(csv|xlsx)");
    /** One service page; AuditTrailQuery serves up to this many entries at once. */
    static final int MAX_AUDIT_ENTRIES = 10_000;
    private static final int MAX_FILTER_LENGTH = 200;

    /** How a results report is written in one format (the reports package's static write methods). */
    @FunctionalInterface
    interface ResultsWriter {
        void write(ResultsReport report, OutputStream out, Locale locale) throws IOException;
    }

    /** How a weighted-results report is written in one format. */
    @FunctionalInterface
    interface WeightedWriter {
        void write(WeightedReport report, OutputStream out, Locale locale) throws IOException;
    }

    /** How audit entries are written in one format. */
    @FunctionalInterface
    interface AuditWriter {
        void write(List<AuditEntryView> entries, OutputStream out, Locale locale) throws IOException;
    }

    private record Format<W>(String contentType, W writer) {
    }

    private static final Map<String, Format<ResultsWriter>> RESULT_FORMATS = Map.of(
            "csv", new Format<ResultsWriter>("text/csv;charset=UTF-8", ResultsCsv::write),
            "xlsx", new Format<ResultsWriter>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ResultsExcel::write),
            "pdf", new Format<ResultsWriter>("application/pdf", ResultsPdf::write));

    private static final Map<String, Download> RESULT_KINDS = Map.of("csv", Download.RESULTS_CSV,
            "xlsx", Download.RESULTS_XLSX, "pdf", Download.RESULTS_PDF);

    /** How a month's mileage payout is written in one format. */
    @FunctionalInterface
    interface PayoutWriter {
        void write(MonthlyPayout payout, OutputStream out, Locale locale) throws IOException;
    }

    private static final Map<String, Format<PayoutWriter>> PAYOUT_FORMATS = Map.of(
            "csv", new Format<PayoutWriter>("text/csv;charset=UTF-8", MileageCsv::write),
            "xlsx", new Format<PayoutWriter>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    MileageExcel::write));

    private static final Map<String, Format<WeightedWriter>> WEIGHTED_FORMATS = Map.of(
            "csv", new Format<WeightedWriter>("text/csv;charset=UTF-8", WeightedCsv::write),
            "xlsx", new Format<WeightedWriter>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    WeightedExcel::write),
            "pdf", new Format<WeightedWriter>("application/pdf", WeightedPdf::write));

    private static final Map<String, Download> WEIGHTED_KINDS = Map.of("csv", Download.WEIGHTED_CSV,
            "xlsx", Download.WEIGHTED_XLSX, "pdf", Download.WEIGHTED_PDF);

    private static final Map<String, Format<AuditWriter>> AUDIT_FORMATS = Map.of(
            "csv", new Format<AuditWriter>("text/csv;charset=UTF-8", AuditCsv::write),
            "xlsx", new Format<AuditWriter>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    AuditExcel::write));

    @EJB
    private PollAdministration administration;

    @EJB
    private AuditTrailQuery audit;

    @EJB
    private WeightedResults weighted;

    @EJB
    private DownloadRecords downloads;

    @EJB
    private Mileage mileage;

    @Inject
    private PortalSession session;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Matcher results = RESULTS.matcher(path);
        Matcher weightedPath = WEIGHTED.matcher(path);
        Matcher auditPath = AUDIT.matcher(path);
        Matcher mileagePath = MILEAGE.matcher(path);
        UUID pollId = results.matches() ? uuid(results.group(1)) : null;
        UUID weightedId = weightedPath.matches() ? uuid(weightedPath.group(1)) : null;
        try {
            if (pollId != null) {
                results(request, response, pollId, results.group(2));
            } else if (weightedId != null) {
                weighted(request, response, weightedId, weightedPath.group(2));
            } else if (auditPath.matches()) {
                audit(request, response, auditPath.group(1));
            } else if (mileagePath.matches()) {
                payout(request, response, mileagePath.group(1), mileagePath.group(2));
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } catch (BusinessException e) {
            response.sendError(status(e));
        }
    }

    private void results(HttpServletRequest request, HttpServletResponse response, UUID pollId, String extension)
            throws IOException {
        PollRecord poll = administration.record(pollId);
        ResultsView results = administration.results(pollId);
        ResultsReport report = new ResultsReport(results,
                poll.departmentName() == null ? poll.departmentCode() : poll.departmentName(),
                poll.opensAt(), poll.closesAt(), Instant.now(), request.getUserPrincipal().getName());
        Format<ResultsWriter> format = RESULT_FORMATS.get(extension);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(report, out, locale());
        downloads.downloaded(RESULT_KINDS.get(extension), pollId.toString(),
                results.ballots() + " ballots, " + (results.finalResult() ? "final" : "not final"),
                actor(request));
        send(response, format.contentType(), "poll-" + pollId + "-results." + extension, out);
    }

    private void weighted(HttpServletRequest request, HttpServletResponse response, UUID pollId, String extension)
            throws IOException {
        PollRecord poll = administration.record(pollId);
        WeightedResultsView results = weighted.staffResults(pollId);
        WeightedReport report = new WeightedReport(results,
                poll.departmentName() == null ? poll.departmentCode() : poll.departmentName(), Instant.now(),
                request.getUserPrincipal().getName());
        Format<WeightedWriter> format = WEIGHTED_FORMATS.get(extension);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(report, out, locale());
        long ballots = results.questions().isEmpty() ? 0 : results.questions().get(0).ballots();
        downloads.downloaded(WEIGHTED_KINDS.get(extension), pollId.toString(), ballots + " ballots, census v"
                + results.census().version() + ", " + (results.finalResult() ? "final" : "not final"), actor(request));
        send(response, format.contentType(), "poll-" + pollId + "-weighted." + extension, out);
    }

    private void audit(HttpServletRequest request, HttpServletResponse response, String extension) throws IOException {
        String actor = filter(request, "actor");
        String action = filter(request, "action");
        String target = filter(request, "target");
        AuditWindow window = AuditWindow.parse(filter(request, "from"), filter(request, "to"), PortalTime.zone());
        PageOf<AuditEntryView> entries = audit.entries(actor, action, target, window.from(), window.to(), 0,
                MAX_AUDIT_ENTRIES);
        Format<AuditWriter> format = AUDIT_FORMATS.get(extension);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(entries.items(), out, locale());
        if (entries.total() > entries.items().size()) {
            response.setHeader("X-Mvoting-Truncated", Integer.toString(entries.items().size()));
        }
        downloads.downloaded("csv".equals(extension) ? Download.AUDIT_CSV : Download.AUDIT_XLSX, "audit",
                auditDetail(actor, action, target, window, entries), actor(request));
        send(response, format.contentType(), "audit." + extension, out);
    }

    /** A month's mileage payout for the finance office (and auditors): per payee code and every row, in the city's days. */
    private void payout(HttpServletRequest request, HttpServletResponse response, String month, String extension)
            throws IOException {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MonthlyPayout payout = mileage.payout(yearMonth);
        Format<PayoutWriter> format = PAYOUT_FORMATS.get(extension);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(payout, out, locale());
        downloads.downloaded("csv".equals(extension) ? Download.MILEAGE_PAYOUT_CSV : Download.MILEAGE_PAYOUT_XLSX,
                "mileage-" + month, payout.payees().size() + " payees, " + payout.entries().size() + " rows, "
                        + payout.netWon() + " won" + (payout.truncated() ? " (truncated)" : ""), actor(request));
        send(response, format.contentType(), "mileage-" + month + "." + extension, out);
    }

    /** The filters as the auditor set them and how many rows the file holds, for the download's record. */
    static String auditDetail(String actor, String action, String target, AuditWindow window,
                              PageOf<AuditEntryView> entries) {
        StringBuilder detail = new StringBuilder();
        if (actor != null) {
            detail.append("actor=").append(actor).append(' ');
        }
        if (action != null) {
            detail.append("action=").append(action).append(' ');
        }
        if (target != null) {
            detail.append("target=").append(target).append(' ');
        }
        detail.append(window.describe(PortalTime.zone())).append(": ").append(entries.items().size()).append(" rows");
        if (entries.total() > entries.items().size()) {
            detail.append(" of ").append(entries.total());
        }
        return detail.toString();
    }

    private static Actor actor(HttpServletRequest request) {
        return new Actor(request.getUserPrincipal().getName(), request.getRemoteAddr());
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String filter(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > MAX_FILTER_LENGTH ? v.substring(0, MAX_FILTER_LENGTH) : v;
    }

    private Locale locale() {
        return session.getLocale();
    }

    private static void send(HttpServletResponse response, String contentType, String fileName,
                             ByteArrayOutputStream body) throws IOException {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    private static int status(BusinessException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
            case UNAUTHENTICATED -> HttpServletResponse.SC_UNAUTHORIZED;
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            case BAD_REQUEST, INVALID -> HttpServletResponse.SC_BAD_REQUEST;
        };
    }
}
