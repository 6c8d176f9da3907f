"""The review page's markup, without a browser: one `.finding` per finding however spans overlap,
footnotes that never run together, sentence rows that hold every character once, the "fix first"
list, rule docs without raw Markdown. The page's fixes: tests/test_fix_review.py."""
from __future__ import annotations

import collections
import io
import re
from html.parser import HTMLParser

from mtqa.model import Confidence, Finding, Segment, SegmentResult, Severity
from mtqa.report import Report, RunInfo
from mtqa.reporters.html import render
from mtqa.reporters.html.highlight import highlight
from mtqa.reporters.html.markup import inline


def F(rule, a, b, text, sev=Severity.MINOR, fix=None, field="hyp", conf=Confidence.HIGH, suggestion=None):
    return Finding(rule, "name", sev, "fluency/punctuation", "msg", field, a, b, text[a:b], suggestion,
                   conf, (), fix)


class Marks(HTMLParser):
    """The `.finding` elements, the text inside each, and the whole visible text."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str | None, bool]] = []  # (finding id, counts as a tag to track)
        self.inside: dict[str, str] = collections.defaultdict(str)
        self.ids: list[str] = []
        self.text = ""
        self.sup = 0
        self.spans: list[bool] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark":
            fid = a["id"] if "finding" in a.get("class", "").split() else None
            if fid:
                self.ids.append(fid)
            self.open.append(fid)
        if tag == "sup":  # footnote numbers: not part of the text
            self.sup += 1
        if tag == "span":  # the caret of an insertion point is not text either
            self.spans.append(bool(a.get("aria-hidden")))
            self.sup += self.spans[-1]

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()
        if tag == "sup":
            self.sup -= 1
        if tag == "span":
            self.sup -= self.spans.pop()

    def handle_data(self, data):
        if self.sup:
            return
        self.text += data
        for fid in self.open:
            if fid:
                self.inside[fid] += data


def parse(markup: str) -> Marks:
    p = Marks()
    p.feed(markup)
    return p


def test_nested_and_crossing_spans_give_one_element_each():
    text = "by admin today, at noon"
    items = [(1, F("SP001", 0, 8, text)), (2, F("BP002", 3, 8, text, Severity.MAJOR)),
             (3, F("QT001", 6, 14, text)), (4, F("SP003", 3, 3, text)), (5, F("CA001", 3, 8, text))]
    out = highlight(text, 0, len(text), items, 0)
    p = parse(out)
    assert sorted(p.ids) == [f"f-0-{n}" for n in range(1, 6)], "one .finding per finding"
    assert p.text == text, "the text itself is unchanged, in order"
    assert p.inside["f-0-1"] == "by admin" and p.inside["f-0-2"] == "admin" == p.inside["f-0-5"]
    # QT001 crosses SP001's end: its element stops there and a .cont element carries on
    assert p.inside["f-0-3"] == "in" and 'class="cont' in out and 'data-of="f-0-3"' in out
    assert out.count("<mark") == out.count("</mark>")


def test_footnotes_of_a_shared_span_do_not_run_together():
    text = "by admin"
    out = highlight(text, 0, len(text), [(4, F("BP002", 3, 8, text)), (5, F("CA001", 3, 8, text))], 2)
    sups = re.findall(r'<sup class="fns">(.*?)</sup>', out)
    assert len(sups) == 1, "both numbers in one place"
    assert re.findall(r">(\d+)</a>", sups[0]) == ["4", "5"]
    assert '<span class="sep">,</span>' in sups[0], "a separator between them (admin⁴,⁵, not ⁴⁵)"
    assert 'href="#l-2-4"' in sups[0] and 'href="#l-2-5"' in sups[0]


def test_code_spans_become_code_and_are_escaped():
    assert inline("a `<b>` and `x`") == "a <code>&lt;b&gt;</code> and <code>x</code>"


def _page(results, mode="document") -> str:
    info = RunInfo("0.0", mode, {"hyp": "a.txt"}, {}, "major", ())
    out = io.StringIO()
    render(Report(info, iter(results)), out)
    return out.getvalue()


def _result(seg, findings):
    return SegmentResult(seg, tuple(findings), 0.0, len(seg.hyp.split()))


def test_page_counts_and_links(tmp_path):
    hyp = "Home News\n\nIt ended.The end came . By admin"
    ref = "It ended. The end came.\n"
    seg = Segment("doc", 0, hyp, refs=(ref,), is_document=True)
    fs = [F("BP001", 0, 9, hyp, Severity.MAJOR, fix=""), F("SP001", 14, 23, hyp, fix="ended. The"),
          F("SP002", 32, 34, hyp, fix="."), F("BP002", 35, 43, hyp, Severity.CRITICAL),
          F("RF001", 0, 2, ref, Severity.MAJOR, field="ref")]
    page = _page([_result(seg, fs)])
    ids = re.findall(r'<mark class="finding [^"]*" id="(f-0-\d+)"', page)
    assert sorted(ids) == [f"f-0-{n}" for n in range(1, 6)]
    for n in range(1, 6):  # list number -> highlight, footnote -> list entry
        assert f'<a class="num" href="#f-0-{n}">{n}</a>' in page and f'id="l-0-{n}"' in page
        assert f'href="#l-0-{n}"' in page
    fix_first = page[page.index('id="fix-first"'):page.index("</section>", page.index('id="fix-first"'))]
    assert re.findall(r'href="#(f-0-\d)"', fix_first) == ["f-0-4", "f-0-1", "f-0-5"], "critical, then major"
    assert "f-0-2" not in fix_first, "minor findings are not in the fix-first list"
    assert "penalty " in page and "score " not in page.split("<script")[0]


def test_rows_hold_every_character_once():
    hyp = "One here. Two there.\n\nThree is here."
    ref = "One here. Two there.\n\nThree is here."
    seg = Segment("doc", 0, hyp, refs=(ref,), is_document=True)
    page = _page([_result(seg, [F("SP001", 5, 13, hyp)])])  # spans the first two sentences
    rows = re.findall(r'<div class="cell hyp"[^>]*><span class="lbl">translation</span>(.*?)</div>', page, re.S)
    assert len(rows) >= 2, "a row per aligned sentence"
    joined = "".join(re.sub(r"<sup.*?</sup>|<[^>]+>", "", r) for r in rows)
    import html
    assert html.unescape(joined) == hyp
    assert sum("f-0-1" in r for r in rows) == 1, "the span straddling a sentence cut stays in one row"


def test_source_and_reference_beside_the_translation(cli, tmp_path):
    (tmp_path / "a.fr.txt").write_text(
        "Accueil Actualités\n\nLa Maison Blanche affirme que la Russie produira des drones iraniens. Le site "
        "sera opérationnel l'an prochain.\n\nSelon John Kirby, 300 drones ont été livrés.\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text(
        "Home News\n\nThe White House says that Russia will produce Iranian drones.The site will be "
        "operational next year .\n\nAccording to John Kirby, 300 drones were delivered.\n", encoding="utf-8")
    (tmp_path / "a.ref.txt").write_text(
        "The White House says Russia will produce Iranian drones. The site will be operational next "
        "year.\n\nAccording to John Kirby, 300 drones have been delivered.\n", encoding="utf-8")
    args = ["check", "--isolated", "--doc", "--hyp", tmp_path / "a.en.txt", "--src", tmp_path / "a.fr.txt",
            "--ref", tmp_path / "a.ref.txt", "--src-lang", "fr"]
    report = cli(*args, "--format", "json").json
    page = cli(*args, "--format", "html").out
    assert page.count('<mark class="finding ') == report["summary"]["findings"] > 0
    rows = re.findall(r'<div class="row" id="row-0-\d+">(.*?)</div></div>(?=<div class="row"|</div>)', page, re.S)
    assert len(rows) == 3, "Home News, the headline's paragraph, the last sentence"
    cells = [re.findall(r'<div class="cell (hyp|src side|ref side)"[^>]*><span class="lbl">\w+</span>(.*?)</div>',
                        r + "</div>", re.S) for r in rows]
    plain = [{k.split()[0]: re.sub(r"<sup.*?</sup>|<[^>]+>", "", v).strip() for k, v in row} for row in cells]
    assert plain[0]["hyp"] == "Home News" and plain[0]["ref"] == "", "no counterpart: an empty cell"
    assert plain[2] == {"hyp": "According to John Kirby, 300 drones were delivered.",
                        "src": "Selon John Kirby, 300 drones ont été livrés.",
                        "ref": "According to John Kirby, 300 drones have been delivered."}
