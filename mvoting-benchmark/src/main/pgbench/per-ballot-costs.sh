#!/usr/bin/env bash
# mvoting-benchmark (sizing, docs/scale-out.md "Sizing: what a city needs"): WAL and storage per ballot, and the cost
# of the SMS budget's one shared row, on a scratch database of the PostgreSQL server named by PGHOST/PGPORT/PGUSER
# (default 127.0.0.1:5432, postgres; a role that may create databases). It makes the schema from sql/postgresql/V*.sql
# and bench-setup.sql, runs the cast (two-inserts.sql) for CASTS casts, the mixer's SQL (mixer-move.sql) over them in
# batches of BATCH, reads pg_current_wal_lsn() and pg_stat_wal around each, the table sizes after VACUUM, then the two
# claim scripts, and drops the database. WAL is counted server-wide: run it on a server nothing else writes to.
# On the project's shared machine, under the test lock: flock /tmp/mvoting-it.lock mvoting-benchmark/src/main/pgbench/per-ballot-costs.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${DB:-mvoting_sizing_scratch}"
CLIENTS=16; CASTS="${CASTS:-20000}"; BATCH="${BATCH:-250}"; CLAIM_SECONDS="${CLAIM_SECONDS:-15}"
POLL=00000000-0000-4000-8000-00000000be01   # bench-setup.sql's poll
P=(psql -X -q -v ON_ERROR_STOP=1)
value() { "${P[@]}" -At -d postgres -c "$1"; }
"${P[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
trap '"${P[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
migrations=(); for f in $(ls "$ROOT"/sql/postgresql/V*.sql | sort -V); do migrations+=(-f "$f"); done
"${P[@]}" -d "$DB" "${migrations[@]}" -f "$HERE/bench-setup.sql" >/dev/null
echo "PostgreSQL $(value 'SHOW server_version'), full_page_writes $(value 'SHOW full_page_writes'), wal_compression $(value 'SHOW wal_compression');" \
     "other active sessions: $(value "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")"

measure() { # label count command... : WAL bytes and full-page images per unit of what the command does
    local label="$1" count="$2"; shift 2
    value CHECKPOINT >/dev/null
    local lsn0 fpi0 lsn1 fpi1 t0 t1
    lsn0="$(value 'SELECT pg_current_wal_lsn()')"; fpi0="$(value 'SELECT wal_fpi FROM pg_stat_wal')"; t0=$(date +%s.%N)
    "$@"
    t1=$(date +%s.%N); lsn1="$(value 'SELECT pg_current_wal_lsn()')"; fpi1="$(value 'SELECT wal_fpi FROM pg_stat_wal')"
    local bytes; bytes="$(value "SELECT pg_wal_lsn_diff('$lsn1', '$lsn0')")"
    echo "$label: $count in $(echo "$t1 - $t0" | bc) s; WAL $bytes bytes, $((bytes / count)) per ballot; full-page images $((fpi1 - fpi0))"
}
cast() { (cd "$HERE" && pgbench -n -f two-inserts.sql -D poll=$POLL -c $CLIENTS -j 2 -t $((CASTS / CLIENTS)) "$DB" | grep -E '^tps'); }
mix() { for ((i = 0; i < CASTS / BATCH; i++)); do "${P[@]}" -d "$DB" -v poll=$POLL -v batch=$BATCH -f "$HERE/mixer-move.sql"; done; }
measure "cast (two-inserts.sql, $CLIENTS clients)" $((CASTS / CLIENTS * CLIENTS)) cast
measure "mixer (mixer-move.sql, $BATCH a transaction)" $((CASTS / CLIENTS * CLIENTS)) mix
"${P[@]}" -d "$DB" -c VACUUM
"${P[@]}" -d "$DB" -c "SELECT c.relname AS table_name, s.n_live_tup AS rows, pg_relation_size(c.oid) AS heap,
    pg_indexes_size(c.oid) AS indexes, pg_total_relation_size(c.oid) / greatest(s.n_live_tup, 1) AS bytes_per_row
  FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
  WHERE c.relname IN ('participation', 'ballot_inbox', 'ballot', 'ballot_choice') ORDER BY 1"
for script in sms-budget-claim random-claim; do
    echo "$script.sql, $CLIENTS clients, $CLAIM_SECONDS s: $(cd "$HERE" && pgbench -n -f $script.sql -c $CLIENTS -j 2 -T "$CLAIM_SECONDS" "$DB" \
        | grep -E '^(tps|latency average)' | tr '\n' ' ')"
done
