#!/usr/bin/env bash
# mVoting ratios benchmark (issue 19): one command, one run, on this machine, with a client light enough not to be
# the bottleneck. Every number is read against a floor measured in the same run:
#   1. a fresh role + database for the app; the app started with the run command (mvn -Prun package) on port offset
#      300 (http://localhost:8380; never 8080/9990, the ITs' ports), MVOTING_SECRET set, Flyway creating the schema;
#   2. pgbench: the cast's two inserts (src/main/pgbench/two-inserts.sql), raw, one transaction per vote;
#   3. the floor: wrk against Undertow's 404 (a request that does no application work, on the app's own port);
#   4. the sustained ladder: wrk, keep-alive connections (phones with the page open), CONNECTIONS steps of
#      STEP_SECONDS each after one unmeasured warm-up step; votes/s and p99 per step; the best step with p99 <=
#      P99_TARGET_MS and no failure is the sustained rate;
#   5. the bursts: BURST_ROUNDS rounds of BURST_USERS votes at the same instant from pre-connected sockets
#      (LightClient burst pre), the same with new connections (burst new), and the same bursts against the floor;
#   6. the big poll: a LIVE poll whose tally holds BIG_BALLOTS ballots, generated in SQL straight into tally_slot
#      (the table the live results are read from; the ballots themselves are aggregated on the fly, not stored),
#      then wrk GETs of its results (1 connection, READ_SECONDS);
#   7. closes the ladder and burst polls and checks that each final tally equals the votes answered 201;
#   8. writes target/ratios-<stamp>/ratios.md (also printed), stops the app, drops the scratch databases (also on
#      failure or Ctrl-C).
# Voter tokens: minted before the load by LightClient mint (signed like the server's CitizenTokens since V19: sub is
# a citizen id, with jti and gen), their citizens COPYed into the app's citizen table; wrk's Lua script and the burst
# client only read them from a file (no crypto while measuring).
#
# Usage: mvoting-benchmark/run-ratios.sh
# Knobs: CONNECTIONS="8 16 32 48 64 96"  STEP_SECONDS=15  MAX_RATE=1500 (voters minted per step second)
#        FLOOR_CONNECTIONS=48  BURST_USERS=1000  BURST_ROUNDS=3  BIG_BALLOTS=10000000  READ_SECONDS=10
#        P99_TARGET_MS=300  PGBENCH_CLIENTS=16 PGBENCH_THREADS=2 PGBENCH_SECONDS=30  STARTUP_TIMEOUT=900
#        PGHOST=127.0.0.1 PGPORT=5432 PGADMIN=postgres; MVOTING_DB_POOL_MAX / MVOTING_HTTP_WORKER_THREADS go to the server.
#        SOAK=1: the soak instead of steps 2-7 — SOAK_SECONDS (3600) at about SOAK_RATE (100) votes/s (wrk2, which
#        holds a rate, is not in Debian: wrk with SOAK_CONNECTIONS=10 paced by soak.lua's delay()), WildFly's heap
#        every minute (jcmd GC.heap_info), then the tally check; writes soak.md. Not yet run (docs/benchmarks.md).
# Exit status: 0 when every tally matched and nothing failed; 1 otherwise. Missed targets are reported, not fatal.
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"

CONNECTIONS="${CONNECTIONS:-8 16 32 48 64 96}"
STEP_SECONDS="${STEP_SECONDS:-15}"
MAX_RATE="${MAX_RATE:-1500}"
FLOOR_CONNECTIONS="${FLOOR_CONNECTIONS:-48}"
BURST_USERS="${BURST_USERS:-1000}"
BURST_ROUNDS="${BURST_ROUNDS:-3}"
BIG_BALLOTS="${BIG_BALLOTS:-10000000}"
READ_SECONDS="${READ_SECONDS:-10}"
P99_TARGET_MS="${P99_TARGET_MS:-300}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-16}"
PGBENCH_THREADS="${PGBENCH_THREADS:-2}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-30}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-900}"
SOAK="${SOAK:-0}"
SOAK_SECONDS="${SOAK_SECONDS:-3600}"
SOAK_RATE="${SOAK_RATE:-100}"

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
PGADMIN="${PGADMIN:-postgres}"
PORT_OFFSET=300
HTTP_PORT=$((8080 + PORT_OFFSET))
ORIGIN="http://localhost:${HTTP_PORT}"
API="$ORIGIN/api/v1"
FLOOR_PATH=/no-such-context
APP_DB=mvoting_ratios_app
APP_ROLE=mvoting_ratios_app
BENCH_DB=mvoting_ratios_pgbench
BENCH_POLL=00000000-0000-4000-8000-00000000be01
STAFF="it.operator:mvoting-demo"
APPROVER="it.head:mvoting-demo"
LUA="$HERE/src/main/lua/votes.lua"

STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$HERE/target/ratios-$STAMP"
mkdir -p "$OUT/classes" "$OUT/voters"
APP_PID=""
FAILED=0

log() { printf '[run-ratios %s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/driver.log" >&2; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -U "$PGADMIN" "$@"; }
app_sql() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$PGADMIN" -d "$APP_DB" "$@"; }
field() { sed -nE "s/.* $1=([^ ]+).*/\1/p" <<<" $2"; }   # field name "RESULT ... name=value ..." -> value
client() { java -cp "$OUT/classes" org.mvoting.benchmark.light.LightClient "$@"; }

cleanup() {
    local status=$?
    trap - EXIT INT TERM ERR
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app (maven pid $APP_PID)"
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 90); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -0 "$APP_PID" 2>/dev/null && { log "the app did not stop in 90 s; killing maven pid $APP_PID"; kill -KILL "$APP_PID" 2>/dev/null || true; }
    fi
    # the WildFly that the run command forked, if it outlived maven (only ours: its base dir is in this tree)
    local wildfly
    wildfly="$(pgrep -f -- "jboss-modules.jar.*-Djboss.server.base.dir=$ROOT/mvoting-ear/target/run-base" || true)"
    [[ -n "$wildfly" ]] && { log "stopping the left-over WildFly $wildfly"; kill -TERM $wildfly 2>/dev/null || true; sleep 5; }
    log "dropping scratch databases $BENCH_DB, $APP_DB and role $APP_ROLE"
    psql_admin -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" \
        -c "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" -c "DROP ROLE IF EXISTS $APP_ROLE" >>"$OUT/driver.log" 2>&1 \
        || log "WARNING: could not drop the scratch databases (see $OUT/driver.log)"
    rm -rf "$OUT/voters"   # signed tokens of the run's throw-away secret: no use after it, no need to keep
    log "output: $OUT"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------- preflight
for tool in mvn java javac psql pgbench curl jq wrk; do
    command -v "$tool" >/dev/null || { log "missing tool: $tool"; exit 1; }
done
if curl -s -o /dev/null "$ORIGIN/"; then log "something already listens on port $HTTP_PORT: stop it first"; exit 1; fi
psql_admin -d postgres -c "SELECT 1" >/dev/null || { log "cannot reach PostgreSQL at $PGHOST:$PGPORT as $PGADMIN"; exit 1; }
(( $(ulimit -n) >= 2 * BURST_USERS + 100 )) || ulimit -n $((2 * BURST_USERS + 100)) \
    || { log "ulimit -n $(ulimit -n) is too low for $BURST_USERS sockets"; exit 1; }
javac -d "$OUT/classes" "$HERE"/src/main/java/org/mvoting/benchmark/light/*.java

MVOTING_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=' | head -c 48)"
APP_DB_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')"
export MVOTING_SECRET   # the app's key and LightClient mint's

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

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
log "waiting for $API/polls (up to $STARTUP_TIMEOUT s; the run command builds the project first)"
deadline=$((SECONDS + STARTUP_TIMEOUT))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$API/polls")" == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { log "the run command exited first; see $OUT/app.log"; tail -30 "$OUT/app.log" >&2; APP_PID=""; exit 1; }
    ((SECONDS < deadline)) || { log "the app did not answer within $STARTUP_TIMEOUT s"; exit 1; }
    sleep 3
done
log "the app is up"
WILDFLY_PID="$(pgrep -f -- "jboss-modules.jar.*-Djboss.server.base.dir=$ROOT/mvoting-ear/target/run-base" | head -1 || true)"

# ---------------------------------------------------------------------------------------- polls + voters
staff() { # method path [json] [user:password] -> body; fails unless 2xx
    local body args=(-sS -f -X "$1" -u "${4:-$STAFF}" -H 'Accept: application/json')
    [[ -n "${3:-}" ]] && args+=(-H 'Content-Type: application/json' --data "$3")
    body="$(curl "${args[@]}" "$API$2")" || { log "$1 $2 failed"; return 1; }
    printf '%s' "$body"
}
open_poll() { # label visibility -> "pollId questionId optionIds,..."
    local now draft created id
    now="$(date -u +%s)"
    draft="$(jq -nc --arg t "Ratios benchmark $1 $STAMP" --arg o "$(date -u -d @$((now - 60)) +%FT%TZ)" \
        --arg c "$(date -u -d @$((now + 7200)) +%FT%TZ)" --arg v "$2" \
        '{departmentCode:"DEPT-IT", title:$t, description:"Created by run-ratios.sh", opensAt:$o, closesAt:$c,
          resultsVisibility:$v, questions:[{type:"SINGLE_CHOICE", text:"Which option?", options:["Alpha","Beta","Gamma"]}]}')"
    created="$(staff POST /admin/polls "$draft")"
    id="$(jq -r .id <<<"$created")"
    staff POST "/admin/polls/$id/submit" >/dev/null
    [[ "$(staff POST "/admin/polls/$id/approve" "" "$APPROVER" | jq -r .status)" == OPEN ]] || { log "poll $1 not OPEN"; return 1; }
    printf '%s %s %s\n' "$id" "$(jq -r '.questions[0].id' <<<"$created")" "$(jq -r '[.questions[0].options[].id] | join(",")' <<<"$created")"
}
mint() { # file count poll-line -> votes file + citizens COPYed in
    local poll question options
    read -r poll question options <<<"$3"
    client mint "$1" "$1.citizens.csv" "$2" "$poll" "$question" "$options" >/dev/null
    app_sql -c "\\copy citizen (id, phone_key, created_at, last_sign_in_at) FROM '$1.citizens.csv' WITH (FORMAT csv)"
}

# ------------------------------------------------------------------------------------------------- soak
if [[ "$SOAK" == 1 ]]; then
    SOAK_CONNECTIONS="${SOAK_CONNECTIONS:-10}"
    SOAK_POLL="$(open_poll soak AFTER_CLOSE)"
    soak_voters=$((SOAK_RATE * SOAK_SECONDS * 6 / 5))
    log "soak: minting $soak_voters voters"
    mint "$OUT/voters/soak" "$soak_voters" "$SOAK_POLL"
    # pacing: a connection's cycle is delay + answer time; the answer time is taken as ~10 % of the cycle
    soak_delay=$((1000 * SOAK_CONNECTIONS * 9 / 10 / SOAK_RATE))
    ( while sleep 60; do { date -u +%FT%TZ; jcmd "$WILDFLY_PID" GC.heap_info; } >>"$OUT/soak-heap.txt" 2>&1; done ) &
    HEAP_SAMPLER=$!
    log "soak: $SOAK_SECONDS s, $SOAK_CONNECTIONS connections, $soak_delay ms between a connection's votes (about $SOAK_RATE/s)"
    wrk -t1 -c"$SOAK_CONNECTIONS" -d"${SOAK_SECONDS}s" --timeout 10s --latency -s "$HERE/src/main/lua/soak.lua" "$ORIGIN" \
        -- "/api/v1/polls/${SOAK_POLL%% *}/ballots" 1 "$OUT/voters/soak" "$soak_delay" >"$OUT/wrk-soak.log" 2>&1 || FAILED=1
    kill "$HEAP_SAMPLER" 2>/dev/null || true
    r="$(grep '^RESULT' "$OUT/wrk-soak.log" | tail -1)"
    sent=$(field votes_sent "$r"); ok=$(field s2xx "$r")
    answered=$(( ok + $(field s4xx "$r") + $(field s5xx "$r") ))
    res="$(staff POST "/admin/polls/${SOAK_POLL%% *}/close")"
    ballots="$(jq -r .ballots <<<"$res")"; verified="$(jq -r .tallyVerified <<<"$res")"
    # at most one vote per connection was left unanswered when wrk stopped; the server may have counted it
    if [[ "$verified" == true ]] && ((ballots >= ok && ballots <= ok + sent - answered)); then tally=VERIFIED; else tally=MISMATCH; FAILED=1; fi
    {
        echo "# mVoting soak, run $STAMP"
        echo
        echo "$SOAK_SECONDS s at about $SOAK_RATE votes/s ($SOAK_CONNECTIONS keep-alive connections, $soak_delay ms apart);"
        echo "load average at start: $LOAD_START; at end: $(cut -d' ' -f1-3 /proc/loadavg)."
        echo
        echo "- wrk: $r"
        echo "- tally: $tally (final ballots $ballots, accepted $ok, unanswered at the stop $((sent - answered)), tallyVerified $verified)"
        echo "- ERROR lines in the server log: $(grep -cE '[0-9]{2}:[0-9]{2}:[0-9]{2},[0-9]{3} ERROR ' "$OUT/app.log" || true)"
        echo "- heap every minute (jcmd GC.heap_info): $OUT/soak-heap.txt"
    } >"$OUT/soak.md"
    cat "$OUT/soak.md"
    ((FAILED)) && exit 1
    exit 0
fi


# ------------------------------------------------------------------------------------------------ pgbench
log "pgbench two-inserts.sql: -c $PGBENCH_CLIENTS -j $PGBENCH_THREADS -T $PGBENCH_SECONDS"
psql_admin -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
migrations=(); for f in $(ls "$ROOT"/sql/postgresql/V*.sql | sort -V); do migrations+=(-f "$f"); done
psql_admin -d "$BENCH_DB" "${migrations[@]}" -f "$HERE/src/main/pgbench/bench-setup.sql" >/dev/null
(cd "$HERE/src/main/pgbench" && pgbench -U "$PGADMIN" -n -f two-inserts.sql -D poll=$BENCH_POLL \
    -c "$PGBENCH_CLIENTS" -j "$PGBENCH_THREADS" -T "$PGBENCH_SECONDS" "$BENCH_DB") >"$OUT/pgbench.log" 2>&1
PGBENCH_TPS="$(sed -nE 's/^tps = ([0-9]+)[.0-9]* .*/\1/p' "$OUT/pgbench.log" | head -1)"
psql_admin -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)"
log "pgbench: $PGBENCH_TPS tps"

