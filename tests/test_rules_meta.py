"""Registry meta-tests: every rule is well declared, documented, lives in its family's module and
is covered by must-fire and must-not-fire cases that can run; every word list a module names
exists; the package stays in small modules. (Each rule's example is run in test_rule_examples.py.)"""
from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import mtqa
import tests.checks
from mtqa import rules
from mtqa.resources import lexicons
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
    assert r.docs.what and r.docs.why and r.docs.example.hyp and r.docs.example.fixed
    assert r.summary.endswith(".")


@pytest.mark.parametrize("r", ALL, ids=lambda r: r.code)
def test_rule_has_must_fire_case(r):
    assert any(r.code in {code for code, _ in c.expected} for c in FIRE), f"{r.code} has no must-fire case"


@pytest.mark.parametrize("r", ALL, ids=lambda r: r.code)
def test_rule_has_must_not_fire_case(r):
    assert any(r.code in c.rules for c in QUIET), f"{r.code} has no must-not-fire case"


def _given(case) -> set[str]:
    return {need for need in ("src", "ref") if getattr(case, need)}


@pytest.mark.parametrize("case", FIRE + QUIET, ids=lambda c: c.hyp[:40])
def test_case_gives_what_its_rules_need(case):
    # The engine skips a rule whose needs are missing: such a case could never fail.
    known = {r.code: r for r in ALL}
    codes = [code for code, _ in case.expected] if hasattr(case, "expected") else list(case.rules)
    for code in codes:
        assert code in known, f"the case names an unknown rule {code}"
        missing = known[code].needs - _given(case)
        assert not missing, f"{code} needs {sorted(missing)}, which the case does not give"


CHECKS_DIR = Path(mtqa.__file__).parent / "checks"
# A rule is declared by `@rule("QT001", ...)` or by a kind such as `kinds.existence("BP002", ...)`.
_DECLARATION_RE = re.compile(r'(?:@rule|\bkinds\.\w+)\(\s*"([A-Z]{2}\d{3})"')


def _declaring_modules() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted(CHECKS_DIR.glob("*.py")):
        for code in _DECLARATION_RE.findall(path.read_text(encoding="utf-8")):
            out.setdefault(code, []).append(path.stem)
    return out


@pytest.mark.parametrize("r", ALL, ids=lambda r: r.code)
def test_rule_lives_in_its_family_module(r):
    modules = _declaring_modules().get(r.code, [])
    assert len(modules) == 1, f"{r.code} is declared in {modules or 'no module under mtqa/checks'}"
    assert modules[0].startswith(r.family_name), \
        f"{r.code} ({r.family_name}) is declared in checks/{modules[0]}.py"


# Lists are named by literal file names, often through a helper or a kind's `lexicon=`:
# every such literal in the package counts, wherever it is passed.
_LEXICON_NAME_RE = re.compile(r'"([a-z0-9_]+\.(?:txt|tsv))"')


def test_every_lexicon_name_used_exists():
    package = Path(mtqa.__file__).parent
    used = {name for path in package.rglob("*.py")
            for name in _LEXICON_NAME_RE.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 20, "the scan no longer sees the lexicon calls"
    assert not used - lexicons.known_names(), "word lists named in code but shipped by no language"


def test_an_unknown_lexicon_name_fails_loudly():
    with pytest.raises(lexicons.UnknownLexiconError, match="stopwordz.txt"):
        lexicons.words("stopwordz.txt", "en")
    # A known list a language does not ship is honest missing data, not an error.
    assert lexicons.words("negation.txt", "xx") == frozenset()


PACKAGE = Path(mtqa.__file__).parent


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_500_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 500, f"{path.relative_to(PACKAGE)} has {lines} lines: split it by job"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_says_what_it_is_for(path):
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), "a module docstring"


def test_at_most_12_modules_at_the_top_level():
    # The top level is the model and the run; everything else belongs to a subpackage.
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 12, f"{len(top)} modules directly in mtqa/: {top}"


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
