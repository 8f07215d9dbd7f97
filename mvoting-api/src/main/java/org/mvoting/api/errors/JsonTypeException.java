package org.mvoting.api.errors;

/**
 * A request body's field has the wrong JSON type (a string where a number is expected, a number where text is, an
 * object where a list is, ...): the API does not guess what was meant. Names the field and the type expected.
 */
public class JsonTypeException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public JsonTypeException(String field, String expected) {
        super(ErrorKind.BAD_REQUEST, "json-wrong-type", field, expected);
        this.field = field;
    }

    /** The field's path in the body, e.g. {@code answers[0].optionIds[0]}. */
    public String field() {
        return field;
    }
}
