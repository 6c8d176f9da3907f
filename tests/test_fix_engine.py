"""The fix engine (mtqa/fix/engine.py): what it applies, what it refuses, and its guarantees on
the sample article (changes only inside fixable spans, idempotent, nothing fixable left, no
number or negation touched, closer to the human post-edit in chrF)."""
from __future__ import annotations

import dataclasses
import difflib
import re

import pytest
import sacrebleu

from mtqa import rules as rules_mod
from mtqa.context import Context
from mtqa.engine import check_segment
from mtqa.fix.engine import apply_edits, fix_segment, fixable, is_safe, plan
from mtqa.model import Confidence, Finding, Segment, Severity
from tests.conftest import ROOT

SAMPLES = ROOT / "mtqa" / "data" / "samples"
CTX = Context(tgt_lang="en")
RULES = tuple(rules_mod.select())


def seg(text: str) -> Segment:
    return Segment(id="t", index=0, hyp=text, tgt_lang="en", is_document=True)


def fixed(text: str) -> str:
    return fix_segment(seg(text), RULES, CTX).text


def finding(text: str, start: int, end: int, fix: str | None, *, rule="SP002",
            confidence=Confidence.HIGH, field="hyp") -> Finding:
    return Finding(rule=rule, name="x", severity=Severity.MINOR, category="fluency/punctuation",
                   message="m", field=field, start=start, end=end, text=text[start:end], fix=fix,
                   confidence=confidence)


@pytest.fixture(scope="module")
def sample():
    hyp = (SAMPLES / "drones-alabuga.en.txt").read_text(encoding="utf-8")
    ref = (SAMPLES / "drones-alabuga.ref.en.txt").read_text(encoding="utf-8")
    return hyp, ref, fix_segment(seg(hyp), RULES, CTX)


# ----------------------------------------------------------------------------- single fixes

@pytest.mark.parametrize("before, after", [
    ("It will open next year.The spokesman said so.", "It will open next year. The spokesman said so."),
    ("the  drone factory was built.", "the drone factory was built."),
    ("Why now ? He did not say.", "Why now? He did not say."),
    ("after eating contaminated pet food .", "after eating contaminated pet food."),
    ("I do n't know.", "I don't know."),
    ("He was “ ready to do more ” to help.", "He was “ready to do more” to help."),
    ("contributing to it ” not on purpose “.", "contributing to it “not on purpose”."),
    ("He ate the the food.", "He ate the food."),
    ("Title\n\nby admin\n\nBody text here.", "Title\n\nBody text here."),
    ("Body text here.\n\nsequel after announcement\n\nMore text here.", "Body text here.\n\nMore text here."),
    ("Body text here.\n\nLeave a Comment\n", "Body text here.\n"),
])
def test_mechanical_artefacts_are_fixed(before, after):
    assert fixed(before) == after


@pytest.mark.parametrize("text", [
    "The deal was signed in 2017 2017 by both sides.",       # a number: for a person
    "He studied at Johns Hopkins University University.",    # a name: for a person
    "He did not say whether the plant was finished.",         # nothing to fix
])
def test_meaningful_words_are_left_alone(text):
    assert fixed(text) == text


def test_a_fix_that_changes_a_letter_or_digit_is_refused():
    text = "rose 2 % in May"
    assert is_safe(finding(text, 6, 9, "%"))
    assert not is_safe(finding(text, 5, 9, "3%"))          # would change the number
    assert not is_safe(finding("did not go", 4, 8, "now "))  # a negation rewritten
    assert is_safe(finding("food food", 0, 9, "food", rule="RP002"))
    assert not is_safe(finding("9 9", 0, 3, "9", rule="RP002"))


def test_only_high_confidence_translation_findings_with_a_fix_are_fixable():
    text = "a  b"
    good = finding(text, 1, 3, " ")
    assert fixable([good]) == [good]
    assert fixable([finding(text, 1, 3, " ", confidence=Confidence.MEDIUM)]) == []
    assert fixable([finding(text, 1, 3, None)]) == []
    assert fixable([finding(text, 1, 3, " ", field="src")]) == []


def test_overlapping_fixes_take_a_deterministic_subset():
    text = "x    z"
    overlapping = [finding(text, 2, 5, " ", rule="SP004"), finding(text, 1, 5, " ", rule="SP002"),
                   finding(text, 1, 3, " ", rule="SP003")]
    for order in (overlapping, overlapping[::-1]):
        edits = plan(text, order)
        assert [(e.start, e.end, e.rule) for e in edits] == [(1, 5, "SP002")]
    assert apply_edits(text, edits) == "x z"


