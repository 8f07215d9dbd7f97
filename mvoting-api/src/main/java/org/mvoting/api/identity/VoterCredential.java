package org.mvoting.api.identity;

import java.util.Arrays;
import java.util.Objects;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.polls.AssuranceLevel;

/**
 * A verified voter as the ballot engine sees them: a voter key (keyed hash of the verified identity,
 * the same on every channel), how strongly they proved it, the channel they use now, and whether the identity
 * is a member of staff (portal ID) rather than a citizen (phone). A staff identity votes only in staff polls,
 * so that nobody holds two keys for one citizen poll.
 */
public record VoterCredential(byte[] voterKey, AssuranceLevel assurance, Channel channel, boolean staff,
                              byte[] deviceKey) {

    /** A citizen's credential. */
    public VoterCredential(byte[] voterKey, AssuranceLevel assurance, Channel channel) {
        this(voterKey, assurance, channel, false, null);
    }

    /** A citizen's or a member of staff's credential, without a device. */
    public VoterCredential(byte[] voterKey, AssuranceLevel assurance, Channel channel, boolean staff) {
        this(voterKey, assurance, channel, staff, null);
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
        return new VoterCredential(voterKey, assurance, other, staff, deviceKey);
    }

    /** The same voter using the device with this key. */
    public VoterCredential withDevice(byte[] key) {
        return new VoterCredential(voterKey, assurance, channel, staff, key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoterCredential v && Arrays.equals(voterKey, v.voterKey)
                && assurance == v.assurance && channel == v.channel && staff == v.staff
                && Arrays.equals(deviceKey, v.deviceKey);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(voterKey) * 31 + Objects.hash(assurance, channel, staff)) * 31
                + Arrays.hashCode(deviceKey);
    }

    @Override
    public String toString() {
        return "VoterCredential[" + assurance + ", " + channel + (staff ? ", staff" : "")
                + (deviceKey != null ? ", device" : "") + "]";
    }
}
