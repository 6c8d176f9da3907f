"""Findings highlighted in place: exactly one `.finding` element per finding, whatever the overlaps.

Spans that nest become nested elements. Spans that cross cannot nest in HTML, so the later one is
cut where its enclosing element closes and carries on in a `.cont` element (same colours, no id):
the finding keeps one `.finding` element, which is what the list links and the browser tests
count. An empty span (an insertion point) is a `.finding.empty` element holding a caret.

After the last character of a span come its footnote numbers, each a link to its entry in the
findings list; the numbers of every span ending at the same place share one `<sup>`, separated by
commas, so `admin⁴,⁵` never reads as 45.
"""
from __future__ import annotations

import collections

from mtqa.model import Finding
from mtqa.reporters.html.markup import esc

Numbered = tuple[int, Finding]


def finding_id(seg_index: int, n: int) -> str:
    """The `id` of a finding's highlight (the contract's `f-<segment index>-<finding number>`)."""
    return f"f-{seg_index}-{n}"


def item_id(seg_index: int, n: int) -> str:
    """The `id` of a finding's entry in the findings list."""
    return f"l-{seg_index}-{n}"


def family_of(f: Finding) -> str:
    return f.rule[:2]


def _open(seg_index: int, n: int, f: Finding, first: bool) -> str:
    classes = f"sev-{f.severity.label} conf-{f.confidence.label}"
    if not first:  # the rest of a span cut by a crossing one: styled alike, not counted
        return f'<mark class="cont {classes}" data-of="{finding_id(seg_index, n)}">'
    return (f'<mark class="finding {classes}" id="{finding_id(seg_index, n)}" tabindex="0" '
            f'data-n="{n}" data-rule="{esc(f.rule)}" data-family="{esc(family_of(f))}" '
            f'data-severity="{f.severity.label}" data-confidence="{f.confidence.label}" '
            f'data-field="{f.field}" title="{n}. {esc(f.rule)} {esc(f.severity.label)}: {esc(f.message)}">')


def footnotes(seg_index: int, numbers: list[int]) -> str:
    links = '<span class="sep">,</span>'.join(
        f'<a class="fn" href="#{item_id(seg_index, n)}" aria-label="finding {n}">{n}</a>' for n in numbers)
    return f'<sup class="fns">{links}</sup>'


def highlight(text: str, lo: int, hi: int, items: list[Numbered], seg_index: int) -> str:
    """HTML of `text[lo:hi]` with the spans of `items` marked; every span must lie in [lo, hi].

    Offsets stay those of the whole field, so a finding's `start`/`end` are used as they are.
    """
    opens: dict[int, list[tuple[int, int, Finding, bool]]] = collections.defaultdict(list)
    ends: dict[int, list[int]] = collections.defaultdict(list)
    empties: dict[int, list[Numbered]] = collections.defaultdict(list)
    for n, f in items:
        if f.start == f.end:
            empties[f.start].append((n, f))
        else:
            opens[f.start].append((f.end, n, f, True))
            ends[f.end].append(n)
    points = sorted({lo, hi, *opens, *ends, *empties})
    out: list[str] = []
    stack: list[int] = []  # where each open element closes; never increasing towards the top
    pos = lo
    for p in points:
        if p > pos:
            out.append(esc(text[pos:p]))
            pos = p
        while stack and stack[-1] == p:
            out.append("</mark>")
            stack.pop()
        for n, f in empties.get(p, ()):
            out.append(_open(seg_index, n, f, True) + '<span aria-hidden="true">⁁</span></mark>')
        numbers = sorted(ends.get(p, []) + [n for n, _ in empties.get(p, ())])
        if numbers:
            out.append(footnotes(seg_index, numbers))
        if p == hi:
            break
        # outer before inner; of spans ending together, the worse inside, so its colour shows
        for end, n, f, first in sorted(opens.get(p, ()), key=lambda o: (-o[0], o[2].severity, o[1])):
            limit = stack[-1] if stack else hi
            stop = min(end, limit)
            if stop < end:  # crosses the enclosing element: carry on after it closes
                opens[stop].append((end, n, f, False))
            out.append(_open(seg_index, n, f, first))
            stack.append(stop)
    return "".join(out)
