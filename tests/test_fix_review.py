"""The review page's fixes (mtqa/fix/review.py): the page carries only the edits `mtqa fix` makes,
"Apply safe fixes" with no decision is `mtqa fix`'s output, and the editor's decisions adjust the
first pass (dismissed fixes stay out, accepted suggestions go in, overlaps are skipped)."""
from __future__ import annotations

import io
import json

from mtqa import rules as rules_mod
from mtqa.context import Context
from mtqa.engine import check_segment
from mtqa.fix.engine import FixResult, fix_segment
from mtqa.fix.review import chosen, decide, page_fixes
from mtqa.model import Confidence, Finding, Segment, SegmentResult, Severity
from mtqa.report import Report, RunInfo
from mtqa.reporters.html import page_data, render

CTX = Context(tgt_lang="en")
RULES = tuple(rules_mod.select())


def F(rule, text, a, b, fix=None, suggestion=None, conf=Confidence.HIGH, field="hyp"):
    return Finding(rule, "name", Severity.MINOR, "fluency/punctuation", "msg", field, a, b, text[a:b],
                   suggestion, conf, (), fix)


TEXT = "Home News\n\nIt ended.The talks resume  on Monday .\nBy admin"
AT = TEXT.index
FINDINGS = (
    F("BP001", TEXT, 0, 9, fix=""),                                          # 1: a whole line
    F("SP001", TEXT, AT("ended.The"), AT("ended.The") + 9, fix="ended. The"),  # 2
    F("SP004", TEXT, AT("  on"), AT("  on") + 2, fix=" "),                   # 3
    F("SP002", TEXT, AT(" ."), AT(" .") + 2, fix="."),                       # 4
    F("CA001", TEXT, AT("The talks"), AT("The talks") + 3, fix="the"),       # 5: inside 2
    F("BP002", TEXT, AT("By admin"), len(TEXT), suggestion=""),              # 6: no fix
    F("NU001", TEXT, AT("Monday"), AT("Monday") + 6, fix="Tuesday"),         # 7: changes a word
    F("SP003", TEXT, AT("resume"), AT("resume") + 6, fix="resume ", conf=Confidence.MEDIUM),  # 8
)


def result(text=TEXT, findings=FINDINGS) -> SegmentResult:
    return SegmentResult(Segment("wire", 0, text, is_document=True), tuple(findings), 0.0, 10)


def test_only_the_fixes_mtqa_fix_applies_are_carried():
    px = page_fixes(result())
    assert px.first_pass == {0, 1, 2, 3}, "the overlapping, the unsafe and the medium-confidence are out"
    assert px.edits[0].start == 0 and TEXT[px.edits[0].end:].startswith("It"), \
        "a deleted line goes with its line break, as mtqa fix deletes it"
    assert px.accepts[5] is not None and px.accepts[6] is None, "a suggestion can be accepted; a bare fix not"
    data = page_data([result()], "0", "document", [px])["segments"][0]
    assert [f["fix"] for f in data["findings"]] == ["", "ended. The", " ", ".", None, None, None, None]
    assert data["fixed"] == "It ended. The talks resume on Monday.\nBy admin"


def test_no_decision_gives_mtqa_fix_output_even_after_several_passes():
    # a fixer whose later pass went further than the first: the page must not second-guess it
    later = FixResult("It ended. The talks resume on Monday.\n", (), rounds=2)
    px = page_fixes(result(), later)
    assert decide(TEXT, px) == later.text
    assert decide(TEXT, px, dismissed={5, 6}) == later.text, "dismissing what has no fix changes nothing"
    assert decide(TEXT, px, accepted={1, 4}) == later.text, "accepting a safe fix, or a bare fix, neither"


def test_decisions_adjust_the_first_pass():
    px = page_fixes(result())
    assert decide(TEXT, px, dismissed={2}) == "It ended. The talks resume  on Monday.\nBy admin"
    assert decide(TEXT, px, accepted={5}, dismissed={2}) == "It ended. The talks resume  on Monday."
    # an accepted suggestion overlapping a fix already taken is skipped, like overlapping fixes
    inside = F("XX001", TEXT, AT("ended"), AT("ended") + 3, suggestion="END")
    px = page_fixes(result(findings=(*FINDINGS, inside)))
    assert [e.rule for e in chosen(px, accepted={8})] == ["BP001", "SP001", "SP004", "SP002"]
    assert decide(TEXT, px, accepted={8}, dismissed={1}) == "It ENDed.The talks resume on Monday.\nBy admin"


def test_an_insertion_point_and_code_points():
    text = "🚀 ab"
    px = page_fixes(result(text, (F("SP001", text, 3, 3, fix="-"),)))
    assert decide(text, px) == "🚀 a-b"


def test_the_page_of_a_check_run_embeds_mtqa_fix_output(cli, tmp_path):
    """Through the command: the page's `fixed` is what `mtqa fix` prints, byte for byte."""
    article = tmp_path / "wire.en.txt"
    article.write_text("Home News\n\nThe minister said it ended.The talks resume  on Monday .\n\n"
                       "Posted by admin\n\nPrices rose 3% in 2023.\n", encoding="utf-8")
    page = cli("check", "--isolated", "--doc", article, "--format", "html").out
    data = json.loads(page.split('id="mtqa-data">')[1].split("</script>")[0])
    fixed = cli("fix", "--isolated", "--doc", article).out
    assert data["segments"][0]["fixed"] == fixed != article.read_text(encoding="utf-8")
    seg = Segment("wire", 0, article.read_text(encoding="utf-8"), tgt_lang="en", is_document=True)
    assert fix_segment(seg, RULES, CTX).text == fixed
    found = check_segment(seg, RULES, CTX).findings
    unsafe = [f for f in found if f.fix is not None and f.confidence < Confidence.HIGH]
    carried = {(f["rule"], f["start"]) for f in data["segments"][0]["findings"] if f["fix"] is not None}
    assert not {(f.rule, f.start) for f in unsafe} & carried


def test_a_page_rendered_without_rules_uses_the_first_pass():
    out = io.StringIO()
    render(Report(RunInfo("0", "document", {"hyp": "a"}, {}, "major", ()), iter([result()])), out)
    assert out.getvalue().count('class="safe"') == 4, "'safe fix' only on what mtqa fix applies"
