package org.mvoting.api.errors;

/**
 * A citizen's poll text holds personal information (a resident registration number, a phone number, an e-mail
 * address): refused, naming what to remove (masked, so the refusal does not repeat it).
 */
public class PersonalInformationException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public PersonalInformationException(String whereAndWhat) {
        super(ErrorKind.INVALID, "poll-personal-information", whereAndWhat);
    }
}
