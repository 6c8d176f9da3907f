"""QT: quotation-mark checks, must-fire and must-not-fire."""
import pytest

from tests.checks.cases import Fire, Quiet, assert_fires, assert_quiet

FIRE = [
    Fire("prevent them from contributing to it ” not on purpose “.",
         (("QT001", "” not on purpose “"),), suggestion="“not on purpose”"),
    Fire("Tehran has repeatedly ruled ” Incorrect “ US accusations.", (("QT001", "” Incorrect “"),)),
    Fire("He called the plan “a disaster and left.", (("QT002", "“"),)),
    Fire("He called the plan a disaster” and left.", (("QT002", "”"),)),
    Fire('She said "no and left.', (("QT002", '"'),)),
]

QUIET = [
    Quiet("He called the plan “a disaster” and left.", ("QT001", "QT002")),
    Quiet("“Hundreds” of drones have been received", ("QT001", "QT002")),
    Quiet("“The first paragraph of a long quotation\n\n“continues here,” she said.", ("QT002",),
          why="a quotation continued into the next paragraph"),
    Quiet('She said "no" and "yes" in one breath.', ("QT001", "QT002")),
    Quiet("The industrialists’ deals and the drones’ route.", ("QT002",), why="apostrophes are not quotes"),
    Quiet("Il a dit « non » hier.", ("QT001", "QT002"), tgt_lang="fr", why="rule is for English"),
]


@pytest.mark.parametrize("case", FIRE, ids=lambda c: c.hyp[:40])
def test_fires(case):
    assert_fires(case)


@pytest.mark.parametrize("case", QUIET, ids=lambda c: c.hyp[:40])
def test_quiet(case):
    assert_quiet(case)
