package org.mvoting.application.panel;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.Year;
import org.mvoting.api.panel.PanelCounts;
import org.mvoting.api.panel.PanelStrata;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.domain.panel.StratumCountTable;
import org.mvoting.infrastructure.persistence.PanelCountRepository;

/** Panel members per stratum for staff who design samples (OPERATOR up) and AUDITOR; read-only, so not audited. */
@Stateless
public class PanelCountsService implements PanelCounts {

    @Inject
    private PanelCountRepository panel;

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR, Roles.ADMIN})
    public PanelStrata strata() {
        return StratumCountTable.of(panel.countsPerStratum(Year.now(CitySettings.timeZone())), Instant.now());
    }
}
