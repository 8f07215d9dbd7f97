package org.mvoting.api.identity;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.polls.AssuranceLevel;

/**
 * A verified voter as the ballot engine sees them: a voter key (keyed hash of the verified identity,
 * the same on every channel), how strongly they proved it, the channel they use now, and whether the identity
 * is a member of staff (portal ID) rather than a citizen (phone). A staff identity votes only in staff polls,
 * so that nobody holds two keys for one citizen poll. {@code citizenId} is the signed-in citizen behind a bearer token
 * (null for staff, event tokens and signed-out devices): only it may earn mileage, and the ballot engine never passes it
 * beyond the award row.
 */
public record VoterCredential(byte[] voterKey, AssuranceLevel assurance, Channel channel, boolean staff,
                              byte[] deviceKey, UUID citizenId) {

    /** Without a signed-in citizen behind it (staff, a device, an event token). */
    public VoterCredential(byte[] voterKey, AssuranceLevel assurance, Channel channel, boolean staff, byte[] deviceKey) {
        this(voterKey, assurance, channel, staff, deviceKey, null);
    }

    /** A credential without a signed-in citizen or device. */
    public VoterCredential(byte[] voterKey, AssuranceLevel assurance, Channel channel) {
        this(voterKey, assurance, channel, false, null, null);
    }

    /** A signed-in citizen's credential (their bearer token's holder). */
    public static VoterCredential citizen(byte[] voterKey, AssuranceLevel assurance, Channel channel, UUID citizenId) {
        return new VoterCredential(voterKey, assurance, channel, false, null, Objects.requireNonNull(citizenId));
    }

    /** A citizen's or a member of staff's credential, without a device. */
    public VoterCredential(byte[] voterKey, AssuranceLevel assurance, Channel channel, boolean staff) {
        this(voterKey, assurance, channel, staff, null, null);
    }

    /** {@code deviceKey}: keyed hash of the device in use, or null when the client sent none. */
    public VoterCredential {
        Objects.requireNonNull(voterKey, "voterKey");
        Objects.requireNonNull(assurance, "assurance");
        Objects.requireNonNull(channel, "channel");
        voterKey = voterKey.clone();
        deviceKey = deviceKey == null ? null : deviceKey.clone();
    }

    @Override
    public byte[] voterKey() {
        return voterKey.clone();
    }

    @Override
    public byte[] deviceKey() {
        return deviceKey == null ? null : deviceKey.clone();
    }

    public VoterCredential on(Channel other) {
        return new VoterCredential(voterKey, assurance, other, staff, deviceKey, citizenId);
    }

    /** The same voter using the device with this key. */
    public VoterCredential withDevice(byte[] key) {
        return new VoterCredential(voterKey, assurance, channel, staff, key, citizenId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoterCredential v && Arrays.equals(voterKey, v.voterKey)
                && assurance == v.assurance && channel == v.channel && staff == v.staff
                && Arrays.equals(deviceKey, v.deviceKey) && Objects.equals(citizenId, v.citizenId);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(voterKey) * 31 + Objects.hash(assurance, channel, staff)) * 31
                + Arrays.hashCode(deviceKey) + Objects.hashCode(citizenId);
    }

    @Override
    public String toString() {
        return "VoterCredential[" + assurance + ", " + channel + (staff ? ", staff" : "")
                + (deviceKey != null ? ", device" : "") + (citizenId != null ? ", citizen" : "") + "]";
    }
}
