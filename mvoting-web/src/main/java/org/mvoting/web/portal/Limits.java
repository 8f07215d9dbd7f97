package org.mvoting.web.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.mvoting.api.events.EventDraft;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.QuestionDraft;

/**
 * The limits of a poll and an event for the pages ({@code maxlength="#{limits.questionText}"}): the constants of the api records,
 * which the service's validation and the tables share, so a page never lets through what the service refuses.
 */
@Named
@ApplicationScoped
public class Limits {

    public int getPollTitle() {
        return PollDraft.TITLE_LENGTH;
    }

    public int getPollDescription() {
        return PollDraft.DESCRIPTION_LENGTH;
    }

    public int getQuestions() {
        return PollDraft.MAX_QUESTIONS;
    }

    public int getQuestionText() {
        return QuestionDraft.TEXT_LENGTH;
    }

    public int getOptions() {
        return QuestionDraft.MAX_OPTIONS;
    }

    public int getOptionLabel() {
        return QuestionDraft.OPTION_LENGTH;
    }

    public int getEventTitle() {
        return EventDraft.TITLE_LENGTH;
    }

    public int getEventVenue() {
        return EventDraft.VENUE_LENGTH;
    }

    public int getEventAgenda() {
        return EventDraft.AGENDA_LENGTH;
    }

    public int getMileageWon() {
        return PollDraft.MAX_MILEAGE_WON;
    }

    public int getReason() {
        return PollAdministration.REASON_LENGTH;
    }
}
