package org.mvoting.application.staff;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.errors.StaffPermissionException;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.DirectorySyncView;
import org.mvoting.api.staff.OrgUnitView;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.api.staff.StaffDirectory;
import org.mvoting.api.staff.StaffIdentity;
import org.mvoting.api.staff.StaffMemberView;
import org.mvoting.domain.organization.DirectorySyncRun;
import org.mvoting.domain.organization.OrgUnit;
import org.mvoting.domain.organization.StaffMember;
import org.mvoting.infrastructure.crypto.MobileOfficeIdentity;
import org.mvoting.infrastructure.crypto.MobileOfficeTokens;
import org.mvoting.infrastructure.persistence.StaffRepository;

/** The staff directory as the portal and the API use it; every method names the roles it admits. */
@Stateless
public class StaffDirectoryService implements StaffDirectory {

    private static final Logger LOG = Logger.getLogger(StaffDirectoryService.class.getName());

    @Inject
    private StaffRepository staff;

    @EJB
    private DirectorySynchronizer synchronizer;

    @Inject
    private MobileOfficeTokens mobileOffice;

    @Inject
    private org.mvoting.infrastructure.crypto.ServerSecrets secrets;

    @Inject
    private StaffCaller caller;

    /** Open to everyone: the mobile-office token check asks it after the token's signature is verified. */
    @Override
    public Optional<StaffIdentity> activeStaff(String staffId) {
        return staff.member(staffId).filter(StaffMember::active)
                .map(m -> new StaffIdentity(m.staffId(), m.name(), withStaff(new HashSet<>(m.roles()))));
    }

    @Override
    public Optional<StaffIdentity> mobileOfficeIdentity(String bearerToken) {
        if (!mobileOffice.claimsToBeFromMobileOffice(bearerToken)) {
            return Optional.empty(); // a citizen's token: never touched by the mobile-office settings
        }
        Optional<MobileOfficeIdentity> verified;
        try {
            verified = mobileOffice.verify(bearerToken);
        } catch (org.mvoting.api.errors.BusinessException judged) {
            throw judged; // a bad token (401) or an unreachable key set (503)
        } catch (RuntimeException misconfigured) {
            LOG.severe("Mobile-office tokens cannot be checked, the settings are wrong: " + misconfigured.getMessage());
            throw new org.mvoting.api.errors.InvalidTokenException(org.mvoting.api.errors.InvalidTokenException.Reason.BAD_SIGNATURE);
        }
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        MobileOfficeIdentity identity = verified.get();
        return Optional.of(activeStaff(identity.staffId())
                .orElseThrow(() -> new StaffPermissionException("not-in-directory", identity.staffId())));
    }

    /** Everyone in the directory is staff, whether or not the directory has a STAFF group. */
    private static Set<String> withStaff(Set<String> roles) {
        Set<String> all = new HashSet<>(roles);
        all.add(Roles.STAFF);
        return all;
    }

    @Override
    @AllowedRoles(Roles.ADMIN)
    public DirectorySyncView startSync(Actor actor) {
        long runId = synchronizer.begin("MANUAL", actor);
        synchronizer.runInBackground(runId);
        return syncRun(runId);
    }

    @Override
    @AllowedRoles({Roles.ADMIN, Roles.AUDITOR})
    public DirectorySyncView syncRun(long runId) {
        return staff.run(runId).map(StaffDirectoryService::view)
                .orElseThrow(() -> new NotFoundException("directory-sync-not-found", runId));
    }

    @Override
    @AllowedRoles({Roles.ADMIN, Roles.AUDITOR})
    public List<DirectorySyncView> recentSyncs(int max) {
        return staff.recentRuns(Math.max(1, Math.min(max, 100))).stream().map(StaffDirectoryService::view).toList();
    }

    @Override
    @AllowedRoles({Roles.STAFF, Roles.AUDITOR})
    public List<OrgUnitView> orgChart() {
        return staff.units().stream()
                .map(u -> new OrgUnitView(u.code(), u.name(), u.kind().name(), u.parentCode(), u.active())).toList();
    }

    @Override
    @AllowedRoles({Roles.STAFF, Roles.AUDITOR})
    public List<StaffMemberView> searchStaff(String text, int max) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, OrgUnit> units = staff.units().stream().collect(Collectors.toMap(OrgUnit::code, Function.identity()));
        return staff.search(text.strip(), Math.max(1, Math.min(max, 50))).stream().map(m -> view(m, units)).toList();
    }

    /**
     * Staff proved who they are to the directory (password) or to the mobile office (signed token): as strong
     * as a verified phone. Someone who has left gets no credential, whatever their session still says.
     */
    @Override
    @AllowedRoles(Roles.STAFF)
    public VoterCredential voterCredential(Channel channel) {
        String id = caller.staffId();
        StaffMember member = staff.member(id).filter(StaffMember::active)
                .orElseThrow(() -> new StaffPermissionException("not-in-directory", id));
        return new VoterCredential(secrets.staffVoterKey(member.staffId()), AssuranceLevel.SMS_VERIFIED, channel, true);
    }

    @Override
    @AllowedRoles({Roles.STAFF, Roles.AUDITOR})
    public Optional<StaffMemberView> me() {
        Map<String, OrgUnit> units = staff.units().stream().collect(Collectors.toMap(OrgUnit::code, Function.identity()));
        return staff.member(caller.staffId()).map(m -> view(m, units));
    }

    static StaffMemberView view(StaffMember m, Map<String, OrgUnit> units) {
        OrgUnit unit = units.get(m.unitCode());
        return new StaffMemberView(m.staffId(), m.name(), m.title(), m.unitCode(), unit == null ? null : unit.name(),
                StaffScope.departmentOf(unit, units).map(OrgUnit::code).orElse(null), m.managerId(), m.roles(),
                m.active());
    }

    static DirectorySyncView view(DirectorySyncRun r) {
        return new DirectorySyncView(r.id(), r.trigger(), r.startedBy(), r.startedAt(), r.finishedAt(),
                r.status().name(), r.total(), r.processed(), r.unitsAdded(), r.unitsChanged(), r.unitsRemoved(),
                r.peopleAdded(), r.peopleMoved(), r.peopleChanged(), r.peopleLeft(), r.changes(), r.error());
    }
}
