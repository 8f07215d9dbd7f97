package org.mvoting.application.audit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.infrastructure.persistence.AuditCheckpoints;

/**
 * Once a day, a copy of the audit chain's head. Every node's timer fires; the table's unique day keeps one
 * checkpoint per day for the whole cluster.
 */
@Stateless
public class DailyCheckpoint {

    private static final Logger LOG = Logger.getLogger(DailyCheckpoint.class.getName());

    @Inject
    private AuditCheckpoints checkpoints;

    @Schedule(hour = "0", minute = "11", persistent = false)
    public void take() {
        Instant now = Instant.now();
        if (checkpoints.daily(LocalDate.ofInstant(now, CitySettings.timeZone()), now)) {
            LOG.info("daily audit checkpoint taken");
        }
    }
}
