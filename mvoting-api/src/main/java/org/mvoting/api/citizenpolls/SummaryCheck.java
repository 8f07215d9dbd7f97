package org.mvoting.api.citizenpolls;

/**
 * What the public check page answers: the summary the code (or the uploaded PDF) stands for, whether it is intact
 * (its code still matches its content) and whether it still matches the poll's stored result.
 */
public record SummaryCheck(boolean valid, boolean matchesStoredResult, ResultsSummary summary) {
}
