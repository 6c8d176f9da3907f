"""Registry meta-tests: every rule is well declared, documented and covered by must-fire and
must-not-fire cases in its family's test module."""
from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import tests.checks
from mtqa import rules
from mtqa.model import Severity
from mtqa.rules import CATEGORIES, FAMILIES, RuleDefinitionError, rule

ALL = rules.all_rules()


def _case_tables():
    fire, quiet = [], []
    for mod in pkgutil.iter_modules(tests.checks.__path__):
        if mod.name.startswith("test_"):
            m = importlib.import_module(f"tests.checks.{mod.name}")
            fire += getattr(m, "FIRE", [])
            quiet += getattr(m, "QUIET", [])
    return fire, quiet


FIRE, QUIET = _case_tables()


@pytest.mark.parametrize("r", ALL, ids=lambda r: r.code)
def test_rule_is_well_declared(r):
    assert re.fullmatch(r"[A-Z]{2}\d{3}", r.code) and r.family in FAMILIES
    assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", r.name)
    assert r.category in CATEGORIES
    assert r.docs.what and r.docs.why and r.docs.example
    assert "Flagged" in r.docs.example and "Corrected" in r.docs.example, "examples show both sides"
    assert r.summary.endswith(".")


@pytest.mark.parametrize("r", ALL, ids=lambda r: r.code)
def test_rule_has_must_fire_case(r):
    assert any(r.code in {code for code, _ in c.expected} for c in FIRE), f"{r.code} has no must-fire case"


@pytest.mark.parametrize("r", ALL, ids=lambda r: r.code)
def test_rule_has_must_not_fire_case(r):
    assert any(r.code in c.rules for c in QUIET), f"{r.code} has no must-not-fire case"


def test_codes_and_names_are_unique():
    assert len({r.code for r in ALL}) == len(ALL)
    assert len({r.name for r in ALL}) == len(ALL)


@pytest.mark.parametrize("kwargs,problem", [
    (dict(code="Q001", name="x-y"), "bad rule code"),
    (dict(code="ZZ001", name="x-y"), "bad rule code"),
    (dict(code="QT901", name="Fix_Quotes"), "bad rule name"),
    (dict(code="QT902", name="fix-quotes"), "bad rule name"),
    (dict(code="QT903", name="odd-thing", category="fluency/vibes"), "unknown category"),
    (dict(code="QT904", name="odd-thing", needs=("glossary",)), "needs"),
])
def test_bad_declarations_are_refused(kwargs, problem):
    kwargs = {"severity": Severity.MINOR, "category": "fluency/punctuation", **kwargs}
    with pytest.raises(RuleDefinitionError, match=problem):
        rule(kwargs.pop("code"), kwargs.pop("name"), **kwargs)(lambda s, c: iter(()))


def test_docstring_sections_are_required():
    def check(segment, ctx):
        """Flags something.

        ## What it does
        Something.
        """
        return iter(())

    with pytest.raises(RuleDefinitionError, match="lacks the section"):
        rule("QT905", "something-odd", severity=Severity.MINOR, category="fluency/punctuation")(check)
    assert "QT905" not in rules.REGISTRY


class TestSelect:
    def test_all_by_default(self):
        assert {r.code for r in rules.select()} == {r.code for r in ALL if not r.preview}

    def test_family_and_prefix_and_code(self):
        assert {r.family for r in rules.select(["QT"])} == {"QT"}
        assert [r.code for r in rules.select(["QT001"])] == ["QT001"]
        assert all(r.code.startswith("SP00") for r in rules.select(["SP00"]))

    def test_most_specific_selector_wins(self):
        codes = {r.code for r in rules.select(["SP"], ["SP002"])}
        assert "SP002" not in codes and "SP001" in codes
        assert [r.code for r in rules.select(["SP002"], ["SP"])] == ["SP002"]

    def test_unknown_selector_is_an_error(self):
        with pytest.raises(ValueError, match="unknown rule code"):
            rules.select(["XX999"])
        with pytest.raises(ValueError, match="unknown rule code"):
            rules.select(None, ["QT999"])
