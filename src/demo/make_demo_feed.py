#!/usr/bin/env python3
"""Builds the bundled demo snapshot of "Rust in Production" as an RSS feed.

It uses only facts about the show (titles, dates, durations, seasons, episode numbers,
guests and their roles, the links of each episode's notes, transcript URLs) from the
shared show files. The one-line descriptions are written here, by us: the show's own
notes are not ours to copy. No item has an enclosure, since the real audio URLs are not
known; each links to its page on the hosting platform instead.

    python3 src/demo/make_demo_feed.py ../shared/show src/main/resources/demo/rust-in-production.xml
"""
import json
import re
import sys
from datetime import date
from email.utils import format_datetime
from datetime import datetime, timezone
from html import escape
from pathlib import Path

HOST = "Matthias Endler"

TEMPLATES = [
    "{guest}, {role} at {company}, on how {company} runs Rust in production.",
    "How {company} uses Rust, with {guest} ({role}).",
    "{guest} ({role}) tells how Rust found its way into the systems at {company}.",
    "Rust at {company}: a conversation with {guest}, {role}.",
]


def xml(text):
    return escape(text, quote=True)


def split_guests(guest):
    return [name.strip() for name in re.split(r",\s*and\s+|,\s*|\s+and\s+|\s*&\s*", guest) if name.strip()]


def duration(seconds):
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def description(episode, index):
    guest, role, company = episode.get("guest"), episode.get("role"), episode["title"]
    if guest:
        return TEMPLATES[index % len(TEMPLATES)].format(guest=guest, role=role or "guest", company=company)
    if episode.get("episode") == 0:
        return "A short first look at the show before its first season begins."
    return f"A special episode of season {episode['season']}: {company}."


def notes(episode, summary):
    sections = {}
    for link in episode.get("links", []):
        sections.setdefault(link.get("section") or "Links", []).append(link)
    html = [f"<p>{xml(summary)}</p>"]
    for section, links in sections.items():
        html.append(f"<h3>{xml(section)}</h3><ul>")
        html.extend(f'<li><a href="{xml(l["url"])}">{xml(l["text"])}</a></li>' for l in links)
        html.append("</ul>")
    if episode.get("hostedEpisodePage"):
        page = episode["hostedEpisodePage"]
        html.append(f'<p>Listen on the hosting platform: <a href="{xml(page)}">{xml(page)}</a></p>')
    if episode.get("websitePage"):
        page = episode["websitePage"]
        html.append(f'<p>On the show\'s website: <a href="{xml(page)}">{xml(page)}</a></p>')
    return "".join(html)


def item(episode, index):
    title = episode.get("hostedTitle") or (
        f"{episode['title']} with {episode['guest']}" if episode.get("guest") else episode["title"])
    published = datetime.combine(date.fromisoformat(episode["date"]), datetime.min.time()).replace(
        hour=5, tzinfo=timezone.utc)
    summary = description(episode, index)
    lines = [
        "    <item>",
        f'      <guid isPermaLink="false">podsite-demo:rust-in-production:{xml(episode["path"])}</guid>',
        f"      <title>{xml(title)}</title>",
        f"      <link>{xml(episode.get('hostedEpisodePage') or episode['websitePage'])}</link>",
        f"      <pubDate>{format_datetime(published)}</pubDate>",
        f"      <description>{xml(summary)}</description>",
        f"      <content:encoded><![CDATA[{notes(episode, summary)}]]></content:encoded>",
    ]
    if episode.get("durationSeconds"):
        lines.append(f"      <itunes:duration>{duration(episode['durationSeconds'])}</itunes:duration>")
    if episode.get("season") is not None:
        lines.append(f"      <itunes:season>{episode['season']}</itunes:season>")
    if episode.get("episode") is not None:
        lines.append(f"      <itunes:episode>{episode['episode']}</itunes:episode>")
    lines.append(f"      <itunes:episodeType>{'trailer' if episode.get('episode') == 0 else 'full'}</itunes:episodeType>")
    lines.append("      <itunes:explicit>false</itunes:explicit>")
    lines.append(f'      <podcast:person role="host">{xml(HOST)}</podcast:person>')
    for guest in split_guests(episode.get("guest") or ""):
        lines.append(f'      <podcast:person role="guest">{xml(guest)}</podcast:person>')
    if episode.get("transcriptUrl"):
        lines.append(f'      <podcast:transcript url="{xml(episode["transcriptUrl"])}" type="text/vtt"/>')
    lines.append("    </item>")
    return "\n".join(lines)


def main(show_dir, output):
    show = json.loads((Path(show_dir) / "show.json").read_text(encoding="utf-8"))
    episodes = json.loads((Path(show_dir) / "episodes.json").read_text(encoding="utf-8"))
    episodes.sort(key=lambda e: (e["date"], e.get("season") or 0, e.get("episode") or 0), reverse=True)
    channel = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">',
        "  <channel>",
        f"    <title>{xml(show['title'])}</title>",
        f"    <link>{xml(show['website'])}</link>",
        "    <description>A podcast about companies that use Rust in production. This is a demo snapshot"
        " built from public facts about the show; the site shows it until the real feed has been imported."
        "</description>",
        f"    <language>{xml(show['language'])}</language>",
        "    <generator>Podsite demo snapshot</generator>",
        f"    <itunes:author>{xml(show['author'])}</itunes:author>",
        f"    <itunes:owner><itunes:name>{xml(show['author'])}</itunes:name></itunes:owner>",
    ]
    channel += [f'    <itunes:category text="{xml(c)}"/>' for c in show["categories"]]
    channel += ["    <itunes:explicit>false</itunes:explicit>", "    <itunes:type>episodic</itunes:type>"]
    body = [item(e, i) for i, e in enumerate(episodes)]
    text = "\n".join(channel + body + ["  </channel>", "</rss>", ""])
    Path(output).write_text(text, encoding="utf-8")
    print(f"{output}: {len(episodes)} episodes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
