#!/usr/bin/env bash
# Workshop bench: a simulated class against one packaged app. Starts the app with a fresh database, warms up the
# predict path with wrk, measures POST /api/v1/predict with a steady probe while nothing else runs (quiet), then
# creates a workshop, follows its dashboard stream as the instructor's page does, and lets N learners join and
# work through the course at a human pace (seeded random think times): lesson progress, every quiz question
# (sometimes wrong, then tried again), exercises, latency labs (a few hundred real predictions at concurrency 1-4,
# then a latency-run report) and small trainings (429 from the training limit is expected and retried). The probe
# keeps measuring predict during the class. Prints errors, report POST p50/p99, dashboard event delay p50/p99
# (report acked with seq S at t, first dashboard event with seq >= S at t'), the app's RSS, and predict p99 during
# the class against the quiet run, each beside the issue's goal.
#
#   bench/workshop.sh                          300 learners for 5 minutes (loads the machine: about 7 min in all)
#   bench/workshop.sh --learners 20 --minutes 1   a smoke run
# Options: --learners N (300)  --minutes M (5)  --port P (18190)  --seed S (42)  --quiet-seconds S (30)
#          --probe-rate R (50 predictions a second)  --no-build  --out DIR (bench/results)
# Needs JDK 25 (found by ./lab) and curl; wrk for the warm-up (skipped without it). The app inherits the
# environment, so JAVA_OPTS (e.g. with -Xlog:gc) and QUARKUS_* / SERVING_LAB_* settings can be tried with it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

LEARNERS=300; MINUTES=5; PORT=18190; SEED=42; QUIET=30; PROBE_RATE=50; BUILD=1; OUT="$ROOT/bench/results"
while [ $# -gt 0 ]; do
  case "$1" in
    --learners) LEARNERS="$2"; shift 2;;
    --minutes) MINUTES="$2"; shift 2;;
    --port) PORT="$2"; shift 2;;
    --seed) SEED="$2"; shift 2;;
    --quiet-seconds) QUIET="$2"; shift 2;;
    --probe-rate) PROBE_RATE="$2"; shift 2;;
    --no-build) BUILD=0; shift;;
    --out) OUT="$2"; shift 2;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
    *) echo "workshop bench: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done
mkdir -p "$OUT"
[ "$BUILD" = 1 ] && ./lab package
JAVA="$(./lab java-home)/bin/java"

STAMP=$(date +%Y%m%d-%H%M%S)
LOG="$OUT/workshop-app-$STAMP.log"
REPORT="$OUT/workshop-$STAMP.txt"
DATA=$(mktemp -d /tmp/serving-lab-workshop-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"
# Every simulated learner comes from 127.0.0.1, so the per-client join limit would stop the class after 30 joins:
# raise it well above the class size. Reports per learner keep their default limit.
JOINS=$(( LEARNERS * 2 + 100 ))

start_ns=$(date +%s%N)
QUARKUS_HTTP_PORT=$PORT SERVING_LAB_DATA_DIR="$DATA" SERVING_LAB_WORKSHOP_JOINS_PER_MINUTE=$JOINS \
    ./lab serve > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -fs -o /dev/null "$BASE/q/health/ready"; do
  kill -0 $APP 2>/dev/null || { echo "workshop bench: the app exited, see $LOG" >&2; exit 1; }
  [ $(( $(date +%s%N) - start_ns )) -lt 60000000000 ] || { echo "workshop bench: not healthy within 60 s" >&2; exit 1; }
  sleep 0.05
done
PID=$(pgrep -P $APP java || echo $APP)

{
  CPU=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
  MEM=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "workshop bench $(date '+%Y-%m-%d %H:%M'), commit $(git rev-parse --short HEAD)"
  echo "machine: $(nproc) cores ($CPU), $MEM, kernel $(uname -r), $("$JAVA" -version 2>&1 | head -1)"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "app: ./lab serve (pid $PID), fresh H2 database in $DATA, SERVING_LAB_WORKSHOP_JOINS_PER_MINUTE=$JOINS"
  echo "     because every simulated learner comes from 127.0.0.1 (the default, 30, is per client address)"
} | tee "$REPORT"

if command -v wrk > /dev/null; then
  BODY='{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}'
  LUA=$(mktemp /tmp/workshop-bench-post.XXXXXX.lua)
  printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n' "'$BODY'" > "$LUA"
  echo "warm-up: wrk -t2 -c16 -d10s on /api/v1/predict" | tee -a "$REPORT"
  wrk -t2 -c16 -d10s -s "$LUA" "$BASE/api/v1/predict" > /dev/null
  rm -f "$LUA"
fi

# Other work on the machine shows in the load average: sampled through the run, so the figures can be judged.
LOADS="$OUT/workshop-load-$STAMP.txt"
( while sleep 10; do cut -d' ' -f1 /proc/loadavg; done ) > "$LOADS" &
SAMPLER=$!
set +e
"$JAVA" "$ROOT/bench/workshop/WorkshopBench.java" --base "$BASE" --learners "$LEARNERS" --minutes "$MINUTES" \
    --seed "$SEED" --pid "$PID" --quiet-seconds "$QUIET" --probe-rate "$PROBE_RATE" 2>&1 | tee -a "$REPORT"
STATUS=${PIPESTATUS[0]}
set -e
kill $SAMPLER 2>/dev/null
DURING=$(sort -g "$LOADS" | awk -v cores="$(nproc)" '{ a[NR] = $1 }
    END { if (NR) printf "median %s, max %s (%d cores)", a[int((NR + 1) / 2)], a[NR], cores }')
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg); 1-minute load every 10 s during it: $DURING" \
    | tee -a "$REPORT"
rm -f "$LOADS"
echo "figures in $REPORT, the app's log in $LOG"
exit "$STATUS"
