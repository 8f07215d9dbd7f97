-- mvoting-benchmark (sizing): the same upsert as sms-budget-claim.sql on a random bucket each time (no shared row).
-- Usage: pgbench -n -f random-claim.sql -c 16 -j 2 -T 15 mvoting_bench
INSERT INTO rate_limit_window (bucket, window_start, hits) VALUES (md5(random()::text), date_trunc('day', now()), 1)
  ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
  WHERE rate_limit_window.hits < 1000000000 RETURNING hits;
