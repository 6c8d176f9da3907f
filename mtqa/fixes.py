"""Applying findings' mechanical fixes to a text: one pure function, shared by whoever applies them.

A finding may carry `fix`, a replacement for its span (see `mtqa.model.Hit.fix`). Fixes are applied
in text order; a fix whose span overlaps one already taken is skipped, so the result never depends
on two fixes disagreeing about the same characters. The review page (`--format html`) runs the
same algorithm in JavaScript; its browser tests compare the two, so change both together.
"""
from __future__ import annotations

from typing import Iterable, Protocol


class Fixable(Protocol):
    start: int
    end: int
    fix: str | None


def chosen_fixes(findings: Iterable[Fixable]) -> list[Fixable]:
    """The fixes `apply_fixes` takes, in text order.

    Order: by start, then end (an insertion before a replacement at the same place), then the
    findings' own order. A fix is taken when it starts at or after the end of the last one taken;
    so an insertion at the very end of a replaced span is kept, one inside it is not.
    """
    ordered = sorted((f for f in findings if f.fix is not None),
                     key=lambda f: (f.start, f.end))  # sorted() is stable: ties keep report order
    taken: list[Fixable] = []
    for f in ordered:
        if f.start < 0 or f.end < f.start:
            continue  # not a span: nothing sensible to replace
        if taken and f.start < taken[-1].end:
            continue
        taken.append(f)
    return taken


def apply_fixes(text: str, findings: Iterable[Fixable]) -> str:
    """`text` with the `fix` of each of `findings` that has one put in place of its span.

    `findings` must point into `text` (one field of one segment: pass only that field's findings).
    Overlapping fixes: the first in text order wins, the others are skipped (`chosen_fixes`).
    """
    out = []
    pos = 0
    for f in chosen_fixes(findings):
        if f.end > len(text):
            break  # a span past the end points into another text; later ones would too
        out.append(text[pos:f.start])
        out.append(f.fix)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
