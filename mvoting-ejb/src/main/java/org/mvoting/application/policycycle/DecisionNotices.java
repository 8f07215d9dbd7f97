package org.mvoting.application.policycycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mvoting.application.messaging.PushTexts;
import org.mvoting.application.messaging.SmsTexts;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.domain.messaging.PushInstallation;
import org.mvoting.domain.policy.PolicyStep;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.messaging.OutboxRelay;
import org.mvoting.infrastructure.persistence.PolicyCycleRepository;

/**
 * Tells the citizens who took part in a poll that the city recorded its decision, through the outbox under the
 * campaign "decision:{poll}", in the caller's transaction.
 *
 * <p>Who took part is known only by voter key (participation), never joined to a ballot. Two ways reach them: every
 * app installation registered with a voter key that took part gets a push (any audience); and for a LISTED poll,
 * whose list keeps each number sealed, every listed number that took part gets an SMS (a campaign SMS: the per-number
 * daily throttle, the allowed countries and the SMS budget apply as to invitations). An OPEN poll's voters without the
 * app cannot be texted: the server keeps no phone number for them, only a keyed hash. Device-level ballots (no sign-in)
 * reach nobody.
 */
@ApplicationScoped
public class DecisionNotices {

    /** The decision's text in a push notification, cut to what a lock screen shows. */
    static final int PUSH_TEXT = 120;

    @Inject
    private PolicyCycleRepository cycles;

    @Inject
    private OutboxRelay relay;

    @Inject
    private ServerSecrets secrets;

    /** How many messages were written. */
    record Sent(int pushes, int texts) {
    }

    static String campaign(UUID pollId) {
        return "decision:" + pollId;
    }

    Sent send(Poll poll, PolicyStep decision, String linkBase, Instant now) {
        String department = poll.ownerDepartment().name();
        String text = decision.summary().length() <= PUSH_TEXT ? decision.summary()
                : decision.summary().substring(0, PUSH_TEXT - 1) + "…";
        List<UUID> pushes = new ArrayList<>();
        for (Locale language : PushInstallation.LANGUAGES) {
            pushes.addAll(cycles.enqueueParticipantPushes(poll.id(),
                    PushTexts.decision(language, poll.id(), poll.title(), department, text).toJson(), language,
                    campaign(poll.id()), now));
        }
        relay.announceAll(pushes);
        int texts = 0;
        List<byte[]> phones = cycles.participatingListedPhones(poll.id());
        if (!phones.isEmpty()) {
            String title = poll.title().length() > 40 ? poll.title().substring(0, 39) + "…" : poll.title();
            String sms = SmsTexts.text(Locale.KOREAN, "decision.poll", department, title, resultsLink(poll, linkBase));
            for (byte[] sealed : phones) {
                PhoneNumber phone = secrets.openPhone(sealed).orElseThrow(() ->
                        new IllegalStateException("A listed number cannot be decrypted: was MVOTING_SECRET changed?"));
                OutboxMessage message = OutboxMessage.campaignSms(phone.e164(), secrets.sealPhone(phone), sms,
                        campaign(poll.id()), now);
                relay.enqueue(message);
                texts++;
            }
        }
        return new Sent(pushes.size(), texts);
    }

    /** The results page, where the cycle is shown: the short link's results view, or the mobile web's. */
    static String resultsLink(Poll poll, String linkBase) {
        if (linkBase == null || linkBase.isBlank()) {
            throw new IllegalArgumentException("linkBase");
        }
        String base = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
        return base + "/m/#/polls/" + poll.id() + "/results";
    }
}
