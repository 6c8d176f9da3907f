"""Measures candidate reading libraries for names on DEMETR (a development tool).

For every name of the clean translation (and of the human reference) of a Japanese or Russian
source, asks whether the library's romanisation of the source contains it, and reports the
share confirmed (coverage), the names declared absent although the clean text has them (false
"absent" verdicts), the time per segment and the import time. Libraries that are not installed
are skipped.

    .venv/bin/python benchmarks/reading_libraries.py [--lang ja|ru] [--show]

Measured on demetr-dev (50 Japanese, 50 Russian sentences; names of the clean MT / reference):
- Japanese: pykakasi 2.3 confirms 16/49 / 18/50 (GPL-3.0, ~10 MB, 1.1-3.8 s to load, 2.5-3.4
  ms a sentence); cutlet 0.5 + UniDic-lite, best analysis, 26/49 / 27/50 (MIT/BSD, ~250 MB with
  its dictionary, 0.1 s to load, 1.6-2.4 ms); the adopted adapter (cutlet's romanisation of
  MeCab's ten best analyses) 32/49 / 31/50 at 3.4-4.6 ms. The rest are foreign names in
  katakana and Chinese or Cantonese names (Hong Kong, Kowloon, Jintao), which other evidence
  reads (katakana skeletons, pinyin).
- Russian: anyascii confirms 61/63 / 60/64, cyrtranslit 1.2 57/63 / 56/64 (it writes soft
  and hard signs and ы as separate marks, and х as h: Khabib, Seattle, David are lost), so
  anyascii is kept.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from mtqa.text import phonetic
from mtqa.text.names.english import english_name_tokens
from mtqa.text.names.source_evidence import source_evidence
from mtqa.text.names.spelling import fold, inflected, skeleton, skeletons_match

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "demetr-dev" / "items.jsonl"
LANGS = {"ja": "japanese", "ru": "russian"}


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", fold(text)) if w]


def _ja_found(name: str, reading_words: list[str]) -> bool:
    from mtqa.text.japanese import read_in

    return read_in(name, tuple(reading_words))


def _ru_found(name: str, reading_words: list[str]) -> bool:
    f = fold(name)
    if any(f == w or inflected(f, w) for w in reading_words):
        return True
    sk = skeleton(f)
    return len(sk) >= 2 and any(skeletons_match(sk, skeleton(w)) for w in reading_words)


def _readers(lang: str):
    out = {}
    if lang == "ja":
        try:
            t = time.perf_counter()
            import pykakasi
            kk = pykakasi.kakasi()
            out["pykakasi"] = (time.perf_counter() - t, lambda s: " ".join(r["hepburn"] for r in kk.convert(s)))
        except ImportError:
            pass
        try:
            t = time.perf_counter()
            import cutlet
            kt = cutlet.Cutlet()
            out["cutlet+unidic-lite"] = (time.perf_counter() - t, kt.romaji)
        except ImportError:
            pass
        try:
            t = time.perf_counter()
            from mtqa.resources import japanese
            japanese.available()
            # Every path of the n-best analyses, one per line.
            out["mtqa adapter (n-best)"] = (time.perf_counter() - t,
                                            lambda s: "\n".join(" ".join(p) for p in japanese.reading_paths(s) or ()))
        except ImportError:
            pass
    else:
        from anyascii import anyascii
        out["anyascii"] = (0.0, lambda s: anyascii(s).replace("'", ""))
        try:
            t = time.perf_counter()
            import cyrtranslit
            out["cyrtranslit"] = (time.perf_counter() - t, lambda s: cyrtranslit.to_latin(s, "ru"))
        except ImportError:
            pass
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=Path, default=DEFAULT)
    ap.add_argument("--lang", default="ja", choices=sorted(LANGS))
    ap.add_argument("--show", action="store_true", help="print the names each library misses")
    args = ap.parse_args(argv)
    items = [json.loads(line) for line in args.items.open(encoding="utf-8")]
    items = [it for it in items if it["lang_tag"] == LANGS[args.lang]]
    found = _ja_found if args.lang == "ja" else _ru_found
    for lib, (load, read) in _readers(args.lang).items():
        stats = {"mt": [0, 0], "ref": [0, 0]}
        elapsed = 0.0
        for it in items:
            t = time.perf_counter()
            paths = [_words(line) for line in read(it["src_sent"]).splitlines()] or [[]]
            elapsed += time.perf_counter() - t
            for side, text in (("mt", it["mt_sent"]), ("ref", it["eng_sent"])):
                for _, _, name in english_name_tokens(text, broad=True, names_only=True):
                    stats[side][1] += 1
                    if any(found(name, reading) for reading in paths):
                        stats[side][0] += 1
                    elif args.show:
                        print(f"  {lib} {side} miss {name!r}: {' '.join(paths[0])}")
        print(f"{lib}: import {load * 1000:.0f} ms, {elapsed / len(items) * 1000:.2f} ms/segment; "
              + "; ".join(f"{side} names confirmed {ok}/{n} ({ok / max(n, 1):.0%})" for side, (ok, n) in stats.items()))
    # What the current evidence says of the same names, for comparison.
    verdicts = {"mt": {True: 0, False: 0, None: 0}, "ref": {True: 0, False: 0, None: 0}}
    for it in items:
        ev = source_evidence(it["src_sent"], args.lang)
        for side, text in (("mt", it["mt_sent"]), ("ref", it["eng_sent"])):
            for _, _, name in english_name_tokens(text, broad=True, names_only=True):
                v = ev.supports(name)
                verdicts[side][v] += 1
                if args.show and v is not True:
                    print(f"  supports={v} {side} {name!r} hepburn={phonetic.spells_hepburn(fold(name))}: {it['src_sent']}")
    print("SourceEvidence.supports:", "; ".join(f"{side} True {v[True]}, False (absent) {v[False]}, None {v[None]}"
                                             for side, v in verdicts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
