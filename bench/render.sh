#!/usr/bin/env bash
# The render path, before and after a change, in one run: this build and the jar given
# as BEFORE run side by side on copies of one imported 2,000-episode database, and each
# page is measured on both in turn (rendered for the signed-in host, 16 connections),
# so the VM's changing speed falls on both alike. Besides the rate and p99, the CPU
# time and the bytes allocated per request (serial GC with a fixed young generation,
# read with jstat), which move far less with the neighbours' load than the rate does.
#   BEFORE=path/to/main.jar bash bench/render.sh     WARMUP=40s DURATION=15s ROUNDS=2
# Without BEFORE, only this build is measured.
WARMUP=${WARMUP:-40s}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-2}
source "$(dirname "$0")/site.sh"
pages=("/" "/episodes?page=50" "/episodes/episode-1000-rust-at-scale-part-1000")

# The import once, on this build; then each site on its own copy of the data.
start_site
kill "$app"; wait "$app" 2>/dev/null || true; app=""
while pgrep -f "$work/db" > /dev/null; do sleep 0.5; done
names=(after); jars=("$jar")
if [ -n "${BEFORE:-}" ]; then names=(before after); jars=("$BEFORE" "$jar"); fi
pids=()
cleanup_sites() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap 'cleanup_sites; cleanup' EXIT
for i in "${!names[@]}"; do
  cp -a "$work/db" "$work/db-$i"
  java -Xmx512m -XX:+UseSerialGC -Xmn256m -jar "${jars[$i]}" --server.port=$((PORT + 1 + i)) \
    --podsite.feed.schedule=false --podsite.embedded-db.dir="$work/db-$i" \
    --podsite.admin.password=bench-password > "$work/app-$i.log" 2>&1 &
  pids+=($!)
done
session() {
  local site=$1 login token
  login=$(curl -sf -c "$work/cookies" "$site/login")
  token=$(grep -o 'name="_csrf" value="[^"]*' <<< "$login" | head -1 | sed 's/.*value="//')
  curl -sf -b "$work/cookies" -c "$work/cookies" -o /dev/null --data-urlencode "_csrf=$token" \
    --data-urlencode "username=admin" --data-urlencode "password=bench-password" "$site/login"
  awk '$6=="SESSION"{print $7}' "$work/cookies"
}
sessions=()
for i in "${!names[@]}"; do
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$((PORT + 1 + i))/")" = 200 ]; do sleep 0.5; done
  sessions+=("$(session "http://localhost:$((PORT + 1 + i))")")
done

# One wrk on site i, path: rate, p99, JVM CPU ms and KB allocated per request.
measure_one() {
  local i=$1 path=$2 pid=${pids[$1]} out n ticks0 ticks1 gc0 gc1
  gc0=$(jstat -gc "$pid" | tail -1); ticks0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  out=$(wrk -t2 -c16 -d"$DURATION" --latency -H "Cookie: SESSION=${sessions[$i]}" "http://localhost:$((PORT + 1 + i))$path")
  gc1=$(jstat -gc "$pid" | tail -1); ticks1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  python3 - "${names[$i]}" "$path" "$out" "$gc0" "$gc1" "$ticks0" "$ticks1" "$(getconf CLK_TCK)" <<'PY'
import re, sys
name, path, out, gc0, gc1, t0, t1, hz = sys.argv[1:]
n = int(re.search(r'(\d+) requests in', out).group(1))
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
p99 = re.search(r'\s99%\s+(\S+)', out).group(1)
non = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
g0, g1 = [[float(x) if x != "-" else 0.0 for x in gc.split()] for gc in (gc0, gc1)]
# jstat -gc: EC is column 5, EU 6, YGC 13 (KB, KB, count); eden is fixed (-Xmn).
allocated = (g1[12] - g0[12]) * g0[4] + g1[5] - g0[5]
cpu = (int(t1) - int(t0)) * 1000 / int(hz)
print(f"{name:<7} {path:<50} {rps:>8,.0f} req/s  p99 {p99:>9}  {cpu / n:6.2f} ms CPU  {allocated / n:7,.0f} KB"
      + (f"  NON-2XX {non.group(1)}" if non else ""))
PY
}
echo "== rendered for the signed-in host, 16 connections ($DURATION each after $WARMUP of warm-up)"
for path in "${pages[@]}"; do
  for i in "${!names[@]}"; do
    wrk -t2 -c16 -d"$WARMUP" -H "Cookie: SESSION=${sessions[$i]}" "http://localhost:$((PORT + 1 + i))$path" > /dev/null
  done
  for round in $(seq "$ROUNDS"); do
    for i in "${!names[@]}"; do measure_one "$i" "$path"; done
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
