"""The shortcuts of the number parsers find what the full scans find (mtqa.text.numbers,
mtqa.text.clock, mtqa.text.number_phrases): matched only at digit runs, or skipped when a word
the pattern needs is missing. Checked on random strings made of the characters that matter."""
from __future__ import annotations

import random
import re

import pytest

from mtqa.text import clock, number_hints, number_phrases
from mtqa.text.number_hints import digit_run_spans, keyword_text

_DIGITISH = "0123456789012345.,:'’ \u00a0-/ahpmGMTUhr"


def _random_texts(alphabet: str, n: int = 3000, size: int = 24, seed: int = 7):
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, size))) for _ in range(n)]


def test_numbers_at_digit_runs_are_those_of_a_full_scan():
    for text in _random_texts(_DIGITISH) + ["1,000,0000", ".5 and ,5", "1.5.2020", "20 000 000", "१२,५००"]:
        fast = [m.span() for m in number_hints.numbers_at_runs(text, digit_run_spans(text))]
        assert fast == [m.span() for m in number_hints._NUMBER_RE.finditer(text)], text


@pytest.mark.parametrize("index", [i for i, kind in enumerate(clock._AT_HOUR) if kind])
def test_clock_patterns_at_digit_runs_are_those_of_a_full_scan(index):
    rx = clock._LATIN_TIMES[index]
    texts = _random_texts(_DIGITISH + "0123 :.hH", size=16) + ["15:30", "3 p.m.", "7.15 Uhr", "1530 GMT", "15h30"]
    for text in texts:
        starts = clock._hour_starts(text, digit_run_spans(text))[clock._AT_HOUR[index]]
        fast = [m.span() for m in clock._matches_at(rx, text, starts)]
        assert fast == [m.span() for m in rx.finditer(text)], text


@pytest.mark.parametrize("lang", ["en", "fr", "de", "es", "it", "pt", "ru", "pl", "cs", "hi"])
def test_vague_and_half_patterns_are_skipped_only_without_their_words(lang):
    words = number_phrases.number_words(lang)
    rx = number_phrases._vague_regex(lang)
    big = [w for w, (v, kind) in words.table.items() if kind in ("approx", "magnitude") and v >= 1000]
    orders = list(number_phrases._orders(lang))
    samples = [f"{o} {b}" for o in orders[:3] for b in big]
    samples += [f"{o.upper()} {b.title()}" for o in orders[:2] for b in big]
    for text in samples:
        low = keyword_text(text)
        if rx is not None and rx.search(text):
            assert number_phrases._needs_met(number_phrases._vague_needs(lang), text, low), text
    half = number_phrases._half_regex(lang)
    if half is not None and lang in number_phrases._HALF_NEEDS:
        for text in ("2 " + number_phrases._HALF_AFTER[lang].replace(r"\s+", " "),):
            for variant in (text, text.upper(), text.title()):
                assert half.search(variant) and number_phrases._HALF_NEEDS[lang].search(variant)


def test_case_traps_of_the_magnitudes_are_all_known():
    """Every character that re.I matches with a letter of a non-ASCII magnitude, and that does
    not lower-case to it, is undone by _needs_met (so a substring test misses no match)."""
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    letters = {c for lang in ("ru", "hi", "pl", "cs", "es") for w in number_phrases._vague_needs(lang) for c in w}
    for letter in letters - set("abcdefghijklmnopqrstuvwxyz"):
        for c in re.compile(re.escape(letter), re.I).findall(every):
            assert c.lower() == letter or number_phrases._CYRILLIC_TRAPS.get(ord(c)) == letter, (letter, hex(ord(c)))
    for code, letter in number_phrases._CYRILLIC_TRAPS.items():
        assert re.fullmatch(letter, chr(code), re.I)


@pytest.mark.parametrize("text", ["Десятки ᲃᲄᲀ тысяч", "десятки ТЫᲃЯЧ", "Десятки тысяч", "десятки миллиᲂнов"])
def test_vague_russian_with_case_traps(text):
    rx = number_phrases._vague_regex("ru")
    met = number_phrases._needs_met(number_phrases._vague_needs("ru"), text, keyword_text(text))
    assert met or not rx.search(text)


