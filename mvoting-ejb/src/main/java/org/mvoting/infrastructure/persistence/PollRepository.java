package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.domain.organization.Department;
import org.mvoting.domain.poll.Poll;

/** Polls and the departments that own them, through JPA. */
@ApplicationScoped
public class PollRepository {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    public void add(Poll poll) {
        em.persist(poll);
        em.flush(); // question and option ids are needed at once (views, ballot rules)
    }

    /** Writes pending changes now, so new questions and options get their ids before they are shown. */
    public void assignIds() {
        em.flush();
    }

    /** Re-reads the poll from the database (after taking its lock: another transaction may have changed it). */
    public void refresh(Poll poll) {
        em.refresh(poll);
    }

    public Optional<Poll> find(UUID id) {
        return Found.of(em.find(Poll.class, id));
    }

    /**
     * Published staff polls whose audience at publication held this voter key (poll_listed_voter): the open ones (any
     * schedule) up to {@code maxOpen}, closing soonest first, then the closed ones up to {@code maxClosed}, newest first.
     */
    public List<Poll> staffPollsListing(byte[] voterKey, int maxOpen, int maxClosed) {
        List<UUID> ids = new java.util.ArrayList<>();
        for (Object[] part : new Object[][] {{"OPEN", "p.closes_at ASC", maxOpen}, {"CLOSED", "p.closes_at DESC", maxClosed}}) {
            ids.addAll(uuids(em.createNativeQuery("SELECT p.id FROM poll_listed_voter l JOIN poll p ON p.id = l.poll_id"
                            + " WHERE l.voter_key = ?1 AND p.kind = 'CITY_TO_STAFF' AND p.status = ?2"
                            + " ORDER BY " + part[1] + ", p.id")
                    .setParameter(1, voterKey).setParameter(2, part[0]).setMaxResults((Integer) part[2]).getResultList()));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Poll p JOIN FETCH p.ownerDepartment WHERE p.id IN :ids", Poll.class)
                .setParameter("ids", ids).getResultList();
    }

    /** Which of these polls the voter key has taken part in. */
    public java.util.Set<UUID> participatedIn(byte[] voterKey, java.util.Collection<UUID> pollIds) {
        if (pollIds.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<UUID> voted = new java.util.HashSet<>(uuids(em.createNativeQuery("SELECT pa.poll_id FROM participation pa"
                        + " JOIN poll p ON p.id = pa.poll_id WHERE pa.voter_key = ?1 AND p.kind = 'CITY_TO_STAFF'")
                .setParameter(1, voterKey).getResultList()));
        voted.retainAll(pollIds);
        return voted;
    }

    private static List<UUID> uuids(List<?> rows) {
        return rows.stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList();
    }

    public List<Poll> openPolls(Instant now, int first, int max) {
        // the city's polls; citizens' own polls have their directory (/citizen-polls), staff polls the portal,
        // events' questions their hall
        return em.createQuery("SELECT p FROM Poll p JOIN FETCH p.ownerDepartment WHERE p.status = :open"
                        + " AND p.kind = :city AND p.schedule.closesAt > :now"
                        + " ORDER BY p.schedule.closesAt, p.id", Poll.class)
                .setParameter("city", org.mvoting.api.polls.PollKind.CITY_TO_CITIZEN)
                .setParameter("open", PollStatus.OPEN).setParameter("now", now)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countOpenPolls(Instant now) {
        return em.createQuery("SELECT count(p) FROM Poll p WHERE p.status = :open AND p.kind = :city"
                        + " AND p.schedule.closesAt > :now", Long.class)
                .setParameter("city", org.mvoting.api.polls.PollKind.CITY_TO_CITIZEN)
                .setParameter("open", PollStatus.OPEN).setParameter("now", now).getSingleResult();
    }

    public List<UUID> idsDueForClosing(Instant now) {
        return em.createQuery("SELECT p.id FROM Poll p WHERE p.status = :open AND p.schedule.closesAt <= :now",
                        UUID.class)
                .setParameter("open", PollStatus.OPEN).setParameter("now", now).getResultList();
    }

    public Optional<Department> department(String code) {
        return em.createQuery("SELECT d FROM Department d WHERE d.code = :code", Department.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public void addDepartment(Department department) {
        em.persist(department);
    }

    /** A page of polls for the portal's list, newest first; null filters match anything. */
    public List<Poll> page(PollStatus status, org.mvoting.api.polls.PollKind kind, java.util.Collection<String> departments,
                           String text, int first, int max) {
        return filtered("SELECT p FROM Poll p JOIN p.ownerDepartment d", status, kind, departments, text,
                " ORDER BY p.createdAt DESC, p.id", Poll.class).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(PollStatus status, org.mvoting.api.polls.PollKind kind, java.util.Collection<String> departments,
                      String text) {
        return filtered("SELECT count(p) FROM Poll p JOIN p.ownerDepartment d", status, kind, departments, text, "",
                Long.class).getSingleResult();
    }

    /** departments == null means every department; an empty collection means none. */
    private <T> jakarta.persistence.TypedQuery<T> filtered(String select, PollStatus status,
                                                           org.mvoting.api.polls.PollKind kind,
                                                           java.util.Collection<String> departments, String text,
                                                           String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" WHERE p.status <> :removed");
        if (status != null) {
            jpql.append(" AND p.status = :status");
        }
        if (kind != null) {
            jpql.append(" AND p.kind = :kind");
        }
        if (departments != null) {
            jpql.append(departments.isEmpty() ? " AND 1 = 0" : " AND d.code IN :departments");
        }
        if (text != null && !text.isBlank()) {
            jpql.append(" AND lower(p.title) LIKE :text ESCAPE '\\'");
        }
        var query = em.createQuery(jpql.append(order).toString(), type).setParameter("removed", PollStatus.REMOVED);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        if (departments != null && !departments.isEmpty()) {
            query.setParameter("departments", departments);
        }
        if (text != null && !text.isBlank()) {
            query.setParameter("text", "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return query;
    }

    public java.util.Map<PollStatus, Long> countByStatus(String departmentCode) {
        java.util.Map<PollStatus, Long> counts = new java.util.EnumMap<>(PollStatus.class);
        for (Object[] row : em.createQuery("SELECT p.status, count(p) FROM Poll p WHERE p.ownerDepartment.code = :d"
                + " GROUP BY p.status", Object[].class).setParameter("d", departmentCode).getResultList()) {
            counts.put((PollStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /**
     * Votes cast on the given day in a department's polls. The day is the city's (participation keeps the city's
     * date), never the database server's current_date, which may be another zone's.
     */
    public long ballotsOn(String departmentCode, java.time.LocalDate cityDay) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM participation pa JOIN poll p ON p.id = pa.poll_id"
                        + " JOIN department d ON d.id = p.owner_department_id WHERE d.code = ?1 AND pa.voted_on = ?2")
                .setParameter(1, departmentCode).setParameter(2, cityDay).getSingleResult()).longValue();
    }

    /** Ballots per hour (the coarse cast_hour a mixed ballot keeps). */
    public java.util.Map<Instant, Long> ballotsByHour(UUID pollId) {
        java.util.Map<Instant, Long> hours = new java.util.TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT cast_hour, count(*) FROM ballot WHERE poll_id = ?1 GROUP BY cast_hour")
                .setParameter(1, pollId).getResultList()) {
            Object[] cells = (Object[]) row;
            Object hour = cells[0];
            Instant instant = hour instanceof java.time.OffsetDateTime o ? o.toInstant()
                    : hour instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) hour;
            hours.put(instant, ((Number) cells[1]).longValue());
        }
        return hours;
    }

    public boolean shortCodeTaken(String code) {
        return !em.createQuery("SELECT p.id FROM Poll p WHERE p.shortCode = :c", UUID.class).setParameter("c", code)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public Optional<Poll> byShortCode(String code) {
        return em.createQuery("SELECT p FROM Poll p WHERE p.shortCode = :c", Poll.class).setParameter("c", code)
                .getResultStream().findFirst();
    }
}
