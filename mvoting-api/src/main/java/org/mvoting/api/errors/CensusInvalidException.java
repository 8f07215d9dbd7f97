package org.mvoting.api.errors;

import java.util.List;
import org.mvoting.api.panel.CensusProblem;

/** An uploaded census file that cannot be stored as it is; {@link #problems()} lists every bad row and missing stratum. */
public class CensusInvalidException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final transient List<CensusProblem> problems;

    public CensusInvalidException(List<CensusProblem> problems) {
        super(ErrorKind.INVALID, "census-invalid", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<CensusProblem> problems() {
        return problems;
    }
}
