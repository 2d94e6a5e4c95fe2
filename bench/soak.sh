#!/usr/bin/env bash
# Soak: mixed load on one packaged app for a given time, to find errors, growing memory and latency that suffers.
# Starts the app with a fresh database and warms up the predict path, then measures POST /api/v1/predict quietly
# (wrk at full speed on a few connections, nothing else running), then for M minutes runs, all at once:
#   - predict at full speed: the same wrk on the same connections as the quiet run, so the two p99s compare;
#   - traces, quiz answers and pages at a person's pace, and small trainings one after another, each followed
#     over its event stream to the summary (bench/soak/SoakLoad.java);
#   - a small class reporting to a workshop: the workshop driver (bench/workshop/WorkshopBench.java), with its
#     dashboard and learner streams, lessons, quiz answers, exercises, latency labs and trainings.
# Prints errors per kind (goal: 0), the app's RSS sampled every 10 s (first, max, last, and the slope over the
# second half), and predict p50 / p99 quiet against under soak (goal: p99 within 1.5x). Exits 1 when a goal is
# missed. The samples, the tools' own output and the app's log are written under --out.
#
#   bench/soak.sh                       10 minutes of soak (about 12 min in all, after the build)
#   bench/soak.sh --minutes 1           a smoke run
# Options: --minutes M (10)  --quiet-seconds S (30)  --connections N (4, wrk's, quiet and soak alike)
#          --learners N (20, the class)  --port P (18290)  --no-build  --out DIR (bench/results)
# Needs JDK 25 (found by ./lab), curl and wrk (apt-get install wrk). The app inherits the environment
# (JAVA_OPTS, QUARKUS_*, SERVING_LAB_*). Ctrl-C stops every process the script started.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

MINUTES=10; QUIET=30; CONNECTIONS=4; LEARNERS=20; PORT=18290; BUILD=1; OUT="$ROOT/bench/results"
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="$2"; shift 2;;
    --quiet-seconds) QUIET="$2"; shift 2;;
    --connections) CONNECTIONS="$2"; shift 2;;
    --learners) LEARNERS="$2"; shift 2;;
    --port) PORT="$2"; shift 2;;
    --no-build) BUILD=0; shift;;
    --out) OUT="$2"; shift 2;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0;;
    *) echo "soak: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done
[[ "$MINUTES" =~ ^[0-9]+$ ]] && [ "$MINUTES" -ge 1 ] || { echo "soak: --minutes takes whole minutes >= 1" >&2; exit 2; }
command -v wrk > /dev/null || { echo "soak: wrk not found (apt-get install wrk)" >&2; exit 2; }
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
[ "$BUILD" = 1 ] && ./lab package
JAVA="$(./lab java-home)/bin/java"

STAMP=$(date +%Y%m%d-%H%M%S)
PREFIX="$OUT/soak-$STAMP"
REPORT="$PREFIX.txt"
DATA=$(mktemp -d /tmp/serving-lab-soak.XXXXXX)
BASE="http://127.0.0.1:$PORT"
LUA="$ROOT/bench/soak/predict.lua"

# Every process started here is in PIDS, and stopped by its id when the script ends, however it ends.
PIDS=()
cleanup() {
  local pid
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2> /dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2> /dev/null || true
  done
  rm -rf "$DATA"
}
trap cleanup EXIT
trap 'echo "soak: interrupted" >&2; exit 130' INT
trap 'exit 143' TERM

# Every simulated learner comes from 127.0.0.1, so the per-client join limit would stop the class: raise it.
start_ns=$(date +%s%N)
QUARKUS_HTTP_PORT=$PORT SERVING_LAB_DATA_DIR="$DATA" SERVING_LAB_WORKSHOP_JOINS_PER_MINUTE=$(( LEARNERS * 2 + 100 )) \
    ./lab serve > "$PREFIX-app.log" 2>&1 &
APP=$!  # ./lab serve execs java: this is the app's own pid
PIDS+=("$APP")
until curl -fs -o /dev/null "$BASE/q/health/ready"; do
  kill -0 "$APP" 2> /dev/null || { echo "soak: the app exited, see $PREFIX-app.log" >&2; exit 1; }
  [ $(( $(date +%s%N) - start_ns )) -lt 300000000000 ] || { echo "soak: not healthy within 300 s" >&2; exit 1; }
  sleep 0.05
done

