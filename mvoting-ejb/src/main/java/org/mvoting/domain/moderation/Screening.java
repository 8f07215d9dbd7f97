package org.mvoting.domain.moderation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screens what a citizen wrote into a poll before it is published: resident registration numbers, phone numbers
 * and e-mail addresses (personal information, which refuses the poll) and the words of {@link WordLists} (which
 * hold it for a moderator). It runs on every create and edit, so everything is compiled once here; an instance
 * is immutable and can be shared between threads. Build a new one when the word lists change.
 */
public final class Screening {

    /** Six digits, an optional hyphen or space, seven digits, not inside a longer run of digits. */
    private static final Pattern RRN_SHAPE =
            Pattern.compile("(?<![0-9])([0-9]{6})[-\u2013 ]?([0-9]{7})(?![0-9])");

    /** One separator between digit groups: a hyphen or dot (spaces around it allowed), or a space. */
    private static final String SEP = "(?:[ \\t]?[-.][ \\t]?|[ \\t])?";
    /** Mobile (10, 11, 16-19), Seoul (2), the provinces' area codes, 070 internet phones and 080 free numbers. */
    private static final String CODE = "(?:1[016-9]|2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|80)";
    private static final String SUBSCRIBER = SEP + "[0-9]{3,4}" + SEP + "[0-9]{4}";
    /**
     * Companies' nationwide numbers (1588-1234, 1644 5678). They need a hyphen or space between the halves,
     * so that eight digits in a row (15000000) are an amount, not a number to call.
     */
    private static final String NATIONWIDE = "1[568][0-9]{2}(?:[ \\t]?-[ \\t]?|[ \\t])[0-9]{4}";
    /** "1800 3000원", "02-1234-5678명": a count or an amount, not a number to call. */
    private static final String NOT_A_QUANTITY = "(?![0-9])(?![ \\t]?(?:원|명|개|년|세|회|건|만|천|억|%))";
    private static final Pattern PHONE_SHAPE = Pattern.compile("(?<![0-9])(?:"
            + "(?:\\+|00)82" + SEP + "(?:\\(0\\)|0)?" + SEP + CODE + SUBSCRIBER
            + "|\\(?0" + CODE + "\\)?" + SUBSCRIBER
            + "|" + NATIONWIDE
            + ")" + NOT_A_QUANTITY);

    private static final Pattern EMAIL_SHAPE = Pattern.compile(
            "(?<![\\w.%+-])[\\w%+-][\\w.%+-]{0,63}[@＠]"
                    + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])");

    private final List<WordMatcher> wordMatchers;

    public Screening(WordLists wordLists) {
        Objects.requireNonNull(wordLists, "wordLists");
        this.wordMatchers = List.of(
                new WordMatcher(ScreeningCategory.ABUSIVE, wordLists.abusive()),
                new WordMatcher(ScreeningCategory.POLITICAL, wordLists.political()),
                new WordMatcher(ScreeningCategory.COMMERCIAL, wordLists.commercial()));
    }

    /**
     * Everything found in one text, in the order it appears, each distinct match once. {@code field} names the
     * text for the hits ("title", "question 2 option 3"); a null or blank text has nothing to find.
     */
    public List<ScreeningHit> screen(String field, String text) {
        Objects.requireNonNull(field, "field");
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        findResidentRegistrationNumbers(text, found);
        find(PHONE_SHAPE, ScreeningCategory.PHONE_NUMBER, Masks::phoneNumber, text, found);
        find(EMAIL_SHAPE, ScreeningCategory.EMAIL, Masks::email, text, found);
        CollapsedText collapsed = CollapsedText.of(text);
        for (WordMatcher words : wordMatchers) {
            words.findIn(text, collapsed, found);
        }
        return hits(field, found);
    }

    /** {@link #screen} over several texts, in the map's order (title, description, questions, options). */
    public List<ScreeningHit> screenAll(LinkedHashMap<String, String> fieldsToTexts) {
        List<ScreeningHit> hits = new ArrayList<>();
        fieldsToTexts.forEach((field, text) -> hits.addAll(screen(field, text)));
        return List.copyOf(hits);
    }

    private static void findResidentRegistrationNumbers(String text, List<Found> found) {
        Matcher m = RRN_SHAPE.matcher(text);
        while (m.find()) {
            if (ResidentRegistrationNumber.isValid(m.group(1) + m.group(2))) {
                found.add(new Found(ScreeningCategory.RESIDENT_REGISTRATION_NUMBER, m.start(), m.end(),
                        Masks.residentRegistrationNumber(m.group())));
            }
        }
    }

    private static void find(Pattern shape, ScreeningCategory category, UnaryOperator<String> mask, String text,
                             List<Found> found) {
        Matcher m = shape.matcher(text);
        while (m.find()) {
            if (category != ScreeningCategory.PHONE_NUMBER || !isYearRange(m.group())) {
                found.add(new Found(category, m.start(), m.end(), mask.apply(m.group())));
            }
        }
    }

    /** "1800-1900", "1600 1700": two years, not a 1588-style number. */
    private static boolean isYearRange(String phone) {
        String digits = Masks.digitsOf(phone);
        if (digits.length() != 8 || digits.charAt(0) != '1') {
            return false;
        }
        int from = Integer.parseInt(digits.substring(0, 4));
        int to = Integer.parseInt(digits.substring(4));
        return to > from && to <= 2100;
    }

    /**
     * Orders what was found by position, drops a word found inside a longer word of the same category
     * (씨발 inside 씨발놈) and repeats of the same match.
     */
    private static List<ScreeningHit> hits(String field, List<Found> found) {
        found.sort(Comparator.comparingInt(Found::start).thenComparing(Comparator.comparingInt(Found::end).reversed()));
        Set<ScreeningHit> hits = new LinkedHashSet<>();
        for (Found candidate : found) {
            if (found.stream().noneMatch(candidate::liesWithin)) {
                hits.add(new ScreeningHit(candidate.category(), field, candidate.match()));
            }
        }
        return List.copyOf(hits);
    }
}
