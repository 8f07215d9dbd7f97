package org.mvoting.domain.sample;

import java.util.Collection;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.errors.InvalidSampleDesignException;
import org.mvoting.api.samples.SampleDimension;

/**
 * One quota cell of a design: a stratum projected on the design's dimensions, a null part meaning "any". Its code,
 * "GANGNAM/FEMALE/40" or "GANGNAM/*&#47;*", is what the tables and the REST API name it by.
 */
public record QuotaCell(SeoulDistrict district, Gender gender, AgeBand ageBand) {

    private static final String ANY = "*";

    /** The cell of a stratum in a design stratified by {@code dimensions}. */
    public static QuotaCell of(Stratum stratum, Collection<SampleDimension> dimensions) {
        return new QuotaCell(dimensions.contains(SampleDimension.DISTRICT) ? stratum.district() : null,
                dimensions.contains(SampleDimension.GENDER) ? stratum.gender() : null,
                dimensions.contains(SampleDimension.AGE_BAND) ? stratum.ageBand() : null);
    }

    /** Reads a cell code; refuses one that does not name a cell of these dimensions. */
    public static QuotaCell parse(String code, Collection<SampleDimension> dimensions) {
        String[] parts = code == null ? new String[0] : code.strip().split("/", -1);
        if (parts.length != 3) {
            throw new InvalidSampleDesignException("cell-unknown", code);
        }
        try {
            QuotaCell cell = new QuotaCell(ANY.equals(parts[0]) ? null : SeoulDistrict.valueOf(parts[0]),
                    ANY.equals(parts[1]) ? null : Gender.valueOf(parts[1]),
                    ANY.equals(parts[2]) ? null : AgeBand.ofCode(Integer.parseInt(parts[2])));
            if ((cell.district != null) != dimensions.contains(SampleDimension.DISTRICT)
                    || (cell.gender != null) != dimensions.contains(SampleDimension.GENDER)
                    || (cell.ageBand != null) != dimensions.contains(SampleDimension.AGE_BAND)
                    || cell.gender == Gender.OTHER || cell.gender == Gender.UNDISCLOSED) {
                throw new InvalidSampleDesignException("cell-unknown", code);
            }
            return cell;
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidSampleDesignException("cell-unknown", code);
        }
    }

    public String code() {
        return (district == null ? ANY : district.name()) + "/" + (gender == null ? ANY : gender.name()) + "/"
                + (ageBand == null ? ANY : Integer.toString(ageBand.code()));
    }

    @Override
    public String toString() {
        return code();
    }
}
