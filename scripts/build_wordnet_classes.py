#!/usr/bin/env python3
"""Build mtqa/data/en/adjectives_only.txt and verbs_only.txt: English words that WordNet knows
only as adjectives, or only as verbs.

An adjective that has lost its noun (`the previous, with a throughput`, `in terms of magnetic.`)
is a hole the missing-word check looks for; a word that may also be a noun (`the current`), a
verb or an adverb stands on its own, so it is left out, and so are participles (`the injured`,
which English uses as nouns). Also written: WordNet's fixed phrases of a preposition and such
an adjective (`in vain`, `at random`), which are complete. A verb that is only a verb
(`possess`, `inform`, and irregular forms such as `wrote`) tells a dropped verb from a dropped
noun against a reference; so does a past form of any verb (`announced`, `found`) in a place
where it is no adjective, for which every verb and the irregular past forms are listed too. It runs at development time only: `apt-get install wordnet-base`,
then `python scripts/build_wordnet_classes.py`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import wordfreq

WORDNET = Path("/usr/share/wordnet")
OUT = Path(__file__).resolve().parent.parent / "mtqa" / "data" / "en" / "adjectives_only.txt"
OUT_VERBS = OUT.with_name("verbs_only.txt")
OUT_ALL_VERBS = OUT.with_name("verbs_all.txt")
OUT_PAST = OUT.with_name("verbs_irregular_past.txt")
#: Only words in common use (Zipf scale): rare ones add nothing in news text.
MIN_ZIPF = 3.0
PREPOSITIONS = {"of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "about", "as"}
#: Adjectives that English also uses as pronouns (`the other`, `many of`): complete alone.
STAND_ALONE = {"other", "many", "several", "certain", "various", "both"}

HEADER = """\
# English words that Princeton WordNet 3.0 lists only as adjectives (not as nouns, verbs or
# adverbs), of Zipf frequency >= {zipf} in English (wordfreq 3.1), without participles in -ed and
# -ing (`the injured` is English) and those also used as pronouns (other, many, both); then
# WordNet's phrases of a preposition and such an adjective (`in vain`), which are complete (the
# entries with a space). Built by scripts/build_wordnet_classes.py from Debian's wordnet-base
# 3.0. WordNet 3.0 Copyright 2006 by Princeton University; licence:
# https://wordnet.princeton.edu/license-and-commercial-use
"""

VERB_HEADER = """\
# English verbs that Princeton WordNet 3.0 lists only as verbs (not as nouns, adjectives or
# adverbs), of Zipf frequency >= {zipf} in English (wordfreq 3.1), and the irregular forms of
# those verbs (WordNet's verb.exc: wrote, found). Regular inflections (-s, -ed, -ing) are undone
# by the check. Built by scripts/build_wordnet_classes.py from Debian's wordnet-base 3.0.
# WordNet 3.0 Copyright 2006 by Princeton University; licence:
# https://wordnet.princeton.edu/license-and-commercial-use
"""


ALL_VERBS_HEADER = """\
# English verbs of Princeton WordNet 3.0 (every single-word verb, whatever else it may be), of
# Zipf frequency >= {zipf} in English (wordfreq 3.1): the bases that a past form in -ed is
# checked against (announced: announce). Built by scripts/build_wordnet_classes.py from Debian's
# wordnet-base 3.0. WordNet 3.0 Copyright 2006 by Princeton University; licence:
# https://wordnet.princeton.edu/license-and-commercial-use
"""

PAST_HEADER = """\
# Irregular past forms of the verbs in verbs_all.txt (WordNet's verb.exc, without the forms in
# -ing and -s): wrote, found, known. Built by scripts/build_wordnet_classes.py from Debian's
# wordnet-base 3.0. WordNet 3.0 Copyright 2006 by Princeton University; licence:
# https://wordnet.princeton.edu/license-and-commercial-use
"""


def lemmas(name: str) -> set[str]:
    return {line.split()[0] for line in (WORDNET / name).read_text(encoding="latin-1").splitlines()
            if line and not line.startswith(" ")}


def main() -> int:
    adj, noun, verb, adv = (lemmas(f"index.{pos}") for pos in ("adj", "noun", "verb", "adv"))
    only = sorted(w for w in adj - noun - verb - adv - STAND_ALONE
                  if w.isalpha() and not w.endswith(("ed", "ing")) and wordfreq.zipf_frequency(w, "en") >= MIN_ZIPF)
    fixed = sorted(w.replace("_", " ") for w in noun | adv | adj
                   if w.count("_") == 1 and w.split("_")[0] in PREPOSITIONS and w.split("_")[1] in set(only))
    OUT.write_text(HEADER.format(zipf=MIN_ZIPF) + "".join(f"{w}\n" for w in only)
                   + "".join(f"{w}\n" for w in fixed), encoding="utf-8")
    print(f"{OUT}: {len(only)} adjectives, {len(fixed)} fixed phrases", file=sys.stderr)
    verbs = {w for w in verb - noun - adj - adv if w.isalpha() and wordfreq.zipf_frequency(w, "en") >= MIN_ZIPF}
    irregular = set()
    for line in (WORDNET / "verb.exc").read_text(encoding="latin-1").splitlines():
        form, *bases = line.split()
        if form.isalpha() and any(b in verbs for b in bases) and form not in noun | adj | adv:
            irregular.add(form)
    OUT_VERBS.write_text(VERB_HEADER.format(zipf=MIN_ZIPF) + "".join(f"{w}\n" for w in sorted(verbs | irregular)),
                         encoding="utf-8")
    print(f"{OUT_VERBS}: {len(verbs)} verbs, {len(irregular)} irregular forms", file=sys.stderr)
    all_verbs = {w for w in verb if w.isalpha() and wordfreq.zipf_frequency(w, "en") >= MIN_ZIPF}
    past = set()
    for line in (WORDNET / "verb.exc").read_text(encoding="latin-1").splitlines():
        form, *bases = line.split()
        if form.isalpha() and not form.endswith(("ing", "s")) and any(b in all_verbs for b in bases):
            past.add(form)
    OUT_ALL_VERBS.write_text(ALL_VERBS_HEADER.format(zipf=MIN_ZIPF) + "".join(f"{w}\n" for w in sorted(all_verbs)),
                             encoding="utf-8")
    OUT_PAST.write_text(PAST_HEADER + "".join(f"{w}\n" for w in sorted(past)), encoding="utf-8")
    print(f"{OUT_ALL_VERBS}: {len(all_verbs)} verbs; {OUT_PAST}: {len(past)} past forms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
