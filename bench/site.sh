# Shared by the benchmark scripts: a 2,000-episode feed and the site started on it, on a
# fresh embedded database in a temporary directory. Source it; it sets $work, $app, $jar
# (JAR=... for another build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${PORT:-18080}
work=$(mktemp -d)
app=""
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  if [ -f "$work/nginx.conf" ]; then nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

python3 bench/make_large_feed.py 2000 "$work/large.xml"
echo "source feed: $(du -h "$work/large.xml" | cut -f1), $(grep -o '<item>' "$work/large.xml" | wc -l) items"
# JAR=path/to/other.jar measures another build (a before and after); else this one, built.
if [ -n "${JAR:-}" ]; then
  jar=$JAR
else
  ./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true
  jar=$(ls target/podsite-*.jar | grep -v plain | head -1)
fi

# Starts the site with -Xmx512m (and any further arguments) and waits until the 2,000
# episodes are listed: imported now, or kept from the run before (a start on imported data
# waits for the refresh interval before it imports again).
start_site() {
  java -Xmx512m -jar "$jar" --server.port="$PORT" --podsite.feed.url="file:$work/large.xml" \
    --podsite.embedded-db.dir="$work/db" --podsite.admin.password=bench-password "$@" > "$work/app.log" 2>&1 &
  app=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/episodes?page=100")" = 200 ]; do
    if ! kill -0 "$app" 2>/dev/null; then cat "$work/app.log"; exit 1; fi
    sleep 0.2
  done
}

# Runs wrk and prints one line: label, requests per second, p99 latency.
measure() {
  local label=$1; shift
  printf '%-44s' "$label"
  wrk -t2 -c16 -d"${DURATION:-30s}" --latency "$@" | awk '
    /Requests\/sec/ {rps=$2} / 99%/ {p99=$2} /Non-2xx/ {non=$NF}
    END {printf "%10s req/s   p99 %8s%s\n", rps, p99, (non ? "   NON-2XX: " non : "")}'
}

# Starts nginx serving $work/www on $NGINX_PORT, the reference the site is measured
# against; any arguments are further directives of its http block.
start_nginx() {
  chmod -R a+rX "$work"   # nginx workers run as an unprivileged user
  cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; application/rss+xml xml; }
  $*
  server { listen 127.0.0.1:$NGINX_PORT; root $work/www; etag on; }
}
CONF
  nginx -c "$work/nginx.conf"
}
