"""Reports of `mtqa compare`: the `mtqa-compare/1` JSON and a terminal table for people and CI logs.

The JSON schema ships as `mtqa/schema/mtqa-compare-1.schema.json`. The terminal report reads
the same in plain text: verdict, corpus metrics side by side with their bootstrap means,
95% confidence intervals, p-values and signatures, the per-segment wins, the findings of
each system, and the segments where the two differ most.
"""
from __future__ import annotations

import json
from typing import TextIO

from rich import box
from rich.table import Table
from rich.text import Text

from mtqa.metrics.compare import CompareRun, Difference, MetricComparison
from mtqa.model import Severity
from mtqa.reporters.common import shorten_path
from mtqa.reporters.terminal import (
    INDENT,
    MARK_STYLE,
    VERDICT_STYLE,
    _fit,
    report_console,
)

SCHEMA_ID = "mtqa-compare/1"
LABEL = {"bleu": "BLEU", "chrf": "chrF", "chrf++": "chrF++", "ter": "TER"}
VERDICT_WORD_STYLE = {"better": "bold green", "worse": "bold red", "same": "dim"}


# ----------------------------------------------------------------------------- JSON

def metric_dict(m: MetricComparison, alpha: float) -> dict:
    return {
        "baseline": vars(m.baseline).copy(),
        "candidate": vars(m.candidate).copy(),
        "delta": m.delta,
        "p_value": m.p_value,
        "significant": m.significant(alpha),
        "verdict": m.verdict(alpha),
        "signature": m.signature,
    }


def difference_dict(d: Difference) -> dict:
    return {"id": d.id, "index": d.index, "delta": d.delta,
            "baseline": {"chrf": d.baseline, "hyp": d.baseline_hyp},
            "candidate": {"chrf": d.candidate, "hyp": d.candidate_hyp},
            "ref": d.ref}


def report_dict(run: CompareRun) -> dict:
    c = run.comparison
    out: dict = {
        "schema": SCHEMA_ID,
        "tool": {"name": "mtqa", "version": run.version},
        "run": {"inputs": run.inputs, "test": "paired-bootstrap", "n_samples": c.n_samples, "seed": c.seed,
                "alpha": c.alpha, "fail_if_worse": run.fail_if_worse},
        "segments": c.segments,
        "metrics": {m.name: metric_dict(m, c.alpha) for m in c.metrics},
        "wins": dict(c.wins),
    }
    if c.findings is not None:
        out["findings"] = {side: {"by_severity": f.by_severity, "penalty": f.penalty, "words": f.words,
                                  "penalty_per_100_words": f.per_100_words}
                           for side, f in c.findings.items()}
    out["differences"] = [difference_dict(d) for d in c.differences]
    out["verdict"] = run.verdict
    return out


def render_json(run: CompareRun, out: TextIO, **_options) -> None:
    out.write(json.dumps(report_dict(run), ensure_ascii=False, indent=1))
    out.write("\n")


# ----------------------------------------------------------------------------- terminal

def _score(s) -> str:
    return f"{s.score:.2f}" + (f" ± {s.ci:.2f}" if s.ci is not None else "")


def metrics_table(run: CompareRun) -> Table:
    c = run.comparison
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for col, justify in (("metric", "left"), ("baseline", "right"), ("candidate", "right"), ("Δ", "right"),
                         ("p", "right"), ("candidate is", "left")):
        table.add_column(col, justify=justify)
    for m in c.metrics:
        verdict = m.verdict(c.alpha)
        word = {"better": "better", "worse": "worse", "same": "not different"}[verdict]
        table.add_row(LABEL.get(m.name, m.name), _score(m.baseline), _score(m.candidate), f"{m.delta:+.2f}",
                      f"{m.p_value:.4f}", Text(word, VERDICT_WORD_STYLE[verdict]))
    return table


def findings_table(run: CompareRun) -> Table | None:
    f = run.comparison.findings
    if f is None:
        return None
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title="Findings (mtqa checks)", title_justify="left",
                  title_style="italic")
    table.add_column("")
    table.add_column("baseline", justify="right")
    table.add_column("candidate", justify="right")
    for sev in (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR):
        table.add_row(Text(sev.label, MARK_STYLE[sev]), str(f["baseline"].by_severity[sev.label]),
                      str(f["candidate"].by_severity[sev.label]))
    table.add_row("penalty per 100 words", f"{f['baseline'].per_100_words:.2f}",
                  f"{f['candidate'].per_100_words:.2f}")
    return table


def header(run: CompareRun, width: int) -> list[Text]:
    c = run.comparison
    title = Text()
    title.append("mtqa ", "bold")
    title.append(f"{run.version} · compare · ", "dim")
    tail = f" · {c.segments:,} segments"
    room = max((width - len(title.plain) - len(tail) - 3) // 2, 8)
    title.append(f"{shorten_path(str(run.inputs.get('baseline')), room)} → "
                 f"{shorten_path(str(run.inputs.get('candidate')), room)}{tail}")
    line = Text()
    line.append(f" {run.verdict.upper()} ", VERDICT_STYLE[run.verdict])
    line.append("  ")
    if run.fail_if_worse is None:
        line.append("no gate (use --fail-if-worse METRIC)", "dim")
    else:
        name = LABEL.get(run.fail_if_worse, run.fail_if_worse)
        if run.failed:
            line.append(f"the candidate is significantly worse on {name} (p < {c.alpha:g})", "bold red")
        else:
            line.append(f"the candidate is not significantly worse on {name} (gate: p < {c.alpha:g})")
    return [title, line, Text("─" * width, "dim")]


def differences_block(run: CompareRun, width: int) -> list[Text]:
    c = run.comparison
    if not c.differences:
        return []
    out = [Text("Segments that differ most (sentence chrF)", "bold")]
    avail = width - INDENT - 6
    for d in c.differences:
        head = Text(" " * INDENT)
        head.append(f"{d.id}", "bold")
        style = "green" if d.delta > 0 else "red"
        head.append(f"  chrF {d.baseline:.1f} → {d.candidate:.1f} ", "dim")
        head.append(f"({d.delta:+.1f})", style)
        out.append(head)
        for label, text in (("ref ", d.ref), ("base", d.baseline_hyp), ("cand", d.candidate_hyp)):
            line = Text(" " * (INDENT + 1))
            line.append(f"{label} ", "dim")
            line.append(_fit(text, avail))
            out.append(line)
    return out


def render_terminal(run: CompareRun, out: TextIO, *, color: bool = False, width: int = 80, **_options) -> None:
    c = run.comparison
    with report_console(out, color, width) as console:
        for line in header(run, width):
            console.print(line)
        console.print()
        console.print(Text(f"Corpus metrics: sacrebleu paired bootstrap ({c.n_samples} resamples, seed {c.seed})",
                           "italic"))
        console.print(metrics_table(run))
        console.print(Text(f"  ± half the 95% confidence interval; p < {c.alpha:g} is significant", "dim"))
        for m in c.metrics:
            console.print(Text(f"  {LABEL.get(m.name, m.name)}: {m.short_signature or m.signature}", "dim"))
        console.print()
        w = c.wins
        console.print(Text(f"Sentence chrF: the candidate is higher on {w.get('candidate', 0):,} segments, lower on "
                           f"{w.get('baseline', 0):,}, equal on {w.get('tie', 0):,}."))
        console.print()
        table = findings_table(run)
        if table is not None:
            console.print(table)
        for line in differences_block(run, width):
            console.print(line, soft_wrap=True, crop=False)


RENDERERS = {"terminal": render_terminal, "json": render_json}
