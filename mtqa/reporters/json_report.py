"""The `mtqa-report/1` JSON report (CONTRACT.md), written segment by segment.

Segments are streamed as they are checked, one per line, and the summary comes last (JSON
objects are unordered, so this is the same report as summary-first, but memory stays flat).
The schema ships as `mtqa/schema/mtqa-report-1.schema.json`.
"""
from __future__ import annotations

import json
from json.encoder import c_make_encoder, encode_basestring
from typing import TextIO

from mtqa import scoring
from mtqa.model import SegmentResult, SentenceResult
from mtqa.report import Report

SCHEMA_ID = "mtqa-report/1"


# One encoder for the whole report (json.dumps with options builds one a call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
# ... and its C scanner made once: `encode` makes one a call (~2 us of each segment's line).
# These are the arguments JSONEncoder.iterencode gives it, so the text is the same.
_C_ENCODER = c_make_encoder and c_make_encoder(
    {}, _ENCODER.default, encode_basestring, _ENCODER.indent, _ENCODER.key_separator,
    _ENCODER.item_separator, _ENCODER.sort_keys, _ENCODER.skipkeys, _ENCODER.allow_nan)


def _dumps(obj) -> str:
    if _C_ENCODER is None or not isinstance(obj, dict):  # no C accelerator; a bare string
        return _ENCODER.encode(obj)
    return "".join(_C_ENCODER(obj, 0))


def segment_dict(result: SegmentResult) -> dict:
    seg = result.segment
    out = {"id": seg.id, "index": seg.index, "score": result.score, "penalty": scoring.penalty(result.findings),
           "words": result.words}
    if result.metrics is not None:
        out["metrics"] = dict(result.metrics)
    if result.sentences is not None:
        out["sentences"] = [sentence_dict(s) for s in result.sentences]
    out["findings"] = [f.as_dict() for f in result.findings]
    return out


def sentence_dict(sent: SentenceResult) -> dict:
    """An aligned sentence pair of a document: hyp and ref spans ([start, end] or null), metrics."""
    return {"hyp": list(sent.hyp) if sent.hyp else None, "ref": list(sent.ref) if sent.ref else None,
            "kind": sent.kind, "metrics": dict(sent.metrics) if sent.metrics is not None else None}


def run_dict(report: Report) -> dict:
    info = report.info
    out = {"mode": info.mode, "inputs": info.inputs, "languages": info.languages,
           "fail_on": info.fail_on, "rules": list(info.rules)}
    if info.gates:
        out["gates"] = [str(g) for g in info.gates]
    if info.severities:
        out["severities"] = {code: sev.label for code, sev in sorted(info.severities.items())}
    if info.config:
        out["config"] = info.config
    if info.baseline:
        out["baseline"] = info.baseline
    return out


def summary_dict(report: Report) -> dict:
    s = report.summary
    out = {
        "segments": s.segments,
        "findings": s.findings,
        "by_severity": dict(s.by_severity),
        "by_rule": dict(sorted(s.by_rule.items())),
        "segments_with_findings": s.segments_with_findings,
        "words": s.words,
        "penalty": round(s.penalty, 4),
        "penalty_per_100_words": s.penalty_per_100_words,
    }
    if s.metrics is not None:
        out["metrics"] = s.metrics
        out["metric_signatures"] = s.metric_signatures
    if s.gates:
        out["gates"] = [g.as_dict() for g in s.gates]
    if s.baselined is not None:
        out["baselined"] = s.baselined
    out["min_confidence"] = s.min_confidence
    out["hidden"] = s.hidden
    if s.distribution is not None and s.distribution.count:
        out["metric_distribution"] = s.distribution.as_dict()
    out["verdict"] = s.verdict
    return out


def render(report: Report, out: TextIO, **_options) -> None:
    out.write("{\n")
    out.write(f' "schema": {_dumps(SCHEMA_ID)},\n')
    out.write(f' "tool": {_dumps({"name": "mtqa", "version": report.info.version})},\n')
    out.write(f' "run": {_dumps(run_dict(report))},\n')
    out.write(' "segments": [')
    first = True
    for result in report:
        out.write("\n  " if first else ",\n  ")
        out.write(_dumps(segment_dict(result)))
        first = False
    out.write("\n ],\n")
    out.write(f' "summary": {_dumps(summary_dict(report))}\n')
    out.write("}\n")