{
  echo "soak $(date '+%Y-%m-%d %H:%M'), commit $(git rev-parse --short HEAD), $MINUTES min"
  echo "machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), kernel $(uname -r)"
  echo "app: ./lab serve (pid $APP), fresh H2 database in $DATA; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$REPORT"

# wrk's figures, one KEY=value a line (see predict.lua), as "p50_ms p99_ms requests errors".
wrk_figures() {
  awk -F= '{ v[$1] = $2 } END { printf "%.3f %.3f %d %d\n", v["WRK_LAT_P50_US"] / 1000, v["WRK_LAT_P99_US"] / 1000,
      v["WRK_REQUESTS"], v["WRK_ERR_CONNECT"] + v["WRK_ERR_READ"] + v["WRK_ERR_WRITE"] + v["WRK_ERR_TIMEOUT"] \
      + v["WRK_ERR_STATUS"] }' "$1"
}
WRK=(wrk -t1 -c"$CONNECTIONS" --latency -s "$LUA")
echo "warm-up: 10 s of predict; quiet: ${QUIET} s of predict, ${WRK[*]:0:3} at full speed" | tee -a "$REPORT"
"${WRK[@]}" -d10s "$BASE/api/v1/predict" > /dev/null
"${WRK[@]}" -d"${QUIET}s" "$BASE/api/v1/predict" > "$PREFIX-predict-quiet.txt"
read -r QUIET_P50 QUIET_P99 QUIET_N QUIET_ERR < <(wrk_figures "$PREFIX-predict-quiet.txt")

# The workshop driver first: its own 10 s of warm-up, then the class, whose start the other loads wait for. Its
# probe of predict is kept to one a second (wrk measures predict here); its verdict on its own goals is not ours.
"$JAVA" "$ROOT/bench/workshop/WorkshopBench.java" --base "$BASE" --learners "$LEARNERS" --minutes "$MINUTES" \
    --pid "$APP" --quiet-seconds 0 --probe-rate 1 > "$PREFIX-workshop.txt" 2>&1 &
CLASS=$!
PIDS+=("$CLASS")
until grep -q '^class:' "$PREFIX-workshop.txt"; do
  kill -0 "$CLASS" 2> /dev/null || { echo "soak: the workshop driver stopped, see $PREFIX-workshop.txt" >&2; exit 1; }
  sleep 0.2
done
echo "soak: $MINUTES min of predict (wrk), traces, trainings over SSE, quiz answers, pages and a class of $LEARNERS" \
    | tee -a "$REPORT"

soak_ns=$(date +%s%N)
# The app's RSS and the machine's load every 10 s, from the soak's start to its end.
echo "seconds,rss_mb,load1" > "$PREFIX-rss.csv"
sample_rss() {
  awk -v t="$(( ($(date +%s%N) - soak_ns) / 1000000000 ))" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
      '/^VmRSS:/ { printf "%d,%.1f,%s\n", t, $2 / 1024, l }' "/proc/$APP/status"
}
# Its sleep is its own child: stopped with it, so that nothing started here outlives the script.
( trap 'kill "$nap" 2> /dev/null; exit 0' TERM
  while kill -0 "$APP" 2> /dev/null; do
    sample_rss
    sleep 10 &
    nap=$!
    wait "$nap"
  done >> "$PREFIX-rss.csv" ) &
SAMPLER=$!
PIDS+=("$SAMPLER")
"${WRK[@]}" -d"$(( MINUTES * 60 ))s" "$BASE/api/v1/predict" > "$PREFIX-predict-soak.txt" &
LOAD_WRK=$!
PIDS+=("$LOAD_WRK")
"$JAVA" "$ROOT/bench/soak/SoakLoad.java" --base "$BASE" --minutes "$MINUTES" > "$PREFIX-mixed.csv" 2>&1 &
MIXED=$!
PIDS+=("$MIXED")

STATUS=0
wait "$LOAD_WRK" || STATUS=1
wait "$MIXED" || true   # its errors are counted below, from its output
wait "$CLASS" || true   # the same
kill "$SAMPLER" 2> /dev/null || true
sample_rss >> "$PREFIX-rss.csv"
read -r SOAK_P50 SOAK_P99 SOAK_N SOAK_ERR < <(wrk_figures "$PREFIX-predict-soak.txt")

