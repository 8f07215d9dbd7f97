#!/usr/bin/env bash
# mVoting benchmark: one command that
#   1. creates a fresh role + database for the app on the machine's PostgreSQL (default 127.0.0.1:5432),
#   2. starts the app with the run command (mvn -Prun package) on port offset 100 (http://localhost:8180),
#      MVOTING_SECRET set and MVOTING_DB_URL pointing at that database (Flyway creates the schema),
#   3. runs pgbench (the vote path's two inserts, raw) against a scratch database on the same server,
#   4. runs the Gatling simulations: an unmeasured warm-up run, then per SIMULATIONS
#        vote:  sustained (one run per rate in RATES), then the 1000-at-once burst on one poll;
#        event: the on-site event (EventBurstSimulation: participants join with printed tokens, then all vote
#               the moment each round's question opens; the presenter's screen must show the tally within 1 s),
#               then the floor (FloorSimulation: the same bursts against Undertow's 404, no application code,
#               and against NullServer, the JDK's HTTP server answering {}, no WildFly in the path),
#      sampling the CPU used by WildFly, PostgreSQL and Gatling meanwhile,
#   5. stops the app, drops the scratch databases (also on failure or Ctrl-C) and prints the numbers.
#
# Usage (from anywhere):   mvoting-benchmark/run-benchmark.sh
# Knobs (environment):     SIMULATIONS="vote event" (either or both; SIMULATIONS=event: warm-up, pgbench and the event only)
#                          RATES="120 150 180 210"  DURATION=60  WARMUP=20  BURST_USERS=1000  P99_TARGET_MS=300
#                          EVENT_PARTICIPANTS=1000 EVENT_ROUNDS=3 EVENT_JOIN_SECONDS=20 PRESENTER_TARGET_MS=1000
#                          PGBENCH_CLIENTS=16 PGBENCH_THREADS=2 PGBENCH_SECONDS=30  PGBENCH_FULL_PATH=1
#                          PGHOST=127.0.0.1 PGPORT=5432 PGADMIN=postgres  GATLING_HEAP=512m  STARTUP_TIMEOUT=900
#                          JIT_WARMUP_RATE=100 (an unmeasured 30 s run first; 0: none)
#                          MVOTING_DB_POOL_MAX / MVOTING_HTTP_WORKER_THREADS are passed on to the server.
# Output: mvoting-benchmark/target/benchmark-<timestamp>/ (summary.txt, logs, CPU samples); Gatling's HTML
# reports: mvoting-benchmark/target/gatling/<simulation>-<timestamp>/index.html.
# Exit status: 0 when every run's final tally matched its accepted casts (missed latency/throughput targets
# are reported, not fatal; STRICT=1 makes them fatal), non-zero otherwise.
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"

SIMULATIONS="${SIMULATIONS:-vote event}"
RATES="${RATES:-120 150 180 210}"
DURATION="${DURATION:-60}"
WARMUP="${WARMUP:-20}"
BURST_USERS="${BURST_USERS:-1000}"
P99_TARGET_MS="${P99_TARGET_MS:-300}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-16}"
PGBENCH_THREADS="${PGBENCH_THREADS:-2}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-30}"
PGBENCH_FULL_PATH="${PGBENCH_FULL_PATH:-1}"
GATLING_HEAP="${GATLING_HEAP:-512m}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-900}"
STRICT="${STRICT:-0}"
JIT_WARMUP_RATE="${JIT_WARMUP_RATE:-100}"
EVENT_PARTICIPANTS="${EVENT_PARTICIPANTS:-1000}"
EVENT_ROUNDS="${EVENT_ROUNDS:-3}"
EVENT_JOIN_SECONDS="${EVENT_JOIN_SECONDS:-20}"
PRESENTER_TARGET_MS="${PRESENTER_TARGET_MS:-1000}"

export PGHOST="${PGHOST:-127.0.0.1}"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
export PGPORT="${PGPORT:-5432}"
PGADMIN="${PGADMIN:-postgres}"
PORT_OFFSET=100
NULL_PORT=8199   # NullServer, the floor without WildFly
HTTP_PORT=$((8080 + PORT_OFFSET))
BASE="http://localhost:${HTTP_PORT}/api/v1"
APP_DB=mvoting_bench_app
APP_ROLE=mvoting_bench_app
BENCH_DB=mvoting_bench
BENCH_POLL=00000000-0000-4000-8000-00000000be01

STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$HERE/target/benchmark-$STAMP"
mkdir -p "$OUT"
SUMMARY="$OUT/summary.txt"
APP_PID=""
SNAPSHOT_MARKER=""   # a line of the Gatling log to time the top snapshot and thread dump from (default: the start)
FAILED=0
MISSED=0

log() { printf '[run-benchmark %s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/driver.log" >&2; }
say() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }
want() { [[ " $SIMULATIONS " == *" $1 "* ]]; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -U "$PGADMIN" "$@"; }

cleanup() {
    local status=$?
    trap - EXIT INT TERM ERR
    if [[ -n "${SAMPLER_PID:-}" ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
    if [[ -n "${NULL_PID:-}" ]]; then kill "$NULL_PID" 2>/dev/null || true; fi
    if [[ -n "${GATLING_PID:-}" ]] && kill -0 "$GATLING_PID" 2>/dev/null; then
        log "stopping the running Gatling (maven pid $GATLING_PID)"; kill -TERM "$GATLING_PID" 2>/dev/null || true
    fi
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app (maven pid $APP_PID)"
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 90); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        if kill -0 "$APP_PID" 2>/dev/null; then
            log "the app did not stop in 90 s; killing maven pid $APP_PID"
            kill -KILL "$APP_PID" 2>/dev/null || true
        fi
    fi
    log "dropping scratch databases $BENCH_DB, $APP_DB and role $APP_ROLE"
    psql_admin -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" \
        -c "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" -c "DROP ROLE IF EXISTS $APP_ROLE" >>"$OUT/driver.log" 2>&1 \
        || log "WARNING: could not drop the scratch databases (see $OUT/driver.log)"
    rm -f "$OUT/voter-tokens.tsv" "$OUT/citizens.csv"   # signed with the run's throw-away secret: no use after it
    log "output: $OUT"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------- preflight
for tool in mvn psql pgbench curl jq; do
    command -v "$tool" >/dev/null || { log "missing tool: $tool"; exit 1; }
done
for simulation in $SIMULATIONS; do
    case "$simulation" in vote | event) ;; *) log "SIMULATIONS: unknown '$simulation' (vote, event)"; exit 1 ;; esac
done
if curl -s -o /dev/null "http://localhost:${HTTP_PORT}/"; then
    log "something already listens on port $HTTP_PORT: stop it first"; exit 1
fi
psql_admin -d postgres -c "SELECT 1" >/dev/null || { log "cannot reach PostgreSQL at $PGHOST:$PGPORT as $PGADMIN"; exit 1; }

MVOTING_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=' | head -c 48)"
APP_DB_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')"
export MVOTING_SECRET   # the app (token key) and LightClient mint (the voters' tokens) both read it

say "mVoting benchmark $STAMP"
say "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM"
say "java: $(java -version 2>&1 | head -1)"
say "postgresql: $(psql -X -At -U "$PGADMIN" -d postgres -c 'SHOW server_version') at $PGHOST:$PGPORT (app and pgbench)"
say "server settings: MVOTING_DB_POOL_MAX=${MVOTING_DB_POOL_MAX:-50 (default)} MVOTING_HTTP_WORKER_THREADS=${MVOTING_HTTP_WORKER_THREADS:-64 (default)}"
say ""

# ------------------------------------------------------------------------------------- app database + app
log "creating role $APP_ROLE and database $APP_DB (fresh)"
psql_admin -d postgres -c "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" -c "DROP ROLE IF EXISTS $APP_ROLE" \
    -c "CREATE ROLE $APP_ROLE LOGIN PASSWORD '$APP_DB_PASSWORD'" -c "CREATE DATABASE $APP_DB OWNER $APP_ROLE"

log "starting the app: mvn -Prun package (MVOTING_PORT_OFFSET=$PORT_OFFSET), log: $OUT/app.log"
(
    cd "$ROOT"
    export MVOTING_PORT_OFFSET=$PORT_OFFSET
    export MVOTING_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$APP_DB"
    export MVOTING_DB_USER=$APP_ROLE
    export MVOTING_DB_PASSWORD="$APP_DB_PASSWORD"
    exec mvn -B -Prun package
) >"$OUT/app.log" 2>&1 &
APP_PID=$!

