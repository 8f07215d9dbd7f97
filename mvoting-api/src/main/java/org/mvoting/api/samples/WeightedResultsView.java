package org.mvoting.api.samples;

import java.util.List;

/**
 * A PANEL_SAMPLE poll's weighted results: the census they were weighted to, how, and per question the raw and
 * weighted shares. {@code finalResult} is false for live results of an open poll.
 */
public record WeightedResultsView(String pollId, String title, boolean finalResult, WeightingCensus census,
                                  WeightingMethod method, List<WeightedQuestion> questions) {

    public WeightedResultsView {
        questions = List.copyOf(questions);
    }
}
