package org.mvoting.api.errors;

/** No department has this code. */
public class DepartmentNotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public DepartmentNotFoundException(String code) {
        super(ErrorKind.INVALID, "department-not-found", code);
    }
}
