package org.mvoting.api.policycycle;

import java.util.List;
import java.util.UUID;

/**
 * A poll's policy cycle: the current entry of each recorded stage in stage order, the entries later corrected
 * (newest first, so nothing said publicly disappears), and the stage the department may record next (null once the
 * evaluation is recorded, or before the poll has closed).
 */
public record PolicyCycleView(UUID pollId, String department, List<PolicyStepView> steps,
                              List<PolicyStepView> corrected, PolicyStage next) {
}
