"""RF: differences from the reference whose class makes them errors."""
from mtqa.text.antonyms import are_opposites
from tests.checks.cases import Fire, Quiet, family_tests

FIRE = [
    Fire("He was able to leave the city.", (("RF004", "able"),), ref="He was unable to leave the city."),
    Fire("Russia received 30 drones.", (("RF001", "30"),), ref="Russia received 300 drones.", suggestion="300"),
    Fire("Russia received until last May “favorable” Iranian attack drones.", (("RF001", "favorable"),),
         ref="By last May Russia had received “several hundred” Iranian attack drones.", suggestion="several hundred"),
    Fire("The drones left from the port of Baku.", (("RF002", "Baku"),),
         ref="The drones left from the port of Makhachkala."),
    Fire("The acid was not found in the samples.", (("RF003", "not"),), ref="The acid was found in the samples."),
    Fire("Prices rose sharply in May.", (("RF004", "rose"),), ref="Prices fell sharply in May.", suggestion="fell"),
    Fire("Here he overlooked the motorcyclist coming from Nellingen.", (("RF009", "he"),),
         ref="In this case, she overlooked the motorbike driver who came from Nellingen."),
    Fire("John Lewis preached to chickens on her farm.", (("RF009", "her"),),
         ref="John Lewis preached to chickens on his family farm."),
    Fire("Cyanuric both pet of died acid after contaminated and food were found pets urine eating in samples.",
         (("RF008", "Cyanuric both pet of died acid after contaminated and food were found pets urine eating in samples."),),
         ref="Cyanuric acid and melamine were both found in urine samples of pets who died after eating contaminated food."),
    # WordNet's direct antonyms of common words extend the list (abundant/scarce).
    Fire("Water was abundant in the valley.", (("RF004", "abundant"),), ref="Water was scarce in the valley.",
         suggestion="scarce"),
    # Both sides negated: still opposites.
    Fire("The bridge was not opened in May.", (("RF004", "opened"),), ref="The bridge was not closed in May."),
    # An adjective similar to one side of an antonym pair (tiny ~ small, against big), in the
    # reference's place for it.
    Fire("A tiny crowd gathered in the square.", (("RF004", "tiny"),), ref="A big crowd gathered in the square."),
    # Opposites through close senses (lenient ~ strict through severe), and two adverbs as their
    # adjectives (slowly/suddenly: slow/sudden).
    Fire("A relatively lenient law came into force.", (("RF004", "lenient"),),
         ref="A relatively strict law came into force."),
    Fire("Many companies slowly applied for help.", (("RF004", "slowly"),),
         ref="Many companies suddenly applied for help."),
    # The same place is also a short run of words reworded between matching words.
    Fire("The man who legitimately crossed the border on July 19 was caught.", (("RF004", "legitimately"),),
         ref="The man who had illegally crossed the border on July 19 was caught.", suggestion="illegally"),
    # Words are counted: one of the reference's two "highest" is missing.
    Fire("The lowest peak of the highest range is in the south.", (("RF004", "lowest"),),
         ref="The highest peak of the highest range is in the south."),
    Fire("You can also seek cheap advice from other governments.", (("RF010", "cheap"),),
         ref="You can also seek advice from other governments."),
    Fire("The Rheinische Post that the plane collided with a balloon.", (("RF011", "wrote"),),
         ref="The Rheinische Post wrote that the plane collided with a balloon."),
    # The past form of any verb, where it is a verb (neither after an article or an auxiliary,
    # nor before a preposition).
    Fire("The ministry that the talks had failed.", (("RF011", "reported"),),
         ref="The ministry reported that the talks had failed."),
    Fire("In this case, overlooked the motorcyclist coming from Nellingen.", (("RF012", "she"),),
         ref="In this case, she overlooked the motorcyclist coming from Nellingen."),
    Fire("Since Otani was the last batter, became the runner on second base.", (("RF012", "he"),),
         ref="Since Otani was the last batter, he became the runner on second base."),
    Fire("He was irresponsible for the decision.", (("RF004", "irresponsible"),),
         ref="He was responsible for the decision."),
    Fire("from the Iranian port of Amirbad on the Caspian Sea", (("RF005", "Amirbad"),),
         ref="from the Iranian port of Amirabad on the Caspian Sea", suggestion="Amirabad"),
    Fire("The ceremony will take place on Friday in the capital city.",
         (("RF006", "The ceremony will take place on Friday in the capital city."),),
         ref="Cyanuric acid and melamine were found in urine samples from pets."),
    Fire("He hopes someone will drive out Jędraszewski.", (("RF007", "Rydzyk"),),
         ref="He hopes Rydzyk will drive out Jędraszewski."),
]

