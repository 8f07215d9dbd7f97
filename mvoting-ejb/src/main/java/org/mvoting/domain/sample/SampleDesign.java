package org.mvoting.domain.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.InvalidSampleDesignException;
import org.mvoting.api.errors.SampleDesignLockedException;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.samples.SampleDesignForm;
import org.mvoting.api.samples.SampleDesignKind;
import org.mvoting.api.samples.SampleDimension;
import org.mvoting.domain.poll.Poll;

/**
 * The design of a PANEL_SAMPLE poll: which dimensions make the quota cells, their targets (stated, or a total N
 * allocated to the census), who may be drawn (filters), how deep the draw goes (overdraw) and when an unanswered
 * invitation is replaced. It changes only while its poll is a draft, so the department head approves exactly the
 * design that is drawn; the draw then records its seed here once.
 */
@Entity
@Table(name = "sample_design")
public class SampleDesign {

    private static final String NO_DIMENSIONS = "NONE";

    @Id
    @Column(name = "poll_id")
    private UUID pollId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SampleDesignKind kind;

    @Column(nullable = false, length = 40)
    private String dimensions;

    @Column(name = "target_per_cell")
    private Integer targetPerCell;

    @Column(name = "total_n")
    private Integer totalN;

    @Column(name = "census_version")
    private Integer censusVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "filter_gender", length = 16)
    private Gender filterGender;

    @Column(name = "filter_min_age")
    private Integer filterMinAge;

    @Column(name = "filter_max_age")
    private Integer filterMaxAge;

    @Column(name = "filter_districts", length = 1000)
    private String filterDistricts;

    @Column(nullable = false)
    private int overdraw;

    @Column(name = "replace_after_minutes", nullable = false)
    private int replaceAfterMinutes;

    /** The public site the invitations link to, as the operator's request reached it (MVOTING_PUBLIC_URL wins). */
    @Column(name = "link_base", length = 500)
    private String linkBase;

    @Column(name = "seed")
    private byte[] seed;

    @Column(name = "algorithm", length = 300)
    private String algorithm;

    @Column(name = "drawn_at")
    private Instant drawnAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SampleDesign() {
    }

    /** A new design for a draft PANEL_SAMPLE poll. */
    public static SampleDesign define(Poll poll, SampleDesignForm form, String linkBase, String by, Instant now) {
        SampleDesign design = new SampleDesign();
        design.pollId = poll.id();
        design.redefine(poll, form, linkBase, by, now);
        return design;
    }

    /** Restates the design; refused once the poll left its draft (the head approved this design with the poll). */
    public void redefine(Poll poll, SampleDesignForm form, String linkBase, String by, Instant now) {
        if (poll.audience() != AudienceType.PANEL_SAMPLE) {
            throw new InvalidPollException("not-panel-sample-audience");
        }
        if (poll.status() != PollStatus.DRAFT || drawnAt != null) {
            throw new SampleDesignLockedException();
        }
        Objects.requireNonNull(form, "form");
        List<SampleDimension> dims = form.dimensions() == null ? List.of() : form.dimensions();
        if (new java.util.HashSet<>(dims).size() != dims.size()) {
            throw new InvalidSampleDesignException("dimension-repeated");
        }
        boolean explicit = form.cellTargets() != null && !form.cellTargets().isEmpty();
        if (form.kind() == SampleDesignKind.TARGETS && (form.targetPerCell() == null) == !explicit) {
            throw new InvalidSampleDesignException("targets-need-one-target");
        }
        if (form.kind() == SampleDesignKind.PROPORTIONAL
                && (form.totalN() == null || form.censusVersion() == null || form.targetPerCell() != null || explicit)) {
            throw new InvalidSampleDesignException("proportional-needs-total-and-census");
        }
        if (form.filterGender() == Gender.OTHER || form.filterGender() == Gender.UNDISCLOSED) {
            throw new InvalidSampleDesignException("gender-filter", form.filterGender().name());
        }
        if (form.filterMinAge() != null && form.filterMaxAge() != null && form.filterMinAge() > form.filterMaxAge()) {
            throw new InvalidSampleDesignException("age-range", form.filterMinAge(), form.filterMaxAge());
        }
        this.kind = form.kind();
        // "NONE" rather than an empty text, which Oracle would store as NULL
        this.dimensions = dims.isEmpty() ? NO_DIMENSIONS : String.join(",", dims.stream().map(Enum::name).toList());
        this.targetPerCell = form.kind() == SampleDesignKind.TARGETS ? form.targetPerCell() : null;
        this.totalN = form.kind() == SampleDesignKind.PROPORTIONAL ? form.totalN() : null;
        this.censusVersion = form.kind() == SampleDesignKind.PROPORTIONAL ? form.censusVersion() : null;
        this.filterGender = form.filterGender();
        this.filterMinAge = form.filterMinAge();
        this.filterMaxAge = form.filterMaxAge();
        this.filterDistricts = form.filterDistricts() == null || form.filterDistricts().isEmpty() ? null
                : String.join(",", form.filterDistricts().stream().distinct().map(Enum::name).toList());
        this.overdraw = form.overdraw() == null ? SampleDesignForm.DEFAULT_OVERDRAW : form.overdraw();
        this.replaceAfterMinutes = form.replaceAfterMinutes() == null ? SampleDesignForm.DEFAULT_REPLACE_AFTER_MINUTES
                : form.replaceAfterMinutes();
        this.linkBase = linkBase;
        this.updatedBy = Objects.requireNonNull(by, "by");
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    /**
     * The quota cells and their targets: every cell the dimensions and filters leave (TARGETS with one target each),
     * the cells stated ({@code explicit}), or {@code totalN} allocated to the census cells (their populations summed
     * over the dimensions not stratified by) by the largest remainder. Refused when nothing is left to draw.
     */
    public Map<QuotaCell, Integer> cellTargets(Map<String, Integer> explicit, Map<Stratum, Long> census) {
        Map<QuotaCell, Integer> targets = new LinkedHashMap<>();
        List<SampleDimension> dims = dimensions();
        if (kind == SampleDesignKind.TARGETS && targetPerCell == null) {
            explicit.forEach((code, target) -> {
                QuotaCell cell = QuotaCell.parse(code, dims);
                if (!cellAllowed(cell)) {
                    throw new InvalidSampleDesignException("cell-outside-filters", code);
                }
                targets.put(cell, Objects.requireNonNull(target, "target"));
            });
        } else if (kind == SampleDesignKind.TARGETS) {
            for (QuotaCell cell : allCells(dims)) {
                targets.put(cell, targetPerCell);
            }
        } else {
            Map<QuotaCell, Long> populations = new LinkedHashMap<>();
            census.forEach((stratum, people) -> {
                if (stratumAllowed(stratum)) {
                    populations.merge(QuotaCell.of(stratum, dims), people, Long::sum);
                }
            });
            if (populations.values().stream().mapToLong(Long::longValue).sum() == 0) {
                throw new InvalidSampleDesignException("census-empty", censusVersion);
            }
            targets.putAll(Allocation.largestRemainder(totalN, populations));
        }
        if (targets.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new InvalidSampleDesignException("no-cells");
        }
        return targets;
    }

    /**
     * The stratum of a panel member this design may draw (age from the birth year in the city's year), or empty:
     * outside the filters, or of gender OTHER/UNDISCLOSED in a design that stratifies or filters by gender (the
     * census knows FEMALE and MALE only).
     */
    public Optional<Stratum> admits(Gender gender, SeoulDistrict district, int birthYear, Year thisYear) {
        int age = thisYear.getValue() - birthYear;
        if (age < 14) {
            return Optional.empty();
        }
        Stratum stratum = new Stratum(district, gender, AgeBand.of(birthYear, thisYear));
        boolean binaryGender = gender == Gender.FEMALE || gender == Gender.MALE;
        if ((filterGender != null || dimensions().contains(SampleDimension.GENDER)) && !binaryGender) {
            return Optional.empty();
        }
        if (filterGender != null && gender != filterGender) {
            return Optional.empty();
        }
        if ((filterMinAge != null && age < filterMinAge) || (filterMaxAge != null && age > filterMaxAge)) {
            return Optional.empty();
        }
        if (!districts().isEmpty() && !districts().contains(district)) {
            return Optional.empty();
        }
        return Optional.of(stratum);
    }

    /** The cell a drawn stratum belongs to. */
    public QuotaCell cellOf(Stratum stratum) {
        return QuotaCell.of(stratum, dimensions());
    }

    /** The draw happened: its seed and algorithm are recorded once. */
    public void drawn(byte[] drawSeed, String drawAlgorithm, Instant now) {
        if (drawnAt != null) {
            throw new IllegalStateException("drawn already: " + pollId);
        }
        this.seed = drawSeed.clone();
        this.algorithm = Objects.requireNonNull(drawAlgorithm, "algorithm");
        this.drawnAt = Objects.requireNonNull(now, "now");
    }

    private List<QuotaCell> allCells(List<SampleDimension> dims) {
        List<SeoulDistrict> districtValues = dims.contains(SampleDimension.DISTRICT)
                ? (districts().isEmpty() ? Arrays.asList(SeoulDistrict.values()) : new ArrayList<>(districts()))
                : java.util.Collections.singletonList(null);
        List<Gender> genderValues = dims.contains(SampleDimension.GENDER)
                ? (filterGender != null ? List.of(filterGender) : List.of(Gender.FEMALE, Gender.MALE))
                : java.util.Collections.singletonList(null);
        List<AgeBand> bandValues = dims.contains(SampleDimension.AGE_BAND)
                ? Arrays.stream(AgeBand.values()).filter(this::bandAllowed).toList()
                : java.util.Collections.singletonList(null);
        List<QuotaCell> cells = new ArrayList<>();
        for (SeoulDistrict d : districtValues) {
            for (Gender g : genderValues) {
                for (AgeBand b : bandValues) {
                    cells.add(new QuotaCell(d, g, b));
                }
            }
        }
        return cells;
    }

    private boolean cellAllowed(QuotaCell cell) {
        return (cell.district() == null || districts().isEmpty() || districts().contains(cell.district()))
                && (cell.gender() == null || filterGender == null || cell.gender() == filterGender)
                && (cell.ageBand() == null || bandAllowed(cell.ageBand()));
    }

    /**
     * Whether the filters (districts, gender, age bands) admit a census stratum: the population a weighted result of
     * this sample speaks for.
     */
    public boolean covers(Stratum stratum) {
        return stratumAllowed(stratum);
    }

    private boolean stratumAllowed(Stratum stratum) {
        return (districts().isEmpty() || districts().contains(stratum.district()))
                && (filterGender == null || stratum.gender() == filterGender)
                && bandAllowed(stratum.ageBand());
    }

    /** A band is in the age filter when any age of it is (a census band is not split: documented in README). */
    private boolean bandAllowed(AgeBand band) {
        int lowest = band == AgeBand.TEENS ? 14 : band.code();
        int highest = band == AgeBand.SEVENTY_PLUS ? Integer.MAX_VALUE : band.code() + 9;
        return (filterMaxAge == null || lowest <= filterMaxAge) && (filterMinAge == null || highest >= filterMinAge);
    }

    public List<SampleDimension> dimensions() {
        return dimensions == null || dimensions.isEmpty() || NO_DIMENSIONS.equals(dimensions) ? List.of()
                : Arrays.stream(dimensions.split(",")).map(SampleDimension::valueOf).toList();
    }

    public Set<SeoulDistrict> districts() {
        Set<SeoulDistrict> set = EnumSet.noneOf(SeoulDistrict.class);
        if (filterDistricts != null) {
            Arrays.stream(filterDistricts.split(",")).map(SeoulDistrict::valueOf).forEach(set::add);
        }
        return set;
    }

    public UUID pollId() {
        return pollId;
    }

    public SampleDesignKind kind() {
        return kind;
    }

    public Integer targetPerCell() {
        return targetPerCell;
    }

    public Integer totalN() {
        return totalN;
    }

    public Integer censusVersion() {
        return censusVersion;
    }

    public Gender filterGender() {
        return filterGender;
    }

    public Integer filterMinAge() {
        return filterMinAge;
    }

    public Integer filterMaxAge() {
        return filterMaxAge;
    }

    public int overdraw() {
        return overdraw;
    }

    public int replaceAfterMinutes() {
        return replaceAfterMinutes;
    }

    public String linkBase() {
        return linkBase;
    }

    public byte[] seed() {
        return seed == null ? null : seed.clone();
    }

    public String algorithm() {
        return algorithm;
    }

    public Instant drawnAt() {
        return drawnAt;
    }

    public boolean isDrawn() {
        return drawnAt != null;
    }
}
