"""The fix engine: pure functions from a text and its findings to the fixed text.

A finding is *fixable* when its check gave it a `fix` (a mechanical replacement: delete
scraped debris, mend spacing, turn reversed quotation marks round), it points into the
translation, it is of high confidence, and the replacement passes `is_safe`: it only deletes,
or it keeps every letter and digit of the span (spacing, punctuation, case), or it collapses a
repeated word or phrase without digits to one copy; and a deletion must leave every number it
removes elsewhere in the text (a repeated title may go, a byline with a date stays for a person).
A check that sets a careless `fix` is therefore still unable to change a number, a name or a
negation through `mtqa fix`.

`plan()` turns the fixable findings of one pass into non-overlapping edits (deterministic:
by position, the longer span first, then the rule code); `apply_edits()` applies them.
`fix_segment()` re-checks after every pass, because one fix can reveal or shift another
(deleting a boilerplate line moves every offset after it), until no fixable finding is left or
`MAX_ROUNDS` passes were made. It is what `mtqa fix` and the review page both call, so the text
the page offers equals the command's output (`mtqa.fix.review` turns it into the page's data).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from mtqa.context import Context
from mtqa.engine import RulePlan, check_segment
from mtqa.model import Confidence, Finding, Segment
from mtqa.rules import Rule
from mtqa.text.tokens import words

#: Passes of fix-and-recheck; real articles settle in two (a deletion, then nothing).
MAX_ROUNDS = 6

_HSPACE = " \t\u00a0\u202f\u2009"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` with `replacement`; `span` is the finding's own span (the edit
    may reach further over whitespace next to it, e.g. the line break of a deleted line)."""

    start: int
    end: int
    replacement: str
    rule: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class FixResult:
    """The fixed text, the findings applied (in the order of the passes, offsets into the text
    of their own pass), the number of passes that changed something, and the findings of the
    fixed text (what a `check` of it reports)."""

    text: str
    applied: tuple[Finding, ...]
    rounds: int
    remaining: tuple[Finding, ...] = ()

    @property
    def rules(self) -> frozenset[str]:
        return frozenset(f.rule for f in self.applied)


def _alnum(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def is_safe(finding: Finding) -> bool:
    """The replacement deletes, or keeps every letter and digit (case aside), or keeps one copy
    of a repeated word or phrase that has no digit in it (`food food` -> `food`)."""
    fix, text = finding.fix, finding.text
    if fix is None:
        return False
    if fix == "":
        return True
    if _alnum(fix) == _alnum(text):
        return True
    unit = [w.text.casefold() for w in words(fix)]
    have = [w.text.casefold() for w in words(text)]
    if not unit or any(ch.isdigit() for ch in fix) or len(have) % len(unit):
        return False
    return len(have) > len(unit) and have == unit * (len(have) // len(unit))


_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def keeps_numbers(text: str, start: int, end: int) -> bool:
    """Deleting text[start:end] leaves every number in it elsewhere in the text: a repeated
    title may go (its numbers stay in the first copy), a byline with a date may not."""
    gone = _NUMBER_RE.findall(text, start, end)
    if not gone:
        return True
    rest = set(_NUMBER_RE.findall(text[:start] + " " + text[end:]))
    return all(n in rest for n in gone)


def fixable(findings: Iterable[Finding], text: str | None = None) -> list[Finding]:
    """The findings `mtqa fix` may apply (see the module docstring). With the field's `text`,
    a deletion that would remove a number from the text is left for a person too."""
    return [f for f in findings
            if f.field == "hyp" and f.fix is not None and f.fix != f.text
            and f.confidence >= Confidence.HIGH and is_safe(f)
            and (text is None or f.fix != "" or keeps_numbers(text, *expand_deletion(text, f.start, f.end)))]


def expand_deletion(text: str, start: int, end: int) -> tuple[int, int]:
    """Where a deletion really ends: a whole line goes with one of its line breaks (the
    shorter of the separators around it, so a paragraph break survives), a span inside a line
    with one of the spaces around it (no doubled space is left)."""
    at_line_start = start == 0 or text[start - 1] == "\n"
    at_line_end = end == len(text) or text[end] == "\n"
    if at_line_start and at_line_end:
        i = start
        while i > 0 and text[i - 1].isspace():
            i -= 1
        j = end
        while j < len(text) and text[j].isspace():
            j += 1
        if i == 0:
            return 0, j                       # the first line: the text starts at the next one
        if j == len(text):
            return i, end                     # the last line: keep the final newline
        return (i, end) if (j - end) >= (start - i) else (start, j)
    if at_line_start:
        j = end
        while j < len(text) and text[j] in _HSPACE:
            j += 1
        return start, j
    if start > 0 and text[start - 1] in _HSPACE:
        j = end
        while j < len(text) and text[j] in _HSPACE:
            j += 1
        if j > end or at_line_end:
            i = start
            while i > 0 and text[i - 1] in _HSPACE:
                i -= 1
            return (start, j) if j > end else (i, end)
    return start, end


def plan(text: str, findings: Iterable[Finding]) -> list[Edit]:
    """Non-overlapping edits for the fixable findings, in text order."""
    edits = []
    for f in fixable(findings, text):
        start, end = expand_deletion(text, f.start, f.end) if f.fix == "" else (f.start, f.end)
        edits.append(Edit(start, end, f.fix, f.rule, (f.start, f.end)))
    edits.sort(key=lambda e: (e.start, -(e.end - e.start), e.rule))
    chosen: list[Edit] = []
    for e in edits:
        if chosen and overlaps(chosen[-1], e):
            continue
        if e.replacement == "" and not _numbers_survive(text, [c for c in chosen if c.replacement == ""] + [e]):
            continue  # two copies of a number deleted at once: the second stays for a person
        chosen.append(e)
    return chosen


def overlaps(last: Edit, e: Edit) -> bool:
    """`e` (sorted after `last`) cannot join it: they overlap. Touching is fine; an insertion at
    the very end of `last` would be ambiguous (before or after its replacement?), so it waits."""
    return e.start < last.end or e.start == last.end == e.end


def _numbers_survive(text: str, deletions: list[Edit]) -> bool:
    gone = [n for d in deletions for n in _NUMBER_RE.findall(text, d.start, d.end)]
    if not gone:
        return True
    rest, pos = [], 0
    for d in deletions:
        rest.append(text[pos:d.start])
        pos = d.end
    rest.append(text[pos:])
    kept = set(_NUMBER_RE.findall(" ".join(rest)))
    return all(n in kept for n in gone)


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """`text` with the (non-overlapping, sorted) edits applied."""
    out, pos = [], 0
    for e in edits:
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def fix_segment(segment: Segment, rules: Sequence[Rule], ctx: Context,
                max_rounds: int = MAX_ROUNDS) -> FixResult:
    """Fix the translation of `segment` with the fixable findings of `rules`, re-checking after
    every pass until nothing fixable is left (at most `max_rounds` passes)."""
    rules = rules if isinstance(rules, RulePlan) else RulePlan(rules)
    text, applied, rounds = segment.hyp, [], 0
    for k in range(max_rounds + 1):
        result = check_segment(dataclasses.replace(segment, hyp=text), rules, ctx)
        edits = plan(text, result.findings)
        if not edits or k == max_rounds:
            break  # the last check is of the final text either way
        chosen = {(e.rule, e.span) for e in edits}
        applied.extend(f for f in result.findings if (f.rule, (f.start, f.end)) in chosen)
        text, rounds = apply_edits(text, edits), rounds + 1
    return FixResult(text=text, applied=tuple(applied), rounds=rounds, remaining=result.findings)
