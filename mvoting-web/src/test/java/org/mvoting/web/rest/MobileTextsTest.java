package org.mvoting.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.ballots.ReceiptCheck;
import org.mvoting.api.citizenpolls.CitizenPollVisibility;
import org.mvoting.api.citizenpolls.ReportReason;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.ResultsVisibility;

/**
 * The citizen mobile web's texts (GET /api/v1/texts/mobile): Korean and English have the same keys, none is
 * empty, and every key the /m/ files ask for exists (a missing one would show the bare key on the phone).
 */
class MobileTextsTest {

    private static final Path MOBILE = Path.of("src", "main", "webapp", "m");
    /** data-t="key", data-t-label="key" in markup; t('key'), t("key") and t(`key`) in scripts. */
    private static final Pattern MARKUP_KEY = Pattern.compile("data-t(?:-label)?=\"([^\"]+)\"");
    private static final Pattern SCRIPT_KEY = Pattern.compile("\\bt\\(\\s*(['\"`])([A-Za-z0-9_.-]+)\\1\\s*[,)]");
    /** t(`status.${poll.status}`): a key built from an enum value; the prefixes are checked per enum below. */
    private static final Pattern DYNAMIC_KEY = Pattern.compile("\\bt\\(\\s*`([A-Za-z0-9_.-]*)\\$\\{");
    private static final Pattern ANY_T_CALL = Pattern.compile("\\bt\\(\\s*[^\\s)]");

    @Test
    void koreanIsTheDefaultAndEnglishHasExactlyTheSameKeys() {
        Map<String, String> ko = TextsResource.mobile(Locale.KOREAN);
        Map<String, String> en = TextsResource.mobile(Locale.ENGLISH);
        assertEquals(ko.keySet(), en.keySet());
        assertEquals("투표하기", ko.get("poll.vote"));
        assertEquals("Vote", en.get("poll.vote"));
        assertEquals(ko, TextsResource.mobile(Locale.JAPANESE), "anything but English gets Korean");
        assertEquals(en, TextsResource.mobile(Locale.US));
    }

