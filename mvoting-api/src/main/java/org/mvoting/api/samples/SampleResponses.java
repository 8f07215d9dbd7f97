package org.mvoting.api.samples;

import java.util.List;

/** The raw per-stratum counts of a PANEL_SAMPLE poll, per question, and the census version its design used. */
public record SampleResponses(String pollId, boolean closed, Integer censusVersion, List<QuestionStrata> questions) {

    public SampleResponses {
        questions = List.copyOf(questions);
    }
}
