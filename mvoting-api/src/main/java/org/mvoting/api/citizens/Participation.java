package org.mvoting.api.citizens;

import java.time.LocalDate;
import java.util.UUID;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.polls.PollStatus;

/** One poll the citizen took part in: which, on what day, through which channel (never what they chose). */
public record Participation(UUID pollId, String title, PollStatus status, LocalDate votedOn, Channel channel) {
}
