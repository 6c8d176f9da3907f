"""NG: negation added by the translation."""
from mtqa.text.negation import negation_cues
from tests.checks.cases import Fire, Quiet, family_tests

FIRE = [
    Fire("Manche geben nicht auf.", (("RF003", "nicht"),), ref="Manche geben auf.", tgt_lang="de"),
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
    # Classes that must not hide a real added negation (issue 13): a focus construction, an
    # affix-negative word the translation keeps, a correlative pair.
    Fire("Not only the price but also the quality does not matter.", (("NG001", "not"),),
         src="价格和质量都很重要。", src_lang="zh"),
    Fire("It is impossible, and they did not do it.", (("NG001", "not"),),
         src="C'est impossible, et ils l'ont fait.", src_lang="fr"),
    Fire("Er hat weder Zeit noch Geld.", (("NG001", "weder"),),
         src="He has time and money.", src_lang="en", tgt_lang="de"),
    Fire("Die Stadt hat das Projekt nicht genehmigt.", (("NG001", "nicht"),),
         src="The city approved the project.", src_lang="en", tgt_lang="de"),
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
    # Issue 13 classes, each on both sides. Correlative / ambiguous words: German `noch` is
    # still/yet/else; it negates only after `weder`.
    Quiet("Das Lied klingt immer noch um uns herum.", ("NG001",),
          src="The song is still ringing around us.", src_lang="en", tgt_lang="de", why="noch = still"),
    Quiet("Wer ist sonst noch da draußen?", ("NG001",),
          src="Who else is out there?", src_lang="en", tgt_lang="de", why="noch = else"),
    Quiet("Ich habe ihn noch nie so müde gesehen.", ("NG001",),
          src="I have never seen him so tired.", src_lang="en", tgt_lang="de", why="noch nie = never, one event"),
    Quiet("He never said anything to anybody.", ("NG001",),
          src="Il n'a jamais rien dit à personne.", src_lang="fr", why="negative concord: one event"),
    # Focus constructions are no negations, on either side.
    Quiet("Sie bauen nicht nur Häuser, sondern auch Schulen.", ("NG001",),
          src="They build not only houses but also schools.", src_lang="en", tgt_lang="de"),
    Quiet("Sie bauen nicht nur Häuser, sondern auch Schulen.", ("NG001",),
          src="They build houses and also schools.", src_lang="en", tgt_lang="de", why="nicht nur ... sondern"),
    Quiet("It is not just a river but a border.", ("NG001",),
          src="No solo es un río, sino una frontera.", src_lang="es"),
    Quiet("It is a river and a border.", ("NG002",),
          src="这不仅是一条河，而且是一条边界。", src_lang="zh", ref="It is not only a river but also a border."),
    Quiet("It was not until the evening that they left.", ("NG001",),
          src="他们晚上才离开。", src_lang="zh", why="not until = only then"),
    # Negation by an affix on the other side is agreement.
    Quiet("Die Teilchen fliegen auf nicht abgelenkten Bahnen.", ("NG001",),
          src="The particles fly along undeflected paths.", src_lang="en", tgt_lang="de"),
    Quiet("Er war hilflos und konnte nicht fliehen.", ("NG001",),
          src="He was helpless and unable to escape.", src_lang="en", tgt_lang="de"),
    Quiet("It is not possible to say when.", ("NG001",),
          src="Il est impossible de dire quand.", src_lang="fr", why="impossible = not possible"),
    Quiet("He could not come to the meeting.", ("NG001",),
          src="Er konnte unmöglich zur Sitzung kommen.", src_lang="de"),
    Quiet("He was unable to come.", ("NG002",),
          src="Il ne pouvait pas venir.", src_lang="fr", ref="He could not come."),
    Quiet("There is no doubt that it works.", ("NG001",),
          src="毋庸置疑，它有效。", src_lang="zh", why="毋 is a literary negator"),
    Quiet("The signal was a bit weak.", ("NG002",),
          src="信号有点不强。", src_lang="zh", ref="The signal was not strong enough.", why="weak = not strong"),
    # Implicit negations of an English source (hardly ever, refuse) may be rendered with a negation.
    Quiet("Sie schläft fast nie.", ("NG001",),
          src="She hardly ever sleeps.", src_lang="en", tgt_lang="de"),
    Quiet("Einige geben nicht auf.", ("NG001",),
          src="Some refuse to give up.", src_lang="en", tgt_lang="de"),
    # Questions and litotes that only look negative.
    Quiet("I don't know whether he came or not.", ("NG001", "NG002"),
          src="我不知道他有没有来。", src_lang="zh", ref="I don't know if he came."),
    Quiet("She couldn't help laughing.", ("NG001",),
          src="她忍不住笑了。", src_lang="zh", ref="She couldn't help but laugh."),
    Quiet("She had to laugh.", ("NG002",),
          src="她忍不住笑了。", src_lang="zh", ref="She couldn't help but laugh."),
    Quiet("The sounds are so faint that we can't hear them.", ("NG001",),
          src="声音太小，我们听不到。", src_lang="zh", ref="The sounds are too faint for us to hear."),
    # RF003 (reference only) shares the counting: German implicit negations and inflected cues.
    Quiet("Manche geben nicht auf.", ("RF003",), ref="Manche weigern sich aufzugeben.", tgt_lang="de"),
    Quiet("Es gibt keine Möglichkeit, es jemandem zu sagen.", ("RF003",),
          ref="Man könnte es niemandem sagen.", tgt_lang="de"),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)


def test_cues_per_language():
    assert len(negation_cues("Il n'a jamais rien dit.", "fr")) == 1, "negative concord negates once"
    assert len(negation_cues("Il n'a rien dit et, en aucun cas, on ne l'a vu.", "fr")) == 3 - 1
    assert len(negation_cues("It isn't, and it never was.", "en")) == 2
    assert negation_cues("No. 4 player", "en") == ()
    # Only n't, in any case, makes an apostrophe a cue: possessives are none.
    assert negation_cues("The country's leader didn’t come; HE WON'T.", "en") == ((24, 27), (39, 42))
    assert negation_cues("The country's leader's car.", "en") == ()


def test_event_counts():
    """Negation events, not tokens: concord words join their clause; an inverted `nor will` opens one."""
    assert len(negation_cues("They didn't have corn, nor tomatoes.", "en")) == 1
    assert len(negation_cues("It will not leave traces, nor will space show curves.", "en")) == 2
    assert len(negation_cues("Er hat weder Zeit noch Geld.", "de")) == 1
    assert len(negation_cues("Er ist immer noch da.", "de")) == 0
    assert len(negation_cues("Non seulement il pleut, mais il vente.", "fr")) == 0
    assert len(negation_cues("Nejen prší, ale i fouká.", "cs")) == 0
    assert len(negation_cues("他不仅会唱歌，而且会跳舞。", "zh")) == 0
    assert len(negation_cues("你有没有看到？", "zh")) == 0


def test_affix_negatives():
    from mtqa.text.negation_affixes import is_affix_negative
    assert all(is_affix_negative(w, lang) for w, lang in [
        ("unable", "en"), ("impossible", "en"), ("careless", "en"), ("dishonest", "en"), ("non-violent", "en"),
        ("unmöglich", "de"), ("hilflosen", "de")])
    # Words that merely begin like a negation: no WordNet opposite, too short a base, an abbreviation.
    assert not any(is_affix_negative(w, lang) for w, lang in [
        ("discover", "en"), ("information", "en"), ("under", "en"), ("universe", "en"),
        ("UN-Experte", "de"), ("Unternehmen", "de"), ("impossible", "fr")])
