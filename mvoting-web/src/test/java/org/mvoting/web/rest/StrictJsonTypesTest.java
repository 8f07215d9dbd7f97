package org.mvoting.web.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvoting.api.ballots.BallotPaper;
import org.mvoting.api.citizens.CitizenProfile;
import org.mvoting.api.errors.JsonTypeException;
import org.mvoting.api.polls.PollDraft;

class StrictJsonTypesTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
    }

    private static JsonTypeException refused(String body, Type type) {
        return assertThrows(JsonTypeException.class, () -> StrictJsonTypes.check(json(body), type, ""));
    }

    @Test
    void aBallotWithNumbersPassesAndOneWithStringsForOptionIdsIsRefusedNamingTheField() {
        assertDoesNotThrow(() -> StrictJsonTypes.check(
                json("{'answers':[{'questionId':7,'optionIds':[41,42]}]}"), BallotPaper.class, ""));
        JsonTypeException e = refused("{'answers':[{'questionId':7,'optionIds':['41']}]}", BallotPaper.class);
        assertEquals("answers[0].optionIds[0]", e.field());
        assertEquals("json-wrong-type", e.code());
        assertEquals("answers[0].questionId", refused("{'answers':[{'questionId':'7','optionIds':[41]}]}",
                BallotPaper.class).field());
    }

    @Test
    void objectsWhereListsAreExpectedAndListsWhereObjectsAreExpectedAreRefused() {
        assertEquals("answers", refused("{'answers':{'questionId':7}}", BallotPaper.class).field());
        assertEquals("answers[0]", refused("{'answers':[[7]]}", BallotPaper.class).field());
        assertEquals("answers[0].optionIds", refused("{'answers':[{'questionId':7,'optionIds':41}]}",
                BallotPaper.class).field());
        assertEquals("body", refused("[1]", BallotPaper.class).field());
    }

    @Test
    void numbersWhereTextIsExpectedAndTextOrNumbersWhereBooleansAreExpectedAreRefused() {
        assertEquals("consent", refused("{'consent':'true','gender':'FEMALE'}", CitizenProfile.class).field());
        assertEquals("consent", refused("{'consent':1}", CitizenProfile.class).field());
        assertEquals("gender", refused("{'consent':true,'gender':2}", CitizenProfile.class).field());
        assertEquals("birthYear", refused("{'consent':true,'birthYear':'1980'}", CitizenProfile.class).field());
        assertEquals("title", refused("{'title':123}", PollDraft.class).field());
        assertEquals("opensAt", refused("{'opensAt':1700000000}", PollDraft.class).field());
        assertEquals("questions[0].options", refused("{'questions':[{'options':'a,b'}]}", PollDraft.class).field());
    }

    @Test
    void nullsAndUnknownFieldsAreLeftToValidationAndMapsAreCheckedByValue() throws Exception {
        assertDoesNotThrow(() -> StrictJsonTypes.check(json("{'consent':null,'extra':[1,'x']}"), CitizenProfile.class, ""));
        Type counts = Holder.class.getDeclaredField("counts").getGenericType();
        assertDoesNotThrow(() -> StrictJsonTypes.check(json("{'a':1,'b':2}"), counts, ""));
        assertEquals("b", refused("{'a':1,'b':'2'}", counts).field());
    }

    private static final class Holder {
        @SuppressWarnings("unused")
        private Map<String, Long> counts;
    }
}
