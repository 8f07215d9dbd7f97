package org.mvoting.application.panel;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.panel.CensusCell;
import org.mvoting.api.panel.CensusRow;
import org.mvoting.api.panel.CensusTableSummary;
import org.mvoting.api.panel.CensusTableView;
import org.mvoting.api.panel.CensusTables;
import org.mvoting.api.panel.CensusUpload;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.domain.panel.CensusTable;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.CensusRepository;

/**
 * Census tables: ADMIN uploads (a city-wide reference every department's samples and weights rest on, so not one
 * department head's to change), staff from OPERATOR up and AUDITOR read. An upload is checked whole and stored as the
 * next version, in the same transaction as its audit event.
 */
@Stateless
public class CensusTablesService implements CensusTables {

    @Inject
    private CensusRepository census;

    @Inject
    private StaffCaller caller;

    @Inject
    private AuditTrail audit;

    @Override
    @AllowedRoles(Roles.ADMIN)
    public CensusTableView upload(CensusUpload upload, List<CensusRow> rows, int firstRow, Actor actor) {
        Map<Stratum, Long> cells = CensusTable.read(rows, firstRow);
        CensusTable table = store(upload, cells, caller.staffId());
        audit.record(new Actor(caller.staffId(), actor.source()), "census.upload", table.id(),
                "version " + table.version() + (table.illustrative() ? " (illustrative)" : "") + ", population "
                        + table.population() + ", source: " + table.source());
        return view(table);
    }

    /** Stores a checked table as the next version (the demo's seeding comes here too, as system:demo). */
    CensusTable store(CensusUpload upload, Map<Stratum, Long> cells, String by) {
        CensusTable table = new CensusTable(UUID.randomUUID(), census.nextVersion(), upload.title(), upload.source(),
                Boolean.TRUE.equals(upload.illustrative()), by, Instant.now(), cells);
        census.add(table);
        return table;
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR, Roles.ADMIN})
    public List<CensusTableSummary> tables() {
        return census.headers().stream().map(h -> new CensusTableSummary(h.id(), h.version(), h.title(), h.source(),
                h.illustrative(), h.uploadedBy(), h.uploadedAt(), h.population())).toList();
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR, Roles.ADMIN})
    public CensusTableView table(int version) {
        return census.byVersion(version).map(CensusTablesService::view)
                .orElseThrow(() -> new NotFoundException("census-not-found", version));
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR, Roles.ADMIN})
    public Optional<CensusTableView> latest() {
        return census.latest().map(CensusTablesService::view);
    }

    static CensusTableView view(CensusTable t) {
        return new CensusTableView(new CensusTableSummary(t.id(), t.version(), t.title(), t.source(), t.illustrative(),
                t.uploadedBy(), t.uploadedAt(), t.population()),
                t.cells().entrySet().stream().map(e -> new CensusCell(e.getKey().district(), e.getKey().gender(),
                        e.getKey().ageBand().code(), e.getValue())).toList());
    }
}
