package org.mvoting.application.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mvoting.infrastructure.persistence.EventLedger.QuestionKey;
import org.mvoting.infrastructure.persistence.EventLedger;

/**
 * What a hall ballot looks up before the ballot box, kept in memory: which event a join code names, and which event
 * and question an asked question's poll belongs to. Neither changes once set (join codes are never reassigned; an
 * asked question is never edited), so a 1000-phone burst need not read them 1000 times. Nothing here decides whether
 * a ballot counts: the ballot box reads the poll's state under its lock (a wiped rehearsal's question is REMOVED
 * there). Each node keeps its own; a prepared question is not kept, it is read again until it is asked.
 */
@ApplicationScoped
public class EventHallKeys {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, UUID> eventsByJoinCode = new ConcurrentHashMap<>();
    private final Map<UUID, QuestionKey> askedQuestions = new ConcurrentHashMap<>();

    @Inject
    private EventLedger events;

    Optional<UUID> eventOf(String joinCode) {
        UUID known = eventsByJoinCode.get(joinCode);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<UUID> found = events.eventByJoinCode(joinCode);
        found.ifPresent(id -> keep(eventsByJoinCode, joinCode, id));
        return found;
    }

    Optional<QuestionKey> question(UUID pollId) {
        QuestionKey known = askedQuestions.get(pollId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<QuestionKey> found = events.questionKey(pollId);
        found.filter(QuestionKey::asked).ifPresent(key -> keep(askedQuestions, pollId, key));
        return found;
    }

    private static <K, V> void keep(Map<K, V> map, K key, V value) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear(); // a city holds a handful of events a year: only a flood of codes gets here
        }
        map.put(key, value);
    }
}
