package org.mvoting.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.domain.identity.PhoneNumber;

class SmsAllowListTest {

    private final SmsAllowList koreanMobile = new SmsAllowList(CitySettings.smsAllowedPrefixes());

    @ParameterizedTest
    @ValueSource(strings = {"010-1234-5678", "+82 10 9876 5432", "011-123-4567", "016-123-4567", "017-1234-5678",
                            "018-123-4567", "019-1234-5678"})
    void everyKoreanMobileRangeIsAllowedByDefault(String typed) {
        assertTrue(koreanMobile.allows(PhoneNumber.parse(typed)), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 202 555 0123", "+44 7700 900123", "+447700900123", "+979 1234 5678", "+881 6 1234 5678",
                            "+882 1234 5678", "+81 90 1234 5678", "+8613812345678", "+2348012345678"})
    void foreignAndInternationalPremiumNumbersAreNotAllowedByDefault(String typed) {
        assertFalse(koreanMobile.allows(PhoneNumber.parse(typed)), typed);
    }

    @Test
    void aCountryOrARangeCanBeAdded() {
        SmsAllowList withJapan = new SmsAllowList(List.of("+8210", "+81"));
        assertTrue(withJapan.allows(PhoneNumber.parse("+81 90 1234 5678")));
        assertFalse(withJapan.allows(PhoneNumber.parse("011-123-4567")), "only the ranges listed");
        assertFalse(withJapan.allows(PhoneNumber.parse("+1 202 555 0123")));
    }

    @Test
    void anEmptyOrMalformedListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SmsAllowList(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SmsAllowList(List.of("82")));
        assertThrows(NullPointerException.class, () -> new SmsAllowList(null));
    }
}
