package org.mvoting.api.events;

import java.util.List;
import java.util.UUID;

/** The operator console: the event, how many have joined, every question by round, and the one on the screens. */
public record EventConsoleView(EventView event, long joined, List<EventQuestion> questions, UUID currentPollId) {

    public EventConsoleView {
        questions = List.copyOf(questions);
    }
}
