#!/usr/bin/env python3
"""Build mtqa/data/en/antonyms_wordnet.tsv and antonyms_wordnet_indirect.tsv from Princeton WordNet 3.0.

WordNet links word senses with an antonym pointer (`!`): rise/fall, increase/decrease,
legal/illegal. This script reads the WordNet database files, keeps the pairs of single words
that are both in common English use (wordfreq), and writes one pair a line. The indirect file
pairs every word of two synsets linked by an antonym pointer, and an adjective similar to one
of them (`&`: tiny is similar to small) with the words of the other (tiny/big), less any two
words that share a synset; the check uses it only for words in the same place of two sentences. It runs at
development time only (the checks read the plain file, nothing is fetched at run time):
`apt-get install wordnet-base && pip install 'wordfreq>=3.1,<4'`, then
`python scripts/build_wordnet_antonyms.py`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import wordfreq

WORDNET = Path("/usr/share/wordnet")
POS_FILES = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "s": "data.adj", "r": "data.adv"}
OUT = Path(__file__).resolve().parent.parent / "mtqa" / "data" / "en" / "antonyms_wordnet.tsv"
OUT_INDIRECT = OUT.with_name("antonyms_wordnet_indirect.tsv")
#: Both words must be at least this frequent in English (Zipf scale): rare senses of rare
#: words add false alarms, never detections, in news text.
MIN_ZIPF = 3.0

HEADER = """\
# English antonym pairs from Princeton WordNet 3.0 (direct antonyms: the `!` pointer between
# word senses), single words both of Zipf frequency >= {zipf} in English (wordfreq 3.1), one pair a
# line. Built by scripts/build_wordnet_antonyms.py from Debian's wordnet-base 3.0.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission to use,
# copy, modify and distribute this software and database and its documentation for any purpose
# and without fee or royalty is hereby granted, provided that you agree to comply with the
# following copyright notice and statements, including the disclaimer, and that the same appear
# on ALL copies of the software, database and documentation, including modifications that you
# make for internal use or for distribution. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of
# Princeton University or Princeton may not be used in advertising or publicity pertaining to
# distribution of the software and/or database. See https://wordnet.princeton.edu/license-and-commercial-use
# columns: word	antonym
"""

INDIRECT_HEADER = HEADER.replace(
    "(direct antonyms: the `!` pointer between\n# word senses)",
    "(indirect antonyms: the words of two synsets\n# linked by an antonym pointer, and an adjective similar to one of them, as tiny/big through\n# small/large; less words that share a synset)")


def read_synsets(path: Path) -> dict[int, tuple[list[str], list[tuple[str, int, str, int, int]]]]:
    """offset -> (words, antonym pointers as (symbol, target offset, target pos, source no, target no))."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence at the top of the file
        fields = line.split(" | ")[0].split()
        offset, w_cnt = int(fields[0]), int(fields[3], 16)
        words = [fields[4 + 2 * i].lower() for i in range(w_cnt)]
        k = 4 + 2 * w_cnt
        p_cnt = int(fields[k])
        ptrs = []
        for i in range(p_cnt):
            sym, tgt, pos, st = fields[k + 1 + 4 * i: k + 5 + 4 * i]
            if sym in ("!", "&"):
                ptrs.append((sym, int(tgt), pos, int(st[:2], 16), int(st[2:], 16)))
        out[offset] = (words, ptrs)
    return out


def strip_marker(word: str) -> str:
    return word.split("(")[0]  # adjective markers: long(a), galore(ip)


def main() -> int:
    data = {name: read_synsets(WORDNET / name) for name in set(POS_FILES.values())}
    pairs: set[tuple[str, str]] = set()
    for name, synsets in data.items():
        for words, ptrs in synsets.values():
            for sym, tgt, pos, src_no, tgt_no in ptrs:
                if sym != "!":
                    continue
                target_words = data[POS_FILES[pos]][tgt][0]
                a, b = strip_marker(words[src_no - 1]), strip_marker(target_words[tgt_no - 1])
                if "_" in a or "_" in b or "-" in a or "-" in b or a == b:
                    continue
                if min(wordfreq.zipf_frequency(a, "en"), wordfreq.zipf_frequency(b, "en")) < MIN_ZIPF:
                    continue
                pairs.add(tuple(sorted((a, b))))
    OUT.write_text(HEADER.format(zipf=MIN_ZIPF) + "".join(f"{a}\t{b}\n" for a, b in sorted(pairs)), encoding="utf-8")
    print(f"{OUT}: {len(pairs)} pairs", file=sys.stderr)
    indirect = indirect_pairs(data)
    OUT_INDIRECT.write_text(INDIRECT_HEADER.format(zipf=MIN_ZIPF) + "".join(f"{a}\t{b}\n" for a, b in sorted(indirect)),
                            encoding="utf-8")
    print(f"{OUT_INDIRECT}: {len(indirect)} pairs", file=sys.stderr)
    return 0


def _common(word: str) -> bool:
    word = strip_marker(word)
    return "_" not in word and "-" not in word and wordfreq.zipf_frequency(word, "en") >= MIN_ZIPF


def indirect_pairs(data) -> set[tuple[str, str]]:
    """Words of antonym synsets, and adjectives similar to one side, against the other side."""
    def similar(synsets, ptrs):
        return {strip_marker(w) for sym, tgt, _pos, _s, _t in ptrs if sym == "&" for w in synsets[tgt][0]}

    pairs: set[tuple[str, str]] = set()
    synonyms: set[tuple[str, str]] = set()
    for name, synsets in data.items():
        for words, ptrs in synsets.values():
            heads = {strip_marker(w) for w in words}
            synonyms |= {(a, b) for a in heads for b in heads if a < b}
            sat_a = similar(synsets, ptrs) if name == "data.adj" else set()
            for sym, tgt, pos, _s, _t in ptrs:
                if sym != "!":
                    continue
                target = data[POS_FILES[pos]]
                heads_b = {strip_marker(w) for w in target[tgt][0]}
                sat_b = similar(target, target[tgt][1]) if POS_FILES[pos] == "data.adj" else set()
                for a, b in [(a, b) for a in heads | sat_a for b in heads_b] + [(a, b) for a in heads for b in sat_b]:
                    if a != b and _common(a) and _common(b):
                        pairs.add(tuple(sorted((a, b))))
    return pairs - synonyms


if __name__ == "__main__":
    sys.exit(main())
