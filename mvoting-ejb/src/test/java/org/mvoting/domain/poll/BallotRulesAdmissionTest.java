package org.mvoting.domain.poll;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.ErrorKind;
import org.mvoting.api.errors.InsufficientAssuranceException;
import org.mvoting.api.errors.NotEligibleException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;

class BallotRulesAdmissionTest {

    private static BallotRules rules(AudienceType audience, AssuranceLevel minimum) {
        return new BallotRules(UUID.randomUUID(), audience, minimum, List.of());
    }

    @Test
    void aDeviceOnlyVoterIsAskedToSignInForAnSmsPoll() {
        InsufficientAssuranceException e = assertThrows(InsufficientAssuranceException.class,
                () -> rules(AudienceType.OPEN, AssuranceLevel.SMS_VERIFIED).admit(AssuranceLevel.DEVICE, () -> true));
        assertEquals("sign-in-required", e.code());
        assertEquals(ErrorKind.UNAUTHENTICATED, e.kind());
        assertDoesNotThrow(() -> rules(AudienceType.OPEN, AssuranceLevel.DEVICE).admit(AssuranceLevel.SMS_VERIFIED, () -> false));
        assertDoesNotThrow(() -> rules(AudienceType.OPEN, AssuranceLevel.DEVICE).admit(AssuranceLevel.DEVICE, () -> false));
    }

    @Test
    void certificatePollsAdmitOnlyCertificateVotersAndTellTheOthersWhy() {
        assertDoesNotThrow(() -> rules(AudienceType.OPEN, AssuranceLevel.CERTIFICATE).admit(AssuranceLevel.CERTIFICATE, () -> false));
        for (AssuranceLevel presented : List.of(AssuranceLevel.DEVICE, AssuranceLevel.SMS_VERIFIED)) {
            InsufficientAssuranceException e = assertThrows(InsufficientAssuranceException.class,
                    () -> rules(AudienceType.OPEN, AssuranceLevel.CERTIFICATE).admit(presented, () -> true));
            assertEquals("certificate-required", e.code());
            assertEquals(ErrorKind.FORBIDDEN, e.kind());
        }
    }

    @Test
    void aCertificateVoterIsRefusedByPollsThatDoNotRequireCertificates() {
        // their key is not their phone's: admitted here, one person could vote once by phone and once by certificate
        for (AssuranceLevel minimum : List.of(AssuranceLevel.DEVICE, AssuranceLevel.SMS_VERIFIED)) {
            InsufficientAssuranceException e = assertThrows(InsufficientAssuranceException.class,
                    () -> rules(AudienceType.OPEN, minimum).admit(AssuranceLevel.CERTIFICATE, () -> true));
            assertEquals("certificate-sign-in-not-accepted", e.code());
            assertEquals(ErrorKind.FORBIDDEN, e.kind());
        }
    }

    @Test
    void onlyDeviceLevelPollsCountDevices() {
        assertTrue(rules(AudienceType.OPEN, AssuranceLevel.DEVICE).countsDevices());
        assertFalse(rules(AudienceType.OPEN, AssuranceLevel.SMS_VERIFIED).countsDevices());
    }

    @Test
    void aListedPollAdmitsOnlyListedVoters() {
        assertThrows(NotEligibleException.class,
                () -> rules(AudienceType.LISTED, AssuranceLevel.SMS_VERIFIED).admit(AssuranceLevel.SMS_VERIFIED, () -> false));
        assertDoesNotThrow(() -> rules(AudienceType.LISTED, AssuranceLevel.SMS_VERIFIED).admit(AssuranceLevel.SMS_VERIFIED, () -> true));
    }

    @Test
    void aPanelSampleAdmitsOnlyInvitedMembersAndSaysSo() {
        org.mvoting.api.errors.NotInvitedException refused = assertThrows(org.mvoting.api.errors.NotInvitedException.class,
                () -> rules(AudienceType.PANEL_SAMPLE, AssuranceLevel.SMS_VERIFIED).admit(AssuranceLevel.SMS_VERIFIED, () -> false));
        assertEquals("not-invited", refused.code());
        assertDoesNotThrow(() -> rules(AudienceType.PANEL_SAMPLE, AssuranceLevel.SMS_VERIFIED).admit(AssuranceLevel.SMS_VERIFIED, () -> true));
    }

    @Test
    void anEventQuestionAdmitsOnlyTheEventsParticipantsAndNoStaffIdentity() {
        BallotRules event = rules(AudienceType.EVENT_PARTICIPANTS, AssuranceLevel.SMS_VERIFIED);
        assertThrows(NotEligibleException.class, () -> event.admit(AssuranceLevel.SMS_VERIFIED, () -> false));
        assertDoesNotThrow(() -> event.admit(AssuranceLevel.SMS_VERIFIED, () -> true));
        assertThrows(NotEligibleException.class, () -> event.admit(AssuranceLevel.SMS_VERIFIED, true, () -> true));
        assertThrows(InsufficientAssuranceException.class, () -> event.admit(AssuranceLevel.DEVICE, () -> true));
    }

    @Test
    void anOpenPollDoesNotLookUpTheList() {
        AtomicInteger lookups = new AtomicInteger();
        rules(AudienceType.OPEN, AssuranceLevel.SMS_VERIFIED).admit(AssuranceLevel.SMS_VERIFIED, () -> {
            lookups.incrementAndGet();
            return false;
        });
        assertEquals(0, lookups.get());
    }

    @Test
    void staffIdentitiesVoteOnlyInStaffPollsAndCitizensOnlyInTheOthers() {
        assertThrows(NotEligibleException.class,
                () -> rules(AudienceType.OPEN, AssuranceLevel.SMS_VERIFIED).admit(AssuranceLevel.SMS_VERIFIED, true, () -> true));
        assertThrows(NotEligibleException.class,
                () -> rules(AudienceType.LISTED, AssuranceLevel.SMS_VERIFIED).admit(AssuranceLevel.SMS_VERIFIED, true, () -> true));
        assertThrows(NotEligibleException.class,
                () -> rules(AudienceType.ORG_UNITS, AssuranceLevel.SMS_VERIFIED).admit(AssuranceLevel.SMS_VERIFIED, false, () -> true));
        assertDoesNotThrow(() -> rules(AudienceType.ORG_UNITS, AssuranceLevel.SMS_VERIFIED)
                .admit(AssuranceLevel.SMS_VERIFIED, true, () -> true));
        assertThrows(NotEligibleException.class, () -> rules(AudienceType.ORG_UNITS, AssuranceLevel.SMS_VERIFIED)
                .admit(AssuranceLevel.SMS_VERIFIED, true, () -> false), "staff outside the audience");
    }
}
