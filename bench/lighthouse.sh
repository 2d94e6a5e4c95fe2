#!/usr/bin/env bash
# Lighthouse: accessibility and best practices of one page of every type, with Debian's chromium, offline once
# installed. Pages: home, a lesson, the same lesson in projector view, an exercise (/exercises opens the first), /join,
# /workshops/new, the workshop created page (the form submitted), the instructor's dashboard and presenter view,
# /join with a code, and a joined learner's home and lesson (with the workshop bar). Quizzes are part of the lesson
# page (no page of their own); Swagger UI (/q/swagger-ui) is not ours and is left out.
# Prints a table of scores and every failing audit; exits 1 if any score is below 0.95. The full reports (an HTML
# file per page, and the JSON of them all) are written under --out. A page Lighthouse cannot finish (PAGE_HUNG on
# a busy machine) is audited once more.
#
#   bench/lighthouse.sh                        builds and starts the packaged app, audits it, stops it
#   bench/lighthouse.sh --url http://localhost:8080   audits a running app (it creates a workshop in it)
# Options: --url URL  --port P (18390, for the app it starts)  --no-build  --min SCORE (0.95)
#          --scheme light|dark|both (light: the colour scheme the browser asks for)  --out DIR (bench/results)
#          --all-lessons (every lesson, not only the first: each holds other widgets)
# Needs node >= 18.20 and npm (once: the first run installs the pinned Lighthouse of bench/lighthouse/package.json
# and its lock file into bench/lighthouse/node_modules), JDK 25 (found by ./lab) and chromium (CHROME_PATH,
# /usr/bin/chromium by default).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

URL=""; PORT=18390; BUILD=1; MIN=0.95; SCHEME=light; LESSONS=first; OUT="$ROOT/bench/results"
while [ $# -gt 0 ]; do
  case "$1" in
    --url) URL="$2"; shift 2;;
    --port) PORT="$2"; shift 2;;
    --no-build) BUILD=0; shift;;
    --min) MIN="$2"; shift 2;;
    --scheme) SCHEME="$2"; shift 2;;
    --all-lessons) LESSONS=all; shift;;
    --out) OUT="$2"; shift 2;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0;;
    *) echo "lighthouse: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done
case "$SCHEME" in
  light|dark) SCHEMES=("$SCHEME");;
  both) SCHEMES=(light dark);;
  *) echo "lighthouse: --scheme takes light, dark or both" >&2; exit 2;;
esac
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || { echo "lighthouse: no chromium at $CHROME_PATH (apt-get install chromium)" >&2; exit 2; }
command -v node > /dev/null || { echo "lighthouse: node not found (apt-get install nodejs npm)" >&2; exit 2; }

if [ ! -f bench/lighthouse/node_modules/lighthouse/package.json ]; then
  echo "lighthouse: installing the pinned Lighthouse into bench/lighthouse/node_modules (once)"
  (cd bench/lighthouse && npm ci --no-audit --no-fund)
fi
mkdir -p "$OUT"

APP=""
DATA=""
PROFILE=$(mktemp -d /tmp/serving-lab-lighthouse-chrome.XXXXXX)  # the browser's: gone even if node crashes
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$APP" ]; then
    kill "$APP" 2> /dev/null || true
    wait "$APP" 2> /dev/null || true
  fi
  [ -z "$DATA" ] || rm -rf "$DATA"
  rm -rf "$PROFILE"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "$URL" ]; then
  [ "$BUILD" = 1 ] && ./lab package
  URL="http://127.0.0.1:$PORT"
  DATA=$(mktemp -d /tmp/serving-lab-lighthouse.XXXXXX)
  LOG="$OUT/lighthouse-app-$(date +%Y%m%d-%H%M%S).log"
  start_ns=$(date +%s%N)
  QUARKUS_HTTP_PORT=$PORT SERVING_LAB_DATA_DIR="$DATA" ./lab serve > "$LOG" 2>&1 &
  APP=$!  # ./lab serve execs java: this is the app's own pid
  until curl -fs -o /dev/null "$URL/q/health/ready"; do
    kill -0 "$APP" 2> /dev/null || { echo "lighthouse: the app exited, see $LOG" >&2; exit 1; }
    [ $(( $(date +%s%N) - start_ns )) -lt 300000000000 ] || { echo "lighthouse: not healthy within 300 s" >&2; exit 1; }
    sleep 0.05
  done
fi

STATUS=0
for scheme in "${SCHEMES[@]}"; do
  node bench/lighthouse/run.mjs --url "$URL" --out "$OUT" --min "$MIN" --scheme "$scheme" --lessons "$LESSONS" \
      --profile "$PROFILE" || STATUS=1
done
exit "$STATUS"
