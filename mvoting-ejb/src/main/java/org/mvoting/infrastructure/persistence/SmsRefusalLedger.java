package org.mvoting.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mvoting.api.messaging.SmsGuard;
import org.mvoting.api.messaging.SmsRefusalCount;
import org.mvoting.api.messaging.SmsRefusalReason;
import org.mvoting.api.settings.CitySettings;

/**
 * Counts refused SMS (sms_refusal): one row per day in the city, reason, masked origin and masked destination, so a
 * pumping script costs a few rows, not one per request. Only masked values reach this table.
 */
@Stateless
public class SmsRefusalLedger {

    /** The most rows a report lists: the busiest combinations of each day come first. */
    static final int MAX_ROWS = 500;

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /**
     * Counts one refusal. Its own transaction: the refusal itself is an exception that rolls the request back, and
     * the count must stay.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void count(SmsRefusalReason reason, String maskedOrigin, String maskedDestination) {
        Instant now = Instant.now();
        em.createNativeQuery("INSERT INTO sms_refusal (refused_on, reason, origin, destination, refusals, last_at)"
                        + " VALUES (?1, ?2, ?3, ?4, 1, ?5) ON CONFLICT (refused_on, reason, origin, destination)"
                        + " DO UPDATE SET refusals = sms_refusal.refusals + 1, last_at = EXCLUDED.last_at")
                .setParameter(1, LocalDate.ofInstant(now, CitySettings.timeZone()))
                .setParameter(2, reason.name())
                .setParameter(3, clip(maskedOrigin, 64))
                .setParameter(4, clip(maskedDestination, 32))
                .setParameter(5, now)
                .executeUpdate();
    }

    /** The counts from {@code firstDay} on, newest day first and, within a day, most refused first. */
    public List<SmsRefusalCount> since(LocalDate firstDay) {
        List<?> rows = em.createNativeQuery("SELECT refused_on, reason, origin, destination, refusals, last_at"
                        + " FROM sms_refusal WHERE refused_on >= ?1"
                        + " ORDER BY refused_on DESC, refusals DESC, reason, origin, destination")
                .setParameter(1, firstDay)
                .setMaxResults(MAX_ROWS)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new SmsRefusalCount(
                r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0],
                SmsRefusalReason.valueOf((String) r[1]), (String) r[2], (String) r[3],
                ((Number) r[4]).longValue(), NativeValues.instant(r[5]))).toList();
    }

    /** Reports reach back {@link SmsGuard#MAX_DAYS} days; older counts only take space. */
    public void forgetOldDays() {
        em.createNativeQuery("DELETE FROM sms_refusal WHERE refused_on < ?1")
                .setParameter(1, LocalDate.now(CitySettings.timeZone()).minusDays(SmsGuard.MAX_DAYS))
                .executeUpdate();
    }

    private static String clip(String value, int length) {
        String text = value == null || value.isBlank() ? "-" : value;
        return text.length() <= length ? text : text.substring(0, length);
    }
}
