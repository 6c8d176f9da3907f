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


def test_lazy_langdetect_table_equals_langdetects_own():
    # mtqa builds langdetect's n-gram rows when a detector asks for them: the same languages in
    # the same order, the same n-grams, and bit-identical probabilities, so the same detections.
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from mtqa.resources import langid

    lazy = langid._lazy_factory()
    orig = DetectorFactory()
    orig.load_profile(PROFILES_DIRECTORY)
    assert lazy is not None and lazy.langlist == orig.langlist
    table = lazy.word_lang_prob_map
    assert all(w in table for w in orig.word_lang_prob_map) and "zzzz" not in table
    assert len(table._known) == len(orig.word_lang_prob_map)
    for word, row in orig.word_lang_prob_map.items():
        assert [p.hex() for p in table[word]] == [p.hex() for p in row], word


def test_fast_detector_equals_langdetects_own():
    # The list-comprehension loops must leave langdetect's probabilities bit-identical.
    from langdetect.detector import Detector

    from mtqa.resources import langid

    factory = langid._factory()
    texts = ["The ministry has reported a total of 4.1 million cases since March, officials said.",
             "Le ministère a signalé un total de 4,1 millions de cas depuis mars, selon les autorités.",
             "Das Ministerium meldete seit März insgesamt 4,1 Millionen Fälle, sagten Beamte heute.",
             "Ministerstwo zgłosiło łącznie 4,1 mln przypadków od marca, podali urzędnicy. " * 3]
    for text in texts:
        plain, fast = factory.create(), factory.create()
        fast.__class__ = langid._fast_detector_class()
        assert type(plain) is Detector
        plain.append(text)
        fast.append(text)
        plain.get_probabilities()
        fast.get_probabilities()
        assert [p.hex() for p in fast.langprob] == [p.hex() for p in plain.langprob], text


def test_shipped_language_names_equal_babels():
    # The shipped table is used only while babel's files hash as when it was built: then it must
    # be babel's own table (rebuild it with scripts/build_language_names.py after a babel upgrade).
    from mtqa.resources import languages

    shipped = languages._shipped_names()
    assert shipped is not None, "babel changed: run scripts/build_language_names.py"
    assert shipped == languages.babel_names()
    assert languages.language_name("fr") == "French" and languages.language_name("xx-unknown") == "xx-unknown"
