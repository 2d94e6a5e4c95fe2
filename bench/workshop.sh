#!/usr/bin/env bash
# Workshop bench: a simulated class against the packaged app (one instance, or several sharing PostgreSQL). Starts the
# app with a fresh database, warms up the predict path with wrk and each probe with 20,000 predictions of its own,
# measures POST /api/v1/predict with a steady probe while nothing else runs (quiet), then creates a workshop, follows
# its dashboard stream as the instructor's page does, and lets N learners join and work through the course at a human
# pace (seeded random think times): lesson progress, every quiz question (sometimes wrong, then tried again), exercises,
# latency labs (a few hundred real predictions at concurrency 1-4, then a latency-run report) and small trainings (429
# from the training limit is expected and retried). The probe keeps measuring predict during the class, and alone again
# for as long after it (its streams closed). The probe writes HTTP/1.1 on a socket of its own and reads the answer on
# the same thread, so that the driver's own thread hand-offs stay out of what it measures; a second probe through
# java.net.http (the probe of runs before 2 December 2026) runs beside it, half a period apart, for comparison. Prints
# errors, report POST p50/p99, dashboard event delay p50/p99 (report acked with seq S at t, first dashboard event with
# seq >= S at t'), the app's RSS, and predict p99 during the class against the quiet runs before and after it together,
# each beside the issue's goal.
#
#   bench/workshop.sh                          300 learners for 5 minutes (loads the machine: about 8 min in all)
#   bench/workshop.sh --learners 20 --minutes 1   a smoke run
#   bench/workshop.sh --db postgresql          the same class against the PostgreSQL build of the app
#   bench/workshop.sh --instances 2            two instances of the PostgreSQL build sharing one database
# Options: --learners N (300)  --minutes M (5)  --port P (18190; instance i listens on P+i-1)  --seed S (42)
#          --quiet-seconds S (30, before the class and again after it)
#          --probe-rate R (50 predictions a second per probe, on each instance)  --no-build
#          --out DIR (bench/results)  --probe-log (also write every probe, with its wall-clock time, to a CSV in DIR,
#          to line the slow ones up with a GC log)  --db h2|postgresql (h2: ./lab serve on a fresh H2 file)
#          --instances N (1; more than one implies --db postgresql: they share the database)
#          --pg-url jdbc:postgresql://HOST:PORT (the server; default the local cluster, as .ci/run starts it)
#          --pg-user U (servinglab_test)  --pg-password P (servinglab_test), or SERVING_LAB_BENCH_POSTGRES_URL,
#          _USER and _PASSWORD in the environment.
# PostgreSQL: the app is target/quarkus-app-postgresql (built as .ci/run builds it, with the build step or when
# missing; it has no AOT cache), run with ./lab's JAVA_OPTS and MALLOC_ARENA_MAX. The script makes a database of its
# own on the server (as the role if it may create databases, else as the local superuser: root or sudo) and drops
# it at the end.
# Several instances: learners take turns over them and each keeps to its own (as session affinity would); the
# instructor (workshop, dashboard stream, "follow") works on the last one, so the reports of the others reach the
# dashboard only through the app's fan-out; predict is probed on every instance; RSS and CPU per instance and summed.
# Needs JDK 25 (found by ./lab), curl, wrk for the warm-up (the quiet run is the baseline of the predict goal, and
# without the warm-up it is slower, which flatters the goal: so the bench refuses to run without wrk), and psql for
# PostgreSQL. The app
# inherits the environment, so JAVA_OPTS (e.g. with -Xlog:gc) and QUARKUS_* / SERVING_LAB_* settings can be tried
# with it. Ctrl-C stops every process the script started and drops the database it made.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

LEARNERS=300; MINUTES=5; PORT=18190; SEED=42; QUIET=30; PROBE_RATE=50; BUILD=1; PROBE_LOG=0; OUT="$ROOT/bench/results"
DB=""; INSTANCES=1
PG_URL="${SERVING_LAB_BENCH_POSTGRES_URL:-}"
PG_USER="${SERVING_LAB_BENCH_POSTGRES_USER:-servinglab_test}"
PG_PASSWORD="${SERVING_LAB_BENCH_POSTGRES_PASSWORD:-servinglab_test}"
while [ $# -gt 0 ]; do
  case "$1" in
    --learners) LEARNERS="$2"; shift 2;;
    --minutes) MINUTES="$2"; shift 2;;
    --port) PORT="$2"; shift 2;;
    --seed) SEED="$2"; shift 2;;
    --quiet-seconds) QUIET="$2"; shift 2;;
    --probe-rate) PROBE_RATE="$2"; shift 2;;
    --no-build) BUILD=0; shift;;
    --probe-log) PROBE_LOG=1; shift;;
    --out) OUT="$2"; shift 2;;
    --db) DB="$2"; shift 2;;
    --instances) INSTANCES="$2"; shift 2;;
    --pg-url) PG_URL="$2"; shift 2;;
    --pg-user) PG_USER="$2"; shift 2;;
    --pg-password) PG_PASSWORD="$2"; shift 2;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0;;
    *) echo "workshop bench: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done
