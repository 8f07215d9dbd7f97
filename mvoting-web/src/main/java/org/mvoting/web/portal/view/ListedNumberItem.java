package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.util.Locale;
import org.mvoting.api.polls.ListedNumber;
import org.mvoting.web.portal.PortalText;

/**
 * One listed phone number of a LISTED poll as the poll page shows it: masked exactly as the service gives it
 * (the full number never reaches the page), with its invitation's state and, when it failed, why, in words.
 */
public class ListedNumberItem implements Serializable {

    private static final long serialVersionUID = 1L;
    /** ListedNumber.failure() of an invitation refused by the per-number daily limit. */
    static final String PER_NUMBER_LIMIT = "per-number-limit";
    /** ListedNumber.failure() of an invitation the SMS gateway did not take. */
    static final String DELIVERY_FAILED = "delivery-failed";
    /** ListedNumber.failure() of an invitation to a number outside the allowed countries. */
    static final String COUNTRY_NOT_ALLOWED = "sms-country-not-allowed";
    /** ListedNumber.failure() of an invitation refused because the day's SMS budget was used up. */
    static final String BUDGET_USED_UP = "sms-budget-used-up";

    private final int position;
    private final String phone;
    private final String state;
    private final String stateText;
    private final String failure;
    private final String failureText;

    /** {@code position} counts from 1 over the whole list (the table's row number and row key). */
    public ListedNumberItem(ListedNumber n, int position, Locale locale) {
        this.position = position;
        // The service masks; a value without a hidden part would be a full number, which this page never shows.
        phone = n.phone() != null && n.phone().contains("*") ? n.phone() : "-";
        state = n.invitation().name();
        stateText = switch (n.invitation()) {
            case NOT_INVITED -> PortalText.text(locale, "view.invite.state.notInvited");
            case QUEUED -> PortalText.text(locale, "view.invite.state.queued");
            case SENT -> PortalText.text(locale, "view.invite.state.sent");
            case FAILED -> PortalText.text(locale, "view.invite.state.failed");
        };
        if (n.invitation() != ListedNumber.State.FAILED) {
            failure = null;
            failureText = null;
        } else if (PER_NUMBER_LIMIT.equals(n.failure())) {
            failure = PER_NUMBER_LIMIT;
            failureText = PortalText.text(locale, "view.invite.failure.perNumberLimit");
        } else if (COUNTRY_NOT_ALLOWED.equals(n.failure()) || BUDGET_USED_UP.equals(n.failure())) {
            failure = n.failure();
            failureText = PortalText.text(locale, COUNTRY_NOT_ALLOWED.equals(n.failure())
                    ? "view.invite.failure.countryNotAllowed" : "view.invite.failure.budgetUsedUp");
        } else {
            // the service reports every other failure as delivery-failed
            failure = DELIVERY_FAILED;
            failureText = PortalText.text(locale, "view.invite.failure.deliveryFailed");
        }
    }

    public int getPosition() {
        return position;
    }

    /** Masked, e.g. 010-****-5678. */
    public String getPhone() {
        return phone;
    }

    /** NOT_INVITED, QUEUED, SENT or FAILED (for data-state; people read {@link #getStateText()}). */
    public String getState() {
        return state;
    }

    public String getStateText() {
        return stateText;
    }

    /** per-number-limit, sms-country-not-allowed, sms-budget-used-up or delivery-failed (for data-failure); null unless it failed. */
    public String getFailure() {
        return failure;
    }

    /** Why the invitation failed, in words; null unless it failed. */
    public String getFailureText() {
        return failureText;
    }
}
