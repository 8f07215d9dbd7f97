package org.mvoting.web.admin.events;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.events.EventAdministration;
import org.mvoting.api.events.EventConsole;
import org.mvoting.api.events.EventOperator;
import org.mvoting.api.events.TokenBatch;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.EventQuestionItem;

/**
 * Four eyes on the console (/admin/events/console.xhtml): the event's operators (assigned by its creator, the head of
 * its department or ADMIN), the paper ballots handed out per question, and what waits for a second person (token
 * batches issued during the event, paper counts) to confirm or decline. The service refuses a confirmation by the one
 * who entered it; the refusal becomes a message (the portal's exception handler).
 */
@Named
@ViewScoped
public class ConsoleFourEyesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The request parameters (f:params) naming what a button acts on. */
    static final String BATCH_PARAMETER = "batch";
    static final String STAFF_PARAMETER = "staff";

    @EJB
    private EventAdministration administration;

    @EJB
    private EventConsole console;

    @Inject
    private PortalUser user;

    @Inject
    private EventConsoleBacking live;

    /** The portal ID typed to assign. */
    private String assignee;

    public void assignOperator() {
        String id = assignee == null ? "" : assignee.strip();
        if (id.isEmpty()) {
            PortalMessages.error(null, "console.operators.invalid");
            return;
        }
        try {
            administration.assignOperator(live.eventId(), id, user.actor());
            PortalMessages.info("console.operators.assigned", id);
            assignee = null;
        } finally {
            PortalMessages.reload(live::reloadAndRedraw);
        }
    }

    public void unassignOperator() {
        EventConsoleBacking.pressed(live.getOperators(), STAFF_PARAMETER, EventOperator::staffId,
                "console.operators.unknown", live::reloadAndRedraw).ifPresent(operator -> {
                    try {
                        administration.unassignOperator(live.eventId(), operator.staffId(), user.actor());
                        PortalMessages.info("console.operators.unassigned", operator.staffId());
                    } finally {
                        PortalMessages.reload(live::reloadAndRedraw);
                    }
                });
    }

    public void confirmTokens() {
        decideTokens(true);
    }

    public void declineTokens() {
        decideTokens(false);
    }

    private void decideTokens(boolean confirm) {
        batch().ifPresent(batch -> {
            try {
                administration.decideTokenBatch(live.eventId(), batch.id(), confirm, user.actor());
                PortalMessages.info(confirm ? "console.tokens.confirmed" : "console.tokens.declined", batch.tokens(),
                        batch.issuedBy());
            } finally {
                PortalMessages.reload(live::reloadAndRedraw);
            }
        });
    }

    /** Registers the paper ballots handed out for the question, as typed. */
    public void registerPaperBallots() {
        question().ifPresent(q -> {
            Long handedOut = live.getHandedOut().get(q.getPollId());
            if (handedOut == null || handedOut < 0) {
                PortalMessages.error(null, "console.invalid.handedOut");
                return;
            }
            try {
                console.registerPaperBallots(live.eventId(), UUID.fromString(q.getPollId()), handedOut, user.actor());
                PortalMessages.info("console.paper.registered", q.getText(), handedOut);
            } finally {
                PortalMessages.reload(live::reloadAndRedraw);
            }
        });
    }

    public void confirmPaperCounts() {
        decidePaper(true);
    }

    public void declinePaperCounts() {
        decidePaper(false);
    }

    private void decidePaper(boolean confirm) {
        question().ifPresent(q -> {
            try {
                console.decidePaperCounts(live.eventId(), UUID.fromString(q.getPollId()), confirm, user.actor());
                PortalMessages.info(confirm ? "console.paper.confirmed" : "console.paper.declined", q.getText(),
                        q.getPendingBy());
            } finally {
                PortalMessages.reload(live::reloadAndRedraw);
            }
        });
    }

    private Optional<TokenBatch> batch() {
        return EventConsoleBacking.pressed(live.getPendingTokens(), BATCH_PARAMETER, b -> b.id().toString(),
                "console.tokens.unknown", live::reloadAndRedraw);
    }

    private Optional<EventQuestionItem> question() {
        return EventConsoleBacking.pressed(live.getQuestions(), ConsoleQuestionsBacking.POLL_PARAMETER,
                EventQuestionItem::getPollId, "console.unknownQuestion", live::reloadAndRedraw);
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }
}
