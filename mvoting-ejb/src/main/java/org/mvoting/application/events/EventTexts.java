package org.mvoting.application.events;

/** Free text a person gave (a name, a group): blank is none, the rest stripped and cut to the column's length. */
final class EventTexts {

    private EventTexts() {
    }

    static String clip(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
