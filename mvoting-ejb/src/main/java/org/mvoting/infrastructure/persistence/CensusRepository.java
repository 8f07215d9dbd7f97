package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.domain.panel.CensusTable;

/**
 * The census tables (census_table, census_cell): added whole, as the next version, and read; there is no update or
 * delete here, because a table a design or a weighted result named must stay as it was.
 */
@ApplicationScoped
public class CensusRepository {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Inject
    private AdvisoryLocks locks;

    /**
     * The version the next upload gets (the highest + 1). Holds the census lock until the caller's transaction ends,
     * so two uploads at once get consecutive versions instead of one failing on the unique version. (An advisory lock:
     * the tables are append-only, V29, and the application's role may not take a table lock that blocks inserts.)
     */
    public int nextVersion() {
        locks.exclusive(AdvisoryLocks.Space.CENSUS, 0);
        Number max = (Number) em.createNativeQuery("SELECT COALESCE(MAX(version), 0) FROM census_table").getSingleResult();
        return max.intValue() + 1;
    }

    public void add(CensusTable table) {
        em.createNativeQuery("INSERT INTO census_table (id, version, title, source, illustrative, uploaded_by, uploaded_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, table.id()).setParameter(2, table.version()).setParameter(3, table.title())
                .setParameter(4, table.source()).setParameter(5, table.illustrative()).setParameter(6, table.uploadedBy())
                .setParameter(7, OffsetDateTime.ofInstant(table.uploadedAt(), ZoneOffset.UTC)).executeUpdate();
        StringBuilder sql = new StringBuilder(
                "INSERT INTO census_cell (census_id, district, gender, age_band, population) VALUES ");
        int i = 0;
        for (Map.Entry<Stratum, Long> cell : table.cells().entrySet()) {
            Stratum s = cell.getKey();
            sql.append(i++ == 0 ? "" : ", ").append("(?1, '").append(s.district().name()).append("', '")
                    .append(s.gender().name()).append("', ").append(s.ageBand().code()).append(", ")
                    .append(cell.getValue().longValue()).append(')');
        }
        // enum names and numbers only, never a typed string: one statement for the 350 cells
        em.createNativeQuery(sql.toString()).setParameter(1, table.id()).executeUpdate();
    }

    /** A table without its cells, with its total population. */
    public record Header(UUID id, int version, String title, String source, boolean illustrative, String uploadedBy,
                         Instant uploadedAt, long population) {

        CensusTable table(Map<Stratum, Long> cells) {
            return new CensusTable(id, version, title, source, illustrative, uploadedBy, uploadedAt, cells);
        }
    }

    /** Every table, newest first, without cells. */
    public List<Header> headers() {
        return rows("", null);
    }

    public Optional<CensusTable> byVersion(int version) {
        return rows(" WHERE t.version = ?1", version).stream().findFirst().map(this::withCells);
    }

    public Optional<CensusTable> latest() {
        return rows("", null).stream().findFirst().map(this::withCells);
    }

    private List<Header> rows(String where, Integer version) {
        var query = em.createNativeQuery("SELECT t.id, t.version, t.title, t.source, t.illustrative, t.uploaded_by,"
                + " t.uploaded_at, (SELECT COALESCE(SUM(c.population), 0) FROM census_cell c WHERE c.census_id = t.id)"
                + " FROM census_table t" + where + " ORDER BY t.version DESC");
        if (version != null) {
            query.setParameter(1, version);
        }
        return ((List<?>) query.getResultList()).stream().map(Object[].class::cast)
                .map(r -> new Header((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                        (Boolean) r[4], (String) r[5], NativeValues.instant(r[6]), ((Number) r[7]).longValue()))
                .toList();
    }

    private CensusTable withCells(Header header) {
        Map<Stratum, Long> cells = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT district, gender, age_band, population FROM census_cell"
                + " WHERE census_id = ?1").setParameter(1, header.id()).getResultList()) {
            Object[] r = (Object[]) row;
            cells.put(new Stratum(SeoulDistrict.valueOf((String) r[0]), Gender.valueOf((String) r[1]),
                    AgeBand.ofCode(((Number) r[2]).intValue())), ((Number) r[3]).longValue());
        }
        return header.table(cells);
    }
}
