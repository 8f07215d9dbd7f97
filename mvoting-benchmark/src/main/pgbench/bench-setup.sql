-- mvoting-benchmark: pgbench baseline setup. Run after sql/postgresql/V*.sql (all, in order) on a scratch
-- database (run-benchmark.sh uses mvoting_bench on the machine's PostgreSQL and drops it afterwards).
-- One department and one open poll, like the app's benchmark poll; participation and ballot have no
-- foreign key to poll, so the pgbench script only needs the poll's id (passed as -D poll=<uuid>).
INSERT INTO department (code, name) VALUES ('BENCH', 'Benchmark department');
INSERT INTO poll (id, kind, owner_department_id, title, opens_at, closes_at, status, audience_type,
                  min_assurance, results_visibility, created_by, created_at, published_at)
SELECT '00000000-0000-4000-8000-00000000be01', 'CITY_TO_CITIZEN', d.id, 'pgbench baseline poll',
       now() - interval '1 minute', now() + interval '2 hours', 'OPEN', 'OPEN', 'SMS_VERIFIED', 'AFTER_CLOSE',
       'pgbench', now(), now()
FROM department d WHERE d.code = 'BENCH';
VACUUM ANALYZE;
