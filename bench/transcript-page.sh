#!/usr/bin/env bash
# An episode page with a two-hour transcript (2,000 cues, three speakers) and twelve
# chapters: the import fetches the files from a local nginx, then the page is measured
# kept (as listeners get it), rendered on every request (as a visitor with a session gets
# it), and the very same bytes served by nginx as a static file. Needs wrk and nginx.
#   bash bench/transcript-page.sh            DURATION=30s by default
source "$(dirname "$0")/site.sh"
NGINX_PORT=${NGINX_PORT:-18081}

python3 - "$work" "$NGINX_PORT" <<'PY'
import json, sys
work, port = sys.argv[1], sys.argv[2]
with open(f"{work}/talk.vtt", "w") as vtt:
    vtt.write("WEBVTT\n\n")
    for i in range(2000):
        start, end = i * 3.6, i * 3.6 + 3.5
        stamp = lambda s: f"{int(s // 3600):02d}:{int(s % 3600 // 60):02d}:{s % 60:06.3f}"
        vtt.write(f"{stamp(start)} --> {stamp(end)}\n<v Speaker {i // 4 % 3 + 1}>Sentence {i + 1} says what matters"
                  " about ownership, lifetimes and the borrow checker.\n\n")
chapters = {"version": "1.2.0", "chapters": [
    {"startTime": i * 600, "title": f"Chapter {i + 1}", "url": f"https://chapters.example/{i}"} for i in range(12)]}
json.dump(chapters, open(f"{work}/chapters.json", "w"))
open(f"{work}/talk.xml", "w").write(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
  xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
<title>Long Talks</title><link>https://talks.example/</link><description>Two-hour talks.</description>
<item><guid>talk-1</guid><title>A two-hour talk</title><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
<enclosure url="https://cdn.talks.example/1.mp3" length="100000000" type="audio/mpeg"/>
<itunes:duration>2:00:00</itunes:duration><description>We talk for two hours.</description>
<podcast:transcript url="http://127.0.0.1:{port}/talk.vtt" type="text/vtt"/>
<podcast:chapters url="http://127.0.0.1:{port}/chapters.json" type="application/json+chapters"/>
</item></channel></rss>
""")
PY
chmod -R a+rX "$work"   # nginx workers run as an unprivileged user
cat > "$work/nginx.conf" <<CONF
daemon on; worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; types { text/html html; text/vtt vtt; application/json json; }
  server { listen 127.0.0.1:$NGINX_PORT; root $work; etag on; } }
CONF
nginx -c "$work/nginx.conf"

java -Xmx512m -jar "$jar" --server.port="$PORT" --podsite.feed.url="file:$work/talk.xml" \
  --podsite.feed.allow-private-addresses=true --podsite.embedded-db.dir="$work/db" \
  --podsite.admin.password=bench-password > "$work/app.log" 2>&1 &
app=$!
page="http://localhost:$PORT/episodes/a-two-hour-talk"
# The files are read once the episode is committed: wait for the transcript on the page.
until curl -s "$page" > "$work/page.html" && grep -q 'class="turn"' "$work/page.html"; do
  if ! kill -0 "$app" 2>/dev/null; then cat "$work/app.log"; exit 1; fi
  sleep 0.5
done
chmod a+r "$work/page.html"
echo "page: $(du -h "$work/page.html" | cut -f1), $(grep -o 'class="turn"' "$work/page.html" | wc -l) turns, $(grep -o 'data-t=' "$work/page.html" | wc -l) time links"

wrk -t2 -c16 -d"${WARMUP:-30s}" "$page" > /dev/null
measure "episode page with transcript, kept" "$page"
wrk -t2 -c16 -d"${WARMUP:-30s}" -H "Cookie: SESSION=bench" "$page" > /dev/null
measure "the same, rendered on every request" -H "Cookie: SESSION=bench" "$page"
measure "nginx, the same bytes (static file)" "http://127.0.0.1:$NGINX_PORT/page.html"
