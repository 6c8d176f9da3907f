"""OM: omission checks, must-fire and must-not-fire."""
import pytest

from tests.checks.cases import Fire, Quiet, assert_fires, assert_quiet

FIRE = [
    Fire(".", (("OM001", "."),), src="Le gouvernement a démissionné.", src_lang="fr"),
    Fire("", (("OM001", ""),)),
    Fire("   ", (("OM001", "   "),)),
    Fire("The minister resigned.", (("OM004", "The minister resigned."),),
         src="Le ministre a démissionné hier soir après trois jours de polémique sur ses frais de campagne électorale.",
         src_lang="fr"),
    Fire("The man coming from the direction of, who had the right of way.", (("OM006", "of"),)),
    Fire("Officials expected a slowdown as “” moved inland.", (("OM006", "“”"),)),
]

QUIET = [
    Quiet("The government resigned.", ("OM001",), src="Le gouvernement a démissionné.", src_lang="fr"),
    Quiet("—", ("OM001",), src="—", why="the source is empty of words too"),
    Quiet("42", ("OM001",), why="a number is content"),
    Quiet("The minister resigned last night after three days of controversy over his campaign expenses.",
          ("OM004",), src="Le ministre a démissionné hier soir après trois jours de polémique sur ses frais de campagne.",
          src_lang="fr"),
    Quiet("Yes, sure.", ("OM004",), src="Oui.", src_lang="fr", why="too short to judge"),
    Quiet("Franco A. bought a gun; the man I spoke to, and the one you know of.", ("OM006",)),
]


@pytest.mark.parametrize("case", FIRE, ids=lambda c: repr(c.hyp[:40]))
def test_fires(case):
    assert_fires(case)


@pytest.mark.parametrize("case", QUIET, ids=lambda c: repr(c.hyp[:40]))
def test_quiet(case):
    assert_quiet(case)
