package org.mvoting.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.AlreadyVotedException;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.PollNotFoundException;

/** Whatever a service throws, the page gets a readable message in its language, never a trace. */
class PortalMessagesTest {

    @Test
    void aBusinessRuleShowsItsOwnDetailWithItsArguments() {
        FacesMessage ko = PortalMessages.of(new InvalidPollException("quick-minutes", 1440), Locale.KOREAN);
        assertEquals("회의 투표는 1분부터 1,440분까지 열 수 있습니다.", ko.getSummary());
        assertEquals(FacesMessage.SEVERITY_ERROR, ko.getSeverity());
        FacesMessage en = PortalMessages.of(new AlreadyVotedException(), Locale.ENGLISH);
        assertTrue(en.getSummary().startsWith("One person, one vote."), en.getSummary());
    }

    @Test
    void wrappersAddedByTheContainerAreLookedThrough() {
        UUID id = UUID.randomUUID();
        EJBException wrapped = new EJBException(new RuntimeException(new PollNotFoundException(id)));
        assertEquals("poll-not-found", PortalMessages.code(wrapped));
        assertTrue(PortalMessages.of(wrapped, Locale.KOREAN).getSummary().contains(id.toString()));
    }

    @Test
    void aMissingRoleIsRoleRequiredEvenThoughItIsAnEjbException() {
        assertEquals("role-required", PortalMessages.code(new EJBAccessException("WFLYEJB0364")));
        assertEquals("이 작업에 필요한 역할(권한)이 없습니다.",
                PortalMessages.of(new EJBException(new EJBAccessException()), Locale.KOREAN).getSummary());
    }

    @Test
    void anythingElseIsAnIncidentWithoutDetails() {
        Logger log = Logger.getLogger(PortalMessages.class.getName());
        Level before = log.getLevel();
        log.setLevel(Level.OFF); // the test's own exception need not fill the build log
        try {
            FacesMessage message = PortalMessages.of(new IllegalStateException("secret internals"), Locale.ENGLISH);
            assertTrue(message.getSummary().startsWith("Something went wrong."), message.getSummary());
            assertTrue(message.getSummary().matches(".*incident [0-9a-f-]{36}.*"), message.getSummary());
            assertTrue(!message.getSummary().contains("secret"));
        } finally {
            log.setLevel(before);
        }
    }
}
