package org.mvoting.api.messaging;

import java.util.List;

/** Today's SMS budget and the refusals counted in the last days, newest day first, most refused first. */
public record SmsGuardReport(SmsBudgetDay budget, List<SmsRefusalCount> refusals) {
}