    @Test
    void theBundlesAnswerTheSameWhateverTheJvmLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("투표하기", TextsResource.mobile(Locale.KOREAN).get("poll.vote"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void noValueIsEmptyAndPlaceholdersMatchAcrossLanguages() {
        Map<String, String> ko = TextsResource.mobile(Locale.KOREAN);
        Map<String, String> en = TextsResource.mobile(Locale.ENGLISH);
        List<String> wrong = new ArrayList<>();
        for (String key : ko.keySet()) {
            assertFalse(ko.get(key).isBlank(), "ko " + key + " is empty");
            assertFalse(en.get(key).isBlank(), "en " + key + " is empty");
            if (!placeholders(ko.get(key)).equals(placeholders(en.get(key)))) {
                wrong.add(key);
            }
        }
        assertEquals(List.of(), wrong, "{n} placeholders differ between Korean and English");
    }

    @Test
    void everyKeyTheMobileFilesUseExists() throws IOException {
        Set<String> keys = TextsResource.mobile(Locale.KOREAN).keySet();
        List<String> missing = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        int used = 0;
        try (Stream<Path> files = Files.walk(MOBILE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js")).toList()) {
                String text = Files.readString(file);
                for (Matcher m = MARKUP_KEY.matcher(text); m.find(); used++) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
                int calls = 0;
                for (Matcher m = SCRIPT_KEY.matcher(text); m.find(); used++, calls++) {
                    if (!keys.contains(m.group(2))) {
                        missing.add(file.getFileName() + ": " + m.group(2));
                    }
                }
                for (Matcher m = DYNAMIC_KEY.matcher(text); m.find(); calls++) {
                    if (!ENUM_PREFIXES.contains(m.group(1))) {
                        unchecked.add(file.getFileName() + ": " + m.group(1) + "${...}");
                    }
                }
                // t(someVariable) or t(a + b) would hide a key from this test: texts.js may do it, views may not.
                long allCalls = ANY_T_CALL.matcher(text).results().count();
                if (!file.getFileName().toString().equals("texts.js") && allCalls != calls) {
                    unchecked.add(file.getFileName() + ": " + (allCalls - calls) + " t(...) calls without a literal key");
                }
            }
        }
        assertTrue(used > 100, "found only " + used + " keys in " + MOBILE);
        assertEquals(List.of(), missing);
        assertEquals(List.of(), unchecked);
    }

    private static final Set<String> ENUM_PREFIXES = Set.of("status.", "visibility.", "qtype.", "receipt.status.",
            "channel.", "gender.", "district.", "cycle.stage.", "mileage.kind.", "staff.state.", "staff.resultsWhen.");

    @Test
    void everyEnumValueThePagesTurnIntoAKeyHasItsText() {
        Set<String> keys = TextsResource.mobile(Locale.ENGLISH).keySet();
        List<String> expected = new ArrayList<>();
        Stream.of(PollStatus.values()).forEach(v -> expected.add("status." + v));
        Stream.of(ResultsVisibility.values()).forEach(v -> expected.add("visibility." + v));
        Stream.of(ResultsVisibility.values()).forEach(v -> expected.add("staff.resultsWhen." + v));
        Stream.of(org.mvoting.api.polls.MyPoll.State.values()).forEach(v -> expected.add("staff.state." + v));
        Stream.of(QuestionType.values()).forEach(v -> expected.add("qtype." + v));
        Stream.of(ReceiptCheck.Status.values()).forEach(v -> expected.add("receipt.status." + v));
        Stream.of(Channel.values()).forEach(v -> expected.add("channel." + v));
        Stream.of(Gender.values()).forEach(v -> expected.add("gender." + v));
        Stream.of(org.mvoting.api.mileage.MileageKind.values()).forEach(v -> expected.add("mileage.kind." + v));
        Stream.of(SeoulDistrict.values()).forEach(v -> expected.add("district." + v));
        Stream.of(org.mvoting.api.policycycle.PolicyStage.values()).forEach(v -> expected.add("cycle.stage." + v));
        assertEquals(List.of(), expected.stream().filter(k -> !keys.contains(k)).toList());
    }

    @Test
    void theDistrictsHaveTheirKoreanNamesAndNoOtherDistrictIsListed() {
        Map<String, String> ko = TextsResource.mobile(Locale.KOREAN);
        List<String> wrong = new ArrayList<>();
        for (SeoulDistrict district : SeoulDistrict.values()) {
            if (!district.koreanName().equals(ko.get("district." + district))) {
                wrong.add(district + ": " + ko.get("district." + district));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(SeoulDistrict.values().length,
                ko.keySet().stream().filter(k -> k.startsWith("district.")).count(), "a district.* key for no district");
    }

    /** The profile form offers exactly the values the API takes: enums.js lists them (GENDERS, DISTRICTS). */
    @Test
    void theProfileFormOffersEveryEnumValue() throws IOException {
        String app = Files.readString(MOBILE.resolve("enums.js"));
        assertEquals(Stream.of(Gender.values()).map(Enum::name).toList(), jsList(app, "GENDERS"));
        assertEquals(Stream.of(SeoulDistrict.values()).map(Enum::name).toList(), jsList(app, "DISTRICTS"));
        assertEquals(Stream.of(org.mvoting.api.policycycle.PolicyStage.values()).map(Enum::name).toList(),
                jsList(app, "POLICY_STAGES"), "the results page shows every stage of the policy cycle, in order");
    }

    /** The citizens' poll forms offer exactly the values the API takes: who votes, and why a poll is reported. */
    @Test
    void theCitizenPollFormsOfferEveryEnumValue() throws IOException {
        String app = Files.readString(MOBILE.resolve("enums.js"));
        assertEquals(Stream.of(CitizenPollVisibility.values()).map(Enum::name).toList(), jsList(app, "CITIZEN_VISIBILITIES"));
        assertEquals(Stream.of(ReportReason.values()).map(Enum::name).toList(), jsList(app, "REPORT_REASONS"));
        assertEquals(Stream.of(QuestionType.values()).map(Enum::name).sorted().toList(),
                jsList(app, "QUESTION_TYPES").stream().sorted().toList());
        assertEquals(Stream.of(ResultsVisibility.values()).map(Enum::name).toList(), jsList(app, "RESULTS_CHOICES"));
    }

    private static List<String> jsList(String script, String name) {
        Matcher list = Pattern.compile("const " + name + " = \\[([^\\]]*)]").matcher(script);
        assertTrue(list.find(), "no const " + name + " = [...] in enums.js");
        return Pattern.compile("'([A-Z_]+)'").matcher(list.group(1)).results().map(r -> r.group(1)).toList();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
