package org.mvoting.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mvoting.api.citizenpolls.CitizenPollDraft;
import org.mvoting.api.events.EventEntry;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.QuestionDraft;

/**
 * The mobile web cannot read Java constants, so its limits live in one module, m/limits.js: each must equal the
 * api record's constant the server validates with, and no other module may declare its own copy.
 */
class MobileLimitsTest {

    private static final Path MOBILE = Path.of("src", "main", "webapp", "m");
    private static final Pattern EXPORTED = Pattern.compile("export const ([A-Z_]+) = (\\d+);");

    private static final Map<String, Integer> SERVER = Map.of(
            "TITLE_LENGTH", PollDraft.TITLE_LENGTH,
            "DESCRIPTION_LENGTH", PollDraft.DESCRIPTION_LENGTH,
            "MAX_QUESTIONS", PollDraft.MAX_QUESTIONS,
            "QUESTION_TEXT_LENGTH", QuestionDraft.TEXT_LENGTH,
            "MAX_OPTIONS", QuestionDraft.MAX_OPTIONS,
            "MAX_SCALE", QuestionDraft.MAX_SCALE,
            "MAX_INVITEES", CitizenPollDraft.MAX_INVITEES,
            "NAME_LENGTH", EventEntry.NAME_LENGTH);

    @Test
    void everyLimitOfTheMobileWebIsTheServersOwn() throws IOException {
        Map<String, Integer> mobile = new TreeMap<>();
        Matcher m = EXPORTED.matcher(Files.readString(MOBILE.resolve("limits.js")));
        while (m.find()) {
            mobile.put(m.group(1), Integer.valueOf(m.group(2)));
        }
        assertEquals(new TreeMap<>(SERVER), mobile, "m/limits.js against the api records' constants");
    }

    @Test
    void noOtherModuleDeclaresALimitOfItsOwn() throws IOException {
        Pattern ownCopy = Pattern.compile("\\bconst (" + String.join("|", SERVER.keySet()) + ")\\s*=");
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(MOBILE)) {
            scripts = files.filter(p -> p.toString().endsWith(".js") && !p.endsWith("limits.js")).toList();
        }
        assertTrue(scripts.size() > 10, "the mobile web's modules are found");
        for (Path script : scripts) {
            Matcher copy = ownCopy.matcher(Files.readString(script));
            assertTrue(!copy.find(), () -> script + " declares " + copy.group(1) + " again: import it from limits.js");
        }
    }
}
