package org.mvoting.application.polls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.messaging.PushTexts;
import org.mvoting.domain.messaging.PushInstallation;
import org.mvoting.domain.messaging.PushNotification;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.messaging.OutboxRelay;
import org.mvoting.infrastructure.persistence.PushInstallationRepository;

/**
 * Tells citizens' app installations that a poll they may vote in has opened: one PUSH outbox message per eligible
 * installation, written in the caller's transaction and announced on the outbox queue with it. Every installation
 * for an OPEN poll; for a LISTED poll only those whose phone's voter key is on the list. Staff polls notify nobody
 * here.
 */
@ApplicationScoped
public class NewPollPushes {

    @Inject
    private PushInstallationRepository installations;

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

    /** Writes the messages (one statement per language, however many installations) and returns how many. */
    int enqueue(Poll poll, Instant now) {
        if (!notifiesCitizens(poll)) {
            return 0;
        }
        List<UUID> ids = new ArrayList<>();
        // one statement per language: each installation gets the notification in the language it asked for
        for (Locale language : PushInstallation.LANGUAGES) {
            ids.addAll(installations.enqueuePush(notification(poll, language).toJson(), language,
                    poll.audience() == AudienceType.LISTED ? poll.id() : null, now));
        }
        relay.announceAll(ids);
        return ids.size();
    }
}
