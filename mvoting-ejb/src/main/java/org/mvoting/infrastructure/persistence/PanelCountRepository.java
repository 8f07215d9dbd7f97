package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;

/** The panel (citizen_profile) counted per stratum by the database: one GROUP BY, no member is loaded. */
@ApplicationScoped
public class PanelCountRepository {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /**
     * Members per district, gender and age band in {@code thisYear} (AgeBand.of in SQL: age = the difference of the
     * years; 14-19 is band 10, 70 and over band 70). Strata without members are absent.
     */
    public Map<Stratum, Long> countsPerStratum(Year thisYear) {
        Map<Stratum, Long> counts = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT district, gender, band, count(*) FROM (SELECT district, gender,"
                        + " LEAST(GREATEST((?1 - birth_year) / 10, 1), 7) * 10 AS band FROM citizen_profile) AS p"
                        + " GROUP BY district, gender, band")
                .setParameter(1, thisYear.getValue()).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(new Stratum(SeoulDistrict.valueOf((String) r[0]), Gender.valueOf((String) r[1]),
                    AgeBand.ofCode(((Number) r[2]).intValue())), ((Number) r[3]).longValue());
        }
        return counts;
    }
}