command -v wrk > /dev/null \
  || { echo "workshop bench: wrk not found (apt-get install wrk): it warms predict up for the quiet run" >&2; exit 2; }
[[ "$INSTANCES" =~ ^[1-9][0-9]*$ ]] || { echo "workshop bench: --instances takes a whole number >= 1" >&2; exit 2; }
if [ -z "$DB" ]; then
  DB=h2
  [ "$INSTANCES" -gt 1 ] && DB=postgresql
fi
case "$DB" in
  h2) [ "$INSTANCES" = 1 ] \
        || { echo "workshop bench: several instances share one database: PostgreSQL (--db postgresql)" >&2; exit 2; };;
  postgresql) command -v psql > /dev/null \
        || { echo "workshop bench: psql not found (apt-get install postgresql-client)" >&2; exit 2; };;
  *) echo "workshop bench: --db takes h2 or postgresql" >&2; exit 2;;
esac
mkdir -p "$OUT"
JAVA="$(./lab java-home)/bin/java"
PG_APP="$ROOT/target/quarkus-app-postgresql"

build_postgres() {
  # As .ci/run builds it: the database kind is fixed at build time, and a command-line -D outranks the properties.
  JAVA_HOME="$(./lab java-home)" ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql \
    -Dquarkus.package.output-directory="$PG_APP"
}
if [ "$DB" = h2 ]; then
  if [ "$BUILD" = 1 ]; then
    ./lab package
  fi
elif [ "$BUILD" = 1 ] || [ ! -f "$PG_APP/quarkus-run.jar" ]; then
  build_postgres
fi

STAMP=$(date +%Y%m%d-%H%M%S)
REPORT="$OUT/workshop-$STAMP.txt"
# Every simulated learner comes from 127.0.0.1, so the per-client join limit would stop the class after 30 joins:
# raise it well above the class size. Reports per learner keep their default limit.
JOINS=$(( LEARNERS * 2 + 100 ))

# Every process started here is in PIDS, stopped by its id when the script ends, however it ends; then the
# database the script made is dropped and the data folders removed.
PIDS=()
DATAS=()
PG_DB=""
PG_ADMIN=""
cleanup() {
  local pid i
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2> /dev/null || true
  done
  # A graceful stop first (the app closes its connections); whatever still runs after 30 s is killed.
  for i in $(seq 1 300); do
    pid=""
    for pid in "${PIDS[@]}"; do
      kill -0 "$pid" 2> /dev/null && break
      pid=""
    done
    [ -z "$pid" ] && break
    sleep 0.1
  done
  for pid in "${PIDS[@]}"; do
    kill -KILL "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  done
  if [ -n "$PG_DB" ] && [ -n "$PG_ADMIN" ]; then
    pg_admin "drop database if exists \"$PG_DB\" with (force)" \
      || echo "workshop bench: could not drop the database $PG_DB: drop it by hand" >&2
  fi
  for i in "${DATAS[@]}"; do
    rm -rf "$i"
  done
}
trap cleanup EXIT
trap 'echo "workshop bench: interrupted" >&2; exit 130' INT
trap 'exit 143' TERM

