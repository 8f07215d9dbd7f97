package org.mvoting.api.errors;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;

/**
 * A refusal by a business rule. The {@link #code()} is a stable slug: it names the problem type on the
 * REST API and the message key in the resource bundles, so clients and translations can rely on it.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final ErrorKind kind;
    private final transient Object[] arguments;

    protected BusinessException(ErrorKind kind, String code, Object... arguments) {
        super(code + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)), null, false, false);
        this.kind = kind;
        this.code = code;
        this.arguments = arguments.clone();
    }

    public String code() {
        return code;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** Values the localized message refers to as {0}, {1}, ... */
    public Object[] arguments() {
        return arguments.clone();
    }
}
