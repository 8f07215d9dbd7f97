package org.mvoting.api.samples;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.Actor;

/**
 * PANEL_SAMPLE polls: the design (edited while the poll is a draft, approved with it), the draw (at approval), the
 * replacement invitations, and the per-stratum counts.
 */
@Local
public interface PanelSamples {

    /** Strata with fewer ballots than this are never shown. */
    int SMALL_CELL = 5;

    /** Sets the design of a draft PANEL_SAMPLE poll; {@code linkBase} is the public site for the invitations' link. */
    SampleDesignView defineDesign(UUID pollId, SampleDesignForm form, String linkBase, Actor actor);

    SampleDesignView design(UUID pollId);

    /** Invites the next ranked members of every cell short of invitations now (the timer does it by itself too). */
    SampleDesignView inviteReplacements(UUID pollId, Actor actor);

    /** Ballots per stratum, strata under {@link #SMALL_CELL} suppressed: for a closed poll or one with live results. */
    List<StratumReportRow> stratumReport(UUID pollId);

    /** The raw counts per stratum and question for the weighting (closed polls, or live results): not for display. */
    SampleResponses responses(UUID pollId);
}
