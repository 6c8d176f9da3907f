"""The terminal report: the "fix first" block, stacked carets for overlapping findings, carets
under the right paragraph of a multi-paragraph record, colours readable on dark and light
terminals, confidence shown; and `mtqa rules` at any width without a split word."""
from __future__ import annotations

import json
import re

import pytest

from mtqa.model import Finding, Severity
from mtqa.reporters.terminal_layout import MARK_STYLE, SPAN_STYLE, Numbered, render_block

SGR_RE = re.compile(r"\x1b\[([0-9;]*)m")


def finding(start, end, n, severity=Severity.MINOR, rule="SP002"):
    return Numbered(n, Finding(rule=rule, name="x", severity=severity, category="fluency/punctuation",
                               message="m", field="hyp", start=start, end=end, text=""))


def plain(lines) -> list[str]:
    return [t.plain.rstrip() for t in lines]


def test_fix_first_names_the_critical_finding_with_its_line_before_the_article(cli):
    out = cli("check", "--isolated", "--no-color", "--width", "80").out
    head, body = out.split("Home News", 1)
    block = head[head.index("Fix first"):]
    lines = [line for line in block.splitlines()[1:] if re.match(r"\s+\d+ [A-Z]{2}\d{3} ", line)]
    assert lines[0].split()[1:4] == ["RF001", "critical", "line"]
    assert all(("major" in line or "critical" in line) for line in lines)
    assert "minor" not in block.split("─")[0]
    # The number in the block is the number of the finding in the article below.
    n = lines[0].split()[0]
    assert re.search(rf"\n\s+{n} RF001 critical", body)


def test_no_fix_first_block_without_serious_findings(cli, tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a", "hyp": "The  vote took place."}\n', encoding="utf-8")
    assert "Fix first" not in cli("check", path, "--no-color").out


def test_overlapping_findings_keep_their_carets_stacked():
    text = "The drone factory opened."
    items = [finding(4, 24, 1, Severity.MAJOR, "OM001"), finding(4, 9, 2), finding(18, 24, 3)]
    lines = plain(render_block(text, 0, len(text), items, 80))
    carets = [line for line in lines[1:] if "^" in line]
    assert len(carets) == 2, lines
    assert carets[0] == "      ^^^^^^^^^^^^^^^^^^^^ 1"
    assert carets[1] == "      ^^^^^ 2" + " " * 7 + "^^^^^^ 3"


def test_carets_land_under_the_right_paragraph_of_a_record(cli, tmp_path):
    path = tmp_path / "r.jsonl"
    record = {"id": "a", "hyp": "First paragraph is fine.\n\nSecond one has  two spaces."}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = cli("check", path, "--no-color", "--width", "80", "--tgt-lang", "en").out.splitlines()
    k = next(i for i, line in enumerate(out) if "Second one has" in line)
    assert out[k].strip() == "Second one has  two spaces."
    caret = out[k + 1]
    assert "^" in caret and caret.index("^") == out[k].index("  two")
    assert not any("^" in line for line in out[k - 3:k])


def test_colours_read_on_dark_and_light_backgrounds():
    # Yellow and cyan text vanish on white; bright-on-bright pairs glare on both.
    for style in (*MARK_STYLE.values(), *SPAN_STYLE.values()):
        assert "bright" not in style and "cyan" not in style
        fg = style.split(" on ")[0]
        assert "yellow" not in fg
    assert SPAN_STYLE[Severity.MINOR] == "underline"


def test_coloured_output_never_puts_bright_cyan_on_yellow(cli, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    text = cli("check", "--isolated", "--width", "100").out
    codes = [set(m.split(";")) for m in SGR_RE.findall(text)]
    assert len(codes) > 20, "coloured output expected"
    # No cyan or yellow text (unreadable on a white background), no bright text on yellow.
    assert not any(c & {"36", "96", "33", "93"} for c in codes)
    assert not any(c & {"43", "103"} and c & {"91", "92", "93", "94", "95", "96", "97"} for c in codes)
    # Highlights are there: black on yellow for major, white on red for critical, underline for minor.
    assert any("30" in c and c & {"43", "103"} for c in codes) and any({"37", "41"} <= c for c in codes)
    assert any("4" in c for c in codes)


def test_each_finding_shows_its_confidence(cli):
    out = cli("check", "--isolated", "--no-color", "--width", "100").out
    assert re.search(r"\n\s+\d+ SP001 minor\s+high\s+no space after", out)


@pytest.mark.parametrize("args, width", [((), 80), (("--width", "120"), 120), (("--width", "80"), 80)])
def test_rules_never_splits_a_word(cli, args, width):
    r = cli("rules", *args)
    assert r.code == 0
    lines = r.out.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "punctu\n" not in r.out and not any(line.strip() == "ation" for line in lines)
    words = set(re.findall(r"[a-z][a-z-]+", r.out))
    from mtqa import rules as rules_mod

    for rule in rules_mod.all_rules():
        assert rule.name in words
        for part in rule.category.split("/"):
            assert part in words
    if width >= 120:
        assert "fluency/punctuation" in r.out


def test_rules_refuses_a_silly_width(cli):
    r = cli("rules", "--width", "10")
    assert r.code == 2 and "at least 40" in r.err
