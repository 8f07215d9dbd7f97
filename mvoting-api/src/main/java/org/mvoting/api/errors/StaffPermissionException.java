package org.mvoting.api.errors;

/**
 * A member of staff may not do this to this object, although their role allows the action in general
 * (another department's poll, a division outside theirs, ...); {@code reason} names which rule.
 */
public class StaffPermissionException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public StaffPermissionException(String reason, Object... arguments) {
        super(ErrorKind.FORBIDDEN, "staff-" + reason, arguments);
    }
}
