#!/usr/bin/env bash
# Long fuzz run: the fuzz suite of the tests (src/test/java/dev/servinglab/web/fuzz) with many more tries than the
# build's 150, to hunt for answers the short run in CI does not reach: a 5xx, a 4xx without problem details naming
# the field, or an app no longer ready. Every POST and PUT gets generated JSON bodies (valid, near-valid, random)
# and every hostile body of the list once; every GET gets odd path segments and query strings. The seed is fixed
# (RequestProperties.SEED): the same number of tries sends the same requests again, so a failure found is
# repeatable. A failing try is printed with its request, shrunk to the smallest that still fails.
#
#   bench/fuzz.sh                  2,000 tries per randomised property
#   bench/fuzz.sh 20000            20,000 tries per randomised property
# Options: TRIES (2000, the first argument)  --offline (Maven's -o: no download)
# Needs JDK 25 (found by ./lab). The report is in target/surefire-reports and on the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."

TRIES=2000; MAVEN_OPTS_EXTRA=()
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then TRIES="$1"; shift; fi
while [ $# -gt 0 ]; do
  case "$1" in
    --offline) MAVEN_OPTS_EXTRA+=(-o); shift;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
    *) echo "fuzz: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done

JAVA_HOME="$(./lab java-home)"
export JAVA_HOME
# fuzz.tries reaches the test JVM as a system property; ApiFuzzTest passes it to jqwik as jqwik.tries.default.
exec ./mvnw -B "${MAVEN_OPTS_EXTRA[@]}" test -Dquarkus.http.test-port=0 -Dtest=ApiFuzzTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.tries="$TRIES"
