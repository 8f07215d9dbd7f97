package org.mvoting.api.messaging;

/** Why an SMS was refused, as counted for the operators; each but COUNTRY is a 429 to a code request. */
public enum SmsRefusalReason {
    /** Too many code requests from one client address this hour (MVOTING_SMS_CODES_PER_ADDRESS_PER_HOUR). */
    ADDRESS_LIMIT,
    /** Too many codes for one number (one a minute, five an hour). */
    NUMBER_LIMIT,
    /** The day's SMS budget is used up (MVOTING_SMS_DAILY_BUDGET): a code refused, or a campaign SMS failed. */
    DAILY_BUDGET,
    /** A number outside MVOTING_SMS_ALLOWED_PREFIXES: a code refused, or a campaign SMS failed. */
    COUNTRY
}
