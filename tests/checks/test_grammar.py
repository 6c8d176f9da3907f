"""GR: word sequences English grammar rules out, left by a lost word."""
from tests.checks.cases import Fire, Quiet, family_tests

FIRE = [
    Fire("Should be ready by Monday, the ministry said.", (("GR001", "Should be"),)),
    Fire("The has reported a total of 4.1 million confirmed cases.", (("GR001", "The has"),)),
    Fire("On July 23, the of confirmed cases exceeded 4 million.", (("GR001", "the of"),)),
    Fire("The latest data shows that a of 64,847 people have been infected.", (("GR001", "a of"),)),
    Fire("Has really just demonstrated that he is at the very top.", (("GR001", "Has really"),)),
    Fire("Last week they the contract with the city.", (("GR001", "they the"),)),
    Fire("Said that 85% of the new cases were under the age of 60.", (("GR001", "Said that"),)),
    Fire("This is the tenth time since the start of the that the toll has passed 100.", (("GR001", "the that"),)),
    Fire("They feed on small prey such as, rodents, lizards and birds.", (("GR001", "as,"),)),
    Fire("The ministry said it will the new rules next year.", (("GR001", "will the"),)),
    Fire("Angered by the disclosure of the 's surveillance program, firms backed the bill.", (("GR001", "the 's"),)),
    Fire("But after that Mr. admitted on television that he had taken bribes.", (("GR001", "Mr."),)),
    Fire("The rules were imposed by Berlin and .", (("GR001", "and ."),)),
    Fire("They admitted him to the hospital in in a serious condition.", (("GR001", "in in"),)),
    Fire("According to, around 5,000 people have died in Texas alone.", (("GR001", "to,"),)),
    Fire("Says, \"I spend a lot of time convincing parents.\"", (("GR001", "Says,"),)),
    Fire("He supported the opponent,, in the elections.", (("GR001", ",,"),)),
    Fire("The head of said the start of construction marked a beginning.", (("GR001", "of said"),)),
    Fire("It was a ritual that existed before was born.", (("GR001", "before was"),)),
    Fire("The West was cut off from its roots in .", (("GR001", "in ."),)),
    Fire(", Huawei and HTC all make phones that run on Android.", (("GR001", ", Huawei"),)),
    Fire("Who preached to chickens as a child, eventually earned a degree.", (("GR001", "Who"),)),
    Fire("According to the current forecast, will be cloudy and rainy in Beijing.", (("GR001", "will"),)),
    Fire("Said France would soon have small patrol satellites.", (("GR001", "Said France"),)),
    # Adjectives that have lost their noun.
    Fire("The star is less active in terms of magnetic.", (("GR001", "magnetic"),)),
    Fire("It is much faster than the previous with a throughput of 600 Mbit/s.", (("GR001", "previous"),)),
    Fire("Police are pinpointing the behind those attacks.", (("GR001", "the behind"),)),
    Fire("The Ministry of in Buenos Aires announced it on Saturday.", (("GR001", "of in"),)),
    Fire("Authorities are expecting a as the storm moves inland.", (("GR001", "a as"),)),
    # A statement opening on a lower-case auxiliary, or on a word that is only a verb, in the past.
    Fire("was born in 1946 to a working-class family in London.", (("GR001", "was born"),)),
    Fire("Advised Carter on foreign policy during the 1976 campaign.", (("GR001", "Advised Carter"),)),
    # A preposition that has lost its object before a comma.
    Fire("The road from Point Marion to, which passes remote areas, is the hardest.", (("GR001", "to,"),)),
    Fire("The trade between, the ministry said, will resume.", (("GR001", "between,"),)),
]

QUIET = [
    Quiet("Should the talks fail, prices will rise.", ("GR001",), why="an inverted conditional"),
    Quiet("Had the minister known about the storm, he would have stayed home.", ("GR001",),
          why="an inverted conditional: its subject follows the auxiliary"),
    Quiet("Were it cheaper, more people would buy it.", ("GR001",), why="an inverted conditional"),
    Quiet("A falling object would pass by, let's say, the Sun and be deflected.", ("GR001",),
          why="a parenthetical between the preposition and its object"),
    Quiet("You decode what you want to fold it into, into a sequence of angles.", ("GR001",),
          why="a stranded preposition: its object is the fronted `what`"),
    Quiet("Once you get out of the current, swimming back in is easy; what it consists of is water.", ("GR001",),
          why="a particle or a stranded preposition before an auxiliary is English"),
    Quiet("The number of confirmed cases rose, as well as deaths, according to officials.", ("GR001",)),
    Quiet("One marked the DNA and the other the protein; the previous, July ranking; the timeless, he said.",
          ("GR001",), why="adjectives used as pronouns, listed with commas or standing for a noun"),
    Quiet("They searched in vain. The injured were taken to hospital, the wounded to the magnetic resonance unit.",
          ("GR001",), why="a fixed phrase; participles used as nouns; an adjective with its noun"),
    Quiet("Who knows what happens next? According to the forecast, it will rain. In Paris, as usual, it was cold.",
          ("GR001",), why="a question; opening phrases followed by their subject"),
    Quiet("Said Smith: the deal is done.", ("GR001",), why="an inverted attribution names its speaker"),
    Quiet("\"Which is why we left the city,\" she said.", ("GR001",), why="speech opening on which"),
    Quiet("Prices rose more than was expected, as was the case before; come in.", ("GR001",),
          why="as and than take an auxiliary; a particle ends a sentence without a space before the period"),
    Quiet("Mr. and Mrs. Smith said it 's the end of Obama 's term, in the U.S. and in Canada.", ("GR001",),
          why="a title before a conjunction; tokenised possessives after a pronoun or a name"),
    Quiet("Franco A. illegally obtained four firearms.", ("GR001",), why="an initial"),
    Quiet("The on-board camera registered numerous fragments.", ("GR001",), why="a hyphenated compound"),
    Quiet("Has the ministry reported any new cases?", ("GR001",), why="a question"),
    Quiet("Had I known, I would have come. Should you need help, call us.", ("GR001",),
          why="inversions with a subject"),
    Quiet("This is what they told her in May, and that was all.", ("GR001",),
          why="this/that/her are pronouns too"),
    Quiet("Cases rose by a third in a week, the ministry said.", ("GR001",)),
    Quiet("Said to be the oldest bridge, it was closed. Announced in May, the plan failed.", ("GR001",),
          why="participle clauses, not a lost subject"),
    Quiet("It is the question of who wins, and of which way the vote goes, as such.", ("GR001",),
          why="a relative after a preposition; 'as such'"),
    Quiet("Will the ministry publish the figures? It may, in May.", ("GR001",), why="a question; May the month"),
    Quiet("It will take a while to catch on, but Japan is often referred to, in short, as an archipelago; "
          "12 voted for, 3 against.", ("GR001",), why="particles and votes: prepositions that need no object"),
    Quiet("A fine of about 200 euros was paid by a group of over 50 people, out of pride.", ("GR001",),
          why="of about, of over, out of"),
    Quiet("Founded in 1990, the firm grew. Injured soldiers were evacuated. Given the risks, we stayed.",
          ("GR001",), why="participle phrases and participles as adjectives open sentences"),
]


