package org.mvoting.api.identity;

import jakarta.ejb.Local;
import org.mvoting.api.ballots.Channel;

/**
 * Voters known by their device: the app sends its own installation identifier, the mobile web keeps one in a
 * long-lived cookie. A device counts once in a device-level poll, whoever holds it; a device bound to a citizen
 * (their first sign-in on it) votes as that citizen.
 */
@Local
public interface DeviceVoters {

    /** The voter behind an unauthenticated request from this device: the bound citizen, or the device itself. */
    VoterCredential unauthenticated(String deviceId, Channel channel);

    /** The signed-in voter with the device they use now attached, so a device-level poll counts the device too. */
    VoterCredential onDevice(VoterCredential voter, String deviceId);

    /**
     * Counts one unauthenticated ballot attempt from a network address; refuses with 429 and Retry-After past
     * MVOTING_DEVICE_BALLOTS_PER_ADDRESS_PER_HOUR, so scripts minting device identifiers are held back.
     */
    void countBallotAttempt(String networkAddress);
}
