package org.mvoting.domain.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.samples.SampleDimension;

class SampleDrawTest {

    private static final List<SampleDimension> BY_DISTRICT = List.of(SampleDimension.DISTRICT);

    private static List<SampleDraw.Candidate> panel(int n) {
        List<SampleDraw.Candidate> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(new SampleDraw.Candidate(new UUID(7, i), new byte[] {(byte) i},
                    new Stratum(i % 2 == 0 ? SeoulDistrict.JUNG : SeoulDistrict.MAPO, Gender.MALE, AgeBand.THIRTIES)));
        }
        return people;
    }

    private static List<SampleDraw.Drawn> draw(byte[] seed, List<SampleDraw.Candidate> people) {
        Map<QuotaCell, Integer> targets = Map.of(QuotaCell.parse("JUNG/*/*", BY_DISTRICT), 3,
                QuotaCell.parse("MAPO/*/*", BY_DISTRICT), 2);
        return SampleDraw.draw(seed, people, targets, s -> QuotaCell.of(s, BY_DISTRICT), 2);
    }

    private static List<String> who(List<SampleDraw.Drawn> drawn) {
        return drawn.stream().map(d -> d.cell() + "#" + d.rank() + "=" + d.member().citizenId()).sorted().toList();
    }

    @Test
    void theSameSeedDrawsTheSamePeopleWhateverOrderThePanelIsReadIn() {
        byte[] seed = new byte[32];
        seed[0] = 42;
        List<SampleDraw.Candidate> people = panel(40);
        List<SampleDraw.Candidate> shuffled = new ArrayList<>(people);
        java.util.Collections.shuffle(shuffled, new java.util.Random(1));
        assertEquals(who(draw(seed, people)), who(draw(seed, shuffled)));
        seed[0] = 43;
        assertNotEquals(who(draw(seed.clone(), people)), who(draw(new byte[32], people)));
    }

    @Test
    void eachCellKeepsTargetTimesOverdrawRankedByTheKeyAscending() {
        byte[] seed = new byte[32];
        List<SampleDraw.Drawn> drawn = draw(seed, panel(40));
        assertEquals(6, drawn.stream().filter(d -> d.cell().district() == SeoulDistrict.JUNG).count());
        assertEquals(4, drawn.stream().filter(d -> d.cell().district() == SeoulDistrict.MAPO).count());
        List<SampleDraw.Drawn> jung = drawn.stream().filter(d -> d.cell().district() == SeoulDistrict.JUNG).toList();
        for (int i = 1; i < jung.size(); i++) {
            assertEquals(i + 1, jung.get(i).rank());
            assertEquals(-1, Integer.signum(java.util.Arrays.compareUnsigned(
                    SampleDraw.key(seed, jung.get(i - 1).member().citizenId()),
                    SampleDraw.key(seed, jung.get(i).member().citizenId()))));
        }
    }

    @Test
    void aSmallCellGivesEveryoneItHas() {
        assertEquals(3, draw(new byte[32], panel(3)).size(), "2 in JUNG, 1 in MAPO");
    }
}
