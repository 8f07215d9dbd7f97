package org.mvoting.application.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.domain.messaging.PushNotification;

/** The new-poll notification's wording: Korean by default, the closing time in the city's time zone. */
class PushTextsTest {

    private static final UUID POLL = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void koreanTitleBodyAndLink() {
        // 09:00 UTC is 18:00 in Seoul
        PushNotification n = PushTexts.newPoll(Locale.KOREAN, POLL, "한빛공원 이름 짓기", "공원녹지과",
                Instant.parse("2030-03-05T09:00:00Z"), SEOUL);

        assertEquals("새 투표: 한빛공원 이름 짓기", n.title());
        assertEquals("공원녹지과에서 의견을 묻습니다. 3월 5일 18:00까지", n.body());
        assertEquals("/m/#/polls/" + POLL, n.link());
    }

    @Test
    void theCitysDayCountsNotUtcs() {
        // 20:30 UTC on the 5th is already 05:30 on the 6th in Seoul
        PushNotification n = PushTexts.newPoll(Locale.KOREAN, POLL, "t", "정보통신과",
                Instant.parse("2030-03-05T20:30:00Z"), SEOUL);

        assertEquals("정보통신과에서 의견을 묻습니다. 3월 6일 05:30까지", n.body());
    }

    @Test
    void englishWhenAskedFor() {
        PushNotification n = PushTexts.newPoll(Locale.ENGLISH, POLL, "Name the park", "Parks Department",
                Instant.parse("2030-03-05T09:00:00Z"), SEOUL);

        assertEquals("New poll: Name the park", n.title());
        assertEquals("Parks Department asks for your view. Open until Mar 5, 18:00", n.body());
    }

    @Test
    void aTitleWithBracesOrQuotesIsTakenLiterally() {
        PushNotification n = PushTexts.newPoll(Locale.KOREAN, POLL, "'{0}' 어때요?", "과",
                Instant.parse("2030-03-05T09:00:00Z"), SEOUL);

        assertEquals("새 투표: '{0}' 어때요?", n.title());
    }
}
