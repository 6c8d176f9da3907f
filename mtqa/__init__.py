"""mtqa: a machine-translation quality checker for news wires and translation batches.

Public API: `check()` for one segment, `check_document()` for an article, the value types,
and `__version__`. Everything here is pure: no printing, no exiting.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    from mtqa.model import Finding, Hit, Segment, SegmentResult, Severity

__version__ = "0.1.0"

_MODEL_NAMES = frozenset({"Confidence", "Finding", "Hit", "Segment", "SegmentResult", "Severity"})


def __getattr__(name: str):
    # The value types load on first use: `import mtqa` runs before the command line's signal
    # handlers are in place, so it must be nearly free (a Ctrl-C then would print a traceback).
    if name in _MODEL_NAMES:
        from mtqa import model

        return getattr(model, name)
    raise AttributeError(f"module 'mtqa' has no attribute {name!r}")

__all__ = ["check", "check_document", "Confidence", "Finding", "Hit", "Segment", "SegmentResult", "Severity",
           "__version__"]


def _run(segment: Segment, select: Iterable[str] | None, ignore: Iterable[str],
         project=None, preview: bool = False) -> SegmentResult:
    from mtqa import engine, rules
    from mtqa.config.project import ProjectData
    from mtqa.context import Context
    from mtqa.metrics.scores import MetricSuite

    chosen = rules.select(select, ignore, preview=preview)
    ctx = Context(src_lang=segment.src_lang, tgt_lang=segment.tgt_lang, project=project or ProjectData())
    metrics = MetricSuite() if segment.refs else None
    return engine.check_segment(segment, chosen, ctx, metrics)


def _refs(ref: str | Sequence[str] | None) -> tuple[str, ...]:
    if ref is None:
        return ()
    return (ref,) if isinstance(ref, str) else tuple(ref)


def check(hyp: str, src: str | None = None, ref: str | Sequence[str] | None = None, *,
          src_lang: str | None = None, tgt_lang: str | None = "en",
          select: Iterable[str] | None = None, ignore: Iterable[str] = (),
          project=None, preview: bool = False) -> SegmentResult:
    """Check one translated segment (with its source and references when you have them).

    `project` is a `mtqa.config.project.ProjectData` (boilerplate, glossary, do-not-translate terms)."""
    from mtqa.model import Segment

    return _run(Segment(id="1", index=0, hyp=hyp, src=src, refs=_refs(ref), src_lang=src_lang,
                        tgt_lang=tgt_lang), select, ignore, project, preview)


def check_document(hyp: str, src: str | None = None, ref: str | Sequence[str] | None = None, *,
                   src_lang: str | None = None, tgt_lang: str | None = "en", doc_id: str = "document",
                   select: Iterable[str] | None = None, ignore: Iterable[str] = (),
                   project=None, preview: bool = False) -> SegmentResult:
    """Check a whole article; finding offsets are into the whole text."""
    from mtqa.model import Segment

    return _run(Segment(id=doc_id, index=0, hyp=hyp, src=src, refs=_refs(ref), src_lang=src_lang,
                        tgt_lang=tgt_lang, is_document=True), select, ignore, project, preview)