if [ "$DB" = postgresql ]; then
  if [ -z "$PG_URL" ]; then
    # The newest cluster that is up, as .ci/run starts it; else PostgreSQL's own port.
    pg_port=$(pg_lsclusters -h 2> /dev/null | sort -n | awk '$4 == "online" { p = $3 } END { print p }' || true)
    PG_URL="jdbc:postgresql://127.0.0.1:${pg_port:-5432}"
  fi
  [[ "$PG_URL" =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?(/.*)?$ ]] \
    || { echo "workshop bench: --pg-url takes jdbc:postgresql://HOST[:PORT]" >&2; exit 2; }
  PG_HOST="${BASH_REMATCH[1]}"
  PG_PORT="${BASH_REMATCH[3]:-5432}"
  PG_DB="servinglab_bench_$(date +%Y%m%d_%H%M%S)_$$"
  PG_JDBC="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
  as_role() {
    PGPASSWORD="$PG_PASSWORD" psql -X -q -At -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
      -d postgres -c "$1"
  }
  as_superuser() {
    # Through the local socket: only for a server on this machine.
    case "$PG_HOST" in 127.0.0.1|localhost|::1) ;; *) return 1;; esac
    if [ "$(id -u)" = 0 ]; then
      (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -c "$1")
    else
      (cd / && sudo -n -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -c "$1")
    fi
  }
  pg_admin() {
    "$PG_ADMIN" "$1" > /dev/null
  }
  # The role makes the database if it may (CREATEDB); .ci/run's role may not, so the local superuser makes it
  # for the role. Whoever made it drops it.
  may_create=$(as_role "select rolcreatedb or rolsuper from pg_roles where rolname = current_user" 2> /dev/null || true)
  if [ "$may_create" = t ] && as_role "create database \"$PG_DB\"" > /dev/null; then
    PG_ADMIN=as_role
  elif as_superuser "create database \"$PG_DB\" owner \"$PG_USER\"" > /dev/null; then
    PG_ADMIN=as_superuser
  else
    PG_DB=""
    echo "workshop bench: could not make a database on $PG_HOST:$PG_PORT as $PG_USER (it needs CREATEDB) nor as" \
      "the local superuser; is the server up (pg_ctlcluster), and the role made as .ci/run makes it?" >&2
    exit 1
  fi
fi

# The JVM options and malloc's arenas of ./lab serve (from the environment, else ./lab's own), for the PostgreSQL
# build that ./lab does not serve from its own folder.
JAVA_OPTS=$(./lab java-opts)
ARENAS=$(./lab malloc-arena-max)

BASES=()
APPS=()
LOGS=()
for i in $(seq 1 "$INSTANCES"); do
  port=$(( PORT + i - 1 ))
  data=$(mktemp -d /tmp/serving-lab-workshop-bench.XXXXXX)
  DATAS+=("$data")
  log="$OUT/workshop-app-$STAMP.log"
  [ "$INSTANCES" -gt 1 ] && log="$OUT/workshop-app-$STAMP-$i.log"
  LOGS+=("$log")
  start_ns=$(date +%s%N)
  if [ "$DB" = h2 ]; then
    QUARKUS_HTTP_PORT=$port SERVING_LAB_DATA_DIR="$data" SERVING_LAB_WORKSHOP_JOINS_PER_MINUTE=$JOINS \
        ./lab serve > "$log" 2>&1 &
  else
    # shellcheck disable=SC2086
    QUARKUS_HTTP_PORT=$port SERVING_LAB_DATA_DIR="$data" SERVING_LAB_WORKSHOP_JOINS_PER_MINUTE=$JOINS \
        QUARKUS_DATASOURCE_JDBC_URL="$PG_JDBC" QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
        QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" MALLOC_ARENA_MAX="$ARENAS" \
        "$JAVA" $JAVA_OPTS -jar "$PG_APP/quarkus-run.jar" > "$log" 2>&1 &
  fi
  app=$!  # ./lab serve execs java: this is the app's own pid
  PIDS+=("$app")
  # One after the other: the first migrates the fresh database, the next ones find it migrated.
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$app" 2> /dev/null || { echo "workshop bench: the app exited, see $log" >&2; exit 1; }
    [ $(( $(date +%s%N) - start_ns )) -lt 300000000000 ] \
      || { echo "workshop bench: not healthy within 300 s, see $log" >&2; exit 1; }
    sleep 0.05
  done
  APPS+=("$app")
  BASES+=("http://127.0.0.1:$port")
done

