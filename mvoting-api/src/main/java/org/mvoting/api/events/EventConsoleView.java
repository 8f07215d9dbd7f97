package org.mvoting.api.events;

import java.util.List;
import java.util.UUID;

/**
 * The operator console: the event, how many have joined, every question by round, the one on the screens, the
 * event's operators, the token batches waiting for a second person, and whether the caller may act on the event
 * ({@code operable}: assigned to it, the head of its department, or ADMIN).
 */
public record EventConsoleView(EventView event, long joined, List<EventQuestion> questions, UUID currentPollId,
                               List<EventOperator> operators, List<TokenBatch> pendingTokens, boolean operable) {

    public EventConsoleView {
        questions = List.copyOf(questions);
        operators = List.copyOf(operators);
        pendingTokens = List.copyOf(pendingTokens);
    }
}
