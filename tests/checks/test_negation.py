"""NG: negation added by the translation."""
from mtqa.text.negation import negation_cues
from tests.checks.cases import Fire, Quiet, family_tests

FIRE = [
    Fire("Both acids were not found in the samples.", (("NG001", "not"),),
         src="Les deux acides ont été trouvés dans les échantillons.", src_lang="fr"),
    Fire("Comets may not have been the source of Earth's water.", (("NG001", "not"),),
         src="彗星可能是地球上的水的来源。", src_lang="zh"),
    Fire("I don't know if most goods are not duty free.", (("NG001", "not"),),
         src="Nie wiem, czy większość towarów jest wolna od cła.", src_lang="pl"),
    Fire("He never said that.", (("NG001", "never"),), src="Er hat das gesagt.", src_lang="de"),
]

QUIET = [
    Quiet("Both acids were not found in the samples.", ("NG001",),
          src="Les deux acides n'ont pas été trouvés dans les échantillons.", src_lang="fr"),
    Quiet("I don't see them doing ten more seasons.", ("NG001",),
          src="Je les vois pas faire dix saisons de plus.", src_lang="fr", why="spoken French without ne"),
    Quiet("However, the rules will complicate voting.", ("NG001",),
          src="Sin embargo, las reglas complicarán el voto.", src_lang="es", why="sin embargo = however"),
    Quiet("If you are not used to country roads, be careful.", ("NG001",),
          src="Pokud nejste zvyklí na venkovské cesty, buďte opatrní.", src_lang="cs"),
    Quiet("Not only the price but also the quality matters.", ("NG001",),
          src="价格和质量都很重要。", src_lang="zh", why="'not only' does not negate"),
    Quiet("The players were different and the drone was fast.", ("NG001",),
          src="球员们不同，无人机很快。", src_lang="zh", why="不同 and 无人机 do not negate"),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)


def test_cues_per_language():
    assert len(negation_cues("Il n'a jamais rien dit.", "fr")) == 1 + 1 + 1
    assert len(negation_cues("It isn't, and it never was.", "en")) == 2
    assert negation_cues("No. 4 player", "en") == ()
