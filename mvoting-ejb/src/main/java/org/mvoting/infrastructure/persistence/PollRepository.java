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

    public Optional<Poll> find(UUID id) {
        return Optional.ofNullable(em.find(Poll.class, id));
    }

    public List<Poll> openPolls(Instant now, int first, int max) {
        return em.createQuery("SELECT p FROM Poll p JOIN FETCH p.ownerDepartment WHERE p.status = :open"
                        + " AND p.schedule.closesAt > :now ORDER BY p.schedule.closesAt, p.id", Poll.class)
                .setParameter("open", PollStatus.OPEN).setParameter("now", now)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countOpenPolls(Instant now) {
        return em.createQuery("SELECT count(p) FROM Poll p WHERE p.status = :open AND p.schedule.closesAt > :now",
                        Long.class)
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
}
