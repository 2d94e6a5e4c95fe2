#!/usr/bin/env bash
# Benchmark of POST /api/v1/predict on loopback: starts the packaged app, loads it with wrk and prints
# throughput and p50 / p99 latency per round and their medians, the startup time and the memory used.
#
#   bench/run.sh                       our app alone (about 1.5 min)
#   bench/run.sh --trainings           our app alone, each round measured three ways: with no training running,
#                                      under two trainings at the training page's pace, and under two trainings
#                                      at full speed (about 3 min)
#   bench/run.sh --canary              our app alone, each round measured with no rollout and with a 50 % canary of
#                                      the other built-in model on the shared iris endpoint, both with 24 different
#                                      flowers so that the canary's split meets them (about 2 min)
#   bench/run.sh --with-peers          our app beside the Flask and FastAPI peers (one run), then the bare
#                                      Vert.x ceiling beside FastAPI (a second run), through
#                                      ../shared/bench/run_peers.sh (about 8 min)
# Options: --duration S (15)  --rounds N (3)  --warmup S (10)  --connections N (16)  --threads N (2)
#          --out DIR (bench/results)  --port P (18080)
# Needs wrk (apt-get install wrk); --with-peers also needs the peers' packages (see ../shared/bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

DURATION=15; ROUNDS=3; WARMUP=10; CONNECTIONS=16; THREADS=2; OUT="$ROOT/bench/results"; PORT=18080; PEERS=0
TRAININGS=0; CANARY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2;;
    --rounds) ROUNDS="$2"; shift 2;;
    --warmup) WARMUP="$2"; shift 2;;
    --connections) CONNECTIONS="$2"; shift 2;;
    --threads) THREADS="$2"; shift 2;;
    --out) OUT="$2"; shift 2;;
    --port) PORT="$2"; shift 2;;
    --with-peers) PEERS=1; shift;;
    --trainings) TRAININGS=1; shift;;
    --canary) CANARY=1; shift;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done
command -v wrk >/dev/null || { echo "bench: wrk not found (apt-get install wrk)" >&2; exit 2; }
mkdir -p "$OUT"

URL="http://127.0.0.1:$PORT/api/v1/predict"
HEALTH="http://127.0.0.1:$PORT/q/health/ready"
SHARED="$ROOT/../shared/bench"
./lab package

ratios() {  # prints our figures as multiples of the best Python peer's, from a run_peers CSV
  awk -F, -v us="$2" 'NR > 1 { rps[$2] = $12; p50[$2] = $15; p99[$2] = $17; rss[$2] = $22; st[$2] = $21 }
    END { ref = "fastapi-async-uvicorn-1w"
      if (!(us in rps) || !(ref in rps)) { print "ratios: missing " us " or " ref; exit }
      printf "%s vs %s: %.1fx the req/s (goal >= 10x), p50 %.3fx (goal <= 0.1x), p99 %.3fx (goal <= 0.5x); healthy after %s s, RSS %s MB\n",
        us, ref, rps[us] / rps[ref], p50[us] / p50[ref], p99[us] / p99[ref], st[us], rss[us] }' "$1"
}

if [ "$PEERS" = 1 ]; then
  [ -x "$SHARED/run_peers.sh" ] || { echo "bench: $SHARED/run_peers.sh not found" >&2; exit 2; }
  COMMON=(--duration "$DURATION" --repeat "$ROUNDS" --connections "$CONNECTIONS" --threads "$THREADS" --out "$OUT")
  # Run 1: our app beside the Python peers serving the same model.
  "$SHARED/run_peers.sh" --with-peers --only fastapi-async-uvicorn-1w,fastapi-uvicorn-1w,flask-gunicorn-2w \
      --url "$URL" --name serving-lab --health "$HEALTH" \
      --cmd "env QUARKUS_HTTP_PORT=$PORT $ROOT/lab serve" "${COMMON[@]}"
  ratios "$(ls -t "$OUT"/peers-*.csv | grep -v runs | head -1)" serving-lab
  # Run 2: the bare Vert.x ceiling beside the best peer, for scale.
  if [ -x "$SHARED/ceiling/build.sh" ]; then
    JAVA_HOME="$(./lab java-home)" "$SHARED/ceiling/build.sh" > /dev/null
    "$SHARED/run_peers.sh" --with-peers --only fastapi-async-uvicorn-1w \
        --url http://127.0.0.1:18095/predict --name ceiling --health http://127.0.0.1:18095/health \
        --cmd "$(./lab java-home)/bin/java -cp /tmp/ceiling-classes:/tmp/ceiling-lib/jars/* VertxCeiling 18095" \
        "${COMMON[@]}"
    ratios "$(ls -t "$OUT"/peers-*.csv | grep -v runs | head -1)" ceiling
  fi
  exit 0
fi

LOG="$OUT/app-$(date +%Y%m%d-%H%M%S).log"
start_ns=$(date +%s%N)
QUARKUS_HTTP_PORT=$PORT ./lab serve > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$HEALTH"; do
  kill -0 $APP 2>/dev/null || { echo "bench: the app exited, see $LOG" >&2; exit 1; }
  [ $(( $(date +%s%N) - start_ns )) -lt 60000000000 ] || { echo "bench: not healthy within 60 s" >&2; exit 1; }
  sleep 0.05
