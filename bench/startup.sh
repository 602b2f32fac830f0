#!/usr/bin/env bash
# Start-up and import of a 2,000-episode show, each measured from outside the JVM:
#   fresh     JVM start → first page (GET / answers 200) on a fresh data directory
#   listed    first page → the 2,000 episodes listed (the last page of /episodes lists
#             episode 1)
#   existing  JVM start → first page again, on the data directory the first run left
# RUNS rounds (3 by default). JAR=... measures another build (e.g. main's, for a before
# and after on the same machine and load); CDS=1 runs with a class-data sharing archive
# made by a training run first (see the README); JAVA_OPTS adds JVM options.
#   bash bench/startup.sh                RUNS=3 PORT=18093
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${PORT:-18093}
RUNS=${RUNS:-3}
work=$(mktemp -d)
app=""
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

python3 bench/make_large_feed.py 2000 "$work/large.xml"
if [ -z "${JAR:-}" ]; then
  ./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true
  JAR=$(ls target/podsite-*.jar | grep -v plain | head -1)
fi
opts="-Xmx512m ${JAVA_OPTS:-}"
if [ "${CDS:-0}" = 1 ]; then
  # The jar unpacked the way the JVM can share its classes, then a training start that
  # serves a page and stops, writing the archive of the classes it loaded as it exits.
  java -Djarmode=tools -jar "$JAR" extract --destination "$work/app" > /dev/null
  JAR=$(ls "$work"/app/*.jar | head -1)
  java -Xmx512m -XX:ArchiveClassesAtExit="$work/app.jsa" -jar "$JAR" --server.port="$PORT" \
    --podsite.feed.schedule=false --podsite.embedded-db.dir="$work/training-db" > "$work/training.log" 2>&1 &
  app=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/")" != 000 ]; do
    if ! kill -0 "$app" 2>/dev/null; then cat "$work/training.log" >&2; exit 1; fi
    sleep 0.2
  done
  curl -s -o /dev/null "http://localhost:$PORT/episodes"
  kill "$app"; wait "$app" || true; app=""
  opts="$opts -XX:SharedArchiveFile=$work/app.jsa"
fi
echo "$(basename "$JAR")${CDS:+ with CDS}; load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

now() { date +%s.%N; }
since() { python3 -c "print(f'{$(now) - $1:.1f}')"; }
start_jvm() {
  # shellcheck disable=SC2086
  java $opts -jar "$JAR" --server.port="$PORT" --podsite.feed.url="file:$work/large.xml" \
    --podsite.embedded-db.dir="$work/db" --podsite.admin.password=bench-password > "$work/app.log" 2>&1 &
  app=$!
}
until_ok() {
  until "$@"; do
    if ! kill -0 "$app" 2>/dev/null; then cat "$work/app.log" >&2; exit 1; fi
    sleep 0.05
  done
}
first_page() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/")" = 200 ]; }
all_listed() { curl -s "http://localhost:$PORT/episodes?page=100" | grep -q 'episodes/episode-1-rust'; }
stop_jvm() { kill "$app"; wait "$app" 2>/dev/null || true; app=""; }

printf '%-4s %9s %9s %9s   %s\n' run fresh listed existing "load average"
for i in $(seq "$RUNS"); do
  rm -rf "$work/db"
  t0=$(now); start_jvm; until_ok first_page; fresh=$(since "$t0")
  t1=$(now); until_ok all_listed; listed=$(since "$t1")
  stop_jvm
  t0=$(now); start_jvm; until_ok first_page; existing=$(since "$t0")
  stop_jvm
  printf '%-4s %7s s %7s s %7s s   %s\n' "$i" "$fresh" "$listed" "$existing" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
