package org.mvoting.web.admin.events;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.mvoting.api.events.EventConsole;
import org.mvoting.api.events.EventQuestion;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.EventQuestionItem;

/**
 * What an EVENT_OPERATOR does with a question on the console (/admin/events/console.xhtml): open it with a
 * countdown, close it, show or hide its results, carry its top options forward, enter the paper counts, announce
 * the final result. Each button names its question with an f:param; refused or not, the questions are read again
 * and redrawn where they changed.
 */
@Named
@ViewScoped
public class ConsoleQuestionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The request parameter (an f:param of every question's buttons) naming the question acted on. */
    static final String POLL_PARAMETER = "poll";

    @EJB
    private EventConsole console;

    @Inject
    private PortalUser user;

    @Inject
    private EventConsoleBacking live;

    /** 열기: voting opens and the question goes on every screen; 0 seconds means no countdown. */
    public void open() {
        question().ifPresent(q -> {
            Integer seconds = live.getCountdowns().get(q.getPollId());
            if (seconds == null || seconds < 0) {
                PortalMessages.error(null, "console.invalid.countdown");
                return;
            }
            act(q, id -> console.openQuestion(live.eventId(), id, seconds, user.actor()), "console.opened");
        });
    }

    public void close() {
        question().ifPresent(q -> act(q, id -> console.closeQuestion(live.eventId(), id, user.actor()),
                "console.closed"));
    }

    public void showResults() {
        question().ifPresent(q -> act(q, id -> console.showResults(live.eventId(), id, true, user.actor()),
                "console.resultsShown"));
    }

    public void hideResults() {
        question().ifPresent(q -> act(q, id -> console.showResults(live.eventId(), id, false, user.actor()),
                "console.resultsHidden"));
    }

    /** A prepared question in the next round with the top N options (N fewer than the options). */
    public void carryForward() {
        question().ifPresent(q -> {
            Integer top = live.getCarried().get(q.getPollId());
            int options = q.getCounts().size();
            if (top == null || top < 2 || top >= options) {
                PortalMessages.error(null, "console.invalid.carry");
                return;
            }
            try {
                EventQuestion next = console.carryForward(live.eventId(), UUID.fromString(q.getPollId()), top,
                        user.actor());
                PortalMessages.info("console.carried", q.getText(), next.round());
            } finally {
                PortalMessages.reload(live::reloadAndRedraw);
            }
        });
    }

    /** Saves the paper count of every option of the question together, replacing an earlier entry. */
    public void savePaperCounts() {
        question().ifPresent(q -> {
            Map<Long, Long> typed = live.getPaperCounts().getOrDefault(q.getPollId(), Map.of());
            Map<Long, Long> counts = new LinkedHashMap<>();
            for (var option : q.getCounts()) {
                Long count = typed.get(option.getOptionId());
                if (count == null || count < 0) {
                    PortalMessages.error(null, "console.invalid.paper");
                    return;
                }
                counts.put(option.getOptionId(), count);
            }
            act(q, id -> console.enterPaperCounts(live.eventId(), id, counts, user.actor()), "console.paperSaved");
        });
    }

    public void announceFinal() {
        question().ifPresent(q -> act(q, id -> console.announceFinal(live.eventId(), id, user.actor()),
                "console.announced"));
    }

    /** Refused or not, the questions as they are now; a refusal goes on to the portal's exception handler. */
    private void act(EventQuestionItem q, Function<UUID, EventQuestion> action, String doneKey) {
        try {
            action.apply(UUID.fromString(q.getPollId()));
            PortalMessages.info(doneKey, q.getText());
        } finally {
            PortalMessages.reload(live::reloadAndRedraw);
        }
    }

    /** The question the pressed button belongs to, named by its f:param; a message when it is gone. */
    private Optional<EventQuestionItem> question() {
        return EventConsoleBacking.pressed(live.getQuestions(), POLL_PARAMETER, EventQuestionItem::getPollId,
                "console.unknownQuestion", live::reloadAndRedraw);
    }
}
