#!/usr/bin/env python3
"""Build mtqa/data/en/common_words.txt (frequent English words that are not also names) and
mtqa/data/en/dual_words.txt (frequent English words that are names too: Chase, Congress, South).

The casing and quotation checks must tell a common word capitalised by mistake (`Understand`,
`Receives`) from a proper noun (`Kirby`, `May`, `Will`, `Iranian`). This script keeps the
words that are frequent in English (wordfreq's `top_n_list`) and that the SCOWL word lists
(Debian `wamerican` + `wbritish`, /usr/share/dict) spell in lower case only: a word SCOWL also
lists capitalised (a name, a month, a nationality) is left out, so the checks stay quiet on it.

It runs at development time only (the checks read the plain file, nothing is fetched at run
time): `apt-get install wamerican wbritish && pip install 'wordfreq>=3.1,<4'`, then
`python scripts/build_common_words.py`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import wordfreq

TOP_N = 30000
DICTS = ("/usr/share/dict/american-english", "/usr/share/dict/british-english")
OUT = Path(__file__).resolve().parent.parent / "mtqa" / "data" / "en" / "common_words.txt"
DUAL_OUT = OUT.with_name("dual_words.txt")

HEADER = f"""\
# Frequent English words that are not also names: a capitalised one mid-sentence is suspect.
# Built by scripts/build_common_words.py: the {TOP_N:,} most frequent English words of wordfreq
# 3.1 (top_n_list('en'); Robyn Speer, Apache-2.0 code, word data CC BY-SA 4.0, see
# https://github.com/rspeer/wordfreq) that the SCOWL word lists (Kevin Atkinson; Debian packages
# wamerican and wbritish 2020.12.07, size 50, permissive SCOWL licence) spell in lower case and
# never capitalised (so names, months, nationalities, titles such as May, Will, Iranian,
# President are left out). One word a line, lower case, in frequency order.
"""

DUAL_HEADER = f"""\
# Frequent English words that are also written capitalised: a name or a title as often as a
# word (Chase, Congress, Green, President, South). Mid-sentence they may be names, so the casing
# checks leave them alone; but a source in another language has them translated as often as
# kept, so the source-name check does not demand them. Built by scripts/build_common_words.py
# from the same data as common_words.txt: the {TOP_N:,} most frequent English words of wordfreq
# 3.1 that SCOWL (wamerican + wbritish, size 50) spells both in lower case and capitalised.
"""


def main() -> int:
    words: set[str] = set()
    for path in DICTS:
        words |= set(Path(path).read_text(encoding="utf-8", errors="replace").split())
    keep = [w for w in wordfreq.top_n_list("en", TOP_N)
            if w.isalpha() and w.islower() and w in words and w.capitalize() not in words]
    OUT.write_text(HEADER + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(keep)} words", file=sys.stderr)
    dual = [w for w in wordfreq.top_n_list("en", TOP_N)
            if w.isalpha() and w.islower() and w in words and w.capitalize() in words]
    DUAL_OUT.write_text(DUAL_HEADER + "\n".join(dual) + "\n", encoding="utf-8")
    print(f"{DUAL_OUT}: {len(dual)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
