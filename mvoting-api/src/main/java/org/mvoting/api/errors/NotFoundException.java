package org.mvoting.api.errors;

/** Something other than a poll that was asked for by id does not exist; {@code code} names what. */
public class NotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String code, Object id) {
        super(ErrorKind.NOT_FOUND, code, id);
    }
}
