"""Reads feeds with Python's feedparser and writes what it understood as JSON.

    python3 feedparser_read.py OUT.json FEED [FEED ...]    (a FEED is a file or a URL)
"""
import json
import sys

import feedparser


def read(source):
    parsed = feedparser.parse(source)
    return {
        "bozo": int(bool(parsed.bozo)),
        "error": str(parsed.get("bozo_exception", "")),
        "version": parsed.version,
        "encoding": parsed.get("encoding"),
        "title": parsed.feed.get("title"),
        "items": [
            {
                "guid": entry.get("id"),
                "title": entry.get("title"),
                "enclosures": [
                    {"url": link.get("href"), "length": link.get("length"), "type": link.get("type")}
                    for link in entry.get("enclosures", [])
                ],
            }
            for entry in parsed.entries
        ],
    }


with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({source: read(source) for source in sys.argv[2:]}, out)
