"""LG: wrong output language."""
from tests.checks.cases import Fire, Quiet, family_tests

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


test_fires, test_quiet = family_tests(FIRE, QUIET)
