"""Baselines: accept today's findings so that a gate only fails on new ones.

A baseline file records each finding by segment id, rule, field and the flagged text (never
by offsets, which shift whenever a segment is edited upstream of the finding), with a count
for repeats. Checking against it removes as many matching findings per key as were recorded;
whatever is left is new. The file is JSON, sorted, so it diffs well in review:

    {"schema": "mtqa-baseline/1", "findings": [{"segment": "12", "rule": "SP001",
      "field": "hyp", "text": "year.The", "count": 1}, ...]}
"""
from __future__ import annotations

import collections
import json
import os
from dataclasses import replace
from typing import Iterable, Iterator

from mtqa import scoring
from mtqa.io.errors import InputError
from mtqa.io.limits import MAX_LINE_BYTES, LimitError, check_line_lengths, json_loads, line_too_long
from mtqa.io.output import atomic_write
from mtqa.model import Finding, SegmentResult

SCHEMA = "mtqa-baseline/1"
Key = tuple[str, str, str, str]


def key(segment_id: str, finding: Finding) -> Key:
    return (segment_id, finding.rule, finding.field, finding.text)


class BaselineRecorder:
    """Passes results through unchanged while counting their findings' keys."""

    def __init__(self) -> None:
        self.counts: collections.Counter[Key] = collections.Counter()

    def observe(self, results: Iterable[SegmentResult]) -> Iterator[SegmentResult]:
        for result in results:
            for f in result.findings:
                self.counts[key(result.segment.id, f)] += 1
            yield result

    def write(self, path: str, version: str) -> int:
        rows = [{"segment": s, "rule": r, "field": fl, "text": t, "count": n}
                for (s, r, fl, t), n in sorted(self.counts.items())]
        data = {"schema": SCHEMA, "tool": {"name": "mtqa", "version": version}, "findings": rows}

        def dump(fh) -> None:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")

        atomic_write(path, dump, what="baseline")
        return sum(self.counts.values())


def load(path: str) -> collections.Counter[Key]:
    """The counts recorded in a baseline file, or InputError naming the file (and line)."""
    try:
        if os.path.isdir(path):
            raise InputError(path, "is a directory, not a baseline file")
        with open(path, "rb") as fh:
            raw = fh.read()
        line = check_line_lengths(raw, MAX_LINE_BYTES)
        if line is not None:
            raise InputError(path, line_too_long(MAX_LINE_BYTES), line)
        data = json_loads(raw.decode("utf-8"))
    except LimitError as e:
        raise InputError(path, str(e)) from None
    except FileNotFoundError:
        raise InputError(path, "no such baseline file (write one with --write-baseline)") from None
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror or e})") from None
    except UnicodeDecodeError as e:
        raise InputError(path, "not valid UTF-8; convert the file to UTF-8",
                         raw.count(b"\n", 0, e.start) + 1) from None
    except json.JSONDecodeError as e:
        raise InputError(path, f"malformed baseline JSON ({e.msg} at column {e.colno})", e.lineno) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise InputError(path, f"is not an mtqa baseline (expected \"schema\": \"{SCHEMA}\" and a findings list)")
    counts: collections.Counter[Key] = collections.Counter()
    for i, row in enumerate(data["findings"]):
        try:
            k = (row["segment"], row["rule"], row["field"], row["text"])
            n = row.get("count", 1)
        except (KeyError, TypeError, AttributeError):
            raise InputError(path, f"finding #{i + 1} lacks segment, rule, field or text") from None
        if not all(isinstance(v, str) for v in k) or not isinstance(n, int) or n < 1:
            raise InputError(path, f"finding #{i + 1} has a value of the wrong type")
        counts[k] += n
    return counts


class BaselineFilter:
    """Drops the findings the baseline already has (as many per key as it recorded)."""

    def __init__(self, counts: collections.Counter[Key]):
        self._left = collections.Counter(counts)
        self.baselined = 0

    def apply(self, results: Iterable[SegmentResult]) -> Iterator[SegmentResult]:
        for result in results:
            kept = []
            for f in result.findings:
                k = key(result.segment.id, f)
                if self._left[k] > 0:
                    self._left[k] -= 1
                    self.baselined += 1
                else:
                    kept.append(f)
            if len(kept) == len(result.findings):
                yield result
            else:
                yield replace(result, findings=tuple(kept), score=scoring.segment_score(kept, result.metrics))
