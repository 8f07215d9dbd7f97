package org.mvoting.api.errors;

/** This voter has already taken part in the poll (one person, one vote). */
public class AlreadyVotedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public AlreadyVotedException() {
        super(ErrorKind.CONFLICT, "already-voted");
    }

    private AlreadyVotedException(String code) {
        super(ErrorKind.CONFLICT, code);
    }

    /** A device-level poll already has a ballot from this device (or from a device bound to this voter). */
    public static AlreadyVotedException fromThisDevice() {
        return new AlreadyVotedException("already-voted-on-device");
    }
}
