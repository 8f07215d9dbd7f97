package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.domain.organization.Department;
import org.mvoting.domain.organization.DirectorySyncRun;
import org.mvoting.domain.organization.OrgUnit;
import org.mvoting.domain.organization.StaffMember;

/** The synced org chart, its people and the sync runs, through JPA. */
@ApplicationScoped
public class StaffRepository {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    public List<OrgUnit> units() {
        return em.createQuery("SELECT u FROM OrgUnit u ORDER BY u.path", OrgUnit.class).getResultList();
    }

    public Optional<OrgUnit> unit(String code) {
        return code == null ? Optional.empty() : Found.of(em.find(OrgUnit.class, code));
    }

    public void addUnit(OrgUnit unit) {
        em.persist(unit);
    }

    public List<StaffMember> everyone() {
        return em.createQuery("SELECT s FROM StaffMember s", StaffMember.class).getResultList();
    }

    public Optional<StaffMember> member(String staffId) {
        return staffId == null ? Optional.empty() : Found.of(em.find(StaffMember.class, staffId));
    }

    public void addMember(StaffMember member) {
        em.persist(member);
    }

    /** Active people whose unit lies in any of the given units' subtrees. */
    public List<String> activeStaffIdsUnder(Collection<OrgUnit> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder("SELECT s.staffId FROM StaffMember s, OrgUnit u "
                + "WHERE s.active = true AND s.unitCode = u.code AND (");
        int i = 0;
        for (OrgUnit ignored : units) {
            jpql.append(i == 0 ? "" : " OR ").append("u.path LIKE :p").append(i++).append(" ESCAPE '\\'");
        }
        var query = em.createQuery(jpql.append(")").toString(), String.class);
        i = 0;
        for (OrgUnit unit : units) {
            query.setParameter("p" + i++, unit.path().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return query.getResultList();
    }

    public List<StaffMember> search(String text, int max) {
        String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        return em.createQuery("SELECT s FROM StaffMember s WHERE s.active = true AND "
                        + "(lower(s.name) LIKE :t ESCAPE '\\' OR lower(s.staffId) LIKE :t ESCAPE '\\') ORDER BY s.name",
                        StaffMember.class)
                .setParameter("t", pattern).setMaxResults(max).getResultList();
    }

    public List<Department> departments() {
        return em.createQuery("SELECT d FROM Department d", Department.class).getResultList();
    }

    public void addDepartment(Department department) {
        em.persist(department);
    }

    public void addRun(DirectorySyncRun run) {
        em.persist(run);
        em.flush();
    }

    public Optional<DirectorySyncRun> run(long id) {
        return Found.of(em.find(DirectorySyncRun.class, id));
    }

    public List<DirectorySyncRun> recentRuns(int max) {
        return em.createQuery("SELECT r FROM DirectorySyncRun r ORDER BY r.startedAt DESC, r.id DESC",
                DirectorySyncRun.class).setMaxResults(max).getResultList();
    }

    public Optional<DirectorySyncRun> runningRun() {
        return em.createQuery("SELECT r FROM DirectorySyncRun r WHERE r.status = :running ORDER BY r.id DESC",
                        DirectorySyncRun.class)
                .setParameter("running", DirectorySyncRun.Status.RUNNING).setMaxResults(1)
                .getResultStream().findFirst();
    }

    // --- city-to-staff audiences ---

    public void setAudience(UUID pollId, Collection<String> unitCodes, Collection<String> staffIds) {
        em.createNativeQuery("DELETE FROM poll_audience_unit WHERE poll_id = ?1").setParameter(1, pollId).executeUpdate();
        em.createNativeQuery("DELETE FROM poll_audience_person WHERE poll_id = ?1").setParameter(1, pollId).executeUpdate();
        for (String code : unitCodes) {
            em.createNativeQuery("INSERT INTO poll_audience_unit (poll_id, unit_code) VALUES (?1, ?2)")
                    .setParameter(1, pollId).setParameter(2, code).executeUpdate();
        }
        for (String staffId : staffIds) {
            em.createNativeQuery("INSERT INTO poll_audience_person (poll_id, staff_id) VALUES (?1, ?2)")
                    .setParameter(1, pollId).setParameter(2, staffId).executeUpdate();
        }
    }

    public List<String> audienceUnits(UUID pollId) {
        return texts(em.createNativeQuery("SELECT unit_code FROM poll_audience_unit WHERE poll_id = ?1 ORDER BY unit_code")
                .setParameter(1, pollId).getResultList());
    }

    public List<String> audiencePeople(UUID pollId) {
        return texts(em.createNativeQuery("SELECT staff_id FROM poll_audience_person WHERE poll_id = ?1 ORDER BY staff_id")
                .setParameter(1, pollId).getResultList());
    }

    private static List<String> texts(List<?> rows) {
        return rows.stream().map(String.class::cast).toList();
    }
}
