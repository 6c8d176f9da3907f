"""Opposite words, for comparing a translation with its reference.

Two words are opposites when a listed pair (mtqa/data/en/antonyms.tsv, and WordNet's direct
antonyms in antonyms_wordnet.tsv) links their base forms,
or when one is the other with a negative prefix (responsible / irresponsible, harmed /
unharmed). Inflections are undone by a few suffix rules, enough for news vocabulary: the
point is to recognise `smaller` against `larger`, not to lemmatise English.
"""
from __future__ import annotations

import functools

from mtqa.resources import lexicons

NEGATIVE_PREFIXES = ("un", "in", "im", "ir", "il", "dis", "non", "non-")
_SUFFIXES = ("iest", "ier", "ies", "ied", "ily", "est", "ing", "ers", "er", "ed", "es", "ly", "s", "d")


@functools.lru_cache(maxsize=65536)
def base_forms(word: str) -> frozenset[str]:
    """The word and the stems its suffixes may hide: bigger -> big, closed -> close, cities -> city."""
    w = word.lower()
    out = {w}
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 2:
            stem = w[: -len(suf)]
            out.add(stem)
            if suf.startswith("i"):
                out.add(stem + "y")
            out.add(stem + "e")
            if len(stem) >= 3 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # bigger -> bigg -> big
    return frozenset(out)


def base_forms_of(words) -> frozenset[str]:
    """The base forms of all `words`, for `has_opposite_in`."""
    return frozenset().union(*map(base_forms, words))


def has_opposite_in(word: str, bases: frozenset[str]) -> bool:
    """Whether `word` has an opposite among the words W (listed pairs and negative prefixes,
    added or removed), given `bases = base_forms_of(W)`.

    The relation is symmetric, so the opposites of the one word are looked up among the base
    forms of W, which is cheaper than collecting the opposites of every word of W (each with a
    form per negative prefix): the listed pairs are stored both ways, and a prefix added to a
    base form of one word (p + b, b of 4 letters or more) is that prefix removed from a base
    form of the other (x starts with p, 4 letters or more after it)."""
    return not _opposites_of_word(word).isdisjoint(bases)


# Per-word caches above the usual 4,096: a batch's vocabulary is larger (4,802 words in the
# 10k bench batch) and a smaller cache thrashed, measured slower; an entry is a small frozenset.
@functools.lru_cache(maxsize=65536)
def _opposites_of_word(w: str) -> frozenset[str]:
    """Every base form that is an opposite of `w` (listed pairs and negative prefixes, added or
    removed), kept per word: a reference's words recur from segment to segment."""
    pairs = _pairs()
    out: set[str] = set()
    for b in base_forms(w):
        out |= pairs.get(b, frozenset())
        if len(b) >= 4:
            out.update([p + b for p in NEGATIVE_PREFIXES])
        for p in NEGATIVE_PREFIXES:
            if b.startswith(p) and len(b) - len(p) >= 4:
                out.add(b[len(p):])
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _pairs() -> dict[str, frozenset[str]]:
    # Our own list of news antonyms, and WordNet's direct antonyms of common words without its
    # pairs of function words (on/off, no/some), which oppose senses a sentence rarely means.
    return _symmetric(list(lexicons.table("antonyms.tsv", "en")) + _without_function_words("antonyms_wordnet.tsv"))


def _without_function_words(name: str) -> list[tuple[str, ...]]:
    function_words = lexicons.words("stopwords.txt", "en")
    return [row for row in lexicons.table(name, "en")
            if len(row) >= 2 and row[0] not in function_words and row[1] not in function_words]


def _symmetric(rows) -> dict[str, frozenset[str]]:
    """Each word of a pair -> the words it is paired with, both ways."""
    out: dict[str, set[str]] = {}
    for row in rows:
        if len(row) >= 2:
            a, b = row[0].lower(), row[1].lower()
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


#: Endings of English adjectives: a negative prefix on such a word makes its opposite.
_ADJECTIVE_ENDINGS = ("able", "ible", "ful", "al", "ive", "ous", "ent", "ant", "ic", "ar", "ary", "ed", "ly", "y")


def _prefixed(a: str, b: str) -> bool:
    """One word is the other with a negative prefix, and that makes an opposite: on an adjective
    or a participle (able / unable, legal / illegal, harmed / unharmed). On other words a prefix
    makes a word of its own as often as an opposite (cover / discover, courage / discourage,
    charge / discharge): those pairs count only when a word list links them (WordNet's
    agree / disagree, lock / unlock), which `are_opposites` looks up first."""
    for p in NEGATIVE_PREFIXES:
        if a == p + b or b == p + a:
            base = min(a, b, key=len)
            return len(base) >= 4 and _adjective_like(base)
    return False


def _adjective_like(word: str) -> bool:
    from mtqa.text import wordclasses  # imported here: wordclasses reads this module's base_forms

    return word in wordclasses.adjectives() or wordclasses.is_past_form(word) or word.endswith(_ADJECTIVE_ENDINGS)