{
  echo
  echo "== errors per kind (goal: 0 each) =="
  printf '  %-34s %9s %7s %9s %9s\n' kind requests errors p50_ms p99_ms
  printf '  %-34s %9d %7d %9.2f %9.2f\n' "predict (wrk, quiet)" "$QUIET_N" "$QUIET_ERR" "$QUIET_P50" "$QUIET_P99"
  printf '  %-34s %9d %7d %9.2f %9.2f\n' "predict (wrk, soak)" "$SOAK_N" "$SOAK_ERR" "$SOAK_P50" "$SOAK_P99"
  grep -v '^#' "$PREFIX-mixed.csv" | awk -F, 'NR > 1 && NF == 5 {
      printf "  %-34s %9d %7d %9s %9s\n", $1, $2, $3, ($4 == "NaN" ? "-" : $4), ($5 == "NaN" ? "-" : $5) }'
  grep '^# note' "$PREFIX-mixed.csv" | sed 's/^# note /    (/; s/$/)/' || true
  grep '^# error' "$PREFIX-mixed.csv" | sed 's/^# /    first /' || true
  grep -q '^kind,requests' "$PREFIX-mixed.csv" \
      || echo "  mixed load: no summary (see $PREFIX-mixed.csv): counted as an error"
  # The workshop driver lists its counts ("  label  n"; requests are labelled by their method) and then its errors.
  awk '/^requests \(/ { r = 1; next } /^errors \(/ { r = 0; e = 1; next } /^[a-z]/ { r = 0; e = 0 }
      r && $1 ~ /^(GET|POST|PUT|DELETE)$/ { total += $NF }
      e && NF >= 2 { k = substr($0, 1, length($0) - length($NF)); gsub(/^ +| +$/, "", k); err[k] += $NF; te += $NF }
      END { printf "  %-34s %9d %7d %9s %9s\n", "workshop class (all its requests)", total, te, "-", "-"
        for (k in err) printf "    %s: %d\n", k, err[k] }' "$PREFIX-workshop.txt"
  grep -q '^errors (' "$PREFIX-workshop.txt" \
      || echo "  workshop class: no summary from the driver (see $PREFIX-workshop.txt): counted as an error"
} | tee -a "$REPORT"

MIXED_ERR=$(grep -v '^#' "$PREFIX-mixed.csv" | awk -F, 'NR > 1 && NF == 5 { s += $3 } END { print s + 0 }')
grep -q '^kind,requests' "$PREFIX-mixed.csv" || MIXED_ERR=1
CLASS_ERR=$(awk -F': ' '/^errors \(/ { print $2 }' "$PREFIX-workshop.txt")
ERRORS=$(( QUIET_ERR + SOAK_ERR + MIXED_ERR + ${CLASS_ERR:-1} ))

{
  echo
  echo "== memory: the app's RSS every 10 s ($PREFIX-rss.csv) =="
  # Least-squares slope over the samples of the second half, in MB per minute: flat is near 0.
  awk -F, 'NR > 1 { t[++n] = $1; m[n] = $2; if (m[n] > max) max = m[n] }
      END { half = t[n] / 2
        for (i = 1; i <= n; i++)
          if (t[i] >= half) { k++; sx += t[i]; sy += m[i]; sxx += t[i] * t[i]; sxy += t[i] * m[i] }
        slope = (k > 1 && k * sxx != sx * sx) ? (k * sxy - sx * sy) / (k * sxx - sx * sx) * 60 : 0
        printf "  RSS first %.0f MB, max %.0f MB, last %.0f MB over %d samples;", m[1], max, m[n], n
        printf " slope over the second half %+.2f MB/min (%d samples)\n", slope, k }' "$PREFIX-rss.csv"
  echo
  echo "== predict, ${WRK[*]:0:3} at full speed =="
  awk -v a50="$QUIET_P50" -v a99="$QUIET_P99" -v b50="$SOAK_P50" -v b99="$SOAK_P99" 'BEGIN {
      printf "  quiet:     p50 %8.2f ms  p99 %8.2f ms\n  under soak: p50 %7.2f ms  p99 %8.2f ms\n", a50, a99, b50, b99
      printf "  p99 under soak / quiet: %.2fx (goal <= 1.5x)  %s\n", b99 / a99, (b99 <= 1.5 * a99) ? "met" : "MISSED" }'
  echo "errors in all: $ERRORS (goal 0)  $([ "$ERRORS" = 0 ] && echo met || echo MISSED)"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
  echo "figures in $REPORT; samples and the tools' output in $PREFIX-*"
} | tee -a "$REPORT"

[ "$ERRORS" = 0 ] || STATUS=1
awk -v a="$QUIET_P99" -v b="$SOAK_P99" 'BEGIN { exit !(b <= 1.5 * a) }' || STATUS=1
exit "$STATUS"
