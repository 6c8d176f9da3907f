"""The parts of the review page, each a function returning HTML: the colour key, the "fix first"
summary, the toolbar, a segment (rows and findings list), the rule legend.

Everything a reader needs is in the markup itself (messages, suggestions, links), so the page
reads with scripts off and prints; the toolbar and the accept/dismiss buttons only work with the
script, so they start `hidden` and the script shows them.
"""
from __future__ import annotations

from mtqa import rules as rules_mod
from mtqa import scoring
from mtqa.fix.review import PageFixes
from mtqa.model import Confidence, Finding, SegmentResult, Severity
from mtqa.reporters.common import visible
from mtqa.reporters.html.highlight import family_of, finding_id, highlight, item_id
from mtqa.reporters.html.markup import esc, inline, lines, paragraphs
from mtqa.reporters.html.rows import fields_of, rows

FIELD_TITLES = {"hyp": "translation", "src": "source", "ref": "reference"}
SEVERITY_NOTES = {
    "critical": "must be fixed before publishing",
    "major": "changes or obscures the meaning",
    "minor": "a blemish: spacing, punctuation, style",
}
CONFIDENCE_NOTES = {
    "high": "solid line: almost always a real error",
    "medium": "dashed line: usually an error, check it",
    "low": "dotted line: a lead for a person",
}


def penalty_text(result: SegmentResult) -> str:
    """`penalty 12.0 · chrF 54.3`, as the terminal report words it (MQM penalty, one decimal)."""
    text = f"penalty {scoring.penalty(result.findings):.1f}"
    if result.metrics and "chrf" in result.metrics:
        text += f" · chrF {result.metrics['chrf']:.1f}"
    return text


def colour_key() -> str:
    sev = "".join(f'<li><mark class="sev-{s}">{s}</mark> {esc(note)}</li>' for s, note in SEVERITY_NOTES.items())
    conf = "".join(f'<li><mark class="sev-major conf-{c}">{c}</mark> {esc(note)}</li>'
                   for c, note in CONFIDENCE_NOTES.items())
    return ('<section id="key" aria-labelledby="key-h"><h2 id="key-h">Colour key</h2>'
            f'<div class="key"><ul class="keylist"><li><b>Severity</b> (colour):</li>{sev}</ul>'
            f'<ul class="keylist"><li><b>Confidence</b> (underline):</li>{conf}</ul>'
            '<p class="hint">Each highlight ends with its number, a link to its entry in the list; the '
            "entry's number links back. Keys: <kbd>j</kbd>/<kbd>n</kbd> next finding, "
            "<kbd>k</kbd>/<kbd>p</kbd> previous, <kbd>a</kbd> accept, <kbd>d</kbd> dismiss.</p></div></section>")


def one_line(seg_index: int, seg_id: str, n: int, f: Finding, with_segment: bool) -> str:
    where = f"{esc(seg_id)} · " if with_segment else ""
    return (f'<a href="#{finding_id(seg_index, n)}">{where}{n}</a> '
            f'<span class="badge sev-{f.severity.label}">{f.severity.label}</span> '
            f'<b>{esc(f.rule)}</b> {esc(f.message)}: <q>{esc(visible(f.text))}</q>')


def fix_first(results: list[SegmentResult]) -> str:
    """The critical and major findings, worst first, each a link to its highlight."""
    worst = [(r, n, f) for r in results for n, f in enumerate(r.findings, 1) if f.severity >= Severity.MAJOR]
    worst.sort(key=lambda t: (-t[2].severity, t[0].segment.index, t[1]))
    many = len(results) > 1
    if not worst:
        body = "<p>No critical or major finding.</p>"
    else:
        body = "<ol>" + "".join(
            f'<li class="ff" data-for="{finding_id(r.segment.index, n)}">'
            f"{one_line(r.segment.index, r.segment.id, n, f, many)}</li>" for r, n, f in worst) + "</ol>"
    return f'<section id="fix-first" aria-labelledby="ff-h"><h2 id="ff-h">Fix first</h2>{body}</section>'


def _checks(group: str, values: list[tuple[str, str]]) -> str:
    boxes = "".join(f'<label><input type="checkbox" name="{group}" value="{esc(v)}" checked> {esc(label)}</label>'
                    for v, label in values)
    return f'<fieldset><legend>{group}</legend>{boxes}</fieldset>'


def toolbar(results: list[SegmentResult]) -> str:
    """Filters, navigation and the fix/baseline actions (script only: starts hidden)."""
    found = [f for r in results for f in r.findings]
    sevs = [(s.label, s.label) for s in reversed(Severity) if any(f.severity == s for f in found)]
    fams = sorted({family_of(f) for f in found}, key=list(rules_mod.FAMILIES).index)
    fam_values = [(c, f"{c} {rules_mod.FAMILIES[c]}") for c in fams]
    confs = [(c.label, c.label) for c in reversed(Confidence) if any(f.confidence == c for f in found)]
    return ('<form id="toolbar" class="toolbar" hidden aria-label="filters and actions">'
            f'{_checks("severity", sevs)}{_checks("family", fam_values)}{_checks("confidence", confs)}'
            '<div class="actions"><button type="button" id="prev">◀ previous</button>'
            '<button type="button" id="next">next ▶</button>'
            '<span id="shown" aria-live="polite"></span>'
            '<button type="button" id="apply-fixes">Apply safe fixes</button>'
            '<button type="button" id="download-baseline">Download baseline</button></div></form>'
            '<section id="fixed" hidden aria-labelledby="fixed-h"><h2 id="fixed-h">Corrected text</h2>'
            '<p class="hint">What <code>mtqa fix</code> prints for this input; your decisions adjust it '
            '(a dismissed fix stays out, an accepted suggestion goes in).</p>'
            '<textarea id="fixed-text" rows="12" readonly></textarea>'
            '<p><button type="button" id="copy-fixed">Copy</button> '
            '<button type="button" id="download-fixed">Download</button> <span id="fixed-note"></span></p>'
            '</section><div id="detail" hidden aria-live="polite"></div>')


