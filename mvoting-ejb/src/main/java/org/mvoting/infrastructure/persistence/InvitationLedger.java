package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.InvitationProgress;
import org.mvoting.api.polls.ListedNumber;

/**
 * SMS invitations of LISTED polls: which listed numbers still need one, which outbox message carries each
 * number's latest, and how they stand (the outbox message's status is the invitation's).
 */
@ApplicationScoped
public class InvitationLedger {

    /** last_error of a campaign message refused by the per-number throttle starts with this. */
    public static final String PER_NUMBER_LIMIT = "per-number-limit";
    /** last_error of an invitation not sent because its number opted out. */
    public static final String OPTED_OUT = "opted-out";
    /** last_error of a campaign message to a number outside MVOTING_SMS_ALLOWED_PREFIXES. */
    public static final String COUNTRY_NOT_ALLOWED = "sms-country-not-allowed";
    /** last_error of a campaign message refused because the day's SMS budget was used up. */
    public static final String BUDGET_USED_UP = "sms-budget-used-up";
    private static final java.util.List<String> NAMED_FAILURES =
            java.util.List.of(PER_NUMBER_LIMIT, OPTED_OUT, COUNTRY_NOT_ALLOWED, BUDGET_USED_UP);

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** A listed number to invite: the row's voter key and the sealed number. */
    public record Invitee(byte[] voterKey, byte[] phoneSealed) {
    }

    /**
     * Listed numbers never invited, or whose latest invitation failed, of people who have not voted yet; for a
     * citizen's poll ({@code skipOptedOut}) also without the numbers that opted out of citizens' invitations.
     */
    public List<Invitee> toInvite(UUID pollId, boolean skipOptedOut) {
        List<?> rows = em.createNativeQuery("SELECT l.voter_key, l.phone_sealed FROM poll_listed_voter l"
                        + " LEFT JOIN outbox_message o ON o.id = l.invitation_id"
                        + " WHERE l.poll_id = ?1 AND l.phone_sealed IS NOT NULL"
                        + " AND (l.invitation_id IS NULL OR o.status = 'FAILED')"
                        // someone who has voted needs no invitation (or a second one)
                        + " AND NOT EXISTS (SELECT 1 FROM participation pa WHERE pa.poll_id = l.poll_id"
                        + " AND pa.voter_key = l.voter_key)"
                        + (skipOptedOut ? " AND NOT EXISTS (SELECT 1 FROM sms_opt_out x WHERE x.voter_key = l.voter_key)" : ""))
                .setParameter(1, pollId).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Invitee((byte[]) r[0], (byte[]) r[1])).toList();
    }

    /** The token of a number's opt-out link (the same for every invitation to it). */
    public void rememberOptOutToken(String token, byte[] voterKey) {
        em.createNativeQuery("INSERT INTO sms_opt_out_token (token, voter_key) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, token).setParameter(2, voterKey).executeUpdate();
    }

    /** Opts the number behind the token out; false for an unknown token. */
    public boolean optOut(String token, java.time.Instant now) {
        return em.createNativeQuery("INSERT INTO sms_opt_out (voter_key, opted_out_at) SELECT voter_key, ?2"
                        + " FROM sms_opt_out_token WHERE token = ?1 ON CONFLICT DO NOTHING")
                .setParameter(1, token).setParameter(2, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .executeUpdate() == 1 || !em.createNativeQuery("SELECT 1 FROM sms_opt_out_token WHERE token = ?1")
                .setParameter(1, token).getResultList().isEmpty();
    }

    public boolean optedOut(byte[] voterKey) {
        return !em.createNativeQuery("SELECT 1 FROM sms_opt_out WHERE voter_key = ?1").setParameter(1, voterKey)
                .getResultList().isEmpty();
    }

    /** Invitations a citizen's polls wrote since then (campaigns "ci:{poll}"), for the daily limit. */
    public long citizenInvitationsSince(UUID citizenId, java.time.Instant since) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_message o JOIN poll p"
                        + " ON o.campaign = 'ci:' || CAST(p.id AS VARCHAR(36)) WHERE p.owner_citizen_id = ?1 AND o.created_at >= ?2")
                .setParameter(1, citizenId).setParameter(2, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                .getSingleResult()).longValue();
    }

    public void recordInvitation(UUID pollId, byte[] voterKey, UUID outboxMessageId) {
        em.createNativeQuery("UPDATE poll_listed_voter SET invitation_id = ?3 WHERE poll_id = ?1 AND voter_key = ?2")
                .setParameter(1, pollId).setParameter(2, voterKey).setParameter(3, outboxMessageId).executeUpdate();
    }

    public InvitationProgress progress(UUID pollId) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT count(*),"
                        + " count(*) FILTER (WHERE l.invitation_id IS NULL),"
                        + " count(*) FILTER (WHERE o.status = 'PENDING'),"
                        + " count(*) FILTER (WHERE o.status = 'SENT'),"
                        + " count(*) FILTER (WHERE o.status = 'FAILED')"
                        + " FROM poll_listed_voter l LEFT JOIN outbox_message o ON o.id = l.invitation_id"
                        + " WHERE l.poll_id = ?1")
                .setParameter(1, pollId).getSingleResult();
        return new InvitationProgress(pollId, number(r[0]), number(r[1]), number(r[2]), number(r[3]), number(r[4]));
    }

    /** Listed numbers, masked, in a stable order, with the state of their latest invitation. */
    public List<ListedNumber> numbers(UUID pollId, int offset, int size) {
        List<?> rows = em.createNativeQuery("SELECT l.phone_masked, o.status, o.last_error FROM poll_listed_voter l"
                        + " LEFT JOIN outbox_message o ON o.id = l.invitation_id"
                        + " WHERE l.poll_id = ?1 ORDER BY l.phone_masked NULLS LAST, l.voter_key")
                .setParameter(1, pollId).setFirstResult(offset).setMaxResults(size).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> {
            ListedNumber.State state = r[1] == null ? ListedNumber.State.NOT_INVITED : switch ((String) r[1]) {
                case "PENDING" -> ListedNumber.State.QUEUED;
                case "SENT" -> ListedNumber.State.SENT;
                default -> ListedNumber.State.FAILED;
            };
            String error = (String) r[2];
            String failure = state != ListedNumber.State.FAILED ? null : NAMED_FAILURES.stream()
                    .filter(named -> error != null && error.startsWith(named)).findFirst().orElse("delivery-failed");
            return new ListedNumber(r[0] == null ? "-" : (String) r[0], state, failure);
        }).toList();
    }

    public int countListed(UUID pollId) {
        return number(em.createNativeQuery("SELECT count(*) FROM poll_listed_voter WHERE poll_id = ?1")
                .setParameter(1, pollId).getSingleResult());
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }
}
