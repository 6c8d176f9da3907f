"""Case tables for check tests: what must fire (code and flagged text) and what must stay quiet."""
from __future__ import annotations

from dataclasses import dataclass, field

from mtqa import check


@dataclass(frozen=True)
class Fire:
    """`hyp` (with optional src/ref) must produce each (code, flagged text) in `expected`."""

    hyp: str
    expected: tuple[tuple[str, str], ...]
    src: str | None = None
    ref: str | None = None
    src_lang: str | None = None
    tgt_lang: str = "en"
    suggestion: str | None = None  # when set, the first expected finding must suggest this
    doc: bool = False
    project: object = None  # mtqa.config.project.ProjectData for the PJ rules


@dataclass(frozen=True)
class Quiet:
    """None of `rules` may fire on this text."""

    hyp: str
    rules: tuple[str, ...]
    src: str | None = None
    ref: str | None = None
    src_lang: str | None = None
    tgt_lang: str = "en"
    why: str = field(default="")
    project: object = None
    doc: bool = False


def run_case(case):
    from mtqa import check_document

    fn = check_document if getattr(case, "doc", False) else check
    # Preview rules are tested like the others: they are off by default, not untested.
    return fn(case.hyp, src=case.src, ref=case.ref, src_lang=case.src_lang, tgt_lang=case.tgt_lang,
              project=case.project, preview=True)


def assert_fires(case: Fire) -> None:
    result = run_case(case)
    # A rule's evidence folded into another rule's finding of the same error (`related`) still
    # counts as found: one error is one finding, and every witness of it is kept.
    got = [(f.rule, f.text) for f in result.findings] + [(r.rule, r.text) for f in result.findings
                                                          for r in f.related]
    for exp in case.expected:
        assert exp in got, f"expected {exp} in {got}"
    if case.suggestion is not None:
        first = next(f for f in result.findings if (f.rule, f.text) == case.expected[0])
        assert first.suggestion == case.suggestion


def assert_quiet(case: Quiet) -> None:
    result = run_case(case)
    fired = [(f.rule, f.text) for f in result.findings if f.rule in case.rules]
    assert not fired, f"{case.why or case.hyp!r}: unexpected {fired}"


def family_tests(fire: list[Fire], quiet: list[Quiet]):
    """The two parametrized tests of a family module: `test_fires, test_quiet = family_tests(FIRE, QUIET)`."""
    import pytest

    @pytest.mark.parametrize("case", fire, ids=lambda c: c.hyp[:40])
    def test_fires(case):
        assert_fires(case)

    @pytest.mark.parametrize("case", quiet, ids=lambda c: c.hyp[:40])
    def test_quiet(case):
        assert_quiet(case)

    return test_fires, test_quiet
