package org.mvoting.api.staff;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.Actor;

/** The government staff directory: who is staff, the synced org chart, and the sync itself (logins: {@link StaffSignIn}). */
@Local
public interface StaffDirectory {

    /** A person still in the synced directory, with their roles; empty when unknown or gone. */
    Optional<StaffIdentity> activeStaff(String staffId);

    /**
     * The member of staff a bearer token from the mobile office's identity provider names. Empty when the
     * token is not the mobile office's (its issuer differs: a citizen token); an {@code InvalidTokenException}
     * when it claims to be but fails verification, or names someone who is not (or no longer) staff.
     */
    Optional<StaffIdentity> mobileOfficeIdentity(String bearerToken);

    /** Starts a sync now (ADMIN); returns at once with the run, which the caller can follow. */
    DirectorySyncView startSync(Actor actor);

    DirectorySyncView syncRun(long runId);

    List<DirectorySyncView> recentSyncs(int max);

    /** The whole org chart, parents before children. */
    List<OrgUnitView> orgChart();

    /** People whose name or ID contains the text (for the audience picker). */
    List<StaffMemberView> searchStaff(String text, int max);

    /** The calling member of staff as a voter (their key derives from the portal ID, the same on every channel). */
    VoterCredential voterCredential(Channel channel);

    /** The caller, as the synced directory knows them. */
    Optional<StaffMemberView> me();
}