log "waiting for $BASE/polls (up to $STARTUP_TIMEOUT s; the run command builds the project first)"
deadline=$((SECONDS + STARTUP_TIMEOUT))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/polls")" == 200 ]]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        log "the run command exited before the app answered; last lines of $OUT/app.log:"
        tail -40 "$OUT/app.log" >&2
        APP_PID=""; exit 1
    fi
    if ((SECONDS > deadline)); then log "the app did not answer within $STARTUP_TIMEOUT s"; exit 1; fi
    sleep 3
done
log "the app is up"

# Voters: citizens' tokens minted like the server's CitizenTokens (sub = a citizen id, jti, gen) by LightClient, their
# citizens COPYed into the app's citizen table (since V19 the server looks every token's citizen up). Every Gatling
# run opens its own poll, so one file serves all runs; it holds the largest run's voters and a margin.
max_rate=0; for rate in $RATES; do ((rate > max_rate)) && max_rate=$rate; done
VOTERS=$(( max_rate * (DURATION + WARMUP) )); ((VOTERS < BURST_USERS + 20 * WARMUP)) && VOTERS=$((BURST_USERS + 20 * WARMUP))
((VOTERS < JIT_WARMUP_RATE * 30)) && VOTERS=$((JIT_WARMUP_RATE * 30)); VOTERS=$((VOTERS * 6 / 5 + 100))
VOTER_TOKENS="$OUT/voter-tokens.tsv"
log "minting $VOTERS voters' tokens (LightClient mint) and adding their citizens"
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" "$HERE"/src/main/java/org/mvoting/benchmark/light/*.java
java -cp "$OUT/classes" org.mvoting.benchmark.light.LightClient mint "$VOTER_TOKENS" "$OUT/citizens.csv" "$VOTERS" none 0 0 >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -U "$PGADMIN" -d "$APP_DB" \
    -c "\\copy citizen (id, phone_key, created_at, last_sign_in_at) FROM '$OUT/citizens.csv' WITH (FORMAT csv)"

# ------------------------------------------------------------------------------------------------ pgbench
log "pgbench: scratch database $BENCH_DB with sql/postgresql/V*.sql"
psql_admin -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
migrations=(); for f in $(ls "$ROOT"/sql/postgresql/V*.sql | sort -V); do migrations+=(-f "$f"); done
psql_admin -d "$BENCH_DB" "${migrations[@]}" -f "$HERE/src/main/pgbench/bench-setup.sql" >/dev/null

run_pgbench() { # script-name -> prints tps
    local script="$1"
    (cd "$HERE/src/main/pgbench" && pgbench -U "$PGADMIN" -n -f "$script.sql" -D poll=$BENCH_POLL \
        -c "$PGBENCH_CLIENTS" -j "$PGBENCH_THREADS" -T "$PGBENCH_SECONDS" "$BENCH_DB") >"$OUT/pgbench-$script.log" 2>&1 \
        || { log "pgbench $script failed:"; cat "$OUT/pgbench-$script.log" >&2; return 1; }
    grep -E 'failed transactions: [1-9]' "$OUT/pgbench-$script.log" >&2 && { log "pgbench $script had failed transactions"; return 1; }
    sed -nE 's/^tps = ([0-9.]+) .*/\1/p' "$OUT/pgbench-$script.log" | head -1
}
log "pgbench two-inserts.sql: -c $PGBENCH_CLIENTS -j $PGBENCH_THREADS -T $PGBENCH_SECONDS"
PGBENCH_TPS="$(run_pgbench two-inserts)"
say "pgbench two-inserts.sql (participation ON CONFLICT DO NOTHING + ballot, 1 tx/vote), -c $PGBENCH_CLIENTS -j $PGBENCH_THREADS -T $PGBENCH_SECONDS: ${PGBENCH_TPS} tps"
if [[ "$PGBENCH_FULL_PATH" == 1 ]]; then
    log "pgbench full-vote-path.sql (diagnostic)"
    PGBENCH_FULL_TPS="$(run_pgbench full-vote-path)"
    say "pgbench full-vote-path.sql (all 6 statements of a cast, 1 tx/vote), same settings: ${PGBENCH_FULL_TPS} tps"
