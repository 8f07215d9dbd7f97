package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.messaging.SmsRefusalCount;

/** One row of the dashboard's refused SMS requests: reason, masked origin and number, how many (as the service gives them). */
public class SmsRefusalItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String origin;
    private final String destination;
    private final long refusals;

    public SmsRefusalItem(SmsRefusalCount count) {
        reason = count.reason().name();
        origin = count.origin();
        destination = count.destination();
        refusals = count.refusals();
    }

    /** ADDRESS_LIMIT, NUMBER_LIMIT, DAILY_BUDGET or COUNTRY (the page words it). */
    public String getReason() {
        return reason;
    }

    /** 203.0.113.x, an IPv6 /48, or outbox. */
    public String getOrigin() {
        return origin;
    }

    /** +82 10-****-5678. */
    public String getDestination() {
        return destination;
    }

    public long getRefusals() {
        return refusals;
    }
}
