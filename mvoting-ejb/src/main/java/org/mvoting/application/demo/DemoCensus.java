package org.mvoting.application.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.polls.Actor;
import org.mvoting.domain.panel.CensusTable;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.CensusRepository;

/**
 * The demo's census table, so samples and weights have margins to work with: made-up round numbers of a plausible
 * shape, marked illustrative and titled so that nobody takes them for statistics.
 */
@Stateless
public class DemoCensus {

    static final String TITLE = "예시 인구표 (예시 자료, 실제 통계 아님) / Illustrative table, not real statistics";
    static final String SOURCE = "mVoting 데모가 만든 가상의 수치입니다. 실제 인구 통계가 아닙니다."
            + " / Invented by the mVoting demo; not real population statistics.";
    /** Thousands of people per district: invented, only roughly the spread of a large city's districts. */
    private static final int[] DISTRICT_THOUSANDS = {
        140, 120, 210, 280, 340, 330, 380, 420, 280, 300, 490, 460, 300, 360, 430,
        560, 400, 230, 370, 380, 480, 400, 530, 650, 450};
    /** Per mille of a district in each age band 10, 20, ..., 70, by gender: invented as well. */
    private static final int[] FEMALE_PER_MILLE = {30, 75, 80, 80, 85, 75, 85};
    private static final int[] MALE_PER_MILLE = {32, 72, 80, 82, 83, 70, 60};

    @Inject
    private CensusRepository census;

    @Inject
    private AuditTrail audit;

    /** Seeds the table once: when no census table exists yet. */
    public void seedOnce(Actor seeder) {
        if (!census.headers().isEmpty()) {
            return;
        }
        CensusTable table = new CensusTable(UUID.randomUUID(), census.nextVersion(), TITLE, SOURCE, true,
                seeder.name(), Instant.now(), cells());
        census.add(table);
        audit.record(seeder, "census.upload", table.id(),
                "version " + table.version() + " (illustrative), population " + table.population() + ", demo seed");
    }

    static Map<Stratum, Long> cells() {
        Map<Stratum, Long> cells = new LinkedHashMap<>();
        for (Stratum s : CensusTable.STRATA) {
            int[] share = s.gender() == Gender.FEMALE ? FEMALE_PER_MILLE : MALE_PER_MILLE;
            long people = DISTRICT_THOUSANDS[s.district().ordinal()] * (long) share[s.ageBand().ordinal()];
            cells.put(s, people / 10 * 10); // round tens: it reads as made up
        }
        return cells;
    }
}