def test_number_format_patterns_are_skipped_only_when_they_cannot_match():
    from mtqa.checks import numbers as checks

    texts = _random_texts("0123456789,.: h\u00a0\u2009\u202f\tabp%", n=6000, size=14)
    texts += ["2,5 million", "20 000 jobs", "14 h 30", "14h30", "3,5%", "1 000 000"]
    for text in texts:
        comma, spaces, hours = checks._format_hints(text)
        assert comma or not checks._DECIMAL_COMMA_RE.search(text), text
        assert spaces or not checks._SPACE_THOUSANDS_RE.search(text), text
        assert hours or not checks._FRENCH_TIME_RE.search(text), text


@pytest.mark.parametrize("alphabet", ["ab _-1", "aé\u0301 b_-ы1", "at ne a-one one,A", "दो\u093c सौ x"])
def test_kept_tokens_are_the_kept_words_of_a_full_reading(alphabet):
    from mtqa.text.number_tokens import kept_tokens, word_set, words_re

    rng = random.Random(3)
    for text in _random_texts(alphabet, n=2000, size=20):
        words = sorted(word_set(text))
        keep = set(rng.sample(words, min(len(words), rng.randint(0, 3))))
        full = [(m.start(), m.end(), m.group(0)) for m in words_re(text).finditer(text) if m.group(0) in keep]
        assert kept_tokens(text, keep) == full, (text, keep)


def test_dotted_time_hint_is_what_the_pattern_needs():
    for text in _random_texts("0123456789.:, a", n=4000, size=12) + ["um 7.15", "7.5", "١٢.٣٠"]:
        hint = clock._dotted_time_hint(text, digit_run_spans(text))
        assert hint or not re.search(r"\d[.][0-5]\d", text), text


def test_mapped_digits_are_all_digits():
    from mtqa.text.number_hints import ANY_DIGIT, DIGITS

    assert all(ANY_DIGIT.match(chr(code)) for code in DIGITS)


def test_new_quantity_is_the_dataclass():
    from mtqa.text.quantity import Quantity, new_quantity

    values = frozenset({1.0})
    for args, kwargs in [((1, 5, "abcd", values, "digits"), {}),
                         ((0, 3, "ten", values, "words"), {"strict": False, "fragile": True, "convert": -0.3}),
                         ((2, 9, "dozens", frozenset(), "approx", 10.0), {"alt": values, "century": True})]:
        fast, slow = new_quantity(*args, **kwargs), Quantity(*args, **kwargs)
        assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)


@pytest.mark.parametrize("plain, odd, lang", [
    ("Dozens of millions of people.", "Dozens of mıllions of people.", "en"),   # dotless ı
    ("Zehntausende Menschen.", "Zehntauſende Menschen.", "de"),                 # long ſ
])
def test_case_insensitive_letters_lower_keeps_apart_value_like_their_plain_word(plain, odd, lang):
    # re.IGNORECASE matches ı with i and ſ with s, which str.lower() does not: the vague
    # quantity's word must still be found in the table (it raised KeyError before).
    from mtqa.text.numbers import quantities
    got, want = quantities(odd, lang), quantities(plain, lang)
    assert [(q.start, q.end, q.approx) for q in got] == [(q.start, q.end, q.approx) for q in want]
    assert got and got[0].approx


@pytest.mark.parametrize("lang", ["en", "fr", "de", "pl"])
def test_number_word_set_is_a_plain_filter_of_the_word_classes(lang):
    """number_word_set's one pass over the words not known to be SKIP gives what reading every
    word's class gives: the non-SKIP words when one word is core, else None (twice, so the
    second call runs with the SKIP cache filled)."""
    from mtqa.text.number_tokens import SKIP, number_word_set, word_class, word_set
    texts = ["three and a half", "a dozen eggs", "and the", "un et deux", "hundreds of people",
             "zwei und drei", "dwa i trzy", "the an a", "twenty-one cats", "und", "nothing here"]
    for text in texts + texts:
        found = word_set(text)
        classes = {w: word_class(w, lang) for w in found}
        want = ({w for w, c in classes.items() if c[0] != SKIP}
                if any(c[2] for c in classes.values()) else None)
        assert number_word_set(text, lang) == want, text
