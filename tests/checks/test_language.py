"""LG: wrong output language."""
import pytest

from tests.checks.cases import Fire, Quiet, assert_fires, assert_quiet

FIRE = [
    Fire("Le gouvernement a présenté hier son projet de loi sur les retraites.",
         (("LG001", "Le gouvernement a présenté hier son projet de loi sur les retraites."),)),
    Fire("Die Regierung hat gestern ihren Gesetzentwurf zur Rentenreform vorgestellt.",
         (("LG001", "Die Regierung hat gestern ihren Gesetzentwurf zur Rentenreform vorgestellt."),)),
]

QUIET = [
    Quiet("The government presented its pension reform bill yesterday in Paris.", ("LG001",)),
    Quiet("Bonjour tout le monde.", ("LG001",), why="too short to judge"),
    Quiet("Le Monde and Der Spiegel reported that the Élysée had denied it.", ("LG001",)),
]


@pytest.mark.parametrize("case", FIRE, ids=lambda c: c.hyp[:40])
def test_fires(case):
    assert_fires(case)


@pytest.mark.parametrize("case", QUIET, ids=lambda c: c.hyp[:40])
def test_quiet(case):
    assert_quiet(case)
