"""Every output format: valid in its own terms, the same findings for the same run, escaped,
and streamed where the format allows (json, jsonl, github, sarif)."""
from __future__ import annotations

import collections
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from mtqa import rules
from mtqa.context import Context
from mtqa.engine import run
from mtqa.model import Segment
from mtqa.report import Report, RunInfo
from mtqa.reporters import RENDERERS
from tests.conftest import ROOT, SAMPLE_HYP, SAMPLE_REF

SARIF_STRUCTURE = ROOT / "tests" / "schemas" / "sarif-2.1.0-structure.schema.json"

RECORDS = [
    {"id": "a", "src": "Il est parti hier.", "hyp": "He left yesterday.", "ref": "He left yesterday."},
    {"id": "b", "src": "Le vote a eu lieu.", "hyp": "The vote took place  today.The end.",
     "ref": "The vote took place."},
    {"id": "c", "src": "Rien.", "hyp": ""},
    {"id": "d, 100%: <x>", "hyp": "It goes ” both <ways> & | “ he said.\nLine  two: 50%, ok."},
    {"id": "e", "src": "selon Le Monde", "hyp": "according to The World <script>alert(x)</script>"},
]
CONFIG = '[tool.mtqa]\nfail-on = "critical"\n[tool.mtqa.project]\ndo-not-translate = ["Le Monde"]\n'