QUIET = [
    Quiet("The report will discover the details.", ("RF004",), ref="The report will cover the details.",
          why="words that merely contain each other are not opposites"),
    Quiet("Imagine that all the bricks can be actually calculated.", ("RF011",),
          ref="Imagine that all bricks can be computed actually.",
          why="the verb is rendered by a synonym moved past the adverb"),
    Quiet("We need redundancy so that what we build successfully is what we want.", ("RF011",),
          ref="We need redundancy so that what we successfully built is what we want.",
          why="another form of the same verb, moved"),
    Quiet("We weren't even here.", ("RF011",), ref="We didn't even exist here.",
          why="another verb in the verb's place"),
    Quiet("Prices rose sharply in May after the big storm hit.", ("RF008",),
          ref="Prices then rose very sharply again in late May right after that storm.",
          why="the reference's words in the reference's order, pairs broken by added words: a rewording"),
    Quiet("I want to tell you that the universe is playing non-stop.", ("RF012",),
          ref="I want to tell you that the universe is playing it non-stop.",
          why="`it` after a verb is its object, not a dropped subject"),
    Quiet("We would never want to be like this.", ("RF012",), ref="We would never want it to be like this.",
          why="`it` after `want` is an object"),
    Quiet("Russia received several hundred drones, 2,000 in all.", ("RF001",),
          ref="Russia received hundreds of drones, two thousand in all."),
    Quiet("The number 40 was in the source.", ("RF001",), src="Le nombre 40 était dans la source.", src_lang="fr",
          ref="The number forty was in the source.", why="with a source, NU001 speaks"),
    Quiet("Lech Wałęsa spoke to the USA and the EU.", ("RF002", "RF005", "RF007"),
          ref="Lech Wałęsa spoke to the United States and the European Union."),
    Quiet("The acid wasn't found.", ("RF003",), ref="No acid was found."),
    Quiet("Many countries have not managed to reach the podium, earning next to nothing.", ("RF003",),
          ref="Many countries failed to reach the podium, earning barely any money.",
          why="a verb or an adverb that means the negation (failed, barely)"),
    Quiet("Prices rose sharply, more than expected.", ("RF004",), ref="Prices rose steeply, more than forecast."),
    Quiet("You can seek cheap advice, or advice from both governments.", ("RF010",),
          ref="You can seek inexpensive advice, or advice from the two governments.",
          why="an adjective in the reference's place for another; a function word"),
    Quiet("Three sailors died last week, the US Navy said; the Post reported that a plane crashed.", ("RF011",),
          ref="Three sailors died last week, informed the US Navy; the Post, citing witnesses, wrote that a plane crashed.",
          why="a verb in another place, or across a comma, is a rephrasing, not a hole"),
    Quiet("Drink water or tea, a diuretic; the accused are Baba and Gaza; the consulate in Houston.", ("RF011",),
          ref="Drink water or tea, a known diuretic; the accused are named Baba and Gaza; the consulate opened in Houston.",
          why="past forms as adjectives, passives and participle phrases: dropping them keeps the claim"),
    Quiet("Rain will increase through Monday in southwestern China; he ended work with Patriotic Revolution.", ("RF007",),
          src="Do poniedziałku opady wzrosną w południowo-zachodnich Chinach; zakończył współpracę z KWW "
              "Patriotyczna Rewolucja.",
          src_lang="pl",
          ref="Rain will increase into the 27th (Mon) in Southwest China; he ended work with Patriotyczna Rewolucja.",
          why="abbreviations, compass points, and source words the reference left untranslated"),
    Quiet("He was one of the few governors in Russia, but was detained; pests that are rare; the bridge is long and has two lanes.",
          ("RF012",),
          ref="He was one of the few governors in Russia, but he was detained; pests that they are; the bridge is long and it has two lanes.",
          why="after a conjunction or a relative word English leaves the subject out"),
    Quiet("He said he would come, and they said so too.", ("RF012",),
          ref="He said he would come, and they said so too.", why="the same pronouns"),
    Quiet("A tiny crowd gathered near the square.", ("RF004",),
          ref="A crowd gathered near the big square.",
          why="a loosely opposite word counts only in the reference's place for it"),
    Quiet("The group legitimately entered the zone on Monday.", ("RF004",),
          ref="The group, which had illegally and secretly planned it for weeks, entered the zone on Monday.",
          why="a wider rewording has no word in the place of another"),
    Quiet("Many smaller cats feed on much larger numbers of small prey.", ("RF004",),
          ref="Many small cats feed on a far greater number of small prey.",
          why="a word the translation has fewer times is there in another form (small, smaller)"),
    Quiet("It delivered 45 aircraft a year ago, and the flight was slow.", ("RF004",),
          ref="It delivered 45 aircraft a year earlier, and the flight was leisurely.",
          why="words like one same sense (ago and earlier, like past) are no opposites"),
    Quiet("In urine samples of pets that died, both melamine and cyanuric acid were found.", ("RF008",),
          ref="Cyanuric acid and melamine were both found in urine samples of pets who died.",
          why="a paraphrase reorders phrases but keeps word pairs"),
    Quiet("Melamine found.", ("RF008",), ref="Found melamine.", why="too short to judge"),
    Quiet("She said he would come, and his wife agreed.", ("RF009",),
          ref="She said that he would come; his wife agreed.", why="same pronouns"),
    Quiet("The minister said she would resign.", ("RF009",),
          ref="The minister announced her resignation.", why="same gender, other pronouns"),
    Quiet("He said the report was ready.", ("RF009",),
          ref="According to the spokesman, the report was ready.", why="the reference has no pronoun to contradict"),
    Quiet("Many countries have not managed to reach the podium, shortly after the start.", ("RF004",),
          ref="Many countries failed to reach the podium, not long after the start.",
          why="a negated word means its opposite"),
    Quiet("Homes in the area have no water and the lights are on.", ("RF004",),
          ref="Some homes in the area are without water and the lights are off in none.",
          why="WordNet's function-word pairs (no/some, on/off) are left out"),
    Quiet("Cyanuric acid and melamine were both found in urine samples of pets.", ("RF006",),
          ref="Both cyanuric acid and melamine were found in urine samples from pets that died."),
    Quiet("Yes, he said so.", ("RF006",), ref="Nothing like it.", why="too short to judge"),
]

