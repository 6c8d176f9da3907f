"""Core value types: severities, segments, hits, findings and per-segment results.

Everything here is an immutable value. Checks produce `Hit`s; only the engine turns a
Hit into a `Finding`, and it alone sets `text = field[start:end]`, so the offset
contract of the JSON report holds by construction.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Mapping


class Severity(enum.IntEnum):
    """MQM-style severity; ordered so that a fail-on threshold is a comparison."""

    MINOR = 1
    MAJOR = 2
    CRITICAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    def __str__(self) -> str:  # "major", not "Severity.MAJOR"
        return self.label

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected minor, major or critical)") from None


class Confidence(enum.IntEnum):
    """How sure a finding is, from the rule and the evidence behind the hit; ordered so that a
    `--min-confidence` threshold is a comparison. A major or critical finding of low confidence
    is a lead for a person, not a gate (README: "Precision")."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def rank(self) -> int:
        """SARIF `rank` (0-100): how likely the result is a true positive."""
        return {Confidence.LOW: 30, Confidence.MEDIUM: 60, Confidence.HIGH: 90}[self]

    def __str__(self) -> str:
        return self.label

    @classmethod
    def parse(cls, value: "str | Confidence") -> "Confidence":
        if isinstance(value, Confidence):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown confidence {value!r} (expected low, medium or high)") from None


#: The text fields of a segment a finding may point into.
FIELDS = ("hyp", "src", "ref")


@dataclass(frozen=True, slots=True)
class Segment:
    """One unit of checking: a translated sentence, a record, or a whole article (--doc).

    `refs` holds every reference; findings with field "ref" point into `refs[0]`.
    Languages are ISO 639-1 codes or None when unknown. `file` and `line` say where the segment
    was read from (the input file's display name, and the 1-based line its record starts on when
    the format has lines); reporters use them for annotations, checks never do.
    """

    id: str
    index: int
    hyp: str
    src: str | None = None
    refs: tuple[str, ...] = ()
    src_lang: str | None = None
    tgt_lang: str | None = None
    is_document: bool = False
    file: str | None = None
    line: int | None = None

    @property
    def ref(self) -> str | None:
        return self.refs[0] if self.refs else None

    def field_text(self, name: str) -> str | None:
        if name == "hyp":
            return self.hyp
        if name == "src":
            return self.src
        if name == "ref":
            return self.ref
        raise ValueError(f"unknown field {name!r}")


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check yields: a half-open character span in one field and what is wrong there."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    field: str = "hyp"
    severity: Severity | None = None  # overrides the rule's default when set
    confidence: Confidence | None = None  # overrides the rule's default when set
    #: a replacement for the span that `mtqa fix` may apply (mechanical artefacts only: never
    #: numbers, names or negations); None when the finding needs a person
    fix: str | None = None
    #: other spans that are evidence for the same error, as (field, start, end): the source
    #: number a wrong translation number stands for, the first copy of a repeated title
    related: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Related:
    """Another rule's evidence for the same error, folded into one finding."""

    rule: str
    field: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"rule": self.rule, "field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Finding:
    """A Hit bound to its rule, with the flagged text copied from the field."""

    rule: str
    name: str
    severity: Severity
    category: str
    message: str
    field: str
    start: int
    end: int
    text: str
    suggestion: str | None = None
    confidence: Confidence = Confidence.HIGH
    related: tuple[Related, ...] = ()
    fix: str | None = None

    def as_dict(self) -> dict:
        out = {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.label,
            "category": self.category,
            "message": self.message,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "suggestion": self.suggestion,
            "confidence": self.confidence.label,
        }
        if self.related:
            out["related"] = [r.as_dict() for r in self.related]
        return out


@dataclass(frozen=True, slots=True)
class SentenceResult:
    """One aligned sentence pair of a document and its reference (`--doc --ref`), with its metrics.

    Spans are offsets into the hyp and the first reference; a side is None when the sentence has
    no counterpart (then `metrics` is None too). A merged side spans its sentences.
    """

    hyp: tuple[int, int] | None
    ref: tuple[int, int] | None
    kind: str                                # "1-1", "1-2", "2-1", "1-0", "0-1"
    metrics: Mapping[str, float] | None = None


@dataclass(frozen=True, slots=True)
class SegmentResult:
    """The findings, penalty and (with a reference) metrics of one segment."""

    segment: Segment
    findings: tuple[Finding, ...]
    score: float
    words: int
    metrics: Mapping[str, float] | None = None
    metric_stats: Mapping[str, tuple] | None = field(default=None, compare=False, repr=False)
    #: documents with a reference: the aligned sentence pairs, in document order
    sentences: tuple[SentenceResult, ...] | None = None

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)
