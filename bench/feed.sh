#!/usr/bin/env bash
# /feed.xml under polling, on a 2,000-episode show: requests per second and p99 latency
# of a full GET (plain and gzipped) and of a conditional GET answered 304, next to nginx
# serving the same bytes as a static file; then the time one full render takes.
# Needs wrk and nginx (apt-get install wrk nginx).
#   bash bench/feed.sh            WARMUP=60s DURATION=30s by default
NGINX_PORT=${NGINX_PORT:-18081}
WARMUP=${WARMUP:-60s}
source "$(dirname "$0")/site.sh"
start_site
feed="http://localhost:$PORT/feed.xml"

# nginx serves the very bytes the site serves, with its own ETag, as the reference.
mkdir -p "$work/www"
curl -sf "$feed" -o "$work/www/feed.xml"
start_nginx
static="http://127.0.0.1:$NGINX_PORT/feed.xml"

etag=$(curl -sfI "$feed" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
static_etag=$(curl -sfI "$static" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
echo "feed: $(wc -c < "$work/www/feed.xml") bytes, $(grep -o '<item>' "$work/www/feed.xml" | wc -l) items; etag $etag"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$feed")" = 304 ]

echo "warming up for $WARMUP (the JIT compiles the hot paths)"
wrk -t2 -c16 -d"$WARMUP" -H "If-None-Match: $etag" "$feed" > /dev/null
wrk -t2 -c16 -d"$WARMUP" -H "Accept-Encoding: gzip" "$feed" > /dev/null

measure "site  GET 304 (If-None-Match)" -H "If-None-Match: $etag" "$feed"
measure "nginx GET 304 (If-None-Match)" -H "If-None-Match: $static_etag" "$static"
measure "site  GET 200 gzip" -H "Accept-Encoding: gzip" "$feed"
measure "site  GET 200 plain" "$feed"
measure "nginx GET 200 plain (static file)" "$static"

kill "$app"; wait "$app" 2>/dev/null || true; app=""
echo "one full render (database read, XML, gzip), warm:"
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test > /dev/null
./mvnw -B -q test-compile -Dspring-javaformat.skip=true
java -Xmx512m -cp "target/test-classes:target/classes:$(cat "$work/cp.txt")" \
  dev.podsite.feedpublish.FeedRenderBenchmark "$work/large.xml" 50 2>/dev/null | grep -E "^(imported|full render)"