def _cell(result: SegmentResult, name: str, row) -> str:
    seg = result.segment
    text = seg.field_text(name)
    lo, hi = row.spans[name]
    items = row.items[name]
    # trailing blank lines of a row are layout, not content: hidden unless a span touches them
    tail = lo + len(text[lo:hi].rstrip())
    if any(f.end > tail or f.start >= tail for _, f in items):
        tail = hi
    body = highlight(text, lo, tail, items, seg.index)
    if tail < hi:
        body += f'<span class="tail">{esc(text[tail:hi])}</span>'
    lang = seg.tgt_lang if name != "src" else seg.src_lang
    lang_attr = f' lang="{esc(lang)}"' if lang else ""
    side = " side" if name != "hyp" else ""
    return (f'<div class="cell {name}{side}"{lang_attr}><span class="lbl">{FIELD_TITLES[name]}</span>'
            f'{body}</div>')


def finding_item(seg: SegmentResult, n: int, f: Finding, safe: bool = False) -> str:
    """The finding's entry in the list; `safe` when `mtqa fix` applies its fix."""
    s = seg.segment
    sug = ""
    if f.suggestion is not None:
        sug = (f' <span class="sug">→ <code>{esc(visible(f.suggestion))}</code></span>' if f.suggestion
               else ' <span class="sug">→ delete it</span>')
    fix = ' <span class="safe">safe fix</span>' if safe else ""
    acts = ('<span class="acts" hidden><button type="button" data-act="accept">accept</button>'
            '<button type="button" data-act="dismiss">dismiss</button></span>')
    return (f'<li id="{item_id(s.index, n)}" class="item sev-{f.severity.label}" value="{n}" '
            f'data-for="{finding_id(s.index, n)}" data-segment="{esc(s.id)}" data-rule="{esc(f.rule)}" '
            f'data-field="{f.field}" data-start="{f.start}" data-end="{f.end}">'
            f'<a class="num" href="#{finding_id(s.index, n)}">{n}</a> '
            f'<span class="badge sev-{f.severity.label}">{f.severity.label}</span> '
            f'<span class="conf">{f.confidence.label} confidence</span> '
            f'<a href="#rule-{esc(f.rule)}"><b>{esc(f.rule)}</b></a> {esc(f.name)} '
            f'<span class="cat">{esc(f.category)}</span>'
            f'<br><span class="msg">{esc(f.message)}</span>: <q>{esc(visible(f.text))}</q>'
            f'{sug}{fix}{" <small>(in the " + FIELD_TITLES[f.field] + ")</small>" if f.field != "hyp" else ""}'
            f'{acts}</li>')


def segment(result: SegmentResult, fixes: PageFixes | None = None) -> str:
    seg = result.segment
    names = fields_of(result)
    head = "".join(f'<div class="cell {n} colhead">{FIELD_TITLES[n]}</div>' for n in names)
    body = []
    for k, row in enumerate(rows(result)):
        cells = "".join(_cell(result, n, row) for n in names)
        body.append(f'<div class="row" id="row-{seg.index}-{k}">{cells}</div>')
    safe = fixes.first_pass if fixes is not None else frozenset()
    items = "".join(finding_item(result, n, f, n - 1 in safe) for n, f in enumerate(result.findings, 1))
    return (f'<section class="segment" id="segment-{seg.index}" data-index="{seg.index}">'
            f'<h2>{esc(seg.id)} <small>#{seg.index} · {esc(penalty_text(result))}</small></h2>'
            f'<div class="grid cols-{len(names)}"><div class="row head">{head}</div>{"".join(body)}</div>'
            f'<h3>Findings</h3><ol class="findings">{items}</ol></section>')


def legend(codes, severities) -> str:
    """What each rule that fired checks, from its docs; folded, so it never buries the findings."""
    known = {r.code: r for r in rules_mod.all_rules()}
    parts = ['<section id="legend" aria-labelledby="legend-h"><h2 id="legend-h">Rules</h2>']
    for c in sorted(codes):
        r = known.get(c)
        if r is None:
            continue
        sev = severities.get(c, r.severity)
        parts.append(f'<details class="rule" id="rule-{esc(c)}"><summary><b>{esc(c)}</b> {esc(r.name)} '
                     f'<small>({sev.label}, {esc(r.category)})</small> — {inline(r.summary)}</summary>'
                     f'<h4>What it does</h4>{paragraphs(r.docs.what)}'
                     f'<h4>Why is this bad?</h4>{paragraphs(r.docs.why)}'
                     f'<h4>Example</h4><div class="example">{lines(r.docs.example.render())}</div></details>')
    parts.append("</section>")
    return "".join(parts)
