package org.mvoting.web.portal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart data is JSON whatever the option labels contain (quotes, markup, line breaks). */
class ChartJsonTest {

    @Test
    void labelsAreEscapedAndValuesWrittenAsNumbers() {
        String json = ChartJson.of("bar", "표", List.of("예", "say \"no\"", "</script>", "a\\b\nc"), List.of(3L, 0L, 12L, 1L));
        assertEquals("{\"type\":\"bar\",\"label\":\"표\",\"labels\":[\"예\",\"say \\\"no\\\"\",\"\\u003c/script\\u003e\","
                + "\"a\\\\b\\nc\"],\"values\":[3,0,12,1]}", json);
    }

    @Test
    void emptySeriesAreValid() {
        assertEquals("{\"type\":\"line\",\"label\":null,\"labels\":[],\"values\":[]}",
                ChartJson.of("line", null, List.of(), List.<Long>of()));
    }
}
