#!/usr/bin/env python3
"""Writes WebVTT transcripts for the episodes of make_large_feed.py, to search.

    python3 bench/make_transcripts.py 2000 /tmp/transcripts

Episode n lasts as long as the feed says (1800 + n % 3600 seconds: half an hour to an
hour and a half) and gets a cue every 4 seconds, two speakers taking turns. The words
follow a Zipf law, as speech does: a few hundred common English words say most of it,
the show's subject (Rust) comes up in every episode, and a long tail of rarer words
(made-up names of crates and people, "ferrisbyte42") comes up now and then, some in one
episode only. Every text is the same from run to run.
"""
import itertools
import os
import random
import sys

COMMON = """the be to of and a in that have i it for not on with he as you do at this but his by from
they we say her she or an will my one all would there their what so up out if about who get which go me
when make can like time no just him know take people into year your good some could them see other than
then now look only come its over think also back after use two how our work first well way even new want
because any these give day most us is was are were been has had did said going really actually thing
things lot kind sort right yeah okay mean pretty much maybe probably sure quite very still always never
again every each many more less little long big great small old young same different next last few own
team service code system problem question answer idea part place case point fact example number world
company product customer user server data project change release build test bug fix review plan""".split()

TOPIC = """rust ownership borrow checker lifetime lifetimes async await runtime tokio serde axum cargo crate
crates compiler unsafe memory safety performance latency throughput trait traits generic generics macro
macros error handling result option enum struct closure iterator thread threads mutex channel future
futures executor allocation benchmark profiling migration rewrite production incident oncall deploy
kubernetes database postgres query index cache network protocol parser binary embedded firmware
webassembly wasm python java javascript typescript golang kotlin clippy rustfmt rustc llvm""".split()

SYLLABLES = "ka ri to mu se lo na vi de po za fe lu xi bo ne qua tor mir sel van dor ush ek".split()


def vocabulary():
    rng = random.Random(12)
    tail = set()
    while len(tail) < 20000:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        tail.add(word + (str(rng.randint(1, 99)) if rng.random() < 0.1 else ""))
    words = COMMON + TOPIC + sorted(tail)
    # Zipf: the k-th word is said about 1/k as often as the first.
    weights = [1.0 / (k + 1) for k in range(len(words))]
    return words, list(itertools.accumulate(weights))


# Cumulative weights, summed once: random.choices would sum 20,000 weights on every call.
WORDS, CUMULATIVE = vocabulary()


def cues(n):
    """The cues of episode n: (start, end, speaker, text)."""
    rng = random.Random(n)
    duration = 1800 + n % 3600
    said = []
    for i in range(duration // 4):
        start = i * 4.0
        speaker = "Lara Large" if (i // 6) % 2 == 0 else f"Guest {n}"
        text = " ".join(rng.choices(WORDS, cum_weights=CUMULATIVE, k=rng.randint(7, 13)))
        said.append((start, start + 3.9, speaker, text[0].upper() + text[1:] + "."))
    return said


def stamp(seconds):
    return f"{int(seconds // 3600):02d}:{int(seconds % 3600 // 60):02d}:{seconds % 60:06.3f}"


def main(count, directory):
    os.makedirs(directory, exist_ok=True)
    for n in range(1, count + 1):
        with open(os.path.join(directory, f"{n}.vtt"), "w", encoding="utf-8") as vtt:
            vtt.write("WEBVTT\n\n")
            for start, end, speaker, text in cues(n):
                vtt.write(f"{stamp(start)} --> {stamp(end)}\n<v {speaker}>{text}\n\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
