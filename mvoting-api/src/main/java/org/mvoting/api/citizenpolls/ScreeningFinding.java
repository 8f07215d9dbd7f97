package org.mvoting.api.citizenpolls;

/**
 * Something screening found in a poll's text: its category (RESIDENT_REGISTRATION_NUMBER, PHONE_NUMBER, EMAIL,
 * ABUSIVE, POLITICAL, COMMERCIAL), the field ("title", "question 2", "question 2 option 3") and the text found
 * (personal information masked).
 */
public record ScreeningFinding(String category, String field, String match) {
}
