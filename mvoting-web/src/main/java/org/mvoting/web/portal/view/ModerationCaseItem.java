package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mvoting.api.citizenpolls.ModerationCase;
import org.mvoting.api.citizenpolls.ReportReason;
import org.mvoting.api.citizenpolls.ScreeningFinding;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.web.portal.PortalText;
import org.mvoting.web.portal.PortalTime;

/**
 * A citizen's poll waiting for a moderator, as the moderation page shows it: why it waits (held by screening or
 * hidden after reports) in words, the reports per reason, its texts with the findings marked, and the findings.
 */
public class ModerationCaseItem implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Held by screening before it opened (status PENDING_APPROVAL). */
    public static final String HELD = "HELD";
    /** Open, but hidden after reports. */
    public static final String HIDDEN = "HIDDEN";

    private final String pollId;
    private final String title;
    private final String createdAt;
    private final String state;
    private final String stateText;
    private final List<ReportCountItem> reports;
    private final long reportTotal;
    private final List<ModerationTextItem> texts;
    private final List<FindingItem> findings;

    public ModerationCaseItem(ModerationCase c, Locale locale) {
        pollId = c.pollId().toString();
        title = c.title();
        createdAt = PortalTime.minutes(c.createdAt());
        state = c.status() == PollStatus.PENDING_APPROVAL ? HELD : HIDDEN;
        stateText = HELD.equals(state) ? PortalText.text(locale, "moderation.state.held")
                : PortalText.text(locale, "moderation.state.hidden");
        reports = reports(c.reportsByReason(), locale);
        reportTotal = reports.stream().mapToLong(ReportCountItem::getCount).sum();
        List<ScreeningFinding> found = c.findings() == null ? List.of() : c.findings();
        texts = texts(c.texts() == null ? Map.of() : c.texts(), found, locale);
        findings = found.stream().map(f -> new FindingItem(f, locale)).toList();
    }

    /** In the order of ReportReason, reasons without an open report left out. */
    private static List<ReportCountItem> reports(Map<String, Long> byReason, Locale locale) {
        if (byReason == null) {
            return List.of();
        }
        List<String> order = java.util.stream.Stream.of(ReportReason.values()).map(Enum::name).toList();
        return byReason.entrySet().stream().filter(e -> e.getValue() != null && e.getValue() > 0)
                .sorted(Comparator.comparingInt(e -> {
                    int known = order.indexOf(e.getKey());
                    return known < 0 ? order.size() : known;
                }))
                .map(e -> new ReportCountItem(e.getKey(), e.getValue(), locale)).toList();
    }

    /**
     * Each text with the findings of its own field marked; a finding that names no field of the poll (should the
     * service name fields differently one day) is looked for in every text.
     */
    private static List<ModerationTextItem> texts(Map<String, String> texts, List<ScreeningFinding> findings,
                                                  Locale locale) {
        Set<String> fields = texts.keySet();
        List<ModerationTextItem> items = new ArrayList<>(texts.size());
        texts.forEach((field, text) -> items.add(new ModerationTextItem(field, text, findings.stream()
                .filter(f -> field.equals(f.field()) || !fields.contains(f.field())).toList(), locale)));
        return List.copyOf(items);
    }

    public String getPollId() {
        return pollId;
    }

    public String getTitle() {
        return title;
    }

    /** When the citizen proposed it, on the city's clock. */
    public String getCreatedAt() {
        return createdAt;
    }

    /** HELD or HIDDEN (for data-state; people read {@link #getStateText()}). */
    public String getState() {
        return state;
    }

    public String getStateText() {
        return stateText;
    }

    public boolean isHeld() {
        return HELD.equals(state);
    }

    public List<ReportCountItem> getReports() {
        return reports;
    }

    /** Open reports, all reasons together; "신고 기각" is offered only when there are some. */
    public long getReportTotal() {
        return reportTotal;
    }

    public boolean isHasReports() {
        return reportTotal > 0;
    }

    public List<ModerationTextItem> getTexts() {
        return texts;
    }

    public List<FindingItem> getFindings() {
        return findings;
    }
}
