"""OM: omission checks, must-fire and must-not-fire."""
import pytest

from tests.checks.cases import Fire, Quiet, assert_fires, assert_quiet

FIRE = [
    Fire(".", (("OM001", "."),), src="Le gouvernement a démissionné.", src_lang="fr"),
    Fire("", (("OM001", ""),)),
    Fire("   ", (("OM001", "   "),)),
]

QUIET = [
    Quiet("The government resigned.", ("OM001",), src="Le gouvernement a démissionné.", src_lang="fr"),
    Quiet("—", ("OM001",), src="—", why="the source is empty of words too"),
    Quiet("42", ("OM001",), why="a number is content"),
]


@pytest.mark.parametrize("case", FIRE, ids=lambda c: repr(c.hyp[:40]))
def test_fires(case):
    assert_fires(case)


@pytest.mark.parametrize("case", QUIET, ids=lambda c: repr(c.hyp[:40]))
def test_quiet(case):
    assert_quiet(case)
