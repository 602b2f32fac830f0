#!/usr/bin/env bash
# Measures, on a 2,000-episode show (a 3 MB feed): the time from starting the site on an
# empty embedded database until the whole feed is imported, then the throughput and p99
# latency of the list, episode and show pages. Needs wrk (apt-get install wrk).
#   bash bench/import-and-pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
DURATION=${DURATION:-30s}
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

python3 bench/make_large_feed.py 2000 "$work/large.xml"
echo "feed: $(du -h "$work/large.xml" | cut -f1), $(grep -c '<item>' "$work/large.xml") items"
./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true
jar=$(ls target/podsite-*.jar | grep -v plain | head -1)

start=$(date +%s.%N)
java -Xmx512m -jar "$jar" --server.port="$PORT" --podsite.feed.url="file:$work/large.xml" \
  --podsite.embedded-db.dir="$work/db" > "$work/app.log" 2>&1 &
app=$!
until grep -q "Imported file:" "$work/app.log"; do
  if ! kill -0 "$app" 2>/dev/null; then cat "$work/app.log"; exit 1; fi
  sleep 0.2
done
done_at=$(date +%s.%N)
grep -E "Started PodsiteApplication|Imported file:" "$work/app.log" | sed 's/^.*\] //'
python3 -c "print(f'start-up to imported: {$done_at - $start:.1f} s')"

for path in "/episodes?page=50" "/episodes/episode-1000-rust-at-scale-part-1000" "/"; do
  wrk -t2 -c16 -d10s "http://localhost:$PORT$path" > /dev/null   # warm-up
  echo "== GET $path"
  wrk -t2 -c16 -d"$DURATION" --latency "http://localhost:$PORT$path" | grep -E "Requests/sec|99%|Non-2xx"
done
