package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One screening word list (ABUSIVE, POLITICAL or COMMERCIAL) with the words moderators added to it. */
public class WordListItem implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The lists moderators may extend, in the order the page shows them (personal information has no words). */
    public static final List<String> CATEGORIES = List.of("ABUSIVE", "POLITICAL", "COMMERCIAL");

    private final String category;
    private final String categoryText;
    private final List<String> words;

    public WordListItem(String category, List<String> words, Locale locale) {
        this.category = category;
        this.categoryText = FindingItem.categoryText(category, locale);
        this.words = words == null ? List.of() : List.copyOf(words);
    }

    /** Every list moderators may extend, empty ones too, then any other the service names. */
    public static List<WordListItem> of(Map<String, List<String>> added, Locale locale) {
        Map<String, List<String>> words = added == null ? Map.of() : added;
        List<WordListItem> lists = new ArrayList<>();
        CATEGORIES.forEach(c -> lists.add(new WordListItem(c, words.get(c), locale)));
        words.keySet().stream().filter(c -> !CATEGORIES.contains(c)).sorted()
                .forEach(c -> lists.add(new WordListItem(c, words.get(c), locale)));
        return List.copyOf(lists);
    }

    /** ABUSIVE, POLITICAL or COMMERCIAL (the select's value, data-category). */
    public String getCategory() {
        return category;
    }

    public String getCategoryText() {
        return categoryText;
    }

    public List<String> getWords() {
        return words;
    }
}
