package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvoting.api.citizenpolls.ScreeningFinding;
import org.mvoting.web.portal.PortalText;

/**
 * One text of a citizen's poll on the moderation page (its title, description, a question or an option), labelled
 * by field, cut into pieces so that what screening found can be marked: the page writes every piece with EL's
 * escaping, a found one inside {@code <mark class="finding" data-category="...">}. No piece is ever markup.
 */
public class ModerationTextItem implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The service's field names: "title", "description", "question 2", "question 2 option 3". */
    private static final Pattern QUESTION = Pattern.compile("question (\\d+)(?: option (\\d+))?");

    private final String field;
    private final String label;
    private final List<Piece> pieces;

    /** {@code findings}: those to mark in this text (the page passes the findings of this field). */
    public ModerationTextItem(String field, String text, List<ScreeningFinding> findings, Locale locale) {
        this.field = field;
        this.label = label(field, locale);
        this.pieces = highlight(text, findings, locale);
    }

    /** The field in words: 제목, 설명, 질문 2, 질문 2의 보기 3; an unknown name as it is. */
    public static String label(String field, Locale locale) {
        if (field == null) {
            return "";
        }
        if (field.equals("title")) {
            return PortalText.text(locale, "moderation.field.title");
        }
        if (field.equals("description")) {
            return PortalText.text(locale, "moderation.field.description");
        }
        Matcher m = QUESTION.matcher(field);
        if (m.matches()) {
            return m.group(2) == null ? PortalText.text(locale, "moderation.field.question", m.group(1))
                    : PortalText.text(locale, "moderation.field.option", m.group(1), m.group(2));
        }
        return field;
    }

    /**
     * The text cut into plain pieces and marked ones: every occurrence of every finding's match (ignoring case),
     * earliest first; where two overlap, the one that starts first (or, starting together, the longer) is marked.
     * A match that is not in the text (personal information is quoted masked) marks nothing.
     */
    static List<Piece> highlight(String text, List<ScreeningFinding> findings, Locale locale) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<int[]> spans = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (ScreeningFinding finding : findings) {
            String match = finding.match();
            if (match == null || match.isBlank()) {
                continue;
            }
            for (int at = 0; at + match.length() <= text.length(); at++) {
                if (text.regionMatches(true, at, match, 0, match.length())) {
                    spans.add(new int[] {at, at + match.length(), categories.size()});
                    categories.add(finding.category());
                }
            }
        }
        spans.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> -s[1]));
        List<Piece> pieces = new ArrayList<>();
        int done = 0;
        for (int[] span : spans) {
            if (span[0] < done) {
                continue; // overlaps one already marked
            }
            if (span[0] > done) {
                pieces.add(new Piece(text.substring(done, span[0]), null, null));
            }
            String category = categories.get(span[2]);
            pieces.add(new Piece(text.substring(span[0], span[1]), category, FindingItem.categoryText(category, locale)));
            done = span[1];
        }
        if (done < text.length()) {
            pieces.add(new Piece(text.substring(done), null, null));
        }
        return List.copyOf(pieces);
    }

    /** title, description, question N, question N option M (for data-field). */
    public String getField() {
        return field;
    }

    public String getLabel() {
        return label;
    }

    public List<Piece> getPieces() {
        return pieces;
    }

    /** Whether any piece is marked. */
    public boolean isHasFinding() {
        return pieces.stream().anyMatch(Piece::isMark);
    }

    /** A run of the text as the citizen wrote it; marked when screening found it (then with its category). */
    public static final class Piece implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String text;
        private final String category;
        private final String categoryText;

        Piece(String text, String category, String categoryText) {
            this.text = text;
            this.category = category;
            this.categoryText = categoryText;
        }

        /** The citizen's text, never escaped here: the page escapes it. */
        public String getText() {
            return text;
        }

        /** ABUSIVE, POLITICAL, ...; null for plain text. */
        public String getCategory() {
            return category;
        }

        /** The category in words (the mark's title); null for plain text. */
        public String getCategoryText() {
            return categoryText;
        }

        public boolean isMark() {
            return category != null;
        }

        @Override
        public String toString() {
            return category == null ? text : "[" + category + ":" + text + "]";
        }
    }
}