{
  CPU=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
  MEM=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "workshop bench $(date '+%Y-%m-%d %H:%M'), commit $(git rev-parse --short HEAD)"
  echo "machine: $(nproc) cores ($CPU), $MEM, kernel $(uname -r), $("$JAVA" -version 2>&1 | head -1)"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$DB" = h2 ]; then
    echo "app: ./lab serve (pid ${APPS[0]}), fresh H2 database in ${DATAS[0]}," \
      "SERVING_LAB_WORKSHOP_JOINS_PER_MINUTE=$JOINS"
  else
    for i in $(seq 1 "$INSTANCES"); do
      echo "app$([ "$INSTANCES" -gt 1 ] && echo ", instance $i"): the PostgreSQL build" \
        "(target/quarkus-app-postgresql, no AOT cache) on ${BASES[$((i - 1))]} (pid ${APPS[$((i - 1))]})"
    done
    echo "     JAVA_OPTS=$JAVA_OPTS, MALLOC_ARENA_MAX=$ARENAS,"
    echo "     a fresh database $PG_DB on $PG_HOST:$PG_PORT as $PG_USER (dropped at the end),"
    echo "     SERVING_LAB_WORKSHOP_JOINS_PER_MINUTE=$JOINS$([ "$INSTANCES" -gt 1 ] && echo " on each")"
  fi
  echo "     because every simulated learner comes from 127.0.0.1 (the default, 30, is per client address)"
} | tee "$REPORT"

BODY='{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}'
LUA=$(mktemp /tmp/workshop-bench-post.XXXXXX.lua)
printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n' "'$BODY'" > "$LUA"
for base in "${BASES[@]}"; do
  echo "warm-up: wrk -t2 -c16 -d10s on /api/v1/predict$([ "$INSTANCES" -gt 1 ] && echo " of $base")" \
    | tee -a "$REPORT"
  wrk -t2 -c16 -d10s -s "$LUA" "$base/api/v1/predict" > /dev/null
done
rm -f "$LUA"

# Other work on the machine shows in the load average: sampled through the run, so the figures can be judged.
# Its sleep is its own child, stopped with it, so that nothing started here outlives the script.
LOADS="$OUT/workshop-load-$STAMP.txt"
STAT_BEFORE="$(head -1 /proc/stat)"
( trap 'kill "$nap" 2> /dev/null; exit 0' TERM
  while true; do
    sleep 10 &
    nap=$!
    wait "$nap"
    cut -d' ' -f1 /proc/loadavg
  done > "$LOADS" ) &
SAMPLER=$!
PIDS+=("$SAMPLER")
# The driver runs in the background and is waited for, so that Ctrl-C or a TERM reaches the trap at once (bash
# runs a trap only once a command in the foreground has ended); its output goes to the report through tee.
PROBE_ARGS=()
[ "$PROBE_LOG" = 1 ] && PROBE_ARGS=(--probe-log "$OUT/workshop-probes-$STAMP.csv")
exec 3> >(tee -a "$REPORT")
TEE=$!
"$JAVA" "$ROOT/bench/workshop/WorkshopBench.java" --base "$(IFS=,; echo "${BASES[*]}")" \
    --pid "$(IFS=,; echo "${APPS[*]}")" --learners "$LEARNERS" --minutes "$MINUTES" \
    --seed "$SEED" --quiet-seconds "$QUIET" --probe-rate "$PROBE_RATE" "${PROBE_ARGS[@]}" >&3 2>&3 &
DRIVER=$!
PIDS+=("$DRIVER")
STATUS=0
wait "$DRIVER" || STATUS=$?
exec 3>&-
wait "$TEE" 2> /dev/null || true
kill "$SAMPLER" 2> /dev/null || true
wait "$SAMPLER" 2> /dev/null || true
STAT_AFTER="$(head -1 /proc/stat)"
STOLEN=$(printf '%s\n%s\n' "$STAT_BEFORE" "$STAT_AFTER" | awk '{ t = 0; for (i = 2; i <= 9; i++) t += $i; T[NR] = t; S[NR] = $9 }
    END { d = T[2] - T[1]; if (d > 0) printf "%.1f %%", 100 * (S[2] - S[1]) / d }')
DURING=$(sort -g "$LOADS" | awk -v cores="$(nproc)" '{ a[NR] = $1 }
    END { if (NR) printf "median %s, max %s (%d cores)", a[int((NR + 1) / 2)], a[NR], cores }')
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg); 1-minute load every 10 s during it: $DURING" \
    | tee -a "$REPORT"
# On a virtual machine the hypervisor may run other guests on these cores: time they took shows as steal.
echo "CPU time stolen by the hypervisor over the run: ${STOLEN:-unknown} of the machine's" | tee -a "$REPORT"
rm -f "$LOADS"
echo "figures in $REPORT, the app's log$([ "$INSTANCES" -gt 1 ] && echo "s") in ${LOGS[*]}"
exit "$STATUS"
