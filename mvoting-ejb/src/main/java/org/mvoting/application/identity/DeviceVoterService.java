package org.mvoting.application.identity;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.identity.DeviceVoters;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.domain.identity.DeviceId;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.persistence.IdentityRepository;
import org.mvoting.infrastructure.persistence.RateLimits;

/** Voters known by their device (see {@link DeviceVoters}). */
@Stateless
public class DeviceVoterService implements DeviceVoters {

    static final String BALLOTS_PER_ADDRESS = "device-ballots";

    @Inject
    private ServerSecrets secrets;

    @Inject
    private IdentityRepository identities;

    @EJB
    private RateLimits limits;

    @Override
    public VoterCredential unauthenticated(String deviceId, Channel channel) {
        byte[] deviceKey = secrets.deviceKey(new DeviceId(deviceId));
        // A device a citizen signed in on votes as that citizen, so signing out cannot buy a second ballot.
        byte[] voterKey = identities.boundVoterKey(deviceKey).orElse(deviceKey);
        return new VoterCredential(voterKey, AssuranceLevel.DEVICE, channel, false, deviceKey);
    }

    @Override
    public VoterCredential onDevice(VoterCredential voter, String deviceId) {
        return voter.withDevice(secrets.deviceKey(new DeviceId(deviceId)));
    }

    @Override
    public void countBallotAttempt(String networkAddress) {
        limits.hit(BALLOTS_PER_ADDRESS, networkAddress == null ? "unknown" : networkAddress, Duration.ofHours(1),
                CitySettings.deviceBallotsPerAddressPerHour());
    }
}
