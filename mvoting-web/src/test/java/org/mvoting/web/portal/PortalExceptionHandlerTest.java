package org.mvoting.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.faces.application.Application;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseStream;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.lifecycle.Lifecycle;
import jakarta.faces.render.RenderKit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.PollNotFoundException;

/** What an action throws is said on the same page; what happens elsewhere goes on to the error page. */
class PortalExceptionHandlerTest {

    private final Faces faces = new Faces();
    private final Queue queue = new Queue();

    @AfterEach
    void release() {
        faces.release();
    }

    private void handle(Throwable thrown, PhaseId phase) {
        queue.unhandled.add(new ExceptionQueuedEvent(faces, new ExceptionQueuedEventContext(faces, thrown, null, phase)));
        new PortalExceptionHandler(queue).handle();
    }

    @Test
    void aRefusalThrownByAnActionIsItsMessageOnTheSameView() {
        UUID id = UUID.randomUUID();
        // as an action's refusal reaches the handler: Faces' FacesException around EL's around the container's
        handle(new FacesException(new ELException(new EJBException(new PollNotFoundException(id)))),
                PhaseId.INVOKE_APPLICATION);
        assertEquals(1, faces.messages.size());
        FacesMessage message = faces.messages.get(0);
        assertEquals(FacesMessage.SEVERITY_ERROR, message.getSeverity());
        assertEquals(PortalMessages.of(new PollNotFoundException(id), PortalText.current()).getSummary(),
                message.getSummary());
        assertTrue(message.getSummary().contains(id.toString()), message.getSummary());
        assertTrue(faces.renderResponse, "the same view is rendered again");
        assertTrue(queue.unhandled.isEmpty(), "nothing is left for the error page");
        assertTrue(queue.handledByWrapped);
    }

    @Test
    void aReloadThatFailsAfterARefusedActionIsSaidBesideTheRefusalNotInItsPlace() {
        UUID refused = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        PollNotFoundException thrown = assertThrows(PollNotFoundException.class, () -> {
            try {
                throw new PollNotFoundException(refused); // the action's refusal
            } finally {
                PortalMessages.reload(() -> {
                    throw new EJBException(new PollNotFoundException(gone)); // and the page's reload fails too
                });
            }
        });
        handle(thrown, PhaseId.INVOKE_APPLICATION);
        assertEquals(2, faces.messages.size(), "the reload's failure and the refusal, each said");
        assertTrue(faces.messages.get(0).getSummary().contains(gone.toString()), faces.messages.get(0).getSummary());
        assertTrue(faces.messages.get(1).getSummary().contains(refused.toString()), faces.messages.get(1).getSummary());
    }

    @Test
    void aRefusalFromAListenerBeforeTheActionPhaseIsSaidAsWell() {
        handle(new FacesException(new PollNotFoundException("x")), PhaseId.PROCESS_VALIDATIONS);
        assertEquals(1, faces.messages.size());
        assertTrue(queue.unhandled.isEmpty());
    }

    @Test
    void anUnexpectedFailureOfAnActionIsAnIncidentOnTheSameView() {
        Logger log = Logger.getLogger(PortalMessages.class.getName());
        Level before = log.getLevel();
        log.setLevel(Level.OFF);
        try {
            handle(new FacesException(new ELException(new IllegalStateException("secret"))), PhaseId.INVOKE_APPLICATION);
        } finally {
            log.setLevel(before);
        }
        assertEquals(1, faces.messages.size());
        assertTrue(faces.messages.get(0).getSummary().matches(".*[0-9a-f-]{36}.*"), faces.messages.get(0).getSummary());
        assertFalse(faces.messages.get(0).getSummary().contains("secret"));
        assertTrue(faces.renderResponse);
    }

    @Test
    void anExpiredViewARenderingFailureAndAnythingAfterTheResponseGoOnToTheErrorPage() {
        ViewExpiredException expired = new ViewExpiredException("/admin/index.xhtml");
        handle(expired, PhaseId.RESTORE_VIEW);
        handle(new FacesException(new PollNotFoundException("x")), PhaseId.RENDER_RESPONSE);
        faces.responseComplete = true;
        handle(new FacesException(new PollNotFoundException("y")), PhaseId.INVOKE_APPLICATION);
        assertEquals(3, queue.unhandled.size());
        assertSame(expired, queue.unhandled.get(0).getContext().getException());
        assertTrue(faces.messages.isEmpty());
        assertFalse(faces.renderResponse);
    }

    @Test
    void anUnexpectedFailureOutsideAnActionIsNotWordedOnThePage() {
        handle(new FacesException(new IllegalStateException("setter")), PhaseId.UPDATE_MODEL_VALUES);
        assertEquals(1, queue.unhandled.size());
        assertTrue(faces.messages.isEmpty());
    }

    /** The handler Faces would have used: holds the queue, and notes that it was asked after ours. */
    private static final class Queue extends ExceptionHandler {
        final List<ExceptionQueuedEvent> unhandled = new ArrayList<>();
        boolean handledByWrapped;

        @Override
        public void handle() {
            handledByWrapped = true;
        }

        @Override
        public Iterable<ExceptionQueuedEvent> getUnhandledExceptionQueuedEvents() {
            return unhandled;
        }

        @Override
        public ExceptionQueuedEvent getHandledExceptionQueuedEvent() {
            return null;
        }

        @Override
        public Iterable<ExceptionQueuedEvent> getHandledExceptionQueuedEvents() {
            return List.of();
        }

        @Override
        public void processEvent(SystemEvent event) {
        }

        @Override
        public boolean isListenerForSource(Object source) {
            return false;
        }

        @Override
        public Throwable getRootCause(Throwable t) {
            return t;
        }
    }

    /** Just enough of a FacesContext: it keeps the messages and the render-response flag. */
    private static final class Faces extends FacesContext {
        final List<FacesMessage> messages = new ArrayList<>();
        boolean renderResponse;
        boolean responseComplete;

        Faces() {
            setCurrentInstance(this);
        }

        @Override
        public void addMessage(String clientId, FacesMessage message) {
            messages.add(message);
        }

        @Override
        public void renderResponse() {
            renderResponse = true;
        }

        @Override
        public boolean getRenderResponse() {
            return renderResponse;
        }

        @Override
        public void responseComplete() {
            responseComplete = true;
        }

        @Override
        public boolean getResponseComplete() {
            return responseComplete;
        }

        @Override
        public PhaseId getCurrentPhaseId() {
            return PhaseId.INVOKE_APPLICATION;
        }

        @Override
        public void release() {
            setCurrentInstance(null);
        }

        @Override
        public UIViewRoot getViewRoot() {
            return null;
        }

        @Override
        public void setViewRoot(UIViewRoot root) {
        }

        @Override
        public Application getApplication() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterator<String> getClientIdsWithMessages() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Lifecycle getLifecycle() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ExternalContext getExternalContext() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FacesMessage.Severity getMaximumSeverity() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterator<FacesMessage> getMessages() {
            return messages.iterator();
        }

        @Override
        public Iterator<FacesMessage> getMessages(String clientId) {
            return messages.iterator();
        }

        @Override
        public RenderKit getRenderKit() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ResponseStream getResponseStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setResponseStream(ResponseStream stream) {
        }

        @Override
        public ResponseWriter getResponseWriter() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setResponseWriter(ResponseWriter writer) {
        }
    }
}
