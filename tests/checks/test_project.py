"""PJ: project data rules (boilerplate, glossary, do-not-translate), must-fire and must-not-fire."""
import pytest

from mtqa.config.project import ProjectData
from tests.checks.cases import Fire, Quiet, assert_fires, assert_quiet

DATA = ProjectData(
    boilerplate=("Subscribe to our Telegram channel", "Read also"),
    glossary=(("ministère des Armées", ("Ministry of the Armed Forces", "Armed Forces Ministry")),
              ("drone", ("drone",))),
    do_not_translate=("Le Monde", "Shahed"),
)

FIRE = [
    Fire("The talks resumed. Subscribe to our  telegram channel.",
         (("PJ001", "Subscribe to our  telegram channel"),), project=DATA),
    Fire("READ ALSO: the earlier story.", (("PJ001", "READ ALSO"),), project=DATA),
    Fire("a spokesman for the Ministry of Armies said", (("PJ002", "ministère des Armées"),),
         src="un porte-parole du ministère des Armées a dit", src_lang="fr", project=DATA),
    Fire("according to The World", (("PJ003", "Le Monde"),), src="selon Le Monde", src_lang="fr",
         project=DATA),
    Fire("according to le monde", (("PJ003", "Le Monde"),), src="selon Le Monde", src_lang="fr",
         project=DATA),
]

QUIET = [
    Quiet("Subscribe to our Telegram channel.", ("PJ001", "PJ002", "PJ003"),
          src="Abonnez-vous à notre chaîne Telegram.", src_lang="fr",
          why="no project data: the rules find nothing"),
    Quiet("Already subscribed to our Telegram channels.", ("PJ001",), project=DATA,
          why="word boundaries: 'channels' is not the phrase"),
    Quiet("a spokesman for the armed forces ministry said", ("PJ002",),
          src="un porte-parole du ministère des Armées a dit", src_lang="fr", project=DATA,
          why="any one of the required translations is enough, case-insensitively"),
    Quiet("the minister said", ("PJ002",), src="le ministre a dit", src_lang="fr", project=DATA,
          why="the source has no glossary term"),
    Quiet("Shahed drones, according to Le Monde", ("PJ002", "PJ003"),
          src="des drones Shahed, selon Le Monde", src_lang="fr", project=DATA),
    Quiet("the world is large", ("PJ003",), src="le monde est grand", src_lang="fr", project=DATA,
          why="do-not-translate terms match case-sensitively"),
]


@pytest.mark.parametrize("case", FIRE, ids=lambda c: repr(c.hyp[:40]))
def test_fires(case):
    assert_fires(case)


@pytest.mark.parametrize("case", QUIET, ids=lambda c: repr(c.hyp[:40]))
def test_quiet(case):
    assert_quiet(case)


def test_project_findings_point_into_the_source():
    from mtqa import check

    result = check("according to The World", src="selon Le Monde", src_lang="fr", project=DATA)
    (finding,) = [f for f in result.findings if f.rule == "PJ003"]
    assert finding.field == "src" and "selon Le Monde"[finding.start:finding.end] == "Le Monde"
