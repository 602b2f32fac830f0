#!/usr/bin/env bash
# /search on the 2,000-episode show with a transcript for every episode (make_transcripts.py:
# half an hour to an hour and a half each, a cue every 4 seconds, Zipf-distributed words):
# the import fetches the transcripts from a local nginx, then searches are measured kept
# (the same address again, as most visitors get a popular search), rendered on every
# request (a visitor with a session: the database answers each time) for a rare word, a
# word said in every episode, a phrase, and a typo that finds nothing ("did you mean"),
# a mix of searches rotating per request, the same mix never asked before (each request a
# text of its own, so that no kept result helps), and nginx serving the same bytes.
# Once the transcripts are in, the site is started again without scheduled imports, so
# that no import runs beside the measures. Needs wrk, nginx.
#   bash bench/search.sh            DURATION=30s, WARMUP=40s by default
#   JAR=/tmp/before.jar KEEP_DATA=/tmp/search-db bash bench/search.sh   another build; keep its data
#   FROM_DATA=/tmp/search-db bash bench/search.sh   on a copy of data kept before, no import
#     (a before and after on the same rows; a newer build migrates the copy as it starts)
source "$(dirname "$0")/site.sh"
NGINX_PORT=${NGINX_PORT:-18082}

if [ -z "${FROM_DATA:-}" ]; then
  python3 bench/make_transcripts.py 2000 "$work/t"
  sed -i "s#https://large.example/\([0-9]*\)\.vtt#http://127.0.0.1:$NGINX_PORT/t/\1.vtt#g" "$work/large.xml"
  echo "transcripts: $(du -sh "$work/t" | cut -f1)"
fi
chmod -R a+rX "$work"
cat > "$work/nginx.conf" <<CONF
daemon on; worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; types { text/html html; text/vtt vtt; }
  server { listen 127.0.0.1:$NGINX_PORT; root $work; etag on; } }
CONF
nginx -c "$work/nginx.conf"

site="http://localhost:$PORT"
if [ -z "${FROM_DATA:-}" ]; then
  java -Xmx512m -jar "$jar" --server.port="$PORT" --podsite.feed.url="file:$work/large.xml" \
    --podsite.feed.allow-private-addresses=true --podsite.feed.refresh=PT20S \
    --podsite.media-files.time-budget=PT30M --podsite.embedded-db.dir="$work/db" \
    --podsite.admin.password=bench-password > "$work/app.log" 2>&1 &
  app=$!
  # Every episode's transcript is in when a word said in all of them (and in no notes, "say")
  # finds 2,000 episodes. Read past the kept pages, with a session cookie.
  started=$(date +%s)
  until curl -s -H "Cookie: SESSION=bench" "$site/search?q=say" | grep -q '2,000 episodes match'; do
    if ! kill -0 "$app" 2>/dev/null; then cat "$work/app.log"; exit 1; fi
    sleep 5
  done
  echo "transcripts imported and indexed in $(( $(date +%s) - started )) s"
  # Started again on the same data, without imports: an import every 20 s would run beside
  # the measures (and announce a change when anything differs).
  kill "$app"; wait "$app" 2>/dev/null || true
else
  cp -a "$FROM_DATA" "$work/db"
fi
java -Xmx512m -jar "$jar" --server.port="$PORT" --podsite.feed.url="file:$work/large.xml" \
  --podsite.feed.schedule=false --podsite.embedded-db.dir="$work/db" \
  --podsite.admin.password=bench-password > "$work/app.log" 2>&1 &
app=$!
until curl -s -H "Cookie: SESSION=bench" "$site/search?q=say" | grep -q '2,000 episodes match'; do
  if ! kill -0 "$app" 2>/dev/null; then cat "$work/app.log"; exit 1; fi
  sleep 1
done

rare=$(python3 -c 'import sys; sys.path.insert(0, "bench"); import make_transcripts as m; print(m.WORDS[-1])')
queries=("rare:$rare" "common:say" "phrase:%22borrow+checker%22" "typo:tokoi+internalz" "exclude:tokio+-serde" "or:ferrisbyte+or+kubernetes")
for query in "${queries[@]}"; do
  name=${query%%:*}; q=${query#*:}
  curl -s -H "Cookie: SESSION=bench" "$site/search?q=$q" > "$work/$name.html"
  echo "$name ($q): $(grep -o 'role="status">[^<]*' "$work/$name.html" | head -1 | cut -d'>' -f2)"
done
# The mix: each request the next search of a list (wrk's Lua), so nothing is kept.
cat > "$work/mix.lua" <<'LUA'
local words = {"ownership", "say", "%22borrow+checker%22", "tokio+-serde", "lifetimes+async", "kamir", "tokoi",
  "kubernetes+or+firmware", "%22memory+safety%22", "serde", "rust+production", "incident+oncall"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/search?q=" .. words[n % #words + 1], {["Cookie"] = "SESSION=bench"})
end
LUA
# The same mix, never asked before: each request adds a word nobody said ("or zq…",
# unique per thread and request), so no kept result or page helps.
cat > "$work/new.lua" <<'LUA'
local words = {"ownership", "say", "%22borrow+checker%22", "tokio+-serde", "lifetimes+async", "kamir", "tokoi",
  "kubernetes+or+firmware", "%22memory+safety%22", "serde", "rust+production", "incident+oncall"}
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
local prefix
request = function()
  if prefix == nil then prefix = "zq" .. os.time() .. "x" .. id .. "x" end
  n = n + 1
  return wrk.format("GET", "/search?q=" .. words[n % #words + 1] .. "+or+" .. prefix .. n, {["Cookie"] = "SESSION=bench"})
end
LUA
wrk -t2 -c16 -d"${WARMUP:-40s}" -s "$work/mix.lua" "$site" > /dev/null
wrk -t2 -c16 -d"${WARMUP:-40s}" -s "$work/new.lua" "$site" > /dev/null
measure "search kept (common word)" "$site/search?q=say"
for query in "${queries[@]}"; do
  name=${query%%:*}; q=${query#*:}
  measure "rendered: $name" -H "Cookie: SESSION=bench" "$site/search?q=$q"
done
measure "rendered: a mix of 12 searches" -s "$work/mix.lua" "$site"
measure "rendered: the mix, never asked before" -s "$work/new.lua" "$site"
cp "$work/common.html" "$work/search.html"; chmod a+r "$work/search.html"
measure "nginx, the same bytes (static file)" "http://127.0.0.1:$NGINX_PORT/search.html"
# KEEP_DATA=dir keeps the database for EXPLAIN ANALYZE: the site stopped, its directory copied.
if [ -n "${KEEP_DATA:-}" ]; then
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
  cp -a "$work/db" "$KEEP_DATA"
fi