@pytest.fixture
def batch(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    return path


def render(cli, *args) -> str:
    r = cli("check", *args, "--tgt-lang", "en", "--src-lang", "fr")
    assert r.code in (0, 1), r.err
    return r.out


# ----------------------------------------------------------------------------- extraction per format

def from_json(text):
    return [(s["id"], f["rule"], f["field"], f["start"], f["end"]) for s in json.loads(text)["segments"]
            for f in s["findings"]]


def from_jsonl(text):
    lines = [json.loads(line) for line in text.splitlines()]
    return [(s["id"], f["rule"], f["field"], f["start"], f["end"]) for s in lines[:-1] for f in s["findings"]]


def from_sarif(text):
    results = json.loads(text)["runs"][0]["results"]
    return [(r["properties"]["segment"], r["ruleId"], r["properties"]["field"], r["properties"]["start"],
             r["properties"]["end"]) for r in results]


_JUNIT_LINE = re.compile(r"([A-Z]{2}\d{3}) \S+ \((?:minor|major|critical), [^)]*\) (hyp|src|ref)\[(\d+):(\d+)\]")


def from_junit(text):
    out = []
    for case in ET.fromstring(text).iter("testcase"):
        if case.get("classname") == "mtqa.metric-gates":
            continue
        body = "".join((el.text or "") for el in case if el.tag in ("failure", "system-out"))
        out += [(case.get("name"), m[0], m[1], int(m[2]), int(m[3])) for m in _JUNIT_LINE.findall(body)]
    return out


def _unescape(value: str) -> str:
    return value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


_GH = re.compile(r"^::(error|warning|notice)(?: (?P<props>[^:]*))?::(?P<message>.*)$")


def github_commands(text):
    out = []
    for line in text.splitlines():
        m = _GH.match(line)
        assert m, f"not a workflow command: {line!r}"
        props = dict(p.split("=", 1) for p in m["props"].split(",")) if m["props"] else {}
        out.append((m[1], {k: _unescape(v) for k, v in props.items()}, _unescape(m["message"])))
    return out


def from_github(text):
    out = []
    for _, props, message in github_commands(text):
        if re.match(r"[A-Z]{2}\d{3} ", props.get("title", "")):
            seg = re.match(r"\[segment (.*?)\] ", message)
            field = re.search(r" \(in the (src|ref)\)$", message)
            out.append((seg[1] if seg else None, props["title"][:5], field[1] if field else "hyp"))
    return out


def from_markdown(text):
    rows = re.findall(r"^\| (.+?) \| ([A-Z]{2}\d{3}) \| (?:minor|major|critical) \| ", text, re.M)
    import html
    return [(html.unescape(seg), code) for seg, code in rows]


class _Findings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found, self.tags = [], collections.Counter()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        a = dict(attrs)
        if tag == "li" and "data-rule" in a:
            self.found.append((a["data-segment"], a["data-rule"], a["data-field"], int(a["data-start"]),
                               int(a["data-end"])))


def from_html(text):
    p = _Findings()
    p.feed(text)
    return p.found


# ----------------------------------------------------------------------------- the same findings everywhere

def test_every_format_shows_the_same_findings(cli, batch, monkeypatch):
    monkeypatch.chdir(batch.parent)  # the pyproject.toml there adds a do-not-translate term
    truth = from_json(render(cli, batch, "--format", "json"))
    assert {t[1] for t in truth} >= {"SP001", "SP002", "OM001", "QT001", "PJ003"}, truth
    assert ("e", "PJ003", "src", 6, 14) in truth, "a finding in the source field is included"
    full = collections.Counter(truth)
    for fmt, extract in (("jsonl", from_jsonl), ("sarif", from_sarif), ("junit", from_junit), ("html", from_html)):
        assert collections.Counter(extract(render(cli, batch, "--format", fmt))) == full, fmt
    assert collections.Counter(from_github(render(cli, batch, "--format", "github"))) == \
        collections.Counter(t[:3] for t in truth)
    assert collections.Counter(from_markdown(render(cli, batch, "--format", "markdown"))) == \
        collections.Counter(t[:2] for t in truth)


def test_document_mode_positions_agree(cli):
    args = ("--doc", "--hyp", SAMPLE_HYP, "--ref", SAMPLE_REF, "--isolated")
    text = SAMPLE_HYP.read_text(encoding="utf-8")
    truth = from_json(render(cli, *args, "--format", "json"))
    sarif = json.loads(render(cli, *args, "--format", "sarif"))["runs"][0]["results"]
    github = [c for c in github_commands(render(cli, *args, "--format", "github")) if "line" in c[1]]
    assert len(sarif) == len(github) == len(truth) > 0
    texts = {"hyp": text, "ref": SAMPLE_REF.read_text(encoding="utf-8")}
    files = {"hyp": SAMPLE_HYP.name, "ref": SAMPLE_REF.name}
    for (_, _, field, start, end), res, (_, props, _) in zip(truth, sarif, github):
        text = texts[field]  # a finding in the reference points into the reference file
        lines = text.split("\n")
        region = res["locations"][0]["physicalLocation"]["region"]
        assert (region["charOffset"], region["charLength"]) == (start, end - start)
        assert text[start:end] == region["snippet"]["text"]
        # lines and columns (1-based) point at the same characters as the offsets
        assert lines[region["startLine"] - 1][region["startColumn"] - 1:region["endColumn"] - 1] == text[start:end]
        assert (int(props["line"]), int(props["col"]), int(props["endColumn"])) == \
            (region["startLine"], region["startColumn"], region["endColumn"] - 1)
        assert props["file"] == files[field] or props["file"].endswith(files[field])


def test_line_aligned_files_give_line_and_column(cli, tmp_path):
    (tmp_path / "h.txt").write_text("Fine.\nIt ended.The end.\n", encoding="utf-8")
    out = render(cli, "--hyp", tmp_path / "h.txt", "--format", "github", "--isolated")
    (_, props, _), *_ = github_commands(out)
    assert (props["line"], props["col"], props["endColumn"]) == ("2", "4", "12")  # “ended.The”: columns 4 to 12


# ----------------------------------------------------------------------------- each format valid

def test_sarif_is_valid_and_carries_rule_docs(cli, batch, monkeypatch):
    import jsonschema

    monkeypatch.chdir(batch.parent)
    log = json.loads(render(cli, batch, "--format", "sarif"))
    schema = json.loads(SARIF_STRUCTURE.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(log)
    run_ = log["runs"][0]
    assert log["version"] == "2.1.0" and run_["columnKind"] == "unicodeCodePoints"
    descriptors = run_["tool"]["driver"]["rules"]
    known = {r.code: r for r in rules.all_rules()}
    for d in descriptors:
        r = known[d["id"]]
        assert d["shortDescription"]["text"] == r.summary
        assert r.docs.why in d["help"]["text"] and "## Example" in d["help"]["markdown"]
    for res in run_["results"]:
        assert descriptors[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].endswith("batch.jsonl")
        assert loc["region"]["startLine"] >= 1  # the record's line
    by_rule = {r["ruleId"]: r for r in run_["results"]}
    assert by_rule["OM001"]["level"] == "error" and by_rule["SP001"]["level"] == "note"
    assert run_["invocations"][0]["exitCode"] == 1


def test_junit_is_valid_xml_with_a_case_per_segment(cli, batch, monkeypatch):
    monkeypatch.chdir(batch.parent)
    root = ET.fromstring(render(cli, batch, "--format", "junit"))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [r["id"] for r in RECORDS]
    assert int(suite.get("tests")) == len(cases)
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failed == ["c"], "only the critical finding reaches --fail-on critical (from the config)"
    assert int(suite.get("failures")) == 1 == int(root.get("failures"))
    assert "OM001" in cases[2].find("failure").get("message")
    assert "SP001" in cases[1].find("system-out").text, "findings below the gate are still listed"


def test_junit_metric_gate_is_a_test_case(cli, batch):
    root = ET.fromstring(render(cli, batch, "--format", "junit", "--isolated", "--min-chrf", "99.5"))
    (gate,) = [c for c in root.iter("testcase") if c.get("classname") == "mtqa.metric-gates"]
    assert gate.get("name") == "chrf >= 99.5" and gate.find("failure") is not None


def test_github_commands_are_escaped(cli, batch, monkeypatch):
    monkeypatch.chdir(batch.parent)
    out = render(cli, batch, "--format", "github")
    commands = github_commands(out)
    assert len(out.splitlines()) == len(commands), "one command a line: newlines are escaped"
    assert "[segment d, 100%25: <x>]" in out, "% is escaped in the message"
    assert any(c[2].startswith("[segment d, 100%: <x>]") for c in commands), "and decodes back"
    levels = {c[1].get("title", "")[:5]: c[0] for c in commands}
    assert levels["OM001"] == "error" and levels["SP001"] == "notice"
    assert commands[-1][0] == "notice" and commands[-1][2].startswith("FAIL")


def test_markdown_summary(cli, batch, monkeypatch):
    monkeypatch.chdir(batch.parent)
    md = render(cli, batch, "--format", "markdown", "--metrics", "chrf")
    assert md.startswith("## mtqa: ❌ FAIL")
    assert "### Findings by rule" in md and "| OM001 | empty-translation | critical | 1 |" in md
    assert "&lt;ways&gt; &amp; &#124;" in md, "cell text is escaped, pipes too"
    assert "<script>" not in md and "### Reference metrics" in md


def test_markdown_keeps_the_worst_findings():
    segs = [Segment(str(i), i, "It ended.The end.") for i in range(30)] + [Segment("x", 30, "")]
    out = io.StringIO()
    RENDERERS["markdown"](_report(segs), out, top=5)
    text = out.getvalue()
    assert "Top 5 findings" in text and "…and 26 more" in text
    top = text[text.index("Top 5 findings"):]
    assert top.index("| OM001 |") < top.index("| SP001 |"), "worst first"


def test_html_is_self_contained_and_escaped(cli, batch, monkeypatch):
    monkeypatch.chdir(batch.parent)
    page = render(cli, batch, "--format", "html")
    parser = _Findings()
    parser.feed(page)
    assert "&lt;script&gt;alert(x)&lt;/script&gt;" in page, "segment text is escaped"
    assert parser.tags["script"] == 2, "the inline script and its JSON data, nothing else"
    assert parser.tags["link"] == 0 and " src=" not in page, "no external resources"
    assert not re.search(r"(?:href|src|action)=\"(?!#)", page) and "url(" not in page, "every link is in the page"
    assert page.count('<mark class="finding ') == len(parser.found), "one highlight per finding"
    known = {r.code: r for r in rules.all_rules()}
    for code in {f[1] for f in parser.found}:
        assert f'id="rule-{code}"' in page
        why = known[code].docs.why
        assert "`" not in re.sub(r"<[^>]+>", "", page[page.index(f'id="rule-{code}"'):].split("</details>")[0]), \
            "rule docs: backticks become <code>, no raw Markdown"
        first_words = why.split("`")[0].split("\n")[0][:30]
        assert first_words.replace("'", "&#x27;").replace('"', "&quot;") in page


def test_jsonl_lines_reassemble_the_json_report(cli, batch, report_validator, monkeypatch):
    monkeypatch.chdir(batch.parent)
    lines = [json.loads(line) for line in render(cli, batch, "--format", "jsonl").splitlines()]
    *segments, last = lines
    assert set(last) == {"schema", "tool", "run", "summary"} and all("summary" not in s for s in segments)
    report = {**last, "segments": segments}
    report_validator.validate(report)
    assert report == json.loads(render(cli, batch, "--format", "json"))


def test_statistics(cli, batch, monkeypatch):
    monkeypatch.chdir(batch.parent)
    r = cli("check", batch, "--statistics", "--tgt-lang", "en")
    assert r.code == 1
    assert re.search(r"^1  OM001  empty-translation +critical$", r.out, re.M)
    assert r.out.rstrip().splitlines()[-1].startswith("Found ")
    rows = json.loads(cli("check", batch, "--statistics", "--format", "json", "--tgt-lang", "en").out)
    assert {"code": "OM001", "name": "empty-translation", "severity": "critical", "count": 1} in rows


# ----------------------------------------------------------------------------- streaming

def _report(segments, fail_on="major"):
    selected = rules.select()
    info = RunInfo(version="t", mode="segments", inputs={"records": "b.jsonl"},
                   languages={"src": None, "tgt": "en", "detected": {}}, fail_on=fail_on,
                   rules=tuple(r.code for r in selected))
    return Report(info, run(segments, selected, Context(tgt_lang="en")))


@pytest.mark.parametrize("fmt", ["json", "jsonl", "github", "sarif"])
def test_streaming_formats_write_as_they_go(fmt):
    """Segment k is requested only after segment k-1 is already written: nothing is held back."""
    out = io.StringIO()
    n = 300

    def segments():
        for i in range(n):
            if i:
                assert f"seg{i - 1}-" in out.getvalue(), f"{fmt}: segment {i - 1} not yet written"
            yield Segment(f"seg{i}-", i, f"It ended.The end {i}.", file="b.jsonl", line=i + 1)

    RENDERERS[fmt](_report(segments()), out)
    assert f"seg{n - 1}-" in out.getvalue()
