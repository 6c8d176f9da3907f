"""Real-text cases from corpora/cases/*.jsonl: whole wire-like articles and known misses.

Each line: {"id", "hyp", "doc"?, "expected": [[code, text], ...], "quiet"?: [codes or "ALL"],
"xfail"?: reason}. Every expected finding must be produced; with "quiet", no finding of those
rules may appear beyond the expected ones. Known misses are strict xfails, so a fix is noticed.
"""
import json
from pathlib import Path

import pytest

from mtqa import check, check_document

CASES_DIR = Path(__file__).resolve().parents[2] / "corpora" / "cases"


def _cases() -> list:
    out = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
                out.append(pytest.param(case, id=f"{path.stem}:{case.get('id', n)}", marks=marks))
    return out


@pytest.mark.parametrize("case", _cases())
def test_real_text_case(case):
    fn = check_document if case.get("doc") else check
    result = fn(case["hyp"], tgt_lang="en")
    got = [(f.rule, f.text) for f in result.findings]
    for code, text in case["expected"]:
        assert (code, text) in got, f"expected {(code, text)} in {got}"
    quiet = case.get("quiet", [])
    expected = {tuple(e) for e in case["expected"]}
    extra = [g for g in got if g not in expected and ("ALL" in quiet or g[0] in quiet)]
    assert not extra, f"unexpected findings {extra}"
