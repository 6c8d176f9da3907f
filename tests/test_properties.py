"""Property-based tests of `mtqa check` on arbitrary input (issue 17), with hypothesis.

Batches of records with arbitrary Unicode (JSON escapes of lone surrogates, control and
zero-width characters, combining marks, right-to-left text, emoji sequences, markup), arbitrary
ids (strings, negative and huge integers, duplicates, null, wrong types) and missing, null or
wrong-typed fields are written in every input format (JSONL, CSV, TSV, PO, XLIFF, TMX, plain
lines, --doc, stdin) and checked in-process, then rendered in every output format. Properties:

- the exit status is 0, 1 or 2, never "internal error" and never a traceback;
- on 2, nothing on stdout and one line on stderr naming the file (JSONL: and the bad line);
- on 0 or 1, every segment is reported once and in input order, with its id, and every
  finding's text is exactly target[start:end];
- JSON, JSON lines and SARIF parse, JUnit is well-formed XML, GitHub annotations stay one per
  line, HTML and Markdown show input markup escaped.

The default profile ("ci") is derandomized and small, so CI spends a few seconds here;
MTQA_HYPOTHESIS_PROFILE=long runs hundreds of random examples a test.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from mtqa import scoring  # noqa: E402
from mtqa.cli.main import main  # noqa: E402
from mtqa.io.limits import MAX_NUMBER_DIGITS  # noqa: E402
from mtqa.reporters import FORMATS  # noqa: E402

settings.register_profile("ci", max_examples=12, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = settings.get_profile(os.environ.get("MTQA_HYPOTHESIS_PROFILE", "ci"))

MARKUP = "<mtqa-x>"  # input markup: must never reach an HTML or Markdown report unescaped

# ----------------------------------------------------------------------------- text

_PIECES = [
    "The minister said ", "le ministre a dit ", " 2024 ", "3.5 million", "“quoted”", '"straight"',
    "« guillemets »", "\u200b", "\u200d", "\ufeff", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
    "\u202e", "\u202c", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f44d\U0001f3fd", "\U0001f1eb\U0001f1f7",
    "\t", "\x00", "\x07", "\x1b[31m", "\x85", "\u2028", "\n", "\r", "\r\n", MARKUP, "&amp;", "|", "*", "`",
    "::", "%", ",", ";", "\\", "http://example.com/a?b=c", "Paris", "Kyiv", "  ", ".", "!", "?",
]
text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=8).map("".join)


def _scalar(s: str) -> str:
    return "".join(c for c in s if not "\ud800" <= c <= "\udfff")


def _clean(s: str, drop: str) -> str:
    return "".join(c for c in _scalar(s) if c not in drop)


_XML_BAD = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n") + "\r\ufffe\uffff"
_C0 = "".join(chr(c) for c in range(32))

# ----------------------------------------------------------------------------- JSONL records

ids = st.one_of(text, st.integers(-10**120, 10**120), st.sampled_from(["1", "1", "dup", "dup"]),
                st.none(), st.booleans(), st.floats(allow_nan=False, allow_infinity=False), st.lists(st.integers(), max_size=2))
optional_text = st.one_of(st.none(), text, text, st.integers(), st.lists(text, max_size=2))
SURROGATE = "\ud800"


@st.composite
def json_record(draw) -> dict:
    record: dict = {}
    if draw(st.booleans()) or draw(st.booleans()):
        record["id"] = draw(ids)
    if draw(st.integers(0, 9)):
        record["hyp"] = draw(st.one_of(text, text, text, st.none(), st.integers()))
    for key in ("src", "ref", "src_lang", "tgt_lang"):
        if draw(st.integers(0, 2)) == 0:
            record[key] = draw(optional_text if key != "src_lang" and key != "tgt_lang"
                               else st.sampled_from([None, "fr", "en", "xx", "", 3]))
    if draw(st.integers(0, 11)) == 0:  # a lone surrogate, legal as a JSON escape
        key = draw(st.sampled_from(["id", "hyp", "src", "ref"]))
        record[key] = draw(text) + SURROGATE
    return record


def json_record_error(record: dict) -> bool:
    """Whether mtqa must refuse this record (the contract, restated independently)."""
    def bad_text(v) -> bool:
        return isinstance(v, str) and any("\ud800" <= c <= "\udfff" for c in v)

    values = list(record.values()) + [x for v in record.values() if isinstance(v, list) for x in v]
    if any(bad_text(v) for v in values):
        return True
    if not isinstance(record.get("hyp"), str):
        return True
    rid = record.get("id", "")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)):
        return True
    if isinstance(rid, int) and len(str(abs(rid))) > MAX_NUMBER_DIGITS:
        return True
    for key in ("src", "src_lang", "tgt_lang"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return True
    ref = record.get("ref")
    return not (ref is None or isinstance(ref, str) or (isinstance(ref, list) and all(isinstance(r, str) for r in ref)))


def _json_line(record: dict) -> str:
    line = json.dumps(record, ensure_ascii=True, allow_nan=False)
    return line  # ensure_ascii spells a surrogate as the escape "\ud800", as the issue's producer did


# ----------------------------------------------------------------------------- running mtqa

class Result:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err


def run_mtqa(args: list[str], stdin: bytes | None = None) -> Result:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(args)
            except SystemExit as e:  # argparse
                code = e.code
    finally:
        sys.stdin = old_stdin
    return Result(code, out.getvalue(), err.getvalue())


def assert_sane(r: Result, names: list[str]) -> None:
    assert r.code in (scoring.EXIT_OK, scoring.EXIT_FINDINGS, scoring.EXIT_USAGE), (r.code, r.err)
    assert "internal error" not in r.err and "Traceback" not in r.err, r.err
    if r.code == scoring.EXIT_USAGE:
        assert r.out == ""
        lines = r.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("mtqa: error: "), r.err
        assert any(name in lines[0] for name in names), (names, r.err)


def assert_report(report: dict, segments: list[dict]) -> None:
    """Every expected segment once, in order, with its id; every span exact."""
    got = report["segments"]
    assert [s["id"] for s in got] == [s["id"] for s in segments]
    assert [s["index"] for s in got] == list(range(len(segments)))
    for seg, expected in zip(got, segments):
        for f in seg["findings"]:
            if f["field"] == "ref":
                targets = expected.get("refs") or []
            else:
                targets = [expected.get(f["field"]) or ""]
            assert any(t[f["start"]:f["end"]] == f["text"] for t in targets), (f, expected)


def assert_rendered(fmt: str, r: Result) -> None:
    """The report in `fmt` is well-formed and shows input markup escaped."""
    out = r.out
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "jsonl":
        for line in out.split("\n"):  # not splitlines(): U+2028 may stand raw inside a JSON string
            if line:
                json.loads(line)
    elif fmt == "junit":
        ElementTree.fromstring(out.encode("utf-8"))
    elif fmt == "github":
        assert all(line.startswith("::") for line in out.split("\n") if line), out
    if fmt in ("html", "markdown"):
        assert MARKUP not in out


def check_all_formats(args: list[str], segments: list[dict] | None, names: list[str],
                      fmt: str, stdin: bytes | None = None) -> int:
    """Run in JSON (the report checked against `segments`, when known) and in `fmt`; the
    exit status."""
    r = run_mtqa([*args, "--format", "json"], stdin)
    assert_sane(r, names)
    if r.code != scoring.EXIT_USAGE:
        report = json.loads(r.out)
        if segments is not None:
            assert_report(report, segments)
        r2 = run_mtqa([*args, "--format", fmt], stdin)
        assert r2.code == r.code, (r2.code, r2.err)
        assert_rendered(fmt, r2)
    return r.code


# ----------------------------------------------------------------------------- writers

def _records(draw, drop: str, min_size: int = 1) -> list[dict]:
    n = draw(st.integers(min_size, 4))
    out = []
    for i in range(n):
        rid = _clean(draw(text), drop) if draw(st.integers(0, 3)) else draw(st.sampled_from(["dup", "7"]))
        out.append({"id": rid, "hyp": _clean(draw(text), drop), "src": _clean(draw(text), drop),
                    "refs": [_clean(draw(text), drop)] if draw(st.booleans()) else []})
    return out


def write_csv(draw, d: Path):
    recs = _records(draw, "\x00")
    for k, r in enumerate(recs):
        r["id"] = f"c{k}{r['id']}"  # never blank: a blank id falls back to a line number
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    w.writerow(["id", "hyp", "src", "ref"])
    for r in recs:
        w.writerow([r["id"], r["hyp"], r["src"], r["refs"][0] if r["refs"] else ""])
    for r in recs:
        r["refs"] = r["refs"] or [""]
    (d / "batch.csv").write_text(buf.getvalue(), encoding="utf-8", newline="")
    return [str(d / "batch.csv")], recs


def write_tsv(draw, d: Path):
    recs = _records(draw, "\t\n\r\x85\u2028")
    for k, r in enumerate(recs):
        r["id"] = f"t{k}{r['id']}"
        r["refs"] = r["refs"] or [""]
    lines = ["id\thyp\tsrc\tref"] + [f"{r['id']}\t{r['hyp']}\t{r['src']}\t{r['refs'][0]}" for r in recs]
    (d / "batch.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
    return [str(d / "batch.tsv")], recs


def write_lines(draw, d: Path):
    recs = _records(draw, "\n\r")
    if recs[0]["hyp"].startswith("\ufeff"):
        recs[0]["hyp"] = recs[0]["hyp"].lstrip("\ufeff")  # a byte-order mark at the start is skipped
    with_ref = draw(st.booleans())
    (d / "hyp.txt").write_text("".join(r["hyp"] + "\n" for r in recs), encoding="utf-8", newline="")
    (d / "src.txt").write_text("".join(r["src"] + "\n" for r in recs), encoding="utf-8", newline="")
    (d / "ref.txt").write_text("".join((r["refs"] or [""])[0] + "\n" for r in recs), encoding="utf-8", newline="")
    for k, r in enumerate(recs):
        r["id"] = str(k + 1)
        r["refs"] = [(r["refs"] or [""])[0]] if with_ref else []
    args = ["--hyp", str(d / "hyp.txt"), "--src", str(d / "src.txt")] + (["--ref", str(d / "ref.txt")] if with_ref else [])
    return args, recs


def _po_quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") \
        .replace("\r", "\\r") + '"'


def write_po(draw, d: Path):
    recs = _records(draw, _C0.replace("\n", "").replace("\t", ""))
    parts = ['msgid ""', 'msgstr ""', '"Language: en\\n"', '"X-Source-Language: fr\\n"', ""]
    for k, r in enumerate(recs):
        r["src"] = f"m{k} {r['src']}"  # the msgid: never empty (that is the header) and unique
        r["id"] = r["src"]
        parts += [f"msgid {_po_quote(r['src'])}", f"msgstr {_po_quote(r['hyp'])}", ""]
        r["refs"] = []
    (d / "batch.po").write_text("\n".join(parts), encoding="utf-8", newline="")
    return [str(d / "batch.po")], recs


def write_xliff(draw, d: Path):
    recs = _records(draw, _XML_BAD)
    units = []
    for r in recs:
        r["id"] = _clean(r["id"], "\t\n")  # attribute values have their whitespace normalised
        r["refs"] = []
        units.append(f'<trans-unit id={quoteattr(r["id"])}><source>{xml_escape(r["src"])}</source>'
                     f'<target>{xml_escape(r["hyp"])}</target></trans-unit>')
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
           '<file source-language="fr" target-language="en" datatype="plaintext" original="x"><body>\n'
           + "\n".join(units) + "\n</body></file></xliff>\n")
    (d / "batch.xlf").write_text(doc, encoding="utf-8", newline="")
    return [str(d / "batch.xlf")], recs


def write_tmx(draw, d: Path):
    recs = _records(draw, _XML_BAD)
    units = []
    for k, r in enumerate(recs):
        r["id"] = _clean(r["id"], "\t\n") or str(k + 1)
        r["refs"] = []
        units.append(f'<tu tuid={quoteattr(r["id"])}><tuv xml:lang="fr"><seg>{xml_escape(r["src"])}</seg></tuv>'
                     f'<tuv xml:lang="en"><seg>{xml_escape(r["hyp"])}</seg></tuv></tu>')
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="fr" datatype="plaintext" '
           'segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n'
           + "\n".join(units) + "\n</body></tmx>\n")
    (d / "batch.tmx").write_text(doc, encoding="utf-8", newline="")
    return [str(d / "batch.tmx")], recs


def write_doc(draw, d: Path):
    hyp = _clean(draw(text), "\r") + "\n" + _clean(draw(text), "\r")
    (d / "article.en.txt").write_text(hyp, encoding="utf-8", newline="")
    recs = [{"id": "article.en.txt", "hyp": hyp, "src": None, "refs": []}]
    return ["--doc", str(d / "article.en.txt")], (recs if hyp.strip() else None)


WRITERS = {"csv": write_csv, "tsv": write_tsv, "lines": write_lines, "po": write_po, "xliff": write_xliff,
           "tmx": write_tmx, "doc": write_doc}
LANGS = st.sampled_from([[], ["--tgt-lang", "en"], ["--src-lang", "fr", "--tgt-lang", "en"], ["--tgt-lang", "ar"]])
OUTPUT = st.sampled_from([f for f in FORMATS if f != "json"])

# ----------------------------------------------------------------------------- the properties


@PROFILE
@given(records=st.lists(json_record(), min_size=0, max_size=5), fmt=OUTPUT, langs=LANGS,
       blank_lines=st.booleans(), via_stdin=st.booleans())
def test_jsonl_records(records, fmt, langs, blank_lines, via_stdin):
    lines = [_json_line(r) for r in records]
    body = ("\n\n".join(lines) if blank_lines else "\n".join(lines)) + ("\n" if lines else "")
    line_of = [(k * 2 if blank_lines else k) + 1 for k in range(len(records))]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "batch.jsonl"
        path.write_text(body, encoding="utf-8")
        name = "<stdin>" if via_stdin else str(path)
        args = ["check", "-" if via_stdin else str(path), "--fail-on", "major", *langs]
        stdin = body.encode("utf-8") if via_stdin else None
        bad = [k for k, r in enumerate(records) if json_record_error(r)]
        if not records or bad:
            r = run_mtqa([*args, "--format", "json"], stdin)
            assert_sane(r, [name])
            assert r.code == scoring.EXIT_USAGE, r.out[:300]
            if bad:
                assert f"{name}:{line_of[bad[0]]}: " in r.err, (r.err, bad)
            return
        expected = []
        for k, rec in enumerate(records):
            rid = rec.get("id", str(line_of[k]))
            ref = rec.get("ref")
            expected.append({"id": str(rid), "hyp": rec["hyp"], "src": rec.get("src"),
                             "refs": [] if ref is None else ([ref] if isinstance(ref, str) else ref)})
        check_all_formats(args, expected, [name], fmt, stdin)


@PROFILE
@given(data=st.data(), kind=st.sampled_from(sorted(WRITERS)), fmt=OUTPUT, langs=LANGS)
def test_every_input_format(data, kind, fmt, langs):
    with tempfile.TemporaryDirectory() as d:
        inputs, segments = WRITERS[kind](data.draw, Path(d))
        args = ["check", *inputs, "--fail-on", "minor", *langs]
        if kind == "doc" and segments is None:  # a blank article: refused, like an empty batch
            r = run_mtqa(args)
            assert r.code == scoring.EXIT_USAGE and "is empty" in r.err
            return
        code = check_all_formats(args, segments, [d], fmt)
        assert code != scoring.EXIT_USAGE  # these files are all well-formed


HEADS = [b"", b"{", b'{"id": 1, "hyp": "', b"id,hyp\n", b"hyp\tsrc\n", b'msgid "', b"<?xml version='1.0'?><xliff ",
         b"<tmx><body><tu>", b"\xef\xbb\xbf", b"\xff\xfe"]


@PROFILE
@given(head=st.sampled_from(HEADS), tail=st.binary(max_size=200), ext=st.sampled_from(
    [".jsonl", ".csv", ".tsv", ".po", ".xlf", ".tmx", ".txt", ""]), doc=st.booleans(), fmt=OUTPUT,
    limit=st.sampled_from([[], ["--max-line-bytes", "40"]]))
def test_arbitrary_bytes(head, tail, ext, doc, fmt, limit):
    """Any bytes in any file: a report or a one-line refusal naming the file."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"input{ext}"
        path.write_bytes(head + tail)
        args = ["check", *(["--doc"] if doc else []), str(path), "--tgt-lang", "en", *limit]
        check_all_formats(args, None, [str(path)], fmt)


