package org.mvoting.application.polls;

import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.messaging.PushTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.domain.messaging.PushInstallation;
import org.mvoting.domain.messaging.PushNotification;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.messaging.OutboxRelay;

/**
 * Tells citizens' app installations that a poll they may vote in has opened: one PUSH outbox message per eligible
 * installation, written in the caller's transaction and announced on the outbox queue with it. Every installation
 * for an OPEN poll; for a LISTED poll only those whose phone's voter key is on the list. Staff polls notify nobody
 * here.
 */
@ApplicationScoped
public class NewPollPushes {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Inject
    private OutboxRelay relay;

    /** Whether opening this poll notifies citizens. */
    static boolean notifiesCitizens(Poll poll) {
        return poll.kind() == PollKind.CITY_TO_CITIZEN
                && (poll.audience() == AudienceType.OPEN || poll.audience() == AudienceType.LISTED);
    }

    static PushNotification notification(Poll poll, Locale language) {
        return PushTexts.newPoll(language, poll.id(), poll.title(), poll.ownerDepartment().name(),
                poll.schedule().closesAt(), CitySettings.timeZone());
    }

    /**
     * Writes the messages with one INSERT ... SELECT (there may be very many installations) and returns how many.
     * The recipient is the installation id; the token is looked up when each message goes out.
     */
    int enqueue(Poll poll, Instant now) {
        if (!notifiesCitizens(poll)) {
            return 0;
        }
        List<UUID> ids = new ArrayList<>();
        // one statement per language: each installation gets the notification in the language it asked for
        for (Locale language : PushInstallation.LANGUAGES) {
            String sql = "INSERT INTO outbox_message (id, channel, recipient, body, status, attempts, created_at)"
                    + " SELECT gen_random_uuid(), '" + OutboxMessage.Channel.PUSH.name() + "', CAST(i.id AS VARCHAR(64)), ?1, '"
                    + OutboxMessage.Status.PENDING.name() + "', 0, ?2 FROM push_installation i WHERE i.language = ?3"
                    + (poll.audience() == AudienceType.LISTED
                            ? " AND EXISTS (SELECT 1 FROM poll_listed_voter l WHERE l.poll_id = ?4 AND l.voter_key = i.voter_key)"
                            : "")
                    + " RETURNING id";
            var insert = em.createNativeQuery(sql)
                    .setParameter(1, notification(poll, language).toJson())
                    .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .setParameter(3, language.getLanguage());
            if (poll.audience() == AudienceType.LISTED) {
                insert.setParameter(4, poll.id());
            }
            ((List<?>) insert.getResultList()).stream()
                    .map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).forEach(ids::add);
        }
        relay.announceAll(ids);
        return ids.size();
    }
}
