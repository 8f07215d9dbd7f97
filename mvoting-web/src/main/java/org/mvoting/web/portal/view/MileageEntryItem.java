package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.mileage.MileageEntryView;

/** One award or reversal of a poll (the mileage page), by payee code. */
public class MileageEntryItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String payeeCode;
    private final String kind;
    private final String day;
    private final int amountWon;
    private final String reverses;

    public MileageEntryItem(MileageEntryView e) {
        id = e.id().toString();
        payeeCode = e.payeeCode();
        kind = e.kind().name();
        day = e.day().toString();
        amountWon = e.amountWon();
        reverses = e.reverses() == null ? "" : e.reverses().toString();
    }

    public String getId() {
        return id;
    }

    public String getPayeeCode() {
        return payeeCode;
    }

    public String getKind() {
        return kind;
    }

    public String getDay() {
        return day;
    }

    public int getAmountWon() {
        return amountWon;
    }

    public String getReverses() {
        return reverses;
    }
}
