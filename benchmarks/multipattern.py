"""Multi-pattern matching for the place gazetteer: today's trie-shaped regex against the `regex`
module, pyahocorasick and hyperscan (a development tool; results in benchmarks/results/multipattern.md).

    .venv/bin/python benchmarks/multipattern.py [FILE.jsonl] [--engines re,regex,ahocorasick,hyperscan]

`mtqa.text.names.places.local_index(lang)` finds every known place name of a language in a folded
source text: at each position the longest listed name, matches not overlapping (what
`re.finditer` does with the trie of `mtqa.text.literals.alternation`). Each engine here must
return exactly those spans; the script checks it on every source of the file and stops if one
differs. It reports, per engine: the build time of the ten languages' indexes (import
included), the matching time over the file's sources (ms per 1,000 segments, CPU, best of three
runs), the number of matches and the memory the indexes take (RSS growth of a fresh process:
each engine runs in its own). The English feature names of `mtqa.text.geofeatures` (whole words,
`\\b...\\b`) are timed the same way over the translations, with the `re` and `regex` engines
(whose boundary semantics are the same pattern's).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

DEFAULT_FILE = "/work/tmp/b10k/batch.jsonl"
ENGINES = ("re", "regex", "ahocorasick", "ahocorasick-long", "hyperscan")


def _rss_kb() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() // 1024


def _leftmost_longest(spans):
    """Non-overlapping spans, leftmost first and the longest at a position (re.finditer's choice
    with a trie of literals), from all (possibly overlapping) candidate spans."""
    out, last = [], 0
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start >= last:
            out.append((start, end))
            last = end
    return out


def build(engine: str, names: list[str]):
    """A function text -> [(start, end)] for these names."""
    if engine in ("re", "regex"):
        from mtqa.text import literals
        mod = __import__(engine)
        rx = mod.compile(literals.alternation(names))
        return lambda text: [m.span() for m in rx.finditer(text)]
    if engine.startswith("ahocorasick"):
        import ahocorasick
        auto = ahocorasick.Automaton()
        for name in names:
            auto.add_word(name, len(name))
        auto.make_automaton()
        if engine == "ahocorasick-long":  # the library's own longest matches: see the results
            return lambda text: [(end + 1 - n, end + 1) for end, n in auto.iter_long(text)]
        # Every (overlapping) match, then the leftmost-longest choice of re.finditer.
        return lambda text: _leftmost_longest([(end + 1 - n, end + 1) for end, n in auto.iter(text)])
    if engine == "hyperscan":
        import hyperscan
        db = hyperscan.Database()
        # Bytes of UTF-8 (the literal compiler stops at a NUL, which rules out UTF-32): byte
        # offsets are turned into character offsets for the few matches.
        db.compile(expressions=[n.encode("utf-8") for n in names], ids=list(range(len(names))),
                   flags=hyperscan.HS_FLAG_SOM_LEFTMOST, literal=True)

        def find(text: str):
            found = []
            data = text.encode("utf-8")
            db.scan(data, match_event_handler=lambda _id, s, e, _f, _c: found.append((s, e)))
            if not found:
                return []
            if len(data) != len(text):
                found = [(len(data[:s].decode("utf-8", "ignore")), len(data[:e].decode("utf-8", "ignore")))
                         for s, e in found]
            return _leftmost_longest(found)
        return find
    raise ValueError(engine)


def run_engine(engine: str, path: str) -> dict:
    from mtqa.text.names.places import place_table
    from mtqa.text.names.spelling import fold
    records = [json.loads(line) for line in open(path, encoding="utf-8")]
    texts = [(r["src_lang"], fold(r["src"])) for r in records if r.get("src") and r.get("src_lang")]
    langs = sorted({lang for lang, _ in texts})
    names = {}
    for lang in langs:  # the names of local_index(lang): two letters or more
        names[lang] = sorted({n for ns in place_table().local.get(lang, {}).values() for n in ns if len(n) >= 2})
    rss0 = _rss_kb()
    t = time.process_time()
    finders = {lang: build(engine, names[lang]) for lang in langs if names[lang]}
    build_s = time.process_time() - t
    rss = _rss_kb() - rss0
    best, spans = None, None
    for _ in range(3):
        t = time.process_time()
        spans = [finders[lang](text) if lang in finders else [] for lang, text in texts]
        s = time.process_time() - t
        best = s if best is None else min(best, s)
    return {"engine": engine, "build_ms": build_s * 1000, "match_ms_per_1k": best / len(texts) * 1e6,
            "matches": sum(map(len, spans)), "rss_kb": rss, "spans": spans}


def run_features(engine: str, path: str) -> dict:
    from mtqa.text import geofeatures, literals
    mod = __import__(engine)
    hyps = [json.loads(line)["hyp"] for line in open(path, encoding="utf-8")]
    t = time.process_time()
    rx = mod.compile(r"\b(?:" + literals.alternation(geofeatures._table().english) + r")\b")
    build_s = time.process_time() - t
    best = None
    for _ in range(3):
        t = time.process_time()
        spans = [[m.span() for m in rx.finditer(h)] for h in hyps]
        s = time.process_time() - t
        best = s if best is None else min(best, s)
    return {"engine": engine, "build_ms": build_s * 1000, "match_ms_per_1k": best / len(hyps) * 1e6,
            "matches": sum(map(len, spans)), "spans": spans}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", default=DEFAULT_FILE)
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:  # one engine in a fresh process: its start-up and memory alone
        kind, engine = a.child.split(":")
        try:
            out = (run_engine if kind == "places" else run_features)(engine, a.file)
        except ImportError as e:
            out = {"engine": engine, "error": str(e)}
        json.dump(out, sys.stdout)
        return 0
    rows = {}
    for kind in ("places", "features"):
        for engine in a.engines.split(","):
            if kind == "features" and engine not in ("re", "regex"):
                continue
            t = time.time()
            res = subprocess.run([sys.executable, __file__, a.file, "--child", f"{kind}:{engine}"],
                                 capture_output=True, text=True, check=True)
            row = json.loads(res.stdout)
            row["wall_s"] = time.time() - t
            rows[kind, engine] = row
    for kind in ("places", "features"):
        ref = rows[kind, "re"]["spans"]
        print(f"\n{kind}: {'local place names of the source' if kind == 'places' else 'English feature names'}")
        print("| engine | build (ms) | match (ms/1k segments) | matches | index memory (RSS, KB) | identical to re |")
        print("|---|---:|---:|---:|---:|---|")
        for (k, engine), row in rows.items():
            if k != kind:
                continue
            if "error" in row:
                print(f"| {engine} | – | – | – | – | not installed: {row['error']} |")
                continue
            same = row["spans"] == ref
            mem = row.get("rss_kb", "–")
            print(f"| {engine} | {row['build_ms']:.0f} | {row['match_ms_per_1k']:.1f} | {row['matches']} | {mem} | "
                  f"{'yes' if same else 'NO'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
