#!/usr/bin/env bash
# The pages of a 2,000-episode show next to nginx serving the very same bytes, in one run:
# kept pages (plain and gzipped), their 304s and the feed's, then the render path: each
# page rendered for the signed-in host, and for anonymous visitors on a cache miss (the
# site started again on the same database with no room for kept pages).
# Needs wrk and nginx (apt-get install wrk nginx).
#   bash bench/pages.sh       WARMUP=20s RENDER_WARMUP=60s DURATION=20s;
#                             KEPT_CONNECTIONS=32 RENDER_CONNECTIONS=16
#   RENDER=0 bash bench/pages.sh   the kept pages and 304s only
# The render path needs its minute of warm-up: the JIT compiles Thymeleaf's and SpEL's
# paths for a long while, and ten seconds of it gave half the rate.
NGINX_PORT=${NGINX_PORT:-18083}
WARMUP=${WARMUP:-20s}
RENDER_WARMUP=${RENDER_WARMUP:-60s}
DURATION=${DURATION:-20s}
KEPT_CONNECTIONS=${KEPT_CONNECTIONS:-32}
RENDER_CONNECTIONS=${RENDER_CONNECTIONS:-16}
source "$(dirname "$0")/site.sh"
start_site
site="http://localhost:$PORT"
static="http://127.0.0.1:$NGINX_PORT"
pages=("/" "/episodes" "/episodes?page=50" "/episodes/episode-1000-rust-at-scale-part-1000")

# nginx serves the bytes the site serves: each page as is, and the site's own gzip of it
# next to it for gzip_static.
mkdir -p "$work/www"
for i in "${!pages[@]}"; do
  curl -sf "$site${pages[$i]}" -o "$work/www/page$i.html"
  curl -sf -H "Accept-Encoding: gzip" "$site${pages[$i]}" -o "$work/www/page$i.html.gz"
done
curl -sf "$site/feed.xml" -o "$work/www/feed.xml"
start_nginx 'gzip_static on;'

header() { curl -sfI "${@:2}" "$1" | tr -d '\r' | awk -F': ' -v h="$2" 'tolower($1)==tolower(h){print $2}'; }
etag() { curl -sf -o /dev/null -D - "${@:2}" "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'; }

# Runs wrk on the site and on nginx with the same options; prints both and their ratio.
pair() {
  local label=$1 site_url=$2 static_url=$3; shift 3
  local a b
  a=$(wrk -t2 -c"$KEPT_CONNECTIONS" -d"$DURATION" --latency "$@" "$site_url")
  b=$(wrk -t2 -c"$KEPT_CONNECTIONS" -d"$DURATION" --latency "${NGINX_ARGS[@]}" "$static_url")
  python3 - "$label" "$a" "$b" <<'PY'
import re, sys
def parse(out):
    rps = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
    p99 = re.search(r'\s99%\s+(\S+)', out).group(1)
    non = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
    errors = re.search(r'Socket errors: (.*)', out)
    return rps, p99, (non.group(1) if non else ''), (errors.group(1) if errors else '')
label, site, nginx = sys.argv[1], parse(sys.argv[2]), parse(sys.argv[3])
print(f"{label:<42} site {site[0]:>9,.0f} req/s p99 {site[1]:>8}   nginx {nginx[0]:>9,.0f} p99 {nginx[1]:>8}"
      f"   ratio {site[0] / nginx[0]:.2f}" + (f"   site non-2xx/3xx {site[2]}" if site[2] else '')
      + (f"   site errors: {site[3]}" if site[3] else ''))
PY
}

# Rendered on every request: one wrk at the render path's 16 connections.
rendered() {
  local label=$1; shift
  printf '%-42s' "$label"
  wrk -t2 -c"$RENDER_CONNECTIONS" -d"$DURATION" --latency "$@" | awk '
    /Requests\/sec/ {rps=$2} / 99%/ {p99=$2} /Non-2xx/ {non=$NF} /Socket errors/ {err=$0}
    END {printf "site %9s req/s p99 %8s%s%s\n", rps, p99, (non ? "   NON-2XX: " non : ""), (err ? "   " err : "")}'
}

echo "== warming up ($WARMUP per page)"
for i in "${!pages[@]}"; do
  wrk -t2 -c"$KEPT_CONNECTIONS" -d"$WARMUP" "$site${pages[$i]}" > /dev/null
done

echo "== kept pages, as listeners get them"
for i in "${!pages[@]}"; do
  NGINX_ARGS=()
  pair "GET ${pages[$i]}" "$site${pages[$i]}" "$static/page$i.html"
  NGINX_ARGS=(-H "Accept-Encoding: gzip")
  pair "GET ${pages[$i]} gzip" "$site${pages[$i]}" "$static/page$i.html" -H "Accept-Encoding: gzip"
done
echo "== revalidations (If-None-Match -> 304)"
for i in "${!pages[@]}"; do
  site_tag=$(etag "$site${pages[$i]}"); static_tag=$(etag "$static/page$i.html")
  NGINX_ARGS=(-H "If-None-Match: $static_tag")
  pair "304 ${pages[$i]}" "$site${pages[$i]}" "$static/page$i.html" -H "If-None-Match: $site_tag"
done
site_tag=$(etag "$site/feed.xml"); static_tag=$(etag "$static/feed.xml")
NGINX_ARGS=(-H "If-None-Match: $static_tag")
pair "304 /feed.xml" "$site/feed.xml" "$static/feed.xml" -H "If-None-Match: $site_tag"

if [ "${RENDER:-1}" = 0 ]; then
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
  exit 0
fi

echo "== rendered for the signed-in host"
login=$(curl -sf -c "$work/cookies" "$site/login")
token=$(grep -o 'name="_csrf" value="[^"]*' <<< "$login" | head -1 | sed 's/.*value="//')
curl -sf -b "$work/cookies" -c "$work/cookies" -o /dev/null \
  --data-urlencode "_csrf=$token" --data-urlencode "username=admin" --data-urlencode "password=bench-password" \
  "$site/login"
session=$(awk '$6=="SESSION"{print $7}' "$work/cookies")
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$session" "$site/admin")" = 200 ]
for path in "${pages[@]}"; do
  wrk -t2 -c"$RENDER_CONNECTIONS" -d"$RENDER_WARMUP" -H "Cookie: SESSION=$session" "$site$path" > /dev/null
  rendered "host GET $path" -H "Cookie: SESSION=$session" "$site$path"
done

echo "== rendered on a cache miss (anonymous; no room for kept pages)"
kill "$app"; wait "$app" 2>/dev/null || true; app=""
# The embedded PostgreSQL stops after the JVM; a start before it is gone waits for it.
while pgrep -f "$work/db" > /dev/null; do sleep 0.5; done
: > "$work/app.log"
start_site --podsite.page-cache.max-bytes=0
for path in "${pages[@]}"; do
  wrk -t2 -c"$RENDER_CONNECTIONS" -d"$RENDER_WARMUP" "$site$path" > /dev/null
  rendered "miss GET $path" "$site$path"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
