package org.mvoting.api.errors;

/** The caller is not authenticated as staff, or lacks every role the action admits. */
public class RoleRequiredException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public RoleRequiredException() {
        super(ErrorKind.FORBIDDEN, "role-required");
    }
}
