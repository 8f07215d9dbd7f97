package org.mvoting.domain.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.InvalidSampleDesignException;
import org.mvoting.api.errors.SampleDesignLockedException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.ResultsVisibility;
import org.mvoting.api.samples.SampleDesignForm;
import org.mvoting.api.samples.SampleDesignKind;
import org.mvoting.api.samples.SampleDimension;
import org.mvoting.domain.organization.Department;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.Schedule;

class SampleDesignTest {

    private static final Instant NOW = Instant.parse("2030-03-01T00:00:00Z");
    private static final Year YEAR = Year.of(2030);

    private static Poll poll(AudienceType audience) {
        return Poll.draftedBy(new Department("X", "name"), PollKind.CITY_TO_CITIZEN, "Parks", null,
                new Schedule(NOW.plusSeconds(3600), NOW.plusSeconds(86_400)), audience, AssuranceLevel.SMS_VERIFIED,
                ResultsVisibility.AFTER_CLOSE, "op", NOW);
    }

    private static SampleDesignForm targets(List<SampleDimension> dims, Integer perCell, Map<String, Integer> cells) {
        return new SampleDesignForm(SampleDesignKind.TARGETS, dims, perCell, cells, null, null, null, null, null, null,
                null, null);
    }

    private static SampleDesign define(SampleDesignForm form) {
        return SampleDesign.define(poll(AudienceType.PANEL_SAMPLE), form, "https://vote.city", "op", NOW);
    }

    @Test
    void aHundredPerDistrictIsTwentyFiveCellsOfAHundred() {
        SampleDesign design = define(targets(List.of(SampleDimension.DISTRICT), 100, null));
        Map<QuotaCell, Integer> cells = design.cellTargets(Map.of(), Map.of());
        assertEquals(25, cells.size());
        assertTrue(cells.values().stream().allMatch(t -> t == 100));
        assertEquals(100, cells.get(QuotaCell.parse("GANGNAM/*/*", List.of(SampleDimension.DISTRICT))));
    }

    @Test
    void filtersNarrowTheCellsAndWhoIsAdmitted() {
        SampleDesign design = define(new SampleDesignForm(SampleDesignKind.TARGETS,
                List.of(SampleDimension.GENDER, SampleDimension.AGE_BAND), 10, null, null, null, Gender.FEMALE, 40, null,
                List.of(SeoulDistrict.MAPO), null, null));
        // women only, 40 and over: FORTIES .. SEVENTY_PLUS = 4 bands
        assertEquals(4, design.cellTargets(Map.of(), Map.of()).size());
        assertTrue(design.admits(Gender.FEMALE, SeoulDistrict.MAPO, 1990, YEAR).isPresent());
        assertFalse(design.admits(Gender.FEMALE, SeoulDistrict.MAPO, 1991, YEAR).isPresent(), "39 is under 40");
        assertFalse(design.admits(Gender.MALE, SeoulDistrict.MAPO, 1960, YEAR).isPresent());
        assertFalse(design.admits(Gender.FEMALE, SeoulDistrict.GURO, 1960, YEAR).isPresent());
        assertEquals(new Stratum(SeoulDistrict.MAPO, Gender.FEMALE, AgeBand.FORTIES),
                design.admits(Gender.FEMALE, SeoulDistrict.MAPO, 1990, YEAR).orElseThrow());
    }

    @Test
    void undisclosedGenderIsDrawnOnlyWhenGenderPlaysNoPart() {
        SampleDesign byDistrict = define(targets(List.of(SampleDimension.DISTRICT), 5, null));
        assertTrue(byDistrict.admits(Gender.UNDISCLOSED, SeoulDistrict.JUNG, 1980, YEAR).isPresent());
        SampleDesign byGender = define(targets(List.of(SampleDimension.GENDER), 5, null));
        assertFalse(byGender.admits(Gender.OTHER, SeoulDistrict.JUNG, 1980, YEAR).isPresent());
    }