test_fires, test_quiet = family_tests(FIRE, QUIET)


def test_opposites():
    assert are_opposites("larger", "smaller") and are_opposites("opened", "closed")
    assert are_opposites("began", "ended") and are_opposites("responsible", "irresponsible")
    assert not are_opposites("closer", "closed") and not are_opposites("city", "cities")


def test_closest_name_bound_keeps_the_answer():
    """`closest_name` skips difflib for words that cannot reach 0.8: the same answer as the
    plain search over every capitalised word (ties, misses, inflections, accents)."""
    import difflib

    from mtqa.text.names.spelling import fold
    from mtqa.text.names.target_evidence import closest_name, target_evidence
    from mtqa.text.tokens import words

    def plain(name, text):
        f, best, best_ratio = fold(name), None, 0.0
        for tok in words(text):
            c = fold(tok.text)
            if not tok.text[:1].isupper() or c == f or len(c) < 4:
                continue
            ratio = difflib.SequenceMatcher(a=f, b=c).ratio()
            if ratio > best_ratio:
                best, best_ratio = tok.text, ratio
        return best if best_ratio >= 0.8 else None

    text = "Volgograd, Volgogradt and Volograd met Müller, Mueller, Jędraszewski and Archbishop Rydzyk in Odesa."
    ev = target_evidence(text)
    for name in ("Volograd", "Volgograd", "Muller", "Jedraszewski", "Rydzik", "Odessa", "Izmail", "Archbishops",
                 "Vol", "Ab", "Odesa"):
        assert closest_name(ev, name, text) == plain(name, text), name


def test_opposite_quick_test_is_exact():
    """RF004's quick test says False only where the full count finds no candidate word."""
    import collections

    from mtqa.checks.reference import _LOW_WORD_RE, _WORD_RE, _may_have_opposites, _surplus_words
    from mtqa.text import antonyms
    from mtqa.text.lower_words import lower_words

    cases = [(f.hyp, f.ref) for f in FIRE if f.ref] + [(q.hyp, q.ref) for q in QUIET if q.ref] + [
        ("The lowest peak of the highest range.", "The highest peak of the highest range."),
        ("It was possible and legal.", "It was impossible and illegal, the lawyers said."),
        ("He was unable to come, 2019.", "He was able to come in 2019."),
    ]
    for hyp, ref in cases:
        hyp_low, ref_low = lower_words(hyp), lower_words(ref)
        counts = collections.Counter(hyp_low)
        hyp_only = [w for w in counts if w not in set(ref_low)]
        only_ref = [w for w in _surplus_words(ref_low, counts, hyp_only) if _WORD_RE.match(w)]
        bases, loose = antonyms.base_forms_of(only_ref), antonyms.loose_forms(only_ref)
        maybe = [w for w in hyp_only if _LOW_WORD_RE.fullmatch(w) and (
            antonyms.has_opposite_in(w, bases) or not antonyms.loose_opposites_of(w).isdisjoint(loose))]
        assert not maybe or _may_have_opposites(hyp_low, ref_low), (hyp, ref)
