"""The names modules' fast paths give what the full paths give: folding whole texts, sentence
starts of one-sentence sources, prefix look-ups without the index."""
import random

from mtqa.text import phonetic
from mtqa.text.names.source_evidence import source_evidence
from mtqa.text.names.spelling import _fold_char, _unaccent, fold, inflected
from mtqa.text.names.target_evidence import target_evidence
from mtqa.text.sentences import sentence_starts, starts_from_split

TEXTS = [
    "Der Mann arbeitet für die Diözese Nantes, sagte ein Sprecher.",
    "Łódź i Kraków. Miłosz, Kidawa-Błońska; d'Alembert’s “quotes” — ÇA VA?",
    "В Москве и России: Тиньков. ΣΟΦΙΑ και Σοφία. İstanbul’da İzmir",
    "从中美洲进口的货物都是免关税的。甲府・ケニア・ビーチリゾート",
    "ह्यूस्टन में जवाब। Ａｂｃ ǅemal ǈ ß ẞ Å K Ⅻ ⓐⒶ ﬁ",
    "", " ", "e.g. the U.S. Army", "Mr. Smith went. He said: “Hi.” Then (she) left!",
]


def _code_points():
    return (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_a_character_folds_as_its_lower_case_unaccented():
    # `fold` lowers a whole text with `str.lower` and unaccents the result: right when every
    # character's lower case is one character (İ aside, which goes to the table) ...
    for ch in _code_points():
        low = ch.lower()
        if ch == "İ":
            assert len(low) == 2
            continue
        assert len(low) == 1, hex(ord(ch))
        assert _fold_char(ch) == _unaccent(low), hex(ord(ch))


def test_fold_of_a_text_is_the_fold_of_each_character():
    # ... and `str.lower` lowers each character alone but Σ (a final ς), which the table takes too.
    rnd = random.Random(7)
    pool = [chr(c) for c in range(0x20, 0x2000)] + list("ΣİσςΣ ΣA.'’-") + ["ẞ", "Ⅻ", "Ⓐ", "Ａ"]
    texts = TEXTS + ["".join(rnd.choice(pool) for _ in range(rnd.randint(1, 90))) for _ in range(3000)]
    for text in texts:
        assert fold(text) == "".join(_fold_char(ch) for ch in text), text


def test_sentence_starts_of_a_one_sentence_text():
    extra = ["A. B", "“Hi.” He", "  (Quoted) text.", "x.\u00a0Y", "a.\n b", "Ja.“ Dann", "Ende.»  Weiter",
             "¿Qué? Sí", "A… B", "A...B", "A .", "\u3000Tokyo", "«Le» monde", "Wow!!! Great", "One.) Two",
             "Hi.\tThere", "Done.", "'Tis", "x\u2028y. Z", "Stop。Go", "रुको। चलो"]
    texts = TEXTS + extra + [a + sep + b for a in extra for b in extra for sep in ("", " ")]
    for text in texts:
        for lang in ("en", "de", "fr", "ja"):
            assert sentence_starts(text, lang) == starts_from_split(text, lang), (text, lang)


def test_prefix_look_ups_without_the_index():
    # Every word of an evidence is a piece of its folded text, so a prefix not in it starts none.
    names = ["miłosz", "miłosza", "moskva", "moskve", "nantes", "diözese", "kidawa", "blonska", "rossii",
             "sprecher", "krakow", "xyz", "ab", "mann", "houston"]
    for text in TEXTS:
        for evidence in (target_evidence(text), source_evidence(text, "pl")):
            assert all(w in evidence.folded for w in evidence.words)
            for name in names:
                f = fold(name)
                assert evidence.inflected_in(f) == any(inflected(f, w) for w in evidence.words)
                assert evidence.words_starting(f[:3]) == evidence.words_by_prefix.get(f[:3], ())


def _alike_one_by_one(name_key, keys):
    """`phonetic._alike` as it was: every candidate of every key, one after the other."""
    name_consonants = phonetic._consonants(name_key)
    if len(name_consonants) < 2:
        return True if any(phonetic._ratio(name_key, key) >= phonetic.NEAR_CONSONANTS_RATIO for key in keys) else None
    for key in keys:
        for candidate in phonetic._candidates(key, len(name_consonants)):
            consonants = phonetic._consonants(candidate)
            if consonants == name_consonants:
                if phonetic._ratio(name_key, candidate) >= phonetic.SAME_CONSONANTS_RATIO:
                    return True
            elif (phonetic._ratio(name_consonants, consonants) >= phonetic.NEAR_CONSONANTS
                  and phonetic._ratio(name_key, candidate) >= phonetic.NEAR_CONSONANTS_RATIO):
                return True
    return False


def test_sound_match_by_consonant_groups():
    rnd = random.Random(11)
    letters = "kgtdnmsrlpbvjcaeiouy"
    for _ in range(20000):
        keys = tuple({"".join(rnd.choice(letters) for _ in range(rnd.randint(0, 10))) for _ in range(rnd.randint(1, 12))})
        name = "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 9)))
        assert phonetic._alike(name, keys) == _alike_one_by_one(name, keys), (name, keys)
