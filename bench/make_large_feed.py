#!/usr/bin/env python3
"""Writes a realistic podcast feed of N episodes (about 2 KB each, with elements the site keeps as written) for benchmarks.

    python3 bench/make_large_feed.py 2000 /tmp/large.xml
"""
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime


def main(count, path):
    newest = datetime(2026, 1, 1, 6, tzinfo=timezone.utc)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:podcast="https://podcastindex.org/namespace/1.0">',
        "<channel><title>Large Show</title><link>https://large.example/</link>",
        "<description>A show with many episodes.</description><language>en</language>",
        '<itunes:author>Lara Large</itunes:author><itunes:category text="Technology"/>',
        '<itunes:image href="https://large.example/art.jpg"/>',
    ]
    for n in range(count, 0, -1):
        date = format_datetime(newest - timedelta(days=count - n))
        out.append(
            f'<item><guid isPermaLink="false">large-{n}</guid>'
            f"<title>Episode {n}: Rust at scale, part {n}</title><pubDate>{date}</pubDate>"
            f"<link>https://large.example/episodes/{n}</link>"
            f'<enclosure url="https://cdn.large.example/{n}.mp3" length="48000000" type="audio/mpeg"/>'
            f"<itunes:duration>{1800 + n % 3600}</itunes:duration><itunes:episode>{n}</itunes:episode>"
            f"<itunes:season>{1 + n // 50}</itunes:season><itunes:explicit>false</itunes:explicit>"
            f'<podcast:transcript url="https://large.example/{n}.vtt" type="text/vtt"/>'
            f'<podcast:person role="host">Lara Large</podcast:person>'
            f'<podcast:person role="guest" href="https://guest{n}.example">Guest {n}</podcast:person>'
            # Kept as the feed wrote them and written back into the re-published feed.
            f"<itunes:subtitle>Rust at scale, part {n}</itunes:subtitle>"
            '<podcast:soundbite startTime="120" duration="45">The first incident</podcast:soundbite>'
            '<podcast:value type="lightning" method="keysend" suggested="0.00000005000">'
            '<podcast:valueRecipient name="Lara" type="node" split="95"'
            ' address="02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52"/>'
            '<podcast:valueRecipient name="Podcast Index" type="node" split="5" fee="true"'
            ' address="03ae9f91a0cb8ff43840e3c322c4c61f019d8c1c3cea15a25cfc425ac605e61a4a"/></podcast:value>'
            f"<description>Episode {n}: how a team moved a busy service to Rust.</description>"
            f"<content:encoded><![CDATA[<p>In episode {n} we talk about ownership, lifetimes, async runtimes"
            " and how a team moved a busy service to Rust. We cover the migration plan, the first incidents,"
            " what the on-call rotation learned and which crates made the difference. We also compare"
            " build times before and after, and look at how the team reviews unsafe code and keeps its"
            " dependencies up to date.</p>"
            "<h2>Links</h2><ul><li><a href=\"https://docs.rs/tokio\">Tokio</a></li>"
            "<li><a href=\"https://serde.rs/\">Serde</a></li><li><a href=\"https://github.com/tokio-rs/axum\">axum</a></li>"
            f"<li><a href=\"https://large.example/notes/{n}\">Full notes of episode {n}</a></li></ul>"
            "<p>Thanks for listening, and see you next week. Questions and ideas for guests? Write to us.</p>]]></content:encoded></item>"
        )
    out.append("</channel></rss>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
