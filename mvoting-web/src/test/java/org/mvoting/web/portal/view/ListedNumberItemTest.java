package org.mvoting.web.portal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mvoting.api.polls.ListedNumber;

/** A listed number's row on the poll page: masked as given, its state and a failure's reason in words. */
class ListedNumberItemTest {

    @Test
    void aSentNumberIsShownMaskedWithItsStateAndNoReason() {
        ListedNumberItem item = new ListedNumberItem(
                new ListedNumber("010-****-5678", ListedNumber.State.SENT, null), 21, Locale.KOREAN);
        assertEquals("010-****-5678", item.getPhone());
        assertEquals(21, item.getPosition());
        assertEquals("SENT", item.getState());
        assertEquals("발송", item.getStateText());
        assertNull(item.getFailure());
        assertNull(item.getFailureText());
    }

    @Test
    void aFailedInvitationSaysWhyInThePagesLanguage() {
        ListedNumber limited = new ListedNumber("010-****-0001", ListedNumber.State.FAILED, "per-number-limit");
        assertEquals("하루 발송 한도를 넘었습니다", new ListedNumberItem(limited, 1, Locale.KOREAN).getFailureText());
        ListedNumberItem english = new ListedNumberItem(limited, 1, Locale.ENGLISH);
        assertEquals("Failed", english.getStateText());
        assertEquals("per-number-limit", english.getFailure());
        assertEquals("over the daily per-number limit", english.getFailureText());

        ListedNumber undelivered = new ListedNumber("010-****-0002", ListedNumber.State.FAILED, "delivery-failed");
        assertEquals("문자 게이트웨이가 전달하지 못했습니다",
                new ListedNumberItem(undelivered, 2, Locale.KOREAN).getFailureText());
        assertEquals("the SMS gateway could not deliver it",
                new ListedNumberItem(undelivered, 2, Locale.ENGLISH).getFailureText());
    }

    @Test
    void everyStateHasItsWords() {
        for (ListedNumber.State state : ListedNumber.State.values()) {
            String text = new ListedNumberItem(new ListedNumber("010-****-0003", state, null), 1, Locale.ENGLISH)
                    .getStateText();
            assertFalse(text.startsWith("???"), state + ": " + text);
        }
        assertEquals("대기", new ListedNumberItem(new ListedNumber("010-****-0003", ListedNumber.State.QUEUED, null), 1,
                Locale.KOREAN).getStateText());
        assertEquals("미발송", new ListedNumberItem(new ListedNumber("010-****-0003", ListedNumber.State.NOT_INVITED, null),
                1, Locale.KOREAN).getStateText());
    }

    @Test
    void aNumberThatIsNotMaskedIsNeverShown() {
        assertEquals("-", new ListedNumberItem(new ListedNumber("010-1234-5678", ListedNumber.State.SENT, null), 1,
                Locale.KOREAN).getPhone());
        assertEquals("-", new ListedNumberItem(new ListedNumber(null, ListedNumber.State.SENT, null), 1,
                Locale.KOREAN).getPhone());
    }
}