done
startup=$(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
PID=$(pgrep -P $APP java || echo $APP)

export BODY='{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}'
LUA="$SHARED/post.lua"
[ -f "$LUA" ] || LUA="$ROOT/bench/soak/predict.lua"
# A canary splits by request bytes: both cases then send the same 24 different flowers.
[ "$CANARY" = 1 ] && LUA="$ROOT/bench/flowers.lua"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$LUA" "$URL" > /dev/null

BASE="http://127.0.0.1:$PORT"
STOP="$OUT/.stop-trainings"

# Keeps one training running, restarting it as soon as it ends, until $STOP exists. It follows each run's event
# stream as the training page does; closing that stream (when the loop is killed) cancels the run.
train_loop() {  # $1: request body
  local id
  while [ ! -f "$STOP" ]; do
    id=$(curl -s -X POST -H 'Content-Type: application/json' -d "$1" "$BASE/api/v1/trainings" \
        | sed -n 's/^{"id":"\([0-9a-f]*\)".*/\1/p')
    if [ -z "$id" ]; then sleep 0.2; continue; fi
    echo "$id" >> "$STOP.ids"
    curl -sN "$BASE/api/v1/trainings/$id/events" > /dev/null
  done
}

# What a learner runs on the training page (its default pace), and a heavier run at full speed.
PACED='{"dataset":"iris","epochs":2000,"pace_ms":60}'
FULL_SPEED='{"dataset":"breast-cancer","hidden_units":64,"epochs":2000,"pace_ms":0}'
LOOPS=()
start_trainings() {  # $1: request body; two trainings, the default limit on two cores
  rm -f "$STOP" "$STOP.ids"
  LOOPS=()
  for _ in 1 2; do
    train_loop "$1" &
    LOOPS+=($!)
  done
  sleep 1  # both are training before the round starts
}
stop_trainings() {
  touch "$STOP"
  for pid in "${LOOPS[@]}"; do
    pkill -P "$pid" curl 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  LOOPS=()
  # Cancel the runs outright: the server would keep them going for its disconnect grace period, into the next
  # round. A DELETE stops a run after the epoch in progress.
  if [ -f "$STOP.ids" ]; then
    while read -r id; do
      curl -s -o /dev/null -X DELETE "$BASE/api/v1/trainings/$id"
    done < "$STOP.ids"
  fi
  sleep 0.5
}
trap 'stop_trainings 2>/dev/null; kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT

round() {  # $1: case name, $2: round number
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$LUA" "$URL" > "$OUT/$1-round$2.txt"
  awk -F= -v r="$2" -v c="$1" '{ v[$1] = $2 } END { printf "%s,%d,%.0f,%.3f,%.3f,%d\n", c, r,
      v["WRK_REQUESTS"] / (v["WRK_DURATION_US"] / 1e6), v["WRK_LAT_P50_US"] / 1000, v["WRK_LAT_P99_US"] / 1000,
      v["WRK_ERR_STATUS"] }' "$OUT/$1-round$2.txt" >> "$OUT/rounds.csv"
}

# A 50 % canary of the other built-in model on the shared endpoint, and its removal (the default model again).
start_canary() {
  curl -sf -o /dev/null -X PUT -H 'Content-Type: application/json' \
      -d '{"candidate":"logreg","mode":"canary","percent":50}' "$BASE/api/v1/deployments/iris/rollout"
}
stop_canary() {
  curl -sf -o /dev/null -X DELETE "$BASE/api/v1/deployments/iris/current"
}

echo "case,round,rps,p50_ms,p99_ms,non2xx" > "$OUT/rounds.csv"
CASES=(alone)
[ "$TRAININGS" = 1 ] && CASES=(alone paced-trainings full-speed-trainings)
[ "$CANARY" = 1 ] && CASES=(alone canary-50)
# The cases take turns within every round, so that a noisy minute on the machine hits all of them alike.
for r in $(seq 1 "$ROUNDS"); do
  for case in "${CASES[@]}"; do
    case "$case" in
      paced-trainings) start_trainings "$PACED";;
      full-speed-trainings) start_trainings "$FULL_SPEED";;
      canary-50) start_canary;;
    esac
    round "$case" "$r"
    case "$case" in
      canary-50) curl -s "$BASE/api/v1/deployments/iris" > "$OUT/canary-view.json"; stop_canary;;
      alone) ;;
      *) stop_trainings;;
    esac
  done
done
rss_mb=$(( $(awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status") / 1024 ))
median() {  # $1: case, $2: column
  awk -F, -v c="$1" -v k="$2" '$1 == c { print $k }' "$OUT/rounds.csv" | sort -g \
      | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

echo "POST /api/v1/predict, wrk -t$THREADS -c$CONNECTIONS, $ROUNDS x ${DURATION}s after ${WARMUP}s warm-up, loopback"
column -s, -t < "$OUT/rounds.csv"
for case in "${CASES[@]}"; do
  echo "median $case: $(median "$case" 3) req/s, p50 $(median "$case" 4) ms, p99 $(median "$case" 5) ms"
done
if [ "$TRAININGS" = 1 ]; then
  base=$(median alone 5)
  for case in paced-trainings full-speed-trainings; do
    awk -v c="$case" -v a="$base" -v b="$(median "$case" 5)" \
        'BEGIN { printf "p99 under two %s: %.2fx its p99 alone (goal <= 1.5x)\n", c, b / a }'
  done
fi
if [ "$CANARY" = 1 ]; then
  awk -v a="$(median alone 4)" -v b="$(median canary-50 4)" \
      'BEGIN { printf "p50 with a 50 %% canary: %.2fx its p50 with none (goal <= 1.2x)\n", b / a }'
  echo "the shared deployment at the end of the last canary round: $(head -c 600 "$OUT/canary-view.json")"
fi
echo "healthy after: ${startup} s (launch to first 200 from /q/health/ready, training included)"
echo "RSS after load: ${rss_mb} MB"