@PROFILE
@given(config=st.sampled_from([
    "select = " + "[" * 5000 + "]" * 5000, "min-chrf = " + "9" * 5000, "fail-on = 3", "[project]\nglossary = 1",
    "select = ['QT']\n" + "x" * 10, "tgt-lang = '\\ud800'", "ignore = ['\\u0000']", "fail-on = 'minor'"]),
    baseline=st.sampled_from([
        "", "{}", "[]", '{"schema": "mtqa-baseline/1", "findings": ' + "[" * 5000 + "]" * 5000 + "}",
        '{"schema": "mtqa-baseline/1", "findings": [{"segment": "\\ud800", "rule": "x", "field": "hyp", "text": "t"}]}',
        '{"schema": "mtqa-baseline/1", "findings": [{"segment": "1", "rule": "QT001", "field": "hyp", "text": "t", '
        '"count": ' + "9" * 200 + "}]}",
        '{"schema": "mtqa-baseline/1", "findings": []}']))
def test_config_and_baseline_files(config, baseline):
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "b.jsonl").write_text('{"id": "1", "hyp": "The minister spoke in Paris."}\n', encoding="utf-8")
        (Path(d) / "mtqa.toml").write_text(config + "\n", encoding="utf-8")
        (Path(d) / "base.json").write_text(baseline, encoding="utf-8")
        args = ["check", str(Path(d) / "b.jsonl"), "--config", str(Path(d) / "mtqa.toml"),
                "--baseline", str(Path(d) / "base.json")]
        r = run_mtqa([*args, "--format", "json"])
        assert_sane(r, ["mtqa.toml", "base.json"])
