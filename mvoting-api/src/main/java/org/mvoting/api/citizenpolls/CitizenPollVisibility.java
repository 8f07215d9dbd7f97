package org.mvoting.api.citizenpolls;

import org.mvoting.api.polls.AudienceType;

/** Who finds and may vote in a citizen's poll. */
public enum CitizenPollVisibility {
    /** Listed in the citizens' poll directory; any signed-in citizen votes. */
    PUBLIC(AudienceType.OPEN),
    /** Not listed; whoever has the link and the password votes (local or limited matters). */
    PASSWORD(AudienceType.PASSWORD),
    /** Not listed; only the phone numbers the proposer invited vote. */
    INVITE_ONLY(AudienceType.LISTED);

    private final AudienceType audience;

    CitizenPollVisibility(AudienceType audience) {
        this.audience = audience;
    }

    public AudienceType audience() {
        return audience;
    }

    public static CitizenPollVisibility of(AudienceType audience) {
        for (CitizenPollVisibility v : values()) {
            if (v.audience == audience) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a citizen poll audience: " + audience);
    }
}
