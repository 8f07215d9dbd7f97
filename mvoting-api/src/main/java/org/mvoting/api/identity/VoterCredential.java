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
public record VoterCredential(byte[] voterKey, AssuranceLevel assurance, Channel channel, boolean staff) {

    /** A citizen's credential. */
    public VoterCredential(byte[] voterKey, AssuranceLevel assurance, Channel channel) {
        this(voterKey, assurance, channel, false);
    }

    public VoterCredential {
        Objects.requireNonNull(voterKey, "voterKey");
        Objects.requireNonNull(assurance, "assurance");
        Objects.requireNonNull(channel, "channel");
        voterKey = voterKey.clone();
    }

    @Override
    public byte[] voterKey() {
        return voterKey.clone();
    }

    public VoterCredential on(Channel other) {
        return new VoterCredential(voterKey, assurance, other, staff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoterCredential v && Arrays.equals(voterKey, v.voterKey)
                && assurance == v.assurance && channel == v.channel && staff == v.staff;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(voterKey) * 31 + Objects.hash(assurance, channel, staff);
    }

    @Override
    public String toString() {
        return "VoterCredential[" + assurance + ", " + channel + (staff ? ", staff" : "") + "]";
    }
}
