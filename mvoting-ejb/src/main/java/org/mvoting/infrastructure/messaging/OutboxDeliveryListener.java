package org.mvoting.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.api.messaging.SmsRefusalReason;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.domain.messaging.SmsAllowList;
import org.mvoting.infrastructure.persistence.OutboxRepository;
import org.mvoting.infrastructure.persistence.PushInstallationRepository;
import org.mvoting.domain.messaging.PushInstallation;
import org.mvoting.domain.messaging.PushNotification;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.metrics.NodeCounters;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.InvitationLedger;
import org.mvoting.infrastructure.persistence.RateLimits;
import org.mvoting.infrastructure.persistence.SmsRefusalLedger;
import org.mvoting.infrastructure.mail.MailDeliveryException;
import org.mvoting.infrastructure.mail.MailRejectedException;
import org.mvoting.infrastructure.mail.StaffMailers;
import org.mvoting.infrastructure.mobileoffice.MobileOfficeDeliveryException;
import org.mvoting.infrastructure.mobileoffice.MobileOfficeNotifiers;
import org.mvoting.infrastructure.mobileoffice.MobileOfficeRejectedException;
import org.mvoting.infrastructure.push.PushDeliveryException;
import org.mvoting.infrastructure.push.PushGateways;
import org.mvoting.infrastructure.push.PushRejectedException;
import org.mvoting.infrastructure.push.PushSubscriptionGoneException;
import org.mvoting.infrastructure.push.PushTarget;
import org.mvoting.infrastructure.sms.SmsDeliveryException;
import org.mvoting.infrastructure.sms.SmsGateways;

