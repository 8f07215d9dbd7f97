package org.mvoting.domain.moderation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The words that hold a poll for a moderator, by category. Entries are kept trimmed, lower-cased (English is
 * matched case-insensitively; Hangul has no case) and with single spaces, so the same word typed twice by two
 * moderators is one entry. The defaults ship with the application; moderators add to them from the portal.
 */
public record WordLists(Set<String> abusive, Set<String> political, Set<String> commercial) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public WordLists {
        abusive = normalised(abusive);
        political = normalised(political);
        commercial = normalised(commercial);
    }

    /**
     * The lists shipped in {@code abusive.txt}, {@code political.txt} and {@code commercial.txt} next to this class
     * (UTF-8, one entry a line, {@code #} comments and blank lines ignored).
     */
    public static WordLists defaults() {
        return Defaults.LISTS;
    }

    /** The list for one word category; personal information has no list, it is found by its shape. */
    public Set<String> words(ScreeningCategory category) {
        return switch (category) {
            case ABUSIVE -> abusive;
            case POLITICAL -> political;
            case COMMERCIAL -> commercial;
            default -> throw new IllegalArgumentException(category + " is not screened by words");
        };
    }

    /** A copy with a moderator's additions to one list; blank entries are dropped. */
    public WordLists with(ScreeningCategory category, Collection<String> extra) {
        Set<String> added = new LinkedHashSet<>(words(category));
        added.addAll(Objects.requireNonNull(extra, "extra"));
        return switch (category) {
            case ABUSIVE -> new WordLists(added, political, commercial);
            case POLITICAL -> new WordLists(abusive, added, commercial);
            case COMMERCIAL -> new WordLists(abusive, political, added);
            default -> throw new IllegalArgumentException(category + " is not screened by words");
        };
    }

    private static Set<String> normalised(Set<String> entries) {
        Objects.requireNonNull(entries, "entries");
        TreeSet<String> kept = new TreeSet<>();
        for (String entry : entries) {
            if (entry != null) {
                String clean = WHITESPACE.matcher(entry.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
                if (!clean.isEmpty()) {
                    kept.add(clean);
                }
            }
        }
        return Collections.unmodifiableSortedSet(kept);
    }

    private static Set<String> read(String resource) {
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Word list " + resource + " is missing from the classpath");
            }
            Set<String> entries = new LinkedHashSet<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String entry = line.replace("\uFEFF", "").strip();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        entries.add(entry);
                    }
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read word list " + resource, e);
        }
    }

    /** Read once, on first use: the lists are immutable. */
    private static final class Defaults {
        static final WordLists LISTS = new WordLists(
                read("abusive.txt"), read("political.txt"), read("commercial.txt"));
    }
}
