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
