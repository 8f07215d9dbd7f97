package org.mvoting.api.audit;

/** What staff took away in a file (or a summary), each with the audit action that records it. */
public enum Download {
    RESULTS_CSV("download.results-csv"),
    RESULTS_XLSX("download.results-xlsx"),
    RESULTS_PDF("download.results-pdf"),
    AUDIT_CSV("download.audit-csv"),
    AUDIT_XLSX("download.audit-xlsx"),
    TOKEN_SHEET("download.token-sheet"),
    SUMMARY_PDF("download.summary-pdf"),
    MILEAGE_PAYOUT_CSV("download.mileage-payout-csv"),
    MILEAGE_PAYOUT_XLSX("download.mileage-payout-xlsx"),
    WEIGHTED_CSV("download.weighted-csv"),
    WEIGHTED_XLSX("download.weighted-xlsx"),
    WEIGHTED_PDF("download.weighted-pdf");

    private final String action;

    Download(String action) {
        this.action = action;
    }

    /** The audit trail's action name: download.results-csv. */
    public String action() {
        return action;
    }
}
