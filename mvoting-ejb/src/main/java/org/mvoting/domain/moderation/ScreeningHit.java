package org.mvoting.domain.moderation;

import java.util.Objects;

/**
 * One thing screening found. {@code field} names the text it was found in ("title", "question 2",
 * "question 2 option 3"); {@code match} is the text as the citizen wrote it, except that personal information
 * is masked ({@code 900101-1******}, {@code 010-****-5678}, {@code h***@example.com}) because hits are stored
 * and shown to moderators, who must not learn the numbers screening exists to keep out.
 */
public record ScreeningHit(ScreeningCategory category, String field, String match) {

    public ScreeningHit {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(match, "match");
    }

    /** Whether this hit refuses the poll rather than queueing it; see {@link ScreeningCategory}. */
    public boolean isPersonalInformation() {
        return category.isPersonalInformation();
    }
}
