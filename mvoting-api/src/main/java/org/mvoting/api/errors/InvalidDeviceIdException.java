package org.mvoting.api.errors;

/** The device identifier sent (X-Device-Id or the device cookie) is not one mVoting could have issued or accepted. */
public class InvalidDeviceIdException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InvalidDeviceIdException() {
        super(ErrorKind.BAD_REQUEST, "device-id-invalid");
    }
}