    @Test
    void aTotalIsAllocatedToTheCensusByLargestRemainder() {
        Map<Stratum, Long> census = new LinkedHashMap<>();
        census.put(new Stratum(SeoulDistrict.JONGNO, Gender.FEMALE, AgeBand.THIRTIES), 3000L);
        census.put(new Stratum(SeoulDistrict.JONGNO, Gender.MALE, AgeBand.THIRTIES), 1800L);
        census.put(new Stratum(SeoulDistrict.JUNG, Gender.FEMALE, AgeBand.THIRTIES), 2200L);
        SampleDesign design = define(new SampleDesignForm(SampleDesignKind.PROPORTIONAL, List.of(SampleDimension.DISTRICT),
                null, null, 10, 1, null, null, null, null, null, null));
        Map<QuotaCell, Integer> cells = design.cellTargets(Map.of(), census);
        // JONGNO 4800 / JUNG 2200 of 7000: quotas 6.857 and 3.143 → 7 and 3
        assertEquals(7, cells.get(QuotaCell.parse("JONGNO/*/*", List.of(SampleDimension.DISTRICT))));
        assertEquals(3, cells.get(QuotaCell.parse("JUNG/*/*", List.of(SampleDimension.DISTRICT))));
        assertEquals(1, design.censusVersion());
    }

    @Test
    void explicitCellsMustFitTheDimensionsAndFilters() {
        SampleDesign design = define(targets(List.of(SampleDimension.DISTRICT), null, Map.of("GANGNAM/*/*", 50)));
        assertEquals(Map.of(QuotaCell.parse("GANGNAM/*/*", List.of(SampleDimension.DISTRICT)), 50),
                design.cellTargets(Map.of("GANGNAM/*/*", 50), Map.of()));
        assertEquals("sample-design-cell-unknown", assertThrows(InvalidSampleDesignException.class,
                () -> design.cellTargets(Map.of("GANGNAM/FEMALE/*", 5), Map.of())).code());
        assertEquals("sample-design-cell-unknown", assertThrows(InvalidSampleDesignException.class,
                () -> design.cellTargets(Map.of("ATLANTIS/*/*", 5), Map.of())).code());
    }

    @Test
    void inconsistentDesignsAreRefusedByName() {
        assertEquals("sample-design-targets-need-one-target", assertThrows(InvalidSampleDesignException.class,
                () -> define(targets(List.of(SampleDimension.DISTRICT), null, null))).code());
        assertEquals("sample-design-targets-need-one-target", assertThrows(InvalidSampleDesignException.class,
                () -> define(targets(List.of(SampleDimension.DISTRICT), 5, Map.of("JUNG/*/*", 5)))).code());
        assertEquals("sample-design-proportional-needs-total-and-census", assertThrows(InvalidSampleDesignException.class,
                () -> define(new SampleDesignForm(SampleDesignKind.PROPORTIONAL, List.of(), null, null, 100, null, null,
                        null, null, null, null, null))).code());
        assertEquals("sample-design-dimension-repeated", assertThrows(InvalidSampleDesignException.class,
                () -> define(targets(List.of(SampleDimension.GENDER, SampleDimension.GENDER), 5, null))).code());
        assertEquals("sample-design-age-range", assertThrows(InvalidSampleDesignException.class,
                () -> define(new SampleDesignForm(SampleDesignKind.TARGETS, List.of(), 5, null, null, null, null, 60, 40,
                        null, null, null))).code());
        assertEquals("sample-design-gender-filter", assertThrows(InvalidSampleDesignException.class,
                () -> define(new SampleDesignForm(SampleDesignKind.TARGETS, List.of(), 5, null, null, null, Gender.OTHER,
                        null, null, null, null, null))).code());
        assertEquals("poll-not-panel-sample-audience", assertThrows(InvalidPollException.class,
                () -> SampleDesign.define(poll(AudienceType.OPEN), targets(List.of(), 5, null), null, "op", NOW)).code());
    }

    @Test
    void theDesignIsFixedOnceThePollLeavesItsDraft() {
        Poll poll = poll(AudienceType.PANEL_SAMPLE);
        SampleDesign design = SampleDesign.define(poll, targets(List.of(), 5, null), null, "op", NOW);
        poll.addQuestion(new QuestionDraft(QuestionType.YES_NO, "Yes?", List.of(), null, null, null));
        poll.submit("op", NOW);
        assertThrows(SampleDesignLockedException.class,
                () -> design.redefine(poll, targets(List.of(), 6, null), null, "op", NOW));
    }
}
