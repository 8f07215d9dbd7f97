package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.util.Locale;
import org.mvoting.api.citizenpolls.ReportReason;
import org.mvoting.web.portal.PortalText;

/** How many open reports a citizen's poll has for one reason, in words ("스팸·도배 2건"). */
public class ReportCountItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final long count;
    private final String text;

    public ReportCountItem(String reason, long count, Locale locale) {
        this.reason = reason;
        this.count = count;
        this.text = PortalText.text(locale, "moderation.reports.count", reasonText(reason, locale), count);
    }

    /** A report reason (ReportReason) in words; an unknown one as it is. */
    public static String reasonText(String reason, Locale locale) {
        ReportReason known;
        try {
            known = ReportReason.valueOf(reason);
        } catch (IllegalArgumentException | NullPointerException e) {
            return reason == null ? "" : reason;
        }
        return switch (known) {
            case ABUSIVE -> PortalText.text(locale, "moderation.report.abusive");
            case PERSONAL_INFORMATION -> PortalText.text(locale, "moderation.report.personalInformation");
            case POLITICAL -> PortalText.text(locale, "moderation.report.political");
            case COMMERCIAL -> PortalText.text(locale, "moderation.report.commercial");
            case SPAM -> PortalText.text(locale, "moderation.report.spam");
            case OTHER -> PortalText.text(locale, "moderation.report.other");
        };
    }

    /** The ReportReason's name (for data-reason). */
    public String getReason() {
        return reason;
    }

    public long getCount() {
        return count;
    }

    /** The reason and the count in words. */
    public String getText() {
        return text;
    }
}
