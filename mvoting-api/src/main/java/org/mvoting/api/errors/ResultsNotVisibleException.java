package org.mvoting.api.errors;

/** The poll's results visibility does not allow showing results to this caller yet. */
public class ResultsNotVisibleException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ResultsNotVisibleException(String visibility) {
        super(ErrorKind.FORBIDDEN, "results-not-visible", visibility);
    }
}
