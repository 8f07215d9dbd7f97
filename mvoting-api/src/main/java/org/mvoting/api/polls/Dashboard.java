package org.mvoting.api.polls;

import java.util.List;
import java.util.Map;

/** The portal's first page for the caller: their department's polls by state, today's turnout, approvals waiting. */
public record Dashboard(String departmentCode, String departmentName, Map<PollStatus, Long> pollsByStatus,
                        long ballotsToday, List<PollRecord> awaitingMyApproval) {
}