def test_quotation_case_change_needs_high_confidence():
    text = "to “denounce and disturb” This cooperation in drones."
    result = check_segment(seg(text), RULES, CTX)
    qt004 = [f for f in result.findings if f.rule == "QT004"]
    assert qt004 and qt004[0].fix == "” this"
    low = dataclasses.replace(qt004[0], confidence=Confidence.MEDIUM)
    assert plan(text, [low]) == []
    assert apply_edits(text, plan(text, qt004)) == "to “denounce and disturb” this cooperation in drones."


# ----------------------------------------------------------------------------- the sample article

def test_sample_is_closer_to_the_post_edit(sample):
    hyp, ref, result = sample
    before = sacrebleu.sentence_chrf(hyp, [ref]).score
    after = sacrebleu.sentence_chrf(result.text, [ref]).score
    assert after > before + 0.5, (before, after)


def test_sample_changes_lie_inside_fixable_spans(sample):
    hyp, _, result = sample
    assert result.rounds >= 1
    spans = [(f.start, f.end) for f in fixable(check_segment(seg(hyp), RULES, CTX).findings)]

    def covered(i: int) -> bool:
        if any(a <= i < b for a, b in spans):
            return True
        if not hyp[i].isspace():
            return False
        # whitespace next to a span: walk over whitespace to a span's edge
        j, k = i, i
        while j > 0 and hyp[j - 1].isspace():
            j -= 1
        while k < len(hyp) and hyp[k].isspace():
            k += 1
        return any(b == j or a == k for a, b in spans)

    matcher = difflib.SequenceMatcher(None, hyp, result.text, autojunk=False)
    changed = [i for op, a1, a2, _, _ in matcher.get_opcodes() if op != "equal" for i in range(a1, a2)]
    inserted_at = [a1 for op, a1, a2, _, _ in matcher.get_opcodes() if op == "insert"]
    assert changed or inserted_at
    assert all(covered(i) for i in changed), [hyp[i] for i in changed if not covered(i)]
    assert all(any(a <= p <= b for a, b in spans) for p in inserted_at)


def test_sample_fix_is_idempotent_and_leaves_nothing_fixable(sample):
    _, _, result = sample
    again = fix_segment(seg(result.text), RULES, CTX)
    assert again.text == result.text and again.rounds == 0
    remaining = check_segment(seg(result.text), RULES, CTX).findings
    assert fixable(remaining, result.text) == []
    assert not {f.rule for f in remaining} & {"BP001", "BP002", "BP003", "BP005", "SP001", "QT001"}


def test_sample_numbers_and_negations_are_unchanged(sample):
    hyp, _, result = sample
    assert re.findall(r"\d+", hyp) == re.findall(r"\d+", result.text)
    negations = re.compile(r"\b(?:not|no|never|n't|nor|none)\b", re.I)
    assert negations.findall(hyp) == negations.findall(result.text)


# ----------------------------------------------------------------------------- other wires

def _wires():
    import json

    path = ROOT / "corpora" / "cases" / "wires.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("record", _wires(), ids=lambda r: r["id"])
def test_every_pass_edits_only_spans_and_whitespace_next_to_them(record):
    text = record["hyp"]
    for _ in range(6):
        edits = plan(text, check_segment(seg(text), RULES, CTX).findings)
        if not edits:
            break
        for e in edits:
            assert e.start <= e.span[0] <= e.span[1] <= e.end
            assert not text[e.start:e.span[0]].strip() and not text[e.span[1]:e.end].strip()
        assert all(a.end <= b.start for a, b in zip(edits, edits[1:]))
        text = apply_edits(text, edits)
    else:
        pytest.fail("did not settle")
    result = fix_segment(seg(record["hyp"]), RULES, CTX)
    assert result.text == text
    assert re.findall(r"\d+", record["hyp"]) == re.findall(r"\d+", text)
    assert fix_segment(seg(text), RULES, CTX).text == text


def test_a_deletion_never_removes_a_number_from_the_text():
    # A byline with a date is debris, but its date would vanish: it stays for a person.
    dated = "Title of the story here\n\nby admin | June 9, 2023\n\nThe plant opened on Friday."
    byline = [f for f in check_segment(seg(dated), RULES, CTX).findings if f.rule == "BP002"]
    assert byline and byline[0].fix == "" and fixable(byline) == byline
    assert fixable(byline, dated) == []
    assert fix_segment(seg(dated), RULES, CTX).text == dated
    # A repeated title goes: its number stays in the copy that is kept.
    titled = ("Russia will build 6,000 Iranian drones next year\n\n"
              "Russia will build 6,000 Iranian drones next year\n\nThe plant opened on Friday.")
    fixed_text = fix_segment(seg(titled), RULES, CTX).text
    assert fixed_text.count("6,000") == 1 and fixed_text.startswith("Russia will build 6,000")
