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
    # Negative concord negates once: the source's three cues are one negation, the translation adds one.
    Fire("He did not publish anything, and nobody was not told.", (("NG001", "not"),),
         src="Nikdo nic nezveřejnil, a to vůbec nic.", src_lang="cs"),
    # With a reference too, the source still witnesses an added negation the reference words otherwise.
    Fire("Investigators did not find crystals in the urine.", (("NG001", "not"),),
         src="Les enquêteurs ont découvert des cristaux dans l'urine.", src_lang="fr",
         ref="Investigators were unable to find crystals in the urine."),
    # A negation of the source and the reference that the translation drops.
    Fire("The new demands could be met, the ministry said.", (("NG002", "not"),),
         src="Die neuen Forderungen könnten nicht erfüllt werden, teilte das Ministerium mit.", src_lang="de",
         ref="The new demands could not be met, the ministry said."),
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
    Quiet("It worked and I didn't have to get used to the track.", ("NG001",),
          src="Es hat funktioniert und ich musste mich wenig an die Strecke gewöhnen.", src_lang="de",
          ref="It worked and I didn't need to get used to the track.",
          why="the reference negates as often: the source said it without a negation word"),
    Quiet("China was initially ill-prepared and the pathogen was unidentifiable.", ("NG002",),
          src="起初中国准备不足，病原体无法确定。", src_lang="zh",
          ref="China wasn't prepared at first, and it couldn't identify the pathogen.",
          why="negative prefixes render the negations"),
    Quiet("Schumacher also pulled out shortly after Alonso.", ("NG002",),
          src="舒马赫在阿隆索退赛后不久也退出了比赛。", src_lang="zh",
          ref="Schumacher ended his race not long after Alonso.", why="'not long after' is no negation"),
    Quiet("They did not know corn, tomatoes or cocoa.", ("NG002",),
          src="Nie znali kukurydzy, pomidorów ani kakao.", src_lang="pl",
          ref="They didn't have corn, nor tomatoes, nor cocoa.", why="concord: nor repeats the negation"),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)


def test_cues_per_language():
    assert len(negation_cues("Il n'a jamais rien dit.", "fr")) == 1, "negative concord negates once"
    assert len(negation_cues("Il n'a rien dit et, en aucun cas, on ne l'a vu.", "fr")) == 3 - 1
    assert len(negation_cues("It isn't, and it never was.", "en")) == 2
    assert negation_cues("No. 4 player", "en") == ()
