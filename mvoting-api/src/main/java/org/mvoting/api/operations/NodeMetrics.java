package org.mvoting.api.operations;

import jakarta.ejb.Local;
import java.util.List;

/**
 * What the city's monitoring scrapes: this node's counters (ballots accepted and refused, gateway failures) and
 * gauges read at scrape time (mixer lag, inbox and outbox depth, SMS budget, connection pool). Gauges read from
 * the database are the cluster's (every node reports the same value: aggregate them with max, not sum); counters
 * are the node's own (sum them). Parts that cannot be read (the database is gone) are left out, and
 * {@code mvoting_database_up} says so, so a scrape never fails because of them.
 */
@Local
public interface NodeMetrics {

    List<MetricFamily> scrape();
}