/**
 * Delivers outbox messages announced on the queue. A failed delivery is recorded (in its own transaction)
 * and the message rolled back for redelivery; after the queue's maximum attempts it goes to the dead-letter
 * queue (see wildfly-config/messaging.cli). Redelivery of an already sent message does nothing. A push
 * notification the gateway refuses for good, or whose installation was removed, is marked FAILED at once, as is a
 * mobile-office notice the mobile office refuses for good (HTTP 4xx), or a
 * campaign SMS past the per-number daily limit (MVOTING_SMS_CAMPAIGN_PER_NUMBER_PER_DAY), to a number outside
 * MVOTING_SMS_ALLOWED_PREFIXES, or once the day's SMS budget is used up (MVOTING_SMS_DAILY_BUDGET; the last two are
 * counted in sms_refusal with the origin {@code outbox}). A one-off SMS (a sign-in code) was checked against the
 * allow-list and claimed from the budget when it was asked for.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = OutboxRelay.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class OutboxDeliveryListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(OutboxDeliveryListener.class.getName());
    static final String CAMPAIGN_SMS_PER_NUMBER = "campaign-sms-per-number";
    /** The origin of refusals counted at delivery: no client asked for these messages just now. */
    static final String OUTBOX = "outbox";

    @Inject
    private OutboxRepository messages;

    @Inject
    private PushInstallationRepository installations;

    @Inject
    private SmsGateways gateways;

    @Inject
    private PushGateways pushGateways;

    @Inject
    private OutboxAttempts attempts;

    @Inject
    private MobileOfficeNotifiers mobileOffice;

    @Inject
    private StaffMailers mailers;

    @EJB
    private RateLimits limits;

    @Inject
    private ServerSecrets secrets;

    @Inject
    private InvitationLedger invitations;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private SmsBudget budget;

    @EJB
    private SmsRefusalLedger refusals;

    @Resource
    private MessageDrivenContext context;

    @Inject
    private NodeCounters counters;

    @Override
    public void onMessage(Message message) {
        UUID id = messageId(message);
        // A redelivery and a sweeper's re-announcement of the same message must not both send it. An advisory
        // lock, not a row lock: recording a failed attempt (its own transaction) must still update the row.
        locks.exclusive(AdvisoryLocks.Space.OUTBOX, id);
        OutboxMessage outgoing = messages.find(id).orElse(null);
        if (outgoing == null || !outgoing.isPending()) {
            return;
        }
        switch (outgoing.channel()) {
            case SMS -> sendSms(outgoing);
            case PUSH -> sendPush(outgoing);
            case MOBILE_OFFICE -> sendToMobileOffice(outgoing);
            case MAIL -> sendMail(outgoing);
        }
    }

    private void sendSms(OutboxMessage outgoing) {
        Optional<PhoneNumber> to = recipientOf(outgoing);
        if (to.isEmpty()) {
            outgoing.markUndeliverable("the recipient cannot be decrypted (was MVOTING_SECRET changed?)");
            return;
        }
        // Someone who opted out after the invitation was written is not messaged: checked again at the last moment.
        if (outgoing.isCitizenInvitation() && invitations.optedOut(secrets.voterKey(to.get()))) {
            outgoing.markUndeliverable(InvitationLedger.OPTED_OUT + ": the number opted out of citizens' invitations");
            return;
        }
        // Campaigns (invitations) may reach a number only so often a day, whoever sends them; counted on the
        // first attempt only, so a retry after a gateway failure is not a second message.
        if (outgoing.isCampaignMessage() && outgoing.attempts() == 0) {
            if (!new SmsAllowList(CitySettings.smsAllowedPrefixes()).allows(to.get())) {
                refusals.count(SmsRefusalReason.COUNTRY, OUTBOX, to.get().maskedInternational());
                outgoing.markUndeliverable(InvitationLedger.COUNTRY_NOT_ALLOWED + ": the number is outside MVOTING_SMS_ALLOWED_PREFIXES");
                return;
            }
            int perDay = CitySettings.smsCampaignPerNumberPerDay();
            if (!limits.allows(CAMPAIGN_SMS_PER_NUMBER, to.get().e164(), Duration.ofDays(1), perDay)) {
                outgoing.markUndeliverable(InvitationLedger.PER_NUMBER_LIMIT + ": at most " + perDay
                        + " campaign messages a day to one number");
                return;
            }
            // Claimed last: a message refused above costs nothing. A retry after a gateway failure claims no more.
            if (!budget.claim()) {
                refusals.count(SmsRefusalReason.DAILY_BUDGET, OUTBOX, to.get().maskedInternational());
                outgoing.markUndeliverable(InvitationLedger.BUDGET_USED_UP + ": the daily SMS budget (MVOTING_SMS_DAILY_BUDGET, "
                        + CitySettings.smsDailyBudget() + ") is used up");
                return;
            }
        }
        try {
            gateways.current().send(outgoing.id(), to.get().e164(), outgoing.body());
            outgoing.markSent(Instant.now());
        } catch (SmsDeliveryException e) {
            LOG.log(Level.WARNING, "SMS delivery failed for outbox message " + outgoing.id() + "; will retry", e);
            counters.gatewayFailed(OutboxMessage.Channel.SMS.name(), NodeCounters.GatewayFailure.RETRY);
            retryLater(outgoing, e.getMessage());
        }
    }

    /** The number, decrypted only now; a message written before numbers were sealed carries it in clear. */
    private Optional<PhoneNumber> recipientOf(OutboxMessage outgoing) {
        byte[] sealed = outgoing.recipientSealed();
        if (sealed == null) {
            return outgoing.recipient().startsWith("+") ? Optional.of(new PhoneNumber(outgoing.recipient())) : Optional.empty();
        }
        return secrets.openPhone(sealed);
    }

    /** The token is looked up now: an installation removed since the message was written gets nothing. */
    private void sendPush(OutboxMessage outgoing) {
        PushInstallation installation = installations.find(UUID.fromString(outgoing.recipient())).orElse(null);
        if (installation == null) {
            outgoing.markUndeliverable("installation removed before sending");
            return;
        }
        try {
            PushTarget target = new PushTarget(installation.id(), installation.platform(), installation.token());
            pushGateways.forTarget(target).send(outgoing.id(), target, PushNotification.fromJson(outgoing.body()));
            outgoing.markSent(Instant.now());
        } catch (PushSubscriptionGoneException e) {
            // the browser unsubscribed or the push service expired it: nothing sent there will ever arrive
            LOG.info(() -> "Push installation " + installation.id() + " is gone at its push service; removing it");
            counters.gatewayFailed(OutboxMessage.Channel.PUSH.name(), NodeCounters.GatewayFailure.REFUSED);
            installations.remove(installation);
            outgoing.markUndeliverable(e.getMessage());
        } catch (PushRejectedException e) {
            LOG.warning(() -> "Push notification " + outgoing.id() + " refused for good: " + e.getMessage());
            counters.gatewayFailed(OutboxMessage.Channel.PUSH.name(), NodeCounters.GatewayFailure.REFUSED);
            outgoing.markUndeliverable(e.getMessage());
        } catch (PushDeliveryException e) {
            LOG.log(Level.WARNING, "Push delivery failed for outbox message " + outgoing.id() + "; will retry", e);
            counters.gatewayFailed(OutboxMessage.Channel.PUSH.name(), NodeCounters.GatewayFailure.RETRY);
            retryLater(outgoing, e.getMessage());
        }
    }

    /** A staff notice: the recipient is the staff id the mobile office knows the person by. */
    private void sendToMobileOffice(OutboxMessage outgoing) {
        try {
            mobileOffice.current().send(outgoing.id(), java.util.List.of(outgoing.recipient()),
                    PushNotification.fromJson(outgoing.body()));
            outgoing.markSent(Instant.now());
        } catch (MobileOfficeRejectedException e) {
            LOG.warning(() -> "Mobile-office notice " + outgoing.id() + " refused for good: " + e.getMessage());
            counters.gatewayFailed(OutboxMessage.Channel.MOBILE_OFFICE.name(), NodeCounters.GatewayFailure.REFUSED);
            outgoing.markUndeliverable(e.getMessage());
        } catch (MobileOfficeDeliveryException e) {
            LOG.log(Level.WARNING, "Mobile-office delivery failed for outbox message " + outgoing.id() + "; will retry", e);
            counters.gatewayFailed(OutboxMessage.Channel.MOBILE_OFFICE.name(), NodeCounters.GatewayFailure.RETRY);
            retryLater(outgoing, e.getMessage());
        }
    }

    /** A staff notice by e-mail: the address is the staff id at MVOTING_STAFF_MAIL_DOMAIN, decided when it goes out. */
    private void sendMail(OutboxMessage outgoing) {
        String address = StaffMailers.addressOf(outgoing.recipient()).orElse(null);
        if (address == null) {
            outgoing.markUndeliverable("MVOTING_STAFF_MAIL_DOMAIN is no longer set");
            return;
        }
        PushNotification notice = PushNotification.fromJson(outgoing.body());
        try {
            mailers.current().send(outgoing.id(), outgoing.recipient(), address, notice.title(),
                    notice.body() + (notice.link() == null ? "" : "\n\n" + notice.link()));
            outgoing.markSent(Instant.now());
        } catch (MailRejectedException e) {
            LOG.warning(() -> "E-mail " + outgoing.id() + " refused for good: " + e.getMessage());
            counters.gatewayFailed(OutboxMessage.Channel.MAIL.name(), NodeCounters.GatewayFailure.REFUSED);
            outgoing.markUndeliverable(e.getMessage());
        } catch (MailDeliveryException e) {
            LOG.log(Level.WARNING, "E-mail delivery failed for outbox message " + outgoing.id() + "; will retry", e);
            counters.gatewayFailed(OutboxMessage.Channel.MAIL.name(), NodeCounters.GatewayFailure.RETRY);
            retryLater(outgoing, e.getMessage());
        }
    }

    private void retryLater(OutboxMessage outgoing, String error) {
        attempts.recordFailure(outgoing.id(), error);
        context.setRollbackOnly();
    }

    static UUID messageId(Message message) {
        try {
            return UUID.fromString(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an outbox announcement: " + message, e);
        }
    }
}
