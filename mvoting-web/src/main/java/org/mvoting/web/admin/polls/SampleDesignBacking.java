package org.mvoting.web.admin.polls;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollRecord;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.samples.PanelSamples;
import org.mvoting.api.samples.SampleDesignForm;
import org.mvoting.api.samples.SampleDesignKind;
import org.mvoting.api.samples.SampleDesignView;
import org.mvoting.api.samples.SampleDimension;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.shortlink.ShortLinkServlet;

/**
 * The sample design card of a PANEL_SAMPLE poll's page: the operator states it while the poll is a draft; everyone who
 * reads the poll sees its cells (target, filled, invited, drawn) and, once drawn at approval, the seed and algorithm.
 */
@Named
@ViewScoped
public class SampleDesignBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PanelSamples samples;

    @EJB
    private PollAdministration administration;

    @Inject
    private PortalUser user;

    private String id;
    private UUID pollId;
    private boolean panel;
    private boolean draft;
    private boolean open;
    private SampleDesignView design;

    private String kind = SampleDesignKind.TARGETS.name();
    private boolean byDistrict = true;
    private boolean byGender;
    private boolean byAgeBand;
    private Integer targetPerCell;
    private Integer totalN;
    private Integer censusVersion;
    private String filterGender;
    private Integer filterMinAge;
    private Integer filterMaxAge;
    private String filterDistricts;
    private Integer overdraw = SampleDesignForm.DEFAULT_OVERDRAW;
    private Integer replaceAfterMinutes = SampleDesignForm.DEFAULT_REPLACE_AFTER_MINUTES;

    /** A cell as the page reads it (pages read JavaBeans, not records). */
    public static final class CellRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String cell;
        private final int target;
        private final int filled;
        private final int invited;
        private final int drawn;

        CellRow(String cell, int target, int filled, int invited, int drawn) {
            this.cell = cell;
            this.target = target;
            this.filled = filled;
            this.invited = invited;
            this.drawn = drawn;
        }

        public String getCell() {
            return cell;
        }

        public int getTarget() {
            return target;
        }

        public int getFilled() {
            return filled;
        }

        public int getInvited() {
            return invited;
        }

        public int getDrawn() {
            return drawn;
        }
    }

    public void load() {
        if (pollId == null) {
            try {
                pollId = UUID.fromString(id == null ? "" : id.strip());
            } catch (IllegalArgumentException notAnId) {
                return; // the poll's own card says it is not found
            }
        }
        PollRecord record = administration.record(pollId);
        panel = record.audience() == AudienceType.PANEL_SAMPLE;
        draft = record.status() == PollStatus.DRAFT;
        open = record.status() == PollStatus.OPEN;
        if (panel) {
            try {
                design = samples.design(pollId);
                fill(design);
            } catch (org.mvoting.api.errors.InvalidSampleDesignException none) {
                design = null; // no design yet: the form starts empty
            }
        }
    }

    private void fill(SampleDesignView d) {
        kind = d.kind().name();
        byDistrict = d.dimensions().contains(SampleDimension.DISTRICT);
        byGender = d.dimensions().contains(SampleDimension.GENDER);
        byAgeBand = d.dimensions().contains(SampleDimension.AGE_BAND);
        targetPerCell = d.targetPerCell();
        totalN = d.totalN();
        censusVersion = d.censusVersion();
        filterGender = d.filterGender() == null ? null : d.filterGender().name();
        filterMinAge = d.filterMinAge();
        filterMaxAge = d.filterMaxAge();
        filterDistricts = String.join(",", d.filterDistricts().stream().map(Enum::name).toList());
        overdraw = d.overdraw();
        replaceAfterMinutes = d.replaceAfterMinutes();
    }

    /** Saves the design (the service refuses it once the poll left its draft). */
    public void save() {
        List<SampleDimension> dims = new ArrayList<>();
        if (byDistrict) {
            dims.add(SampleDimension.DISTRICT);
        }
        if (byGender) {
            dims.add(SampleDimension.GENDER);
        }
        if (byAgeBand) {
            dims.add(SampleDimension.AGE_BAND);
        }
        boolean proportional = SampleDesignKind.PROPORTIONAL.name().equals(kind);
        List<SeoulDistrict> districts = filterDistricts == null || filterDistricts.isBlank() ? List.of()
                : Arrays.stream(filterDistricts.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(SeoulDistrict::valueOf).toList();
        SampleDesignForm form = new SampleDesignForm(SampleDesignKind.valueOf(kind), dims,
                proportional ? null : targetPerCell, null, proportional ? totalN : null,
                proportional ? censusVersion : null, filterGender == null || filterGender.isBlank() ? null
                        : Gender.valueOf(filterGender), filterMinAge, filterMaxAge, districts, overdraw,
                replaceAfterMinutes);
        String base;
        try {
            base = ShortLinkServlet.trustedPublicBase((HttpServletRequest) FacesContext.getCurrentInstance()
                    .getExternalContext().getRequest());
        } catch (org.mvoting.api.errors.PublicAddressMissingException unknown) {
            base = null; // invitations go by push until MVOTING_PUBLIC_URL is set
        }
        design = samples.defineDesign(pollId, form, base, user.actor());
        PortalMessages.info("sample.saved");
    }

    public void inviteReplacements() {
        design = samples.inviteReplacements(pollId, user.actor());
        PortalMessages.info("sample.replaced");
    }

    public List<CellRow> getCells() {
        return design == null ? List.of() : design.cells().stream()
                .map(c -> new CellRow(c.cell(), c.target(), c.filled(), c.invited(), c.drawn())).toList();
    }

    public boolean isPanel() {
        return panel;
    }

    public boolean isCanEdit() {
        return panel && draft && user.isOperator();
    }

    public boolean isCanReplace() {
        return panel && open && user.isOperator() && design != null && design.seed() != null;
    }

    public boolean isDesigned() {
        return design != null;
    }

    public String getSeed() {
        return design == null ? null : design.seed();
    }

    public String getAlgorithm() {
        return design == null ? null : design.algorithm();
    }

    public Instant getDrawnAt() {
        return design == null ? null : design.drawnAt();
    }

    public List<String> getKinds() {
        return Arrays.stream(SampleDesignKind.values()).map(Enum::name).toList();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public boolean isByDistrict() {
        return byDistrict;
    }

    public void setByDistrict(boolean byDistrict) {
        this.byDistrict = byDistrict;
    }

    public boolean isByGender() {
        return byGender;
    }

    public void setByGender(boolean byGender) {
        this.byGender = byGender;
    }

    public boolean isByAgeBand() {
        return byAgeBand;
    }

    public void setByAgeBand(boolean byAgeBand) {
        this.byAgeBand = byAgeBand;
    }

    public Integer getTargetPerCell() {
        return targetPerCell;
    }

    public void setTargetPerCell(Integer targetPerCell) {
        this.targetPerCell = targetPerCell;
    }

    public Integer getTotalN() {
        return totalN;
    }

    public void setTotalN(Integer totalN) {
        this.totalN = totalN;
    }

    public Integer getCensusVersion() {
        return censusVersion;
    }

    public void setCensusVersion(Integer censusVersion) {
        this.censusVersion = censusVersion;
    }

    public String getFilterGender() {
        return filterGender;
    }

    public void setFilterGender(String filterGender) {
        this.filterGender = filterGender;
    }

    public Integer getFilterMinAge() {
        return filterMinAge;
    }

    public void setFilterMinAge(Integer filterMinAge) {
        this.filterMinAge = filterMinAge;
    }

    public Integer getFilterMaxAge() {
        return filterMaxAge;
    }

    public void setFilterMaxAge(Integer filterMaxAge) {
        this.filterMaxAge = filterMaxAge;
    }

    public String getFilterDistricts() {
        return filterDistricts;
    }

    public void setFilterDistricts(String filterDistricts) {
        this.filterDistricts = filterDistricts;
    }

    public Integer getOverdraw() {
        return overdraw;
    }

    public void setOverdraw(Integer overdraw) {
        this.overdraw = overdraw;
    }

    public Integer getReplaceAfterMinutes() {
        return replaceAfterMinutes;
    }

    public void setReplaceAfterMinutes(Integer replaceAfterMinutes) {
        this.replaceAfterMinutes = replaceAfterMinutes;
    }
}
