package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.util.Locale;
import org.mvoting.api.citizenpolls.ScreeningFinding;
import org.mvoting.web.portal.PortalText;

/** Something screening found in a citizen's poll, for the moderation page: category and field in words. */
public class FindingItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String category;
    private final String categoryText;
    private final String field;
    private final String fieldLabel;
    private final String match;

    public FindingItem(ScreeningFinding finding, Locale locale) {
        category = finding.category();
        categoryText = categoryText(finding.category(), locale);
        field = finding.field();
        fieldLabel = ModerationTextItem.label(finding.field(), locale);
        match = finding.match();
    }

    /** A screening category (ScreeningCategory in the service) in words; an unknown one as it is. */
    public static String categoryText(String category, Locale locale) {
        if (category == null) {
            return "";
        }
        return switch (category) {
            case "RESIDENT_REGISTRATION_NUMBER" -> PortalText.text(locale, "moderation.category.residentRegistrationNumber");
            case "PHONE_NUMBER" -> PortalText.text(locale, "moderation.category.phoneNumber");
            case "EMAIL" -> PortalText.text(locale, "moderation.category.email");
            case "ABUSIVE" -> PortalText.text(locale, "moderation.category.abusive");
            case "POLITICAL" -> PortalText.text(locale, "moderation.category.political");
            case "COMMERCIAL" -> PortalText.text(locale, "moderation.category.commercial");
            default -> category;
        };
    }

    /** RESIDENT_REGISTRATION_NUMBER, PHONE_NUMBER, EMAIL, ABUSIVE, POLITICAL or COMMERCIAL (for data-category). */
    public String getCategory() {
        return category;
    }

    public String getCategoryText() {
        return categoryText;
    }

    public String getField() {
        return field;
    }

    public String getFieldLabel() {
        return fieldLabel;
    }

    /** What was found, as written (personal information masked by the service). */
    public String getMatch() {
        return match;
    }
}
