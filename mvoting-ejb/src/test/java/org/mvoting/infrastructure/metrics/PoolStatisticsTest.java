package org.mvoting.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoolStatisticsTest {

    @Test
    void everyJmxNamingStyleOfAFigureIsTheSameFigure() {
        assertEquals("inusecount", PoolStatistics.normalise("InUseCount"));
        assertEquals("inusecount", PoolStatistics.normalise("inUseCount"));
        assertEquals("inusecount", PoolStatistics.normalise("in-use-count"));
        assertTrue(PoolStatistics.WANTED.contains(PoolStatistics.normalise("BlockingFailureCount")));
    }

    @Test
    void outsideWildFlyThereAreNoFiguresAndNoFailure() {
        assertTrue(new PoolStatistics().read().isEmpty());
    }
}
