package org.mvoting.domain.messaging;

import java.util.List;
import java.util.Objects;
import org.mvoting.domain.identity.PhoneNumber;

/**
 * The numbers SMS may go to, as E.164 prefixes (MVOTING_SMS_ALLOWED_PREFIXES): a country (+82) or ranges within
 * one (+8210). Premium and foreign ranges an SMS-pumping script aims at are simply not on it.
 */
public record SmsAllowList(List<String> prefixes) {

    public SmsAllowList {
        prefixes = List.copyOf(Objects.requireNonNull(prefixes, "prefixes"));
        if (prefixes.isEmpty() || prefixes.stream().anyMatch(p -> !p.matches("\\+[1-9][0-9]{0,6}"))) {
            throw new IllegalArgumentException("E.164 prefixes such as +8210: " + prefixes);
        }
    }

    public boolean allows(PhoneNumber number) {
        return prefixes.stream().anyMatch(number.e164()::startsWith);
    }
}