run_wrk() { # label connections seconds path [votes-file] -> RESULT line (wrk output kept in OUT)
    local threads=$(( $2 < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$2" -d"$3s" --timeout 10s --latency -s "$LUA" "$ORIGIN" -- "$4" "$threads" ${5:-} \
        >"$OUT/wrk-$1.log" 2>&1 || { log "wrk $1 failed"; cat "$OUT/wrk-$1.log" >&2; FAILED=1; }
    grep '^RESULT' "$OUT/wrk-$1.log" | tail -1
}

# -------------------------------------------------------------------------------------------------- floor
log "floor: wrk -c $FLOOR_CONNECTIONS, 10 s, GET $FLOOR_PATH (Undertow's 404)"
run_wrk floor-warm-up "$FLOOR_CONNECTIONS" 5 "$FLOOR_PATH" >/dev/null
FLOOR="$(run_wrk floor "$FLOOR_CONNECTIONS" 10 "$FLOOR_PATH")"
FLOOR_RPS="$(echo "scale=0; $(field requests "$FLOOR") / $(field seconds "$FLOOR")" | bc)"
log "floor: $FLOOR"

# ------------------------------------------------------------------------------------------------- ladder
LADDER_POLL="$(open_poll ladder AFTER_CLOSE)"
LADDER_ID="${LADDER_POLL%% *}"
VOTE_PATH="/api/v1/polls/$LADDER_ID/ballots"
per_step=$((MAX_RATE * STEP_SECONDS))
log "minting $per_step voters per step (warm-up + $(wc -w <<<"$CONNECTIONS") steps)"
mint "$OUT/voters/warm-up" "$per_step" "$LADDER_POLL"
for c in $CONNECTIONS; do mint "$OUT/voters/step-$c" "$per_step" "$LADDER_POLL"; done
LADDER_ACCEPTED=0
log "ladder warm-up (not measured): 16 connections, $STEP_SECONDS s"
LADDER_IN_FLIGHT=0   # votes sent but unanswered when wrk stopped a step: the server may have counted them
in_flight() { echo $(( $(field votes_sent "$1") - $(field s2xx "$1") - $(field s4xx "$1") - $(field s5xx "$1") )); }
r="$(run_wrk ladder-warm-up 16 "$STEP_SECONDS" "$VOTE_PATH" "$OUT/voters/warm-up")"
LADDER_ACCEPTED=$((LADDER_ACCEPTED + $(field s2xx "$r"))); LADDER_IN_FLIGHT=$((LADDER_IN_FLIGHT + $(in_flight "$r")))
BEST_VPS=0; BEST_STEP="none"
LADDER_ROWS=""
for c in $CONNECTIONS; do
    log "ladder: $c connections, $STEP_SECONDS s"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    r="$(run_wrk "ladder-$c" "$c" "$STEP_SECONDS" "$VOTE_PATH" "$OUT/voters/step-$c")"
    ok="$(field s2xx "$r")"; LADDER_ACCEPTED=$((LADDER_ACCEPTED + ok)); LADDER_IN_FLIGHT=$((LADDER_IN_FLIGHT + $(in_flight "$r")))
    vps="$(echo "scale=0; $ok / $(field seconds "$r")" | bc)"
    p99="$(field p99_ms "$r")"
    bad=$(( $(field s4xx "$r") + $(field s5xx "$r") + $(field errors "$r") + $(field exhausted "$r") ))
    LADDER_ROWS+="| $c | $vps | $(field p50_ms "$r") | $p99 | $(field max_ms "$r") | $bad | $load |"$'\n'
    log "ladder $c: $vps votes/s, p99 $p99 ms, failed/refused $bad ($r)"
    if ((bad == 0)) && (( $(echo "$p99 <= $P99_TARGET_MS" | bc) )) && ((vps > BEST_VPS)); then
        BEST_VPS=$vps; BEST_STEP="$c connections, p99 $p99 ms"
    fi
done

# ------------------------------------------------------------------------------------------------- bursts
burst_rounds() { # label mode method path [votes-file] -> per-round lines "p50 p99 max accepted sent"
    local i r
    for i in $(seq 1 "$BURST_ROUNDS"); do
        r="$(client burst 127.0.0.1 "$HTTP_PORT" "$2" "$BURST_USERS" "$3" "$4" ${5:+"$5" $(( (i - 1) * BURST_USERS ))} \
            2>>"$OUT/burst-$1.log" | tee -a "$OUT/burst-$1.log" | grep '^RESULT')" || { log "burst $1 round $i failed"; FAILED=1; continue; }
        local ok; if [[ "$3" == POST ]]; then ok="$(field s201 "$r")"; else ok="$(field s404 "$r")"; fi
        echo "$(field p50_ms "$r") $(field p99_ms "$r") $(field max_ms "$r") ${ok:-0} $(field sent "$r")"
        sleep 3   # let the server settle between rounds
    done
}
max_p99() { awk '{ if ($2 > m) m = $2 } END { print m + 0 }'; }
sum_ok() { awk '{ s += $4 } END { print s + 0 }'; }
fmt_rounds() { awk '{ printf "%s%s/%s ok, p50 %s, p99 %s, max %s ms", (NR > 1 ? "; " : ""), $4, $5, $1, $2, $3 }'; }

BURST_POLL="$(open_poll burst-pre AFTER_CLOSE)"; BURST_NEW_POLL="$(open_poll burst-new AFTER_CLOSE)"
mint "$OUT/voters/burst-pre" $((BURST_USERS * BURST_ROUNDS)) "$BURST_POLL"
mint "$OUT/voters/burst-new" $((BURST_USERS * BURST_ROUNDS)) "$BURST_NEW_POLL"
log "bursts: $BURST_ROUNDS rounds of $BURST_USERS at once, floor first (pre-connected, then new connections)"
FLOOR_PRE="$(burst_rounds floor-pre pre GET "$FLOOR_PATH")"
FLOOR_NEW="$(burst_rounds floor-new new GET "$FLOOR_PATH")"
VOTE_PRE="$(burst_rounds vote-pre pre POST "/api/v1/polls/${BURST_POLL%% *}/ballots" "$OUT/voters/burst-pre")"
VOTE_NEW="$(burst_rounds vote-new new POST "/api/v1/polls/${BURST_NEW_POLL%% *}/ballots" "$OUT/voters/burst-new")"
log "burst floor pre: $(fmt_rounds <<<"$FLOOR_PRE")"
log "burst votes pre: $(fmt_rounds <<<"$VOTE_PRE")"
log "burst floor new: $(fmt_rounds <<<"$FLOOR_NEW")"
log "burst votes new: $(fmt_rounds <<<"$VOTE_NEW")"

# ----------------------------------------------------------------------------------------------- big poll
BIG_POLL="$(open_poll big LIVE)"
read -r BIG_ID BIG_Q BIG_OPTS <<<"$BIG_POLL"
log "big poll $BIG_ID: $BIG_BALLOTS generated ballots into tally_slot"
GEN_START=$SECONDS
# Every generated ballot picks one of the options at random; the mixer's tally is per option in slot 0, option 0
# (TURNOUT) counting ballots, points 0 for single choice (BallotLedger.addToTally / liveTally).
app_sql -c "INSERT INTO tally_slot (poll_id, option_id, slot, votes, points)
    SELECT '$BIG_ID'::uuid, option_id, 0, count(*), 0
      FROM (SELECT (ARRAY[$BIG_OPTS]::bigint[])[1 + floor(random() * $(tr ',' '\n' <<<"$BIG_OPTS" | wc -l))::int] AS option_id
              FROM generate_series(1, $BIG_BALLOTS)) g GROUP BY option_id
    UNION ALL SELECT '$BIG_ID'::uuid, 0, 0, $BIG_BALLOTS, 0"
GEN_SECONDS=$((SECONDS - GEN_START))
curl -sS "$API/polls/$BIG_ID/results" >"$OUT/big-results.json" || true   # what the reads return, kept for the record
run_wrk big-read-warm-up 1 3 "/api/v1/polls/$BIG_ID/results" >/dev/null
BIG="$(run_wrk big-read 1 "$READ_SECONDS" "/api/v1/polls/$BIG_ID/results")"
log "big poll read: $BIG"

# ------------------------------------------------------------------------------------------------- tallies
close_check() { # label poll-line accepted [in-flight] -> "VERIFIED/MISMATCH ..."
    # exact for the bursts (they wait for every answer); a ladder step stops with up to one vote per connection
    # unanswered, which the server may still count: accepted <= final <= accepted + in flight. Every vote is a
    # distinct voter, so a lost vote or one counted twice shows outside that range unless both happen at once.
    local res ballots verified extra="${4:-0}"
    res="$(staff POST "/admin/polls/${2%% *}/close")" || { echo "MISMATCH $1: close failed"; return; }
    ballots="$(jq -r '.ballots' <<<"$res")"; verified="$(jq -r '.tallyVerified' <<<"$res")"
    if [[ "$verified" == true ]] && ((ballots >= $3 && ballots <= $3 + extra)); then
        if ((extra == 0)); then echo "VERIFIED $1: final ballots $ballots = accepted $3, tallyVerified"
        else echo "VERIFIED $1: final ballots $ballots, accepted $3 + $((ballots - $3)) of $extra left in flight when wrk stopped, tallyVerified"; fi
    else echo "MISMATCH $1: final ballots $ballots, accepted $3 (+ up to $extra in flight), tallyVerified $verified"; fi
}
CHECK_LADDER="$(close_check ladder "$LADDER_POLL" "$LADDER_ACCEPTED" "$LADDER_IN_FLIGHT")"
CHECK_PRE="$(close_check burst-pre "$BURST_POLL" "$(sum_ok <<<"$VOTE_PRE")")"
CHECK_NEW="$(close_check burst-new "$BURST_NEW_POLL" "$(sum_ok <<<"$VOTE_NEW")")"
[[ "$CHECK_LADDER $CHECK_PRE $CHECK_NEW" == *MISMATCH* ]] && FAILED=1
LOG_ERRORS="$(grep -cE '[0-9]{2}:[0-9]{2}:[0-9]{2},[0-9]{3} ERROR ' "$OUT/app.log" || true)"
HEAP="n/a"; [[ -n "$WILDFLY_PID" ]] && HEAP="$(jcmd "$WILDFLY_PID" GC.heap_info 2>/dev/null | grep -m1 -E 'total|garbage-first heap' | xargs || echo n/a)"
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

# --------------------------------------------------------------------------------------------------- table
pct() { echo "scale=0; 100 * $1 / $2" | bc; }
ratio() { echo "scale=1; $1 / $2" | bc; }
FLOOR_PRE_P99="$(max_p99 <<<"$FLOOR_PRE")"; VOTE_PRE_P99="$(max_p99 <<<"$VOTE_PRE")"
FLOOR_NEW_P99="$(max_p99 <<<"$FLOOR_NEW")"; VOTE_NEW_P99="$(max_p99 <<<"$VOTE_NEW")"
ALL_PRE=$((BURST_USERS * BURST_ROUNDS))
{
    echo "# mVoting ratios, run $STAMP"
    echo
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM;"
    echo "$(java -version 2>&1 | head -1); PostgreSQL $(psql -X -At -U "$PGADMIN" -d postgres -c 'SHOW server_version') (synchronous_commit $(psql -X -At -U "$PGADMIN" -d postgres -c 'SHOW synchronous_commit'));"
    echo "app, PostgreSQL and client on the same machine. Load average (1/5/15 min) at start: $LOAD_START; at end: $LOAD_END."
    echo
    echo "| Measure | Value | Target / note |"
    echo "|---|---|---|"
    echo "| pgbench two inserts (-c $PGBENCH_CLIENTS, ${PGBENCH_SECONDS} s) | $PGBENCH_TPS tps | the ceiling of one transaction per vote |"
    echo "| floor: wrk -c $FLOOR_CONNECTIONS to Undertow's 404 | $FLOOR_RPS req/s, p99 $(field p99_ms "$FLOOR") ms | nothing is faster on this port |"
    echo "| sustained votes/s, best step with p99 <= $P99_TARGET_MS ms | $BEST_VPS ($BEST_STEP) | |"
    echo "| **sustained / pgbench** | **$(pct "$BEST_VPS" "$PGBENCH_TPS") %** | target >= 50 % |"
    echo "| sustained / floor req/s | $(pct "$BEST_VPS" "$FLOOR_RPS") % | |"
    echo "| burst, $BURST_USERS pre-connected at once, $BURST_ROUNDS rounds: accepted | $(sum_ok <<<"$VOTE_PRE") / $ALL_PRE | target 100 % |"
    echo "| burst pre-connected: votes | $(fmt_rounds <<<"$VOTE_PRE") | |"
    echo "| burst pre-connected: floor (404) | $(fmt_rounds <<<"$FLOOR_PRE") | |"
    echo "| **burst p99 / floor p99, pre-connected (worst rounds)** | **$(ratio "$VOTE_PRE_P99" "$FLOOR_PRE_P99")×** ($VOTE_PRE_P99 / $FLOOR_PRE_P99 ms) | target <= 3× |"
    echo "| burst, new connections: votes | $(fmt_rounds <<<"$VOTE_NEW") | reported beside it |"
    echo "| burst, new connections: floor (404) | $(fmt_rounds <<<"$FLOOR_NEW") | |"
    echo "| burst p99 / floor p99, new connections (worst rounds) | $(ratio "$VOTE_NEW_P99" "$FLOOR_NEW_P99")× ($VOTE_NEW_P99 / $FLOOR_NEW_P99 ms) | |"
    echo "| big poll: $BIG_BALLOTS ballots (tally generated in ${GEN_SECONDS} s), GET results, 1 connection | $(field requests "$BIG") reads in $(field seconds "$BIG") s; p50 $(field p50_ms "$BIG") ms, p99 $(field p99_ms "$BIG") ms, max $(field max_ms "$BIG") ms | target p99 <= 100 ms |"
    echo "| tallies | $CHECK_LADDER; $CHECK_PRE; $CHECK_NEW | counted once |"
    echo "| ERROR lines in the server log | $LOG_ERRORS | target 0 |"
    echo "| WildFly heap at the end | $HEAP | |"
    echo
    echo "Sustained ladder (wrk, keep-alive, one voter per request; $STEP_SECONDS s per step after a 16-connection warm-up):"
    echo
    echo "| connections | votes/s | p50 ms | p99 ms | max ms | failed/refused | load avg (1 min) before |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s' "$LADDER_ROWS"
} >"$OUT/ratios.md"
cat "$OUT/ratios.md"
cp "$OUT/ratios.md" "$HERE/target/ratios.md"
if ((FAILED)); then log "FAILED: a step failed or a tally did not match (see above)"; exit 1; fi
exit 0
