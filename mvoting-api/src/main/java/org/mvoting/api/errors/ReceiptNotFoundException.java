package org.mvoting.api.errors;

/** No counted ballot carries this receipt in this poll. */
public class ReceiptNotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ReceiptNotFoundException() {
        super(ErrorKind.NOT_FOUND, "receipt-not-found");
    }
}
