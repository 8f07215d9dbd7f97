package org.mvoting.domain.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ScreeningCategoryTest {

    @Test
    void numbersAndAddressesArePersonalInformation() {
        assertTrue(ScreeningCategory.RESIDENT_REGISTRATION_NUMBER.isPersonalInformation());
        assertTrue(ScreeningCategory.PHONE_NUMBER.isPersonalInformation());
        assertTrue(ScreeningCategory.EMAIL.isPersonalInformation());
    }

    @Test
    void wordCategoriesAreNotPersonalInformation() {
        assertFalse(ScreeningCategory.ABUSIVE.isPersonalInformation());
        assertFalse(ScreeningCategory.POLITICAL.isPersonalInformation());
        assertFalse(ScreeningCategory.COMMERCIAL.isPersonalInformation());
    }

    @Test
    void thereAreExactlyThreeOfEach() {
        assertEquals(EnumSet.of(ScreeningCategory.RESIDENT_REGISTRATION_NUMBER, ScreeningCategory.PHONE_NUMBER,
                        ScreeningCategory.EMAIL),
                EnumSet.copyOf(Arrays.stream(ScreeningCategory.values())
                        .filter(ScreeningCategory::isPersonalInformation).toList()));
        assertEquals(6, ScreeningCategory.values().length);
    }

    @Test
    void aHitIsPersonalInformationWhenItsCategoryIs() {
        assertTrue(new ScreeningHit(ScreeningCategory.EMAIL, "title", "h***@example.com").isPersonalInformation());
        assertFalse(new ScreeningHit(ScreeningCategory.ABUSIVE, "title", "fuck").isPersonalInformation());
    }
}
