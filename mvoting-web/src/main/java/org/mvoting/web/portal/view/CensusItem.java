package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.text.NumberFormat;
import java.util.Locale;
import org.mvoting.api.panel.CensusTableSummary;
import org.mvoting.web.portal.PortalTime;

/** A census table version as the panel page lists and shows it (JavaBean getters for the page). */
public class CensusItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int version;
    private final String title;
    private final String source;
    private final boolean illustrative;
    private final String uploadedBy;
    private final String uploadedAt;
    private final String population;

    public CensusItem(CensusTableSummary t, Locale locale) {
        this.version = t.version();
        this.title = t.title();
        this.source = t.source();
        this.illustrative = t.illustrative();
        this.uploadedBy = t.uploadedBy();
        this.uploadedAt = PortalTime.minutes(t.uploadedAt());
        this.population = NumberFormat.getIntegerInstance(locale).format(t.population());
    }

    public int getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public String getSource() {
        return source;
    }

    public boolean isIllustrative() {
        return illustrative;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public String getUploadedAt() {
        return uploadedAt;
    }

    public String getPopulation() {
        return population;
    }
}
