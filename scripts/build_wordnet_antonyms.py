#!/usr/bin/env python3
"""Build mtqa/data/en/antonyms_wordnet.tsv and antonyms_wordnet_indirect.tsv from Princeton WordNet 3.0.

WordNet links word senses with an antonym pointer (`!`): rise/fall, increase/decrease,
legal/illegal. This script reads the WordNet database files, keeps the pairs of single words
that are both in common English use (wordfreq), and writes one pair a line. The indirect file
reaches opposites through close senses (similar to, also see, pertainym, derivation: strict
through severe to lenient; illegally through illegal and legal to legitimate), for two
adjectives or adverbs, or two verbs, less words that share a synset or are like one same sense;
one line per word, with all its opposites, since there are many. The check uses it only for
words in the same place of two sentences. It runs at
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
#: Pointers that join a synset to senses close to it: similar to (tiny/small), also see,
#: pertainym (legally/legal) and derivationally related (secure/security).
RELATED = ("&", "^", "\\", "+")
#: Both words must be at least this frequent in English (Zipf scale): rare senses of rare
#: words add false alarms, never detections, in news text.
MIN_ZIPF = 3.0
#: Indirect pairs are used for two words in the same place only, so the rarer word may be rarer
#: still (undemanding, unattainable); the other must be common.
INDIRECT_MIN_ZIPF = 1.5

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
    "(indirect antonyms: opposites through close\n# senses, as strict/lenient through severe; see scripts/build_wordnet_antonyms.py)").replace(
    "single words both of Zipf frequency >= {zipf}", "the word of Zipf frequency >= {zipf}, its opposites >= {rare}").replace(
    "one pair a\n# line", "one word a\n# line").replace("# columns: word\tantonym", "# columns: word\topposites (space-separated)")


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
            if sym in ("!",) + RELATED:
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
    by_word: dict[str, set[str]] = {}
    for a, b in indirect:
        by_word.setdefault(a, set()).add(b)
        by_word.setdefault(b, set()).add(a)
    OUT_INDIRECT.write_text(INDIRECT_HEADER.format(zipf=MIN_ZIPF, rare=INDIRECT_MIN_ZIPF)
                            + "".join(f"{w}\t{' '.join(sorted(by_word[w]))}\n" for w in sorted(by_word)),
                            encoding="utf-8")
    print(f"{OUT_INDIRECT}: {len(indirect)} pairs", file=sys.stderr)
    return 0


def _common(word: str, zipf: float = MIN_ZIPF) -> bool:
    word = strip_marker(word)
    return word.isalpha() and wordfreq.zipf_frequency(word, "en") >= zipf


def _same_kind(senses_a, senses_b) -> bool:
    """Two words that both describe (adjective or adverb senses) or both act (verb senses)."""
    kinds_a, kinds_b = ({"verb" if name == "data.verb" else "describe" if name in ("data.adj", "data.adv") else None
                         for name, _offset in senses} for senses in (senses_a, senses_b))
    return bool((kinds_a & kinds_b) - {None})


def indirect_pairs(data) -> set[tuple[str, str]]:
    """Opposites through close senses: a word, the senses close to its own (RELATED), their
    antonyms, and the senses close to those (strict -> severe -> lenient; illegally -> illegal
    -> legal -> legitimate). Less two words that share a synset, or whose senses are similar to
    one same sense (ago and earlier are both like "past")."""
    def key(pos, offset):
        return POS_FILES[pos], offset

    words_of, related, similar_to, antonyms, senses = {}, {}, {}, {}, {}
    for name, synsets in data.items():
        for offset, (words, ptrs) in synsets.items():
            k = (name, offset)
            words_of[k] = {strip_marker(w) for w in words}
            related[k] = {key(pos, tgt) for sym, tgt, pos, _s, _t in ptrs if sym in RELATED}
            similar_to[k] = {key(pos, tgt) for sym, tgt, pos, _s, _t in ptrs if sym == "&"}
            antonyms[k] = {key(pos, tgt) for sym, tgt, pos, _s, _t in ptrs if sym == "!"}
            for w in words_of[k]:
                senses.setdefault(w, set()).add(k)
    # Both ways: an adverb points to its adjective (legitimately -> legitimate), not back.
    for k, targets in list(related.items()):
        for t in targets:
            related.setdefault(t, set()).add(k)

    def similar(word):
        own = senses.get(word, set())
        return own | {t for k in own for t in similar_to[k]}

    pairs: set[tuple[str, str]] = set()
    for word, own in senses.items():
        if not _common(word):
            continue
        close = own | {t for k in own for t in related[k]}
        opposite = {t for k in close for t in antonyms[k]}
        opposite |= {t for k in opposite for t in related[k]}
        candidates = {w for k in opposite for w in words_of[k]} - {w for k in own for w in words_of[k]}
        mine = similar(word)
        for other in candidates:
            if not _same_kind(senses.get(other, set()), own):
                continue  # a noun's many senses (party, side) make too many pairs to mean much
            if other != word and _common(other, INDIRECT_MIN_ZIPF) and not (similar(other) & mine):
                pairs.add(tuple(sorted((word, other))))
    return pairs


if __name__ == "__main__":
    sys.exit(main())
