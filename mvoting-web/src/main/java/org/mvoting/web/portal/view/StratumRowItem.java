package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;

/**
 * One row of a strata table on the panel page (a district and a gender, a count per age band, the row's total), as
 * JavaBean getters for the page. Counts arrive as the text to show ("12", "&lt;5", "x"); {@code kinds} say why.
 */
public class StratumRowItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String district;
    private final String gender;
    private final String label;
    private final List<String> cells;
    private final List<String> kinds;
    private final String total;
    private final String totalKind;

    public StratumRowItem(SeoulDistrict district, Gender gender, String genderText, Locale locale, List<String> cells,
                          List<String> kinds, String total, String totalKind) {
        this.district = district == null ? "" : district.name();
        this.gender = gender == null ? "" : gender.name();
        this.label = district == null ? genderText : districtName(district, locale) + " · " + genderText;
        this.cells = List.copyOf(cells);
        this.kinds = List.copyOf(kinds);
        this.total = total;
        this.totalKind = totalKind;
    }

    /** 마포구, or Mapo-gu in English. */
    public static String districtName(SeoulDistrict district, Locale locale) {
        if (!"en".equals(locale.getLanguage())) {
            return district.koreanName();
        }
        String name = district.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT) + "-gu";
    }

    public String getDistrict() {
        return district;
    }

    public String getGender() {
        return gender;
    }

    public String getLabel() {
        return label;
    }

    public List<String> getCells() {
        return cells;
    }

    public List<String> getKinds() {
        return kinds;
    }

    public String getTotal() {
        return total;
    }

    public String getTotalKind() {
        return totalKind;
    }
}