fi
psql_admin -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)"
say ""

# ------------------------------------------------------------------------------------------------ Gatling
log "compiling the simulations"
(cd "$ROOT" && mvn -B -q -Pbenchmark -pl mvoting-benchmark test-compile) >"$OUT/compile.log" 2>&1 \
    || { log "compiling the simulations failed:"; tail -40 "$OUT/compile.log" >&2; exit 1; }

# CPU accounting: every 2 s, utime+stime ticks of every process (/proc/*/stat) and the process list; the
# report sums the deltas per group: wildfly (this app's server), postgresql (the PostgreSQL 15 server's own
# processes and this app's backends), gatling, maven (this tree's: the run command and gatling:test), other
# (anything else, e.g. another engineer's builds and servers).
cpu_sample() { # file
    {
        echo "S $(date +%s.%N)"
        cat /proc/[0-9]*/stat 2>/dev/null | awk '{ pid = $1; sub(/^.*\) /, ""); print "T", pid, $12 + $13 }' || true
        ps -eo pid=,args= | sed 's/^ */A /'
    } >"$1"
}
cpu_sampler() { # dir; runs until killed
    local i=0
    mkdir -p "$1"
    while :; do cpu_sample "$1/s$(printf %05d $i)"; i=$((i + 1)); sleep 2; done
}
cpu_report() { # sample-dir -> "wildfly=..% postgresql=..% ... over N s" (100 % = one core)
    local dir="$1"
    grep -h '^A ' "$dir"/s* >"$dir/args" || true
    awk -v hz="$(getconf CLK_TCK)" -v mine="-Djboss.server.base.dir=$ROOT/mvoting-ear/target/run-base" '
        FILENAME ~ /\/args$/ {
            pid = $2; $1 = ""; $2 = ""; a = $0; g = "other"
            if (index(a, "jboss-modules") && index(a, mine)) g = "wildfly"
            else if (index(a, "jboss-modules")) g = "other"
            else if (index(a, "plexus-classworlds") && (index(a, "-Prun package") || index(a, "gatling:test"))) g = "maven"
            else if (index(a, "mvoting-benchmark")) g = "gatling"
            else if (a ~ /postgres: 15\/main: (mvoting_bench|checkpointer|background writer|walwriter|autovacuum|logical|stats)/ \
                     || a ~ /postgresql\/15\/bin\/postgres/) g = "postgresql"
            grp[pid] = g; next
        }
        FNR == 1 { n++ }
        $1 == "S" { if (n == 1) t0 = $2; t1 = $2; next }
        $1 == "T" {
            pid = $2; if (pid ~ /\//) { split($2, parts, "/"); pid = parts[3] }
            # ticks since the last sample this process was seen in (all of them if it is new)
            if (n > 1) { d = (pid in last) ? $3 - last[pid] : $3; if (d > 0) used[(pid in grp) ? grp[pid] : "other"] += d }
            last[pid] = $3
        }
        END {
            secs = t1 - t0; if (secs <= 0) { print "n/a"; exit }
            split("wildfly postgresql gatling maven other", names, " "); total = 0
            for (i = 1; i <= 5; i++) { pct = 100 * used[names[i]] / hz / secs; total += pct; printf "%s=%.0f%% ", names[i], pct }
            printf "(sum %.0f%% of %d%%, over %.0f s)\n", total, 100 * cores, secs
        }' cores="$(nproc)" "$dir/args" "$dir"/s*
}

# stats of a measured request ("cast ballot", "event ballot", ...) from a Gatling HTML report (its statistics table)
report_dir() { # simulation (lower case) -> the newest report directory, only if written by the last run_gatling
    local d
    d="$(ls -1dt "$HERE"/target/gatling/"$1"-* 2>/dev/null | head -1 || true)"
    if [[ -n "$d" && ( -z "${RUN_STARTED:-}" || "$d" -nt "$RUN_STARTED" ) ]]; then echo "$d"; fi
}
request_stats() { # report-dir request-name -> "total ok ko pct_ko cnt_per_s min p50 p75 p95 p99 max mean stddev"
    awk -v name="$2" 'index($0, "ellipsed-name\">" name "<") { f = 1; next }
         f && match($0, /class="value[^"]*">[^<]*</) {
             v = substr($0, RSTART, RLENGTH); sub(/.*">/, "", v); sub(/<$/, "", v); gsub(/,/, "", v)
             out = out v " "; if (++n == 13) { print out; exit } }' "$1/index.html"
}
cast_stats() { request_stats "$1" "cast ballot"; }
app_commits() { psql -X -At -U "$PGADMIN" -d postgres -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$APP_DB'"; }

run_gatling() { # label simulation-class extra -D args...
    local label="$1" simulation="$2"; shift 2
    local samples="$OUT/cpu-$label" rc=0 commits_before
    rm -f "$HERE"/target/gatling/*-verification.txt
    RUN_STARTED="$OUT/.started-$label"; touch "$RUN_STARTED"   # an older report is never taken for this run's
    commits_before="$(app_commits)"
    cpu_sampler "$samples" &
    local sampler_pid=$!
    SAMPLER_PID=$sampler_pid
    (
        cd "$ROOT"
        exec mvn -B -Pbenchmark -pl mvoting-benchmark gatling:test \
            -Dgatling.simulationClass="org.mvoting.benchmark.$simulation" -Dgatling.jvm.heap="$GATLING_HEAP" \
            -Dbase="$BASE" -Dwarmup="$WARMUP" -Dp99TargetMs="$P99_TARGET_MS" -DvoterTokens="$VOTER_TOKENS" "$@"
    ) >"$OUT/gatling-$label.log" 2>&1 &
    local gatling_pid=$!
    GATLING_PID=$gatling_pid
    # a top snapshot and a WildFly thread dump while the measured load runs: SNAPSHOT_AFTER seconds after the
    # marker line (the simulation's start unless SNAPSHOT_MARKER says otherwise); none if Gatling ends first
    local marker="${SNAPSHOT_MARKER:-Simulation org.mvoting.benchmark.$simulation started}"
    (
        for _ in $(seq 1 1200); do
            grep -qF -- "$marker" "$OUT/gatling-$label.log" 2>/dev/null && break
            kill -0 "$gatling_pid" 2>/dev/null || exit 0
            sleep 0.5
        done
        sleep "$SNAPSHOT_AFTER"
        machine_busy >"$OUT/busy-$label.txt"
        top -b -n1 -w 180 | head -25 >"$OUT/top-$label.txt"
        wildfly="$(pgrep -f -- "jboss-modules.jar.*-Djboss.server.base.dir=$ROOT/mvoting-ear/target/run-base" | head -1)"
        [[ -n "$wildfly" ]] && jcmd "$wildfly" Thread.print >"$OUT/threads-$label.txt" 2>&1
    ) &
    local snapshot_pid=$!
    wait "$gatling_pid" || rc=$?
    kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true
    wait "$snapshot_pid" 2>/dev/null || true
    CPU_SPLIT="$(cpu_report "$samples")"
    COMMITS=$(( $(app_commits) - commits_before ))
    THREADS="$(thread_summary "$OUT/threads-$label.txt")"
    BUSY="$(cat "$OUT/busy-$label.txt" 2>/dev/null || echo "not sampled")"
    return "$rc"
}

machine_busy() { # the whole machine over the next second, from /proc/stat: "busy % (user %, system %)"
    local a b
    a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
    awk -v a="${a[*]}" -v b="${b[*]}" 'BEGIN { split(a, x); split(b, y); t = 0
        for (i = 2; i <= 11; i++) t += y[i] - x[i]
        idle = (y[5] - x[5]) + (y[6] - x[6]); user = (y[2] - x[2]) + (y[3] - x[3]); sys = (y[4] - x[4]) + (y[7] - x[7]) + (y[8] - x[8])
        if (t > 0) printf "%.0f %% busy (user %.0f %%, system %.0f %%)\n", 100 * (t - idle) / t, 100 * user / t, 100 * sys / t }'
}

thread_summary() { # thread dump -> states of the HTTP worker threads ("default task-N") and where they wait
    [[ -f "$1" ]] || { echo "no thread dump"; return; }
    awk '/^"default task-/ { t = 1; n++; next }
         t && /java.lang.Thread.State:/ { st[$2]++; next }
         t && /^\tat / && !seen { fr = $2; if (fr !~ /^(java\.|jdk\.|sun\.)/) { where[fr]++; seen = 1 } next }
         /^$/ { t = 0; seen = 0 }
         END { printf "%d worker threads:", n; for (s in st) printf " %s=%d", s, st[s]
               m = 0; for (f in where) if (where[f] > m) { m = where[f]; top = f }
               if (m) printf "; most common first app/socket frame: %s (%d)", top, m; print "" }' "$1"
}

verification() { # name -> the VERIFIED/MISMATCH line, or a failure note
    local f="$HERE/target/gatling/$1-verification.txt"
    if [[ -f "$f" ]]; then cat "$f"; else echo "MISSING $1: no verification written (the run did not reach after())"; fi
}

SNAPSHOT_AFTER=$((WARMUP + 15))
if [[ "$JIT_WARMUP_RATE" != 0 ]]; then
    # The server was just started: one unmeasured run first, so that the first measured rate does not pay
    # for the JIT and the pools filling up.
    log "Gatling warm-up run (not reported): $JIT_WARMUP_RATE voters/s for 30 s"
    rc=0; run_gatling "jit-warm-up" SustainedVoteSimulation -Drate="$JIT_WARMUP_RATE" -Dduration=30 -DenforceTargets=false || rc=$?
    check="$(verification sustained)"
    [[ "$check" == VERIFIED* ]] || { FAILED=1; log "TALLY CHECK FAILED in the warm-up run: $check"; }
    say "(server warm-up run at $JIT_WARMUP_RATE/s for 30 s, not measured; tally: ${check%% poll=*})"
    say ""
fi

if want vote; then
say "Gatling sustained runs ($DURATION s each at a constant arrival rate, after ${WARMUP} s warm-up; one fresh voter per cast):"
BEST_RATE=""; BEST_LINE=""
SNAPSHOT_AFTER=$((WARMUP + DURATION / 2))   # seconds after the simulation starts
for rate in $RATES; do
    log "Gatling SustainedVoteSimulation: $rate voters/s for $DURATION s"
    rc=0; run_gatling "sustained-$rate" SustainedVoteSimulation -Drate="$rate" -Dduration="$DURATION" || rc=$?
    dir="$(report_dir sustainedvotesimulation)"
    check="$(verification sustained)"; echo "$check" >"$OUT/verification-sustained-$rate.txt"
    [[ "$check" == VERIFIED* ]] || { FAILED=1; log "TALLY CHECK FAILED at rate $rate: $check"; }
    if [[ -n "$dir" && -f "$dir/index.html" && $rc -le 1 ]] && stats="$(cast_stats "$dir")" && [[ -n "$stats" ]]; then
        read -r total ok ko pko cps min p50 p75 p95 p99 max mean std <<<"$stats"
        pass=no
        if [[ "$ko" == 0 && "$p99" -lt "$P99_TARGET_MS" && "$check" == VERIFIED* ]]; then
            pass=yes; BEST_RATE="$rate"; BEST_LINE="$(echo "scale=1; $ok / $DURATION" | bc) votes/s, p50 $p50 ms, p95 $p95 ms, p99 $p99 ms"
        fi
        say "  rate $rate/s: OK $ok, KO $ko; $(echo "scale=1; $ok / $DURATION" | bc) votes/s accepted; p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms; targets met: $pass"
        say "      CPU: $CPU_SPLIT"
        all_ok="$(sed -nE 's/.*acceptedCasts=([0-9]+).*/\1/p' <<<"$check")"
        say "      app database commits per accepted cast: $(echo "scale=2; $COMMITS / (${all_ok:-$ok} + 0.0001)" | bc) ($COMMITS commits / ${all_ok:-$ok} accepted casts, warm-up included; admin calls add a few)"
        say "      WildFly mid-run: $THREADS"
        say "      tally: $check"
        say "      report: $dir/index.html"
    else
        say "  rate $rate/s: no report (gatling exit $rc, see $OUT/gatling-sustained-$rate.log)"; FAILED=1
    fi
done
if [[ -n "$BEST_RATE" ]]; then
    say "  highest rate tried with 100 % OK and p99 < $P99_TARGET_MS ms: $BEST_RATE voters/s ($BEST_LINE)"
    say "  ratio sustained/pgbench two-inserts: $(echo "scale=1; 100 * $BEST_RATE / $PGBENCH_TPS" | bc) % (target >= 50 %)"
    (( $(echo "2 * $BEST_RATE >= $PGBENCH_TPS" | bc) )) || MISSED=1
else
    say "  no rate tried met 100 % OK with p99 < $P99_TARGET_MS ms"; MISSED=1
fi
say ""

log "Gatling BurstVoteSimulation: $BURST_USERS voters at once"
SNAPSHOT_AFTER=$((WARMUP + 2 + 1))   # 1 s into the burst (after the warm-up and a 2 s pause)
rc=0; run_gatling burst BurstVoteSimulation -Dusers="$BURST_USERS" || rc=$?
dir="$(report_dir burstvotesimulation)"
check="$(verification burst)"; echo "$check" >"$OUT/verification-burst.txt"
[[ "$check" == VERIFIED* ]] || { FAILED=1; log "TALLY CHECK FAILED in the burst: $check"; }
say "Gatling burst ($BURST_USERS voters at once, after ${WARMUP} s of warm-up casts at 20/s):"
if [[ -n "$dir" && -f "$dir/index.html" && $rc -le 1 ]] && stats="$(cast_stats "$dir")" && [[ -n "$stats" ]]; then
    read -r total ok ko pko cps min p50 p75 p95 p99 max mean std <<<"$stats"
    pass=no
    if [[ "$ko" == 0 && "$p99" -le "$P99_TARGET_MS" ]]; then pass=yes; else MISSED=1; fi
    say "  accepted $ok of $total ($(echo "scale=1; 100 * $ok / $total" | bc) %); p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms; targets (100 %, p99 <= $P99_TARGET_MS ms) met: $pass"
    say "  CPU: $CPU_SPLIT"
    say "  WildFly 1 s into the burst: $THREADS"
    say "  tally: $check"
    say "  report: $dir/index.html"
else
    say "  no report (gatling exit $rc, see $OUT/gatling-burst.log)"; FAILED=1
fi
say ""
fi

if want event; then
log "Gatling EventBurstSimulation: $EVENT_PARTICIPANTS participants join over $EVENT_JOIN_SECONDS s, then $EVENT_ROUNDS rounds of all voting at once"
SNAPSHOT_MARKER="event: round 1 open"; SNAPSHOT_AFTER=1   # 1 s into round 1's burst
rc=0; run_gatling event EventBurstSimulation -Dparticipants="$EVENT_PARTICIPANTS" -Drounds="$EVENT_ROUNDS" \
    -DjoinSeconds="$EVENT_JOIN_SECONDS" -DpresenterTargetMs="$PRESENTER_TARGET_MS" || rc=$?
SNAPSHOT_MARKER=""
dir="$(report_dir eventburstsimulation)"
check="$(verification event)"; echo "$check" >"$OUT/verification-event.txt"
verdict="$(head -1 <<<"$check")"
[[ "$verdict" == VERIFIED* ]] || { FAILED=1; log "TALLY CHECK FAILED in the event burst: $verdict"; }
say "Gatling on-site event ($EVENT_PARTICIPANTS participants join over $EVENT_JOIN_SECONDS s, then $EVENT_ROUNDS rounds: all vote the moment the question opens):"
if [[ -n "$dir" && -f "$dir/index.html" && $rc -le 1 ]] && join_stats="$(request_stats "$dir" "join with token")" \
        && ballot_stats="$(request_stats "$dir" "event ballot")" && [[ -n "$join_stats" && -n "$ballot_stats" ]]; then
    read -r total ok ko pko cps min p50 p75 p95 p99 max mean std <<<"$join_stats"
    say "  join with token: OK $ok, KO $ko; p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms"
    read -r total ok ko pko cps min p50 p75 p95 p99 max mean std <<<"$ballot_stats"
    pass=no
    if [[ "$ko" == 0 && "$p99" -le "$P99_TARGET_MS" ]]; then pass=yes; else MISSED=1; fi
    say "  event ballot, all rounds: accepted $ok of $total ($(echo "scale=1; 100 * $ok / $total" | bc) %); p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms; targets (100 %, p99 <= $P99_TARGET_MS ms) met: $pass"
else
    say "  no report (gatling exit $rc, see $OUT/gatling-event.log)"; FAILED=1
fi
# per round: accepted, the presenter's tally and its delay after the last accepted ballot (target <= PRESENTER_TARGET_MS)
rounds_seen=0
while IFS= read -r line; do
    rounds_seen=$((rounds_seen + 1)); say "  $line"
    [[ "$line" == *"targets met: yes" ]] || MISSED=1
done < <(grep '^ROUND ' <<<"$check" || true)
((rounds_seen == EVENT_ROUNDS)) || { MISSED=1; say "  only $rounds_seen of $EVENT_ROUNDS rounds reported"; }
say "  presenter: the big screen's live stream (SSE /events/{code}/live), first state whose turnout and shown results equal the accepted ballots; target <= $PRESENTER_TARGET_MS ms"
say "  for comparison, pgbench two-inserts.sql in this run: ${PGBENCH_TPS} tps (each round's drain rate is in its line)"
say "  CPU: $CPU_SPLIT"
say "  WildFly 1 s into round 1: $THREADS"
say "  the machine 1 s into round 1: $BUSY"
say "  app database commits during the run: $COMMITS (joins, ballots, operator calls, the screen's reads)"
say "  tally: $verdict"
[[ -n "$dir" ]] && say "  report: $dir/index.html"
say ""

# The floor: the same bursts (EVENT_PARTICIPANTS new connections at once, EVENT_ROUNDS times) against a request that
# does no work at all, through the same load generator on the same cores: first Undertow's 404 outside any deployment,
# then NullServer, the JDK's HTTP server answering {} (no WildFly in the path; WildFly and PostgreSQL stay up, idle).
# No ballot can be answered faster than this; the event ballot's p99 is read against it.
floor_run() { # label title base path expected-status
    local label="$1" title="$2" rc=0 dir
    log "Gatling FloorSimulation ($label): $EVENT_ROUNDS rounds of $EVENT_PARTICIPANTS requests at once to $3$4"
    SNAPSHOT_AFTER=4   # in round 1's burst (after its 3 s pause)
    run_gatling "$label" FloorSimulation -Dbase="$3" -Dpath="$4" -Dexpect="$5" \
        -Dusers="$EVENT_PARTICIPANTS" -Drounds="$EVENT_ROUNDS" || rc=$?
    dir="$(report_dir floorsimulation)"
    say "$title"
    if [[ -z "$dir" || ! -f "$dir/index.html" || $rc -gt 1 ]]; then
        say "  no report (gatling exit $rc, see $OUT/gatling-$label.log)"; FAILED=1; return
    fi
    for round in $(seq 1 "$EVENT_ROUNDS"); do
        read -r total ok ko pko cps min p50 p75 p95 p99 max mean std <<<"$(request_stats "$dir" "floor round $round")"
        say "  round $round: answered $ok of $total; min ${min} ms, p50 ${p50} ms, p99 ${p99} ms, max ${max} ms"
    done
    say "  the machine 1 s into round 1: $BUSY"
    say "  report: $dir/index.html"
}
floor_run floor "Gatling floor (the same $EVENT_ROUNDS bursts of $EVENT_PARTICIPANTS new connections at once, to Undertow's 404: no application code, no database):" \
    "http://localhost:${HTTP_PORT}" /no-such-context 404
java "$HERE/src/test/java/org/mvoting/benchmark/NullServer.java" "$NULL_PORT" >"$OUT/null-server.log" 2>&1 &
NULL_PID=$!
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$NULL_PORT/" && break; sleep 0.5; done
floor_run null-floor "Gatling floor without WildFly (the same bursts to NullServer, the JDK's HTTP server answering {}):" \
    "http://127.0.0.1:$NULL_PORT" / 200
kill "$NULL_PID" 2>/dev/null || true; NULL_PID=""
say ""
fi

say "logs, CPU samples and top snapshots: $OUT"
echo
cat "$SUMMARY"
if ((FAILED)); then log "FAILED: a run did not complete or its final tally did not match (see above)"; exit 1; fi
if ((MISSED)); then
    log "some targets were missed (see the summary)"
    ((STRICT)) && exit 2
fi
exit 0
