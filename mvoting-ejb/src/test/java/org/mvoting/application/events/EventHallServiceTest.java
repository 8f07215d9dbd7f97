package org.mvoting.application.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvoting.api.events.OptionCount;

/** Which options go on to the next round. */
class EventHallServiceTest {

    private static OptionCount option(int position, String label, long phone, long paper) {
        return new OptionCount(position * 10L, position, label, phone, paper, phone + paper);
    }

    @Test
    void theTopOptionsByCombinedCountGoOnInTheOrderTheyWereAsked() {
        List<OptionCount> counts = List.of(option(1, "가로수길", 1, 0), option(2, "도서관", 2, 5),
                option(3, "청년주택", 0, 4), option(4, "자전거도로", 3, 0));
        assertEquals(List.of("도서관", "청년주택"), EventHallService.topOptions(counts, 2), "7 and 4; phone alone would differ");
        assertEquals(List.of("도서관"), EventHallService.topOptions(counts, 1));
    }

    @Test
    void anOptionTiedWithTheLastOneCarriedGoesOnToo() {
        List<OptionCount> counts = List.of(option(1, "가", 5, 0), option(2, "나", 2, 0), option(3, "다", 0, 2),
                option(4, "라", 1, 0));
        assertEquals(List.of("가", "나", "다"), EventHallService.topOptions(counts, 2));
        assertEquals(List.of("가", "나", "다"), EventHallService.topOptions(counts, 3));
        assertEquals(List.of("가", "나", "다", "라"), EventHallService.topOptions(counts, 4));
    }

    @Test
    void withNoVotesAtAllEveryOptionIsTied() {
        List<OptionCount> counts = List.of(option(1, "가", 0, 0), option(2, "나", 0, 0), option(3, "다", 0, 0));
        assertEquals(List.of("가", "나", "다"), EventHallService.topOptions(counts, 1));
    }
}