def are_opposites(a: str, b: str) -> bool:
    if a.lower() == b.lower():
        return False
    pairs = _pairs()
    bases_a, bases_b = base_forms(a), base_forms(b)
    if bases_a & bases_b:
        return False  # two forms of one word
    for x in bases_a:
        if pairs.get(x, frozenset()) & bases_b:
            return True
    return any(_prefixed(x, y) for x in bases_a for y in bases_b)


@functools.lru_cache(maxsize=1)
def _indirect_index() -> dict[str, str]:
    """Word -> its indirect opposites, space-separated: split only for the words looked up
    (the file holds some 100,000 pairs; sets of them all would cost 70 MB)."""
    function_words = lexicons.words("stopwords.txt", "en")
    return {row[0]: row[1] for row in lexicons.table("antonyms_wordnet_indirect.tsv", "en")
            if len(row) >= 2 and row[0] not in function_words}


@functools.lru_cache(maxsize=65536)
def _indirect_of(word: str) -> frozenset[str]:
    raw = _indirect_index().get(word)
    return frozenset(raw.split()) - lexicons.words("stopwords.txt", "en") if raw else frozenset()


def are_listed_opposites(a: str, b: str) -> bool:
    """Opposites by a listed pair only (our list, WordNet direct or indirect), never by the shape
    of the words: `impossible`/`possible` are, `discover`/`cover` are not."""
    bases_a, bases_b = base_forms(a), base_forms(b)
    if bases_a & bases_b:
        return False
    pairs = _pairs()
    return any((pairs.get(x, frozenset()) | _indirect_of(x)) & bases_a for x in bases_b)


def are_loose_opposites(a: str, b: str) -> bool:
    """Opposite senses through WordNet's synonyms and similar adjectives (giant/tiny through
    large/small, recent/ancient): too many pairs to trust anywhere in two sentences, so only
    for words in the same place."""
    bases_a, bases_b = _inflections(a), _inflections(b)
    if bases_a & bases_b:
        return False
    if a.lower().endswith("ly") and b.lower().endswith("ly"):
        # Two adverbs oppose as their adjectives do (slowly/suddenly: slow/sudden).
        bases_a, bases_b = bases_a | _adjective_of(a), bases_b | _adjective_of(b)
    return any(_indirect_of(x) & bases_b for x in bases_a)


@functools.lru_cache(maxsize=65536)
def loose_opposites_of(word: str) -> frozenset[str]:
    """Every form a loose opposite of `word` can take: a quick test that must pass before
    are_loose_opposites can hold (with loose_forms of the other word)."""
    bases = _inflections(word) | (_adjective_of(word) if word.lower().endswith("ly") else frozenset())
    return frozenset().union(*(_indirect_of(x) for x in bases))


def may_have_opposites(words, others) -> bool:
    """False when no word of `words` has an opposite among `others` by either quick test:
    `has_opposite_in(w, base_forms_of(others))` or `loose_opposites_of(w)` meeting
    `loose_forms(others)`. The two target sets are merged into one, which can only find more,
    so a False is exact; and the words are tested in C (`map`), without a Python call each.
    Both tests of a word are one test against the union of its two sets (disjoint from both
    is disjoint from their union), and each side's two forms per word are kept as one set:
    half the sets to go through, which in a full run, where other rules have evicted them from
    the CPU cache, is most of the cost."""
    targets = frozenset().union(*map(_target_forms, others))
    return not all(map(targets.isdisjoint, map(_opposite_forms, words)))


@functools.lru_cache(maxsize=4096)
def _opposite_forms(w: str) -> frozenset[str]:
    """`_opposites_of_word(w) | loose_opposites_of(w)`, kept per word for may_have_opposites."""
    return _opposites_of_word(w) | loose_opposites_of(w)


@functools.lru_cache(maxsize=4096)
def _target_forms(w: str) -> frozenset[str]:
    """`base_forms(w) | _loose_forms_of_word(w)`, kept per word for may_have_opposites."""
    return base_forms(w) | _loose_forms_of_word(w)


def loose_forms(words) -> frozenset[str]:
    """The forms of `words` that are_loose_opposites compares (inflections, and the adjective
    of an adverb)."""
    return frozenset().union(*map(_loose_forms_of_word, words))


@functools.lru_cache(maxsize=65536)  # a batch's vocabulary, as _opposites_of_word
def _loose_forms_of_word(w: str) -> frozenset[str]:
    """loose_forms of one word, kept per word."""
    return _inflections(w) | _adjective_of(w) if w.lower().endswith("ly") else _inflections(w)


def _adjective_of(adverb: str) -> frozenset[str]:
    low = adverb.lower()
    return frozenset({low[:-3] + "y"} if low.endswith("ily") else {low[:-2], low[:-2] + "le"} if low.endswith("bly")
                     else {low[:-2]})


def _inflections(word: str) -> frozenset[str]:
    """Base forms, but an adverb stays an adverb (fairly is not fair)."""
    return frozenset({word.lower()}) if word.lower().endswith("ly") else base_forms(word)
