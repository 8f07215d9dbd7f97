package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.errors.CensusInvalidException;
import org.mvoting.api.panel.CensusCell;
import org.mvoting.api.panel.CensusProblem;
import org.mvoting.api.panel.CensusTableView;
import org.mvoting.api.panel.CensusTables;
import org.mvoting.api.panel.CensusUpload;
import org.mvoting.api.panel.PanelCounts;
import org.mvoting.api.panel.PanelStrata;
import org.mvoting.web.imports.CensusFile;
import org.mvoting.web.imports.PhoneListFile;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalText;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.CensusItem;
import org.mvoting.web.portal.view.StratumRowItem;

/**
 * The panel page (/admin/panel.xhtml): panel members per stratum with small counts hidden, the census table versions,
 * one version shown (?version=, else the newest) with its source and, prominently, whether it is only illustrative,
 * and for ADMIN the upload of the next version with every problem of a refused file listed.
 */
@Named
@ViewScoped
public class PanelBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PanelCounts panel;

    @EJB
    private CensusTables census;

    @Inject
    private PortalUser user;

    private Integer version;
    private boolean loaded;
    private List<Integer> ageBands = List.of();
    private List<StratumRowItem> strata = List.of();
    private StratumRowItem strataTotals;
    private List<CensusItem> tables = List.of();
    private CensusItem shown;
    private List<StratumRowItem> shownRows = List.of();

    private String title;
    private String source;
    private boolean illustrative;
    private transient Part file;
    private List<String> problems = List.of();

    /** The f:viewAction, and the refresh after an upload. */
    public void load() {
        try {
            Locale locale = PortalText.current();
            PanelStrata counts = panel.strata();
            ageBands = counts.ageBands();
            strata = counts.rows().stream().map(r -> new StratumRowItem(r.district(), r.gender(), genderText(locale, r.gender()),
                    locale, r.cells().stream().map(PanelStrata.Count::text).toList(),
                    r.cells().stream().map(c -> c.shown().name()).toList(), r.total().text(), r.total().shown().name())).toList();
            strataTotals = new StratumRowItem(null, null, PortalText.text(locale, "panel.strata.totals"), locale,
                    counts.columnTotals().stream().map(PanelStrata.Count::text).toList(),
                    counts.columnTotals().stream().map(c -> c.shown().name()).toList(),
                    counts.total().text(), counts.total().shown().name());
            tables = census.tables().stream().map(t -> new CensusItem(t, locale)).toList();
            CensusTableView table = version == null ? census.latest().orElse(null) : census.table(version);
            shown = table == null ? null : new CensusItem(table.table(), locale);
            shownRows = table == null ? List.of() : censusRows(table, locale);
            loaded = true;
        } catch (RuntimeException e) {
            loaded = false;
            strata = List.of();
            tables = List.of();
            shown = null;
            throw e;
        }
    }

    /** Rows district x gender, a population per age band, the row's sum. */
    private static List<StratumRowItem> censusRows(CensusTableView table, Locale locale) {
        List<StratumRowItem> rows = new ArrayList<>();
        java.text.NumberFormat number = java.text.NumberFormat.getIntegerInstance(locale);
        for (SeoulDistrict district : SeoulDistrict.values()) {
            for (Gender gender : List.of(Gender.FEMALE, Gender.MALE)) {
                List<CensusCell> cells = table.cells().stream()
                        .filter(c -> c.district() == district && c.gender() == gender).toList();
                long sum = cells.stream().mapToLong(CensusCell::population).sum();
                rows.add(new StratumRowItem(district, gender, genderText(locale, gender), locale,
                        cells.stream().map(c -> number.format(c.population())).toList(),
                        cells.stream().map(c -> "SHOWN").toList(), number.format(sum), "SHOWN"));
            }
        }
        return rows;
    }

    private static String genderText(Locale locale, Gender gender) {
        return PortalText.text(locale, "gender." + gender.name());
    }

    /** Reads the chosen CSV or Excel file and stores it as the next version; a refused file lists every problem. */
    public void upload() {
        problems = List.of();
        if (file == null || file.getSize() == 0) {
            PortalMessages.problem(null, "census-invalid", 1);
            problems = List.of(PortalText.problemText(PortalText.current(), "census-no-rows.row", "0", ""));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            String name = file.getSubmittedFileName() == null ? "" : file.getSubmittedFileName();
            String type = name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? PhoneListFile.XLSX : "text/csv";
            CensusFile read = CensusFile.read(in.readAllBytes(), type);
            CensusTableView stored = census.upload(new CensusUpload(title, source, illustrative), read.rows(),
                    read.firstRow(), user.actor());
            version = stored.table().version();
            title = null;
            source = null;
            illustrative = false;
            PortalMessages.info("panel.census.uploaded", version);
        } catch (PhoneListFile.UnreadableFileException e) {
            refused(List.of(new CensusProblem(0, "unreadable", e.getMessage())));
        } catch (CensusInvalidException e) {
            refused(e.problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an incident, worded by the exception handler
        } finally {
            PortalMessages.reload(this::load);
        }
    }

    private void refused(List<CensusProblem> found) {
        Locale locale = PortalText.current();
        PortalMessages.problem(null, "census-invalid", found.size());
        problems = found.stream().map(p -> PortalText.problemText(locale, "census-" + p.reason() + ".row",
                String.valueOf(p.row()), p.value())).toList();
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public List<Integer> getAgeBands() {
        return ageBands;
    }

    public List<StratumRowItem> getStrata() {
        return strata;
    }

    public StratumRowItem getStrataTotals() {
        return strataTotals;
    }

    public List<CensusItem> getTables() {
        return tables;
    }

    public CensusItem getShown() {
        return shown;
    }

    public List<StratumRowItem> getShownRows() {
        return shownRows;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public boolean isIllustrative() {
        return illustrative;
    }

    public void setIllustrative(boolean illustrative) {
        this.illustrative = illustrative;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public List<String> getProblems() {
        return problems;
    }
}
