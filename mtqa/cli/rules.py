"""`mtqa rules` (every rule as a table or JSON) and `mtqa explain CODE` (one rule's documentation)."""
from __future__ import annotations

import json

from mtqa import __version__
from mtqa import rules as rules_mod
from mtqa.cli.common import UsageError


def add_parsers(sub) -> None:
    rules_p = sub.add_parser("rules", help="list every rule")
    rules_p.add_argument("-f", "--format", choices=("terminal", "json"), default="terminal")
    rules_p.add_argument("--width", type=int, metavar="N",
                         help="width of the table (default: the terminal's, or 80 when piped)")
    explain = sub.add_parser("explain", help="explain a rule: what it does, why, an example")
    explain.add_argument("code", metavar="CODE")


def cmd_rules(args) -> int:
    all_rules = rules_mod.all_rules()
    if args.format == "json":
        rows = [{"code": r.code, "name": r.name, "family": r.family_name, "severity": r.severity.label,
                 "category": r.category, "needs": sorted(r.needs),
                 "languages": sorted(r.languages) if r.languages else None, "preview": r.preview,
                 "summary": r.summary} for r in all_rules]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    from rich import box
    from rich.console import Console
    from rich.table import Table

    if args.width is not None and args.width < 40:
        raise UsageError("--width must be at least 40")
    console = Console(highlight=False, markup=False, width=args.width)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True, show_edge=False,
                  title=f"mtqa {__version__}: {len(all_rules)} rules",
                  title_justify="left")
    rows = []
    for r in all_rules:
        needs = "+".join(sorted(r.needs, key=("src", "ref").index)) or "hyp"
        name = r.name + (" (preview)" if r.preview else "")
        rows.append([r.code, name, r.severity.label, r.category, needs])
    columns = ("code", "name", "severity", "category", "needs")
    natural = sum(max(len(row[k]) for row in [list(columns), *rows]) for k in range(len(columns)))
    if natural + 3 * (len(columns) - 1) > console.width:  # padding and separators
        # Too narrow for the categories on one line: break them after the slash, never inside
        # a word (`fluency/` over `punctuation`), rather than let the table fold them.
        for row in rows:
            row[3] = row[3].replace("/", "/\n", 1)
    for col in columns:
        # Nothing is ever folded: a word cut in two (`punctu` / `ation`) reads as two words.
        table.add_column(col, no_wrap=True, overflow="ellipsis")
    for row in rows:
        table.add_row(*row)
    console.print(table)
    return 0


def cmd_explain(args) -> int:
    try:
        r = rules_mod.get(args.code)
    except KeyError:
        raise UsageError(f"unknown rule code {args.code!r} (see `mtqa rules`)") from None
    needs = ", ".join(sorted(r.needs)) or "the translation only"
    langs = ", ".join(sorted(r.languages)) if r.languages else "any"
    print(f"{r.code} {r.name}{' (preview)' if r.preview else ''}\n")
    print(f"{r.summary}\n")
    print(f"Severity: {r.severity.label}   Category: {r.category}   Needs: {needs}   Target languages: {langs}\n")
    for title, body in (("What it does", r.docs.what), ("Why is this bad?", r.docs.why), ("Example", r.docs.example.render())):
        print(f"## {title}\n{body}\n")
    return 0
