-- mvoting-benchmark (sizing): one SMS of the day's budget as SmsBudget.claim takes it (RateLimits.claim): the city's one
-- row for the day, one transaction per claim. Against random-claim.sql it shows what sharing one row costs.
-- Usage: pgbench -n -f sms-budget-claim.sql -c 16 -j 2 -T 15 mvoting_bench
INSERT INTO rate_limit_window (bucket, window_start, hits) VALUES ('sms-budget:city', date_trunc('day', now()), 1)
  ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
  WHERE rate_limit_window.hits < 1000000000 RETURNING hits;
