#!/usr/bin/env bash
# On a 2,000-episode show: the time from starting the site on an empty embedded database
# until the whole feed is imported, then requests per second and p99 latency of the
# list, episode and show pages, kept and rendered. Needs wrk (apt-get install wrk).
#   bash bench/import-and-pages.sh            DURATION=30s by default
source "$(dirname "$0")/site.sh"

start=$(date +%s.%N)
start_site
done_at=$(date +%s.%N)
grep -E "Started PodsiteApplication|Imported file:" "$work/app.log" | sed 's/^.*\] //'
python3 -c "print(f'start-up to imported: {$done_at - $start:.1f} s')"

# Listeners get kept pages; a visitor with a session (the host) gets each one rendered.
for path in "/episodes?page=50" "/episodes/episode-1000-rust-at-scale-part-1000" "/"; do
  wrk -t2 -c16 -d10s "http://localhost:$PORT$path" > /dev/null   # warm-up
  measure "GET $path" "http://localhost:$PORT$path"
  wrk -t2 -c16 -d10s -H "Cookie: SESSION=bench" "http://localhost:$PORT$path" > /dev/null
  measure "GET $path, rendered" -H "Cookie: SESSION=bench" "http://localhost:$PORT$path"
done
