package org.mvoting.application.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.domain.messaging.PushNotification;

class StaffTextsTest {

    private static final UUID POLL = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    /** 09:30 UTC is 18:30 in Seoul. */
    private static final Instant CLOSES = Instant.parse("2030-03-05T09:30:00Z");

    @Test
    void koreanFirstEnglishSecondWithTheClosingTimeOnTheCitysClockAndThePortalLink() {
        PushNotification notice = StaffTexts.pollOpened(POLL, "구내식당 메뉴", "정보화담당관", CLOSES,
                ZoneId.of("Asia/Seoul"), "https://vote.city.go.kr/");

        assertEquals("새 직원 투표: 구내식당 메뉴 / New staff poll: 구내식당 메뉴", notice.title());
        assertEquals("정보화담당관에서 의견을 묻습니다. 3월 5일 18:30까지 투표해 주세요.\n"
                + "정보화담당관 asks for your view. Please vote by Mar 5, 18:30.", notice.body());
        assertEquals("https://vote.city.go.kr/admin/vote.xhtml?id=" + POLL, notice.link());
    }

    @Test
    void anotherCitysZoneMovesTheTimeAndWithoutAPublicAddressTheLinkIsTheSitesOwnPath() {
        PushNotification notice = StaffTexts.pollOpened(POLL, "t", "d", CLOSES, ZoneId.of("Europe/Berlin"), null);
        assertTrue(notice.body().contains("3월 5일 10:30까지"), notice.body());
        assertTrue(notice.body().contains("Mar 5, 10:30"), notice.body());
        assertEquals("/admin/vote.xhtml?id=" + POLL, notice.link());
    }
}