test_fires, test_quiet = family_tests(FIRE, QUIET)


def test_object_lost_shortcut_is_exact_for_the_shipped_phrases():
    # _object_lost skips a token whose lower case is not the last word of a phrase: exact only if
    # every phrase ends in a space and a word, and only a space, and each letter of those words
    # in either case, lower to a string ending in that character.
    import sys

    from mtqa.checks import grammar

    phrases, last_words = grammar._complex_prepositions()
    assert all(" " in p and p.rsplit(" ", 1)[1] in last_words for p in phrases)
    targets = {" "} | {c for w in last_words for c in w}
    lowering_to: dict[str, set[str]] = {}
    for c in range(sys.maxunicode + 1):
        if not 0xD800 <= c < 0xE000 and chr(c).lower()[-1:] in targets:
            lowering_to.setdefault(chr(c).lower()[-1:], set()).add(chr(c))
    assert lowering_to == {x: {x, x.upper()} for x in targets}


def test_may_fire_is_false_before_any_word_outside_next_words():
    # _inner_hole skips the call of _may_fire when the second token's lower case is not in
    # _next_words(): exact only if _may_fire is False there, whatever the first token.
    import json
    import re
    from pathlib import Path

    from mtqa.checks import grammar
    from mtqa.text import wordclasses

    classes, adjectives = grammar._classes(), wordclasses.adjectives()
    next_words = grammar._next_words()
    corpus = Path(__file__).resolve().parents[2] / "corpora" / "demetr-sample.jsonl"
    text = " ".join(json.loads(line)["mt_sent"] for line in corpus.read_text("utf-8").splitlines())
    seconds = set(re.findall(r"[\w’'-]+", text)) | {"Said", "SAID", "That", "Was", "WILL", "Told", "X", "US"}
    seconds |= {w.upper() for w in classes} | {w.title() for w in adjectives}
    seconds = {w for w in seconds if w.lower() not in next_words}
    assert len(seconds) > 100
    for first in set(classes) | grammar._SUBORDINATORS | {"said", "x"}:
        for nxt in seconds:
            assert not grammar._may_fire(first, classes.get(first), nxt, nxt.lower(), classes.get(nxt.lower()),
                                         classes, adjectives), (first, nxt)


def test_may_fire_is_false_after_any_word_outside_first_words():
    # _inner_hole's C filter keeps a pair of two words only when the first is in _first_words():
    # exact only if _may_fire is False after any other word, whatever the second.
    from mtqa.checks import grammar
    from mtqa.text import wordclasses

    classes, adjectives = grammar._classes(), wordclasses.adjectives()
    first_words = grammar._first_words()
    seconds = set(classes) | {w.upper() for w in classes} | {w.title() for w in classes} | set(adjectives)
    seconds |= {"said", "told", "that", "Said", "That", "x"}
    firsts = (set(classes) | grammar._NAMED_BEFORE_PUNCTUATION | {"said", "x", "Which"}) - first_words
    assert len(firsts) > 20
    for first in firsts:
        for nxt in seconds:
            assert not grammar._may_fire(first, classes.get(first), nxt, nxt.lower(), classes.get(nxt.lower()),
                                         classes, adjectives), (first, nxt)


def test_inner_hole_filter_finds_what_visiting_every_pair_finds():
    # With a copy of the classes _inner_hole visits every pair (no C filter): both must agree.
    import json
    from pathlib import Path

    from mtqa.checks import grammar

    classes = grammar._classes()
    corpus = Path(__file__).resolve().parents[2] / "corpora" / "demetr-sample.jsonl"
    texts = [case.hyp for case in FIRE + QUIET]
    for line in corpus.read_text("utf-8").splitlines():
        row = json.loads(line)
        texts += [row["eng_sent"], row["mt_sent"], row["pert_sent"]]
    texts += ["the 'S case , of . Mr. admitted", "in in, ;: the previous with", "ΟΔΟΣ of, which to, which"]
    found = 0
    for text in texts:
        parts = grammar._SPLIT_RE.split(text)
        if len(parts) < 5:
            continue
        fast = grammar._inner_hole(text, parts, parts[1::2], classes)
        assert fast == grammar._inner_hole(text, parts, parts[1::2], dict(classes)), text
        found += fast is not None
    assert found > 10
