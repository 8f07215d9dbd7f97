package org.mvoting.api.errors;

/**
 * A link for citizens (an SMS, the kept summary PDF) would be built from the address the client claims to have
 * reached: refused until the server knows its public address (MVOTING_PUBLIC_URL).
 */
public class PublicAddressMissingException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public PublicAddressMissingException() {
        super(ErrorKind.CONFLICT, "public-address-missing");
    }
}
