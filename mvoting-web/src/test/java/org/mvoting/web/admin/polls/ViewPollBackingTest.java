package org.mvoting.web.admin.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The listed-number table's paging on the poll page. */
class ViewPollBackingTest {

    @Test
    void theLastPageOfTheListedNumbers() {
        assertEquals(20, ViewPollBacking.NUMBERS_PER_PAGE);
        assertEquals(0, ViewPollBacking.lastPage(0));
        assertEquals(0, ViewPollBacking.lastPage(1));
        assertEquals(0, ViewPollBacking.lastPage(20));
        assertEquals(1, ViewPollBacking.lastPage(21));
        assertEquals(149, ViewPollBacking.lastPage(3000), "3,000 numbers are 150 pages");
    }
}
