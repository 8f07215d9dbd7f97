package org.mvoting.application.staff;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.mvoting.api.errors.DirectorySyncRunningException;
import org.mvoting.api.polls.Actor;
import org.mvoting.domain.organization.Department;
import org.mvoting.domain.organization.DirectorySyncRun;
import org.mvoting.domain.organization.OrgUnit;
import org.mvoting.domain.organization.StaffMember;
import org.mvoting.infrastructure.directory.DirectorySnapshot;
import org.mvoting.infrastructure.directory.LdapDirectory;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.StaffRepository;

/**
 * Copies the org chart and its people from the directory into the database: add what is new, move who
 * moved, mark who left. Idempotent (a second run with no directory change changes nothing) and one at a
 * time across nodes. Internal: callers are the role-checked {@code StaffDirectoryService} and the timer.
 */
@Stateless
public class DirectorySynchronizer {

    private static final Logger LOG = Logger.getLogger(DirectorySynchronizer.class.getName());
    /** A run still RUNNING after this long died with its node; it no longer blocks new runs. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);
    private static final int PROGRESS_EVERY = 25;

    @Inject
    private LdapDirectory ldap;

    @Inject
    private StaffRepository staff;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /** Registers a new run, unless one is already running; committed at once so others see it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long begin(String trigger, Actor actor) {
        locks.exclusive(AdvisoryLocks.Space.DIRECTORY, 0); // two nodes starting at once: one waits, then sees the other's run
        Instant now = Instant.now();
        staff.runningRun().ifPresent(running -> {
            if (running.startedAt().isBefore(now.minus(ABANDONED_AFTER))) {
                running.fail("abandoned (its node stopped while it ran)", now);
            } else {
                throw new DirectorySyncRunningException(running.id());
            }
        });
        DirectorySyncRun run = new DirectorySyncRun(trigger, actor.name(), now);
        staff.addRun(run);
        audit.record(actor, "directory.sync-start", run.id(), trigger);
        return run.id();
    }

    /** Runs a registered sync in the background. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void runInBackground(long runId) {
        runNow(runId);
    }

    /** Runs a registered sync on the calling thread; failures end up in the run, not with the caller. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void runNow(long runId) {
        DirectorySynchronizer self = context.getBusinessObject(DirectorySynchronizer.class);
        try {
            DirectorySnapshot snapshot = ldap.snapshot();
            self.apply(runId, snapshot);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Directory sync " + runId + " failed", e);
            self.fail(runId, describe(e));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? root.getClass().getSimpleName() : e.getMessage());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long runId, String reason) {
        staff.run(runId).ifPresent(run -> run.fail(reason, Instant.now()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(long runId, int processed, int total) {
        staff.run(runId).ifPresent(run -> run.progress(processed, total));
    }

    /** Applies a snapshot in one transaction: the database holds the old chart or the new one, never half. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void apply(long runId, DirectorySnapshot snapshot) {
        DirectorySynchronizer self = context.getBusinessObject(DirectorySynchronizer.class);
        if (snapshot.people().isEmpty()) {
            // A wrong base DN or an empty answer must not mark the whole city as having left.
            throw new IllegalStateException("the directory returned no people; nothing was changed");
        }
        int total = snapshot.units().size() + snapshot.people().size();
        self.progress(runId, 0, total);
        Instant now = Instant.now();
        List<String> changes = new ArrayList<>();
        int[] units = applyUnits(snapshot.units(), changes);
        int processed = snapshot.units().size();
        self.progress(runId, processed, total);

        // the units as now stored (skipped ones are not there): a person's unit must be one of them
        Set<String> knownUnits = staff.units().stream().filter(OrgUnit::active).map(OrgUnit::code)
                .collect(Collectors.toSet());
        Map<String, StaffMember> existing = staff.everyone().stream()
                .collect(Collectors.toMap(StaffMember::staffId, Function.identity()));
        int added = 0;
        int moved = 0;
        int changed = 0;
        Set<String> seen = new HashSet<>();
        for (DirectorySnapshot.Person person : snapshot.people()) {
            if (!seen.add(person.staffId())) {
                continue; // the same uid twice in a directory is its error; the first entry wins
            }
            String unit = knownUnits.contains(person.unitCode()) ? person.unitCode() : null;
            // the directory's values are clipped to our columns: one odd entry must not stop every sync
            person = new DirectorySnapshot.Person(person.staffId(), clip(person.name(), 200), clip(person.title(), 100),
                    person.unitCode(), person.managerId() == null || person.managerId().length() > StaffMember.ID_LENGTH
                    ? null : person.managerId(), person.roles());
            StaffMember member = existing.get(person.staffId());
            if (member == null) {
                staff.addMember(new StaffMember(person.staffId(), person.name(), person.title(), unit,
                        person.managerId(), person.roles(), now));
                added++;
                changes.add("added " + person.staffId() + " (" + unit + ")");
            } else {
                String before = member.unitCode();
                switch (member.update(person.name(), person.title(), unit, person.managerId(), person.roles(), now)) {
                    case MOVED -> {
                        moved++;
                        changes.add("moved " + person.staffId() + " " + before + " → " + unit);
                    }
                    case CHANGED -> {
                        changed++;
                        changes.add("changed " + person.staffId());
                    }
                    case RETURNED -> {
                        added++;
                        changes.add("returned " + person.staffId() + " (" + unit + ")");
                    }
                    case NONE -> { }
                }
            }
            if (++processed % PROGRESS_EVERY == 0) {
                self.progress(runId, processed, total);
            }
        }
        int left = 0;
        for (StaffMember member : existing.values()) {
            if (member.active() && !seen.contains(member.staffId())) {
                member.leave(now);
                left++;
                changes.add("left " + member.staffId() + " (" + member.unitCode() + ")");
            }
        }
        DirectorySyncRun run = staff.run(runId).orElseThrow();
        run.progress(processed, total);
        run.succeed(new DirectorySyncRun.Summary(units[0], units[1], units[2], added, moved, changed, left, changes),
                now);
        audit.record(new Actor(run.startedBy(), "directory-sync"), "directory.sync", runId,
                "units +" + units[0] + " ~" + units[1] + " -" + units[2] + "; people +" + added + " moved " + moved
                        + " changed " + changed + " left " + left);
    }

    /** Units first (people refer to them); returns {added, changed, removed}. */
    private int[] applyUnits(List<DirectorySnapshot.Unit> incoming, List<String> changes) {
        Map<String, DirectorySnapshot.Unit> byCode = new HashMap<>();
        incoming.forEach(u -> byCode.putIfAbsent(u.code(), u));
        Map<String, OrgUnit> existing = staff.units().stream()
                .collect(Collectors.toMap(OrgUnit::code, Function.identity()));
        Map<String, Department> departments = staff.departments().stream()
                .collect(Collectors.toMap(Department::code, Function.identity()));
        int added = 0;
        int changed = 0;
        int removed = 0;
        for (DirectorySnapshot.Unit unit : byCode.values()) {
            OrgUnit.Kind kind = OrgUnit.Kind.valueOf(unit.kind());
            String path = pathOf(unit, byCode);
            if (unit.code().length() > OrgUnit.CODE_LENGTH || path.length() > 600) {
                changes.add("unit skipped (code or depth too long) " + clip(unit.code(), 40));
                continue;
            }
            unit = new DirectorySnapshot.Unit(unit.code(), clip(unit.name(), 200), unit.kind(), unit.parentCode());
            String parent = byCode.containsKey(unit.parentCode()) ? unit.parentCode() : null;
            OrgUnit current = existing.get(unit.code());
            if (current == null) {
                staff.addUnit(new OrgUnit(unit.code(), unit.name(), kind, parent, path));
                added++;
                changes.add("unit added " + unit.code());
            } else if (current.describe(unit.name(), kind, parent, path)) {
                changed++;
                changes.add("unit changed " + unit.code());
            }
            if (kind == OrgUnit.Kind.DEPARTMENT) {
                Department department = departments.get(unit.code());
                if (department == null) {
                    staff.addDepartment(new Department(unit.code(), unit.name()));
                } else {
                    department.reinstate(unit.name());
                }
            }
        }
        for (OrgUnit unit : existing.values()) {
            if (unit.active() && !byCode.containsKey(unit.code())) {
                unit.retire();
                removed++;
                changes.add("unit removed " + unit.code());
                Department department = departments.get(unit.code());
                if (department != null) {
                    department.retire();
                }
            }
        }
        return new int[] {added, changed, removed};
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** '/CITY/DIV-ADMIN/DEPT-IT/': walks up the snapshot's parents (a cycle or a gap ends the walk). */
    static String pathOf(DirectorySnapshot.Unit unit, Map<String, DirectorySnapshot.Unit> byCode) {
        List<String> codes = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        DirectorySnapshot.Unit current = unit;
        while (current != null && visited.add(current.code())) {
            codes.add(0, current.code());
            current = current.parentCode() == null ? null : byCode.get(current.parentCode());
        }
        return "/" + String.join("/", codes) + "/";
    }
}
