"""The review page's side of the fix engine: what "Apply safe fixes" and the editor's decisions do
to a segment's translation, decided here, in Python, and embedded in the page. The page's script
only applies edits (`decide`, mirrored line for line in `reporters/html/assets/review.js`); it
never judges whether a fix is safe, so there is one definition of a safe fix (`engine.fixable`)
and one way of applying edits (`engine.apply_edits`).

Per segment the page carries:

- `fixed`: `mtqa fix`'s output for the translation (`engine.fix_segment`: every pass, re-checking
  in between). "Apply safe fixes" gives exactly this while the editor's decisions leave the
  first pass as it is (no decision, or only decisions that change no edit, such as dismissing a
  finding that has no fix).
- per finding, `edit`: the edit `mtqa fix` makes for it in its first pass (`engine.plan`: safe,
  high confidence, in the translation, not overlapping an earlier edit, no number lost), else
  None; and `accept`: the edit accepting its suggestion makes (its planned edit when it has
  one; a deletion reaches over the whitespace next to it, as `mtqa fix` deletes).

Once a decision changes the first pass (a fix dismissed, a suggestion accepted), the text is the
first pass's edits minus the dismissed plus the accepted, applied once: a fix that only another
fix would reveal (the engine's later passes) is then left to `mtqa fix` or the next check. On the
bundled sample and on `corpora/cases/wires.jsonl` `mtqa fix` settles in one pass, so the two
agree there; the page says so when a segment needed more.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Collection

from mtqa.fix.engine import Edit, FixResult, apply_edits, expand_deletion, overlaps, plan
from mtqa.model import Finding, SegmentResult


@dataclass(frozen=True, slots=True)
class PageFixes:
    """One segment's fixes as the page embeds them; `edits` and `accepts` follow the order of
    the result's findings (finding number n is index n - 1)."""

    fixed: str
    applied: int                        # fixes `mtqa fix` applied, over all its passes
    rounds: int                         # its passes that changed something
    edits: tuple[Edit | None, ...]
    accepts: tuple[Edit | None, ...]

    @property
    def first_pass(self) -> frozenset[int]:
        return frozenset(i for i, e in enumerate(self.edits) if e is not None)


def _accept_edit(text: str, f: Finding) -> Edit | None:
    if f.field != "hyp" or f.suggestion is None:
        return None
    start, end = expand_deletion(text, f.start, f.end) if f.suggestion == "" else (f.start, f.end)
    return Edit(start, end, f.suggestion, f.rule, (f.start, f.end))


def page_fixes(result: SegmentResult, fixed: FixResult | None = None) -> PageFixes:
    """The page's fixes for one segment. `fixed` is `fix_segment` of the segment with the rules
    of the run; without it (a report rendered from findings alone, no rules at hand) the first
    pass stands in for it."""
    text = result.segment.hyp
    planned = plan(text, result.findings)
    by_span = {(e.rule, e.span): e for e in planned}
    edits = tuple(by_span.get((f.rule, (f.start, f.end))) if f.field == "hyp" else None
                  for f in result.findings)
    accepts = tuple(e if e is not None else _accept_edit(text, f) for f, e in zip(result.findings, edits))
    if fixed is None:
        fixed = FixResult(apply_edits(text, planned), (), int(bool(planned)))
        applied = len(planned)
    else:
        applied = len(fixed.applied)
    return PageFixes(fixed.text, applied, fixed.rounds, edits, accepts)


def chosen(fixes: PageFixes, accepted: Collection[int] = (), dismissed: Collection[int] = ()) -> list[Edit]:
    """The edits the editor's decisions leave (finding indexes, from 0): the first pass minus the
    dismissed, plus the accepted suggestions; sorted by position, the longer first, then the
    finding's order; an edit overlapping one already taken is skipped (`engine.overlaps`)."""
    keep = [i for i in sorted(fixes.first_pass) if i not in dismissed]
    keep += [i for i in sorted(set(accepted)) if fixes.edits[i] is None and fixes.accepts[i] is not None
             and i not in dismissed]
    ordered = sorted(((fixes.edits[i] or fixes.accepts[i], i) for i in keep),
                     key=lambda t: (t[0].start, -(t[0].end - t[0].start), t[1]))
    taken: list[Edit] = []
    for e, _ in ordered:
        if not taken or not overlaps(taken[-1], e):
            taken.append(e)
    return taken


def decide(text: str, fixes: PageFixes, accepted: Collection[int] = (),
           dismissed: Collection[int] = ()) -> str:
    """The corrected text the page shows for `text` (the segment's translation)."""
    if unchanged(fixes, accepted, dismissed):
        return fixes.fixed
    return apply_edits(text, chosen(fixes, accepted, dismissed))


def unchanged(fixes: PageFixes, accepted: Collection[int] = (), dismissed: Collection[int] = ()) -> bool:
    """The decisions keep exactly the first pass: the page gives `mtqa fix`'s own output."""
    first = fixes.first_pass
    adds = {i for i in accepted if fixes.edits[i] is None and fixes.accepts[i] is not None}
    return not adds and not (first & set(dismissed))
