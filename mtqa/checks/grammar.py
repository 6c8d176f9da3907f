"""GR: English word sequences that grammar rules out, where a word of the translation was lost."""
from __future__ import annotations

import functools
import operator
import re
from itertools import compress, count, islice
from typing import Iterator

from mtqa.model import Hit, Segment, Severity
from mtqa.resources import lexicons
from mtqa.rules import rule
from mtqa.text import clauses, wordclasses
from mtqa.text.sentences import sentences

#: The tokens, words with their hyphens and apostrophes (on-board, don't) and sentence
#: punctuation, captured, so that split() returns the text between them as well: gap, token,
#: gap, ..., token, gap. Plain strings instead of one Match object per token (GR001 spent more
#: on those than on its tests); a token's offset is the length of what precedes it.
_SPLIT_RE = re.compile(r"([\w’'][\w’'-]*|[.,;:?!])")
#: What an article or possessive cannot stand right before: it has lost its noun.
_NOT_AFTER_DETERMINER = frozenset({"preposition", "conjunction", "auxiliary", "modal", "determiner", "relative"})
_VERBLESS_BEFORE_DETERMINER = frozenset({"pronoun", "modal"})


_classes = wordclasses.function_classes


def _past_reporting_verb(word: str) -> bool:
    """said, told, announced: a reporting verb in the past tense (`Said that...` lost its subject;
    `Says` may open a headline)."""
    return word in lexicons.words("reporting_verbs.txt", "en") and (word.endswith("ed") or word in ("said", "told", "wrote"))


@rule("GR001", "missing-word", severity=Severity.MAJOR, category="accuracy/omission", languages=("en",))
def missing_word(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags an English sentence that a lost word left ungrammatical.

    ## What it does
    Looks for word sequences that English grammar rules out and that a dropped word leaves
    behind. At the start of a statement: an auxiliary not followed by a subject (`Has really
    just demonstrated`, in lower case too: `was born in 1946`), a past reporting verb before
    `that`, an article or a name (`Said that 85 %...`), the past of a word that is only a verb
    before an article or a name (`Advised Carter on`), a reporting verb before a comma, a
    relative pronoun (`Who preached...`), a comma, or an opening phrase whose comma an auxiliary follows (`According to the forecast,
    will be cloudy`). Inside it: an article or possessive before a preposition, an
    auxiliary, a conjunction, another article or punctuation (`the of confirmed cases`); a
    pronoun or modal before an article (`they the contract`); a possessive after a function
    word (`the 's Internet program`); a title before a lower-case word (`Mr. admitted`); a
    conjunction ending a sentence (`by Berlin and .`) or before an auxiliary (`existed before
    was born`); a preposition doubled (`in in`), two in a row around `of` (`Ministry of in`),
    one before `said` or before a spaced-off final period (`its roots in .`); a preposition
    that always takes an object before a comma or a colon (`between Paris and, the`), or any
    preposition before a comma and a relative pronoun (`from Point Marion to, which`); a
    preposition of several words before punctuation (`According to,`); two commas in a row;
    and adjectives that have lost their noun (`in terms of magnetic.`: words WordNet knows only
    as adjectives, between an article or a preposition and a full stop, a preposition or an
    auxiliary).

    ## Why is this bad?
    The lost word is usually the one that mattered (the subject, the noun: who or what); the
    sentence still looks finished at a glance.

    ## Example
    hyp: The has reported a total of 4.1 million cases since March.
    Use instead:
    hyp: The ministry has reported a total of 4.1 million cases since March.
    """
    classes = _classes()
    text = segment.hyp
    for s_start, s_end in sentences(text, segment.tgt_lang):
        sentence = text[s_start:s_end]
        parts = _SPLIT_RE.split(sentence)
        if len(parts) < 9:  # fewer than 4 tokens (n tokens make 2n + 1 parts)
            continue
        texts = parts[1::2]
        found = _opening_hole(sentence, texts, classes) or _inner_hole(sentence, parts, texts, classes)
        if found:
            first, last, message = found
            yield Hit(s_start + _start(parts, first), s_start + _end(parts, last), message)


def _start(parts: list[str], k: int) -> int:
    """Where token k starts in the sentence that `_SPLIT_RE.split` cut into `parts`."""
    return sum(map(len, parts[:2 * k + 1]))


def _end(parts: list[str], k: int) -> int:
    """Where token k ends in the sentence that `_SPLIT_RE.split` cut into `parts`."""
    return sum(map(len, parts[:2 * k + 2]))


def _opening_hole(sentence: str, toks: list[str], classes: dict[str, str]) -> tuple[int, int, str] | None:
    """A statement whose opening lost its subject or what came before: (first token, last
    token, message), or None."""
    first, second = toks[0], toks[1]
    if first in ",;":
        return 0, 1, f"the sentence opens on “{first}”: what came before it is missing"
    if "?" in sentence:
        return None  # each test below is of a statement
    kind = classes.get(first.lower())
    # Not "Which": quoted speech opens on it ("Which is why we left.").
    if kind == "relative" and first != "Which" and first[0].isupper():
        return 0, 0, f"the statement opens on “{first}”: who or what it refers to is missing"
    subjectless = _subjectless_after_opening(toks, classes)
    if subjectless is not None:
        return (subjectless, subjectless,
                f"“{toks[subjectless]}” follows the opening phrase directly: the subject is missing")
    if (kind in ("auxiliary", "modal")
            and classes.get(second.lower()) not in ("subject", "pronoun") and second not in ",.;:"
            and not _inverted_condition(toks, classes)):
        # In lower case too: `was born in 1946` has lost its capitalised subject with it.
        return 0, 1, f"the statement opens on “{first}”: its subject is missing"
    if first[0].isupper() and (_opens_on_past_verb(toks, classes) or _opens_on_reporting_verb(toks, classes)):
        return 0, 1, f"the statement opens on “{first}”: who {first.lower()} it is missing"
    return None


#: Auxiliaries that open an inverted conditional clause: `Had they known, ...`, `Were it cheaper,
#: ...`, `Should the talks fail, ...`, `Did he but know it, ...` (literary).
_CONDITIONAL_INVERSION = frozenset({"had", "were", "should", "did"})


def _inverted_condition(toks: list[str], classes: dict[str, str]) -> bool:
    """The sentence opens on an inverted conditional: one of those auxiliaries, then a clause that
    ends in a comma before the main clause. Its subject follows the auxiliary: nothing is lost."""
    if toks[0].lower() not in _CONDITIONAL_INVERSION:
        return False
    second = toks[1]
    # The subject comes right after the auxiliary: an article, a pronoun or a name, not a verb
    # (`Should be ready by Monday, ...` has lost its subject).
    if not (classes.get(second.lower()) in ("determiner", "subject", "pronoun")
            or second.lower() in ("it", "there", "you") or second[0].isupper()):
        return False
    return "," in toks[2:12] and toks.index(",", 2) + 1 < len(toks) - 1


#: Past forms that open a phrase before the subject (`Given the risks, ...`, `Compared with`).
_OPENING_PARTICIPLES = frozenset({"given", "granted", "provided", "compared", "based", "concerned", "regarded",
                                  "faced", "asked", "born", "located", "founded", "built", "made", "seen"})


def _opens_on_past_verb(toks: list[str], classes: dict[str, str]) -> bool:
    """`Advised Carter on...`, `Began the campaign`: a word that is only a verb, in the past,
    then an article or a name. An opening participle phrase goes on with a preposition
    (`Founded in 1990, ...`), and an adjective-like one with a noun (`Injured soldiers...`)."""
    first, second = toks[0].lower(), toks[1]
    if first in _OPENING_PARTICIPLES or not wordclasses.is_verb(first) or not wordclasses.is_past_form(first):
        return False
    return (classes.get(second.lower()) == "determiner"
            or (second[0].isupper() and classes.get(second.lower()) is None and toks[2] not in ",:"))


def _opens_on_reporting_verb(toks: list[str], classes: dict[str, str]) -> bool:
    """`Said that...`, `Said the...`, `Said France would...` (not an inverted attribution,
    `Said Smith: ...`), `Says, "...`."""
    first, second = toks[0].lower(), toks[1]
    if first in lexicons.words("reporting_verbs.txt", "en") and second in ",:":
        return True
    if not _past_reporting_verb(first):
        return False
    return (second.lower() == "that" or classes.get(second.lower()) == "determiner"
            or (second[0].isupper() and classes.get(second.lower()) is None and toks[2] not in ",:"))


def _inner_hole(sentence: str, parts: list[str], texts: list[str], classes: dict[str, str]
                ) -> tuple[int, int, str] | None:
    """The first pair of tokens inside the sentence that a lost word left side by side (`parts`:
    the sentence split by _SPLIT_RE; `texts`: its tokens)."""
    lows = list(map(str.lower, texts))
    if classes is _classes():
        # The pairs where a test below can fire, picked in C (no Python step per token): those
        # whose second token is a possessive or punctuation, and those of a first word that
        # _may_fire can be True after and a second word it can be True before. The others, most
        # pairs, are not visited at all.
        first_words, next_words = _first_words(), _next_words()
        pairs = compress(count(), map(operator.or_,
                                      map(operator.and_, map(first_words.__contains__, lows),
                                          map(next_words.__contains__, islice(lows, 1, None))),
                                      map(_SPECIAL_NEXT.__contains__, islice(texts, 1, None))))
    else:
        pairs = range(len(texts) - 1)
    statement = "?" not in sentence
    adjectives = wordclasses.adjectives()
    last_words = _complex_prepositions()[1]
    for k in pairs:
        word, nxt, low = texts[k], texts[k + 1], lows[k]
        kind = classes.get(low)
        if nxt in _SPECIAL_NEXT:
            # Before a possessive or punctuation, a test below names a function word, a
            # subordinator, a word of _NAMED_BEFORE_PUNCTUATION, a comma, semicolon or colon, or the
            # last word of a multi-word preposition (_object_lost): no other word.
            if not (kind is not None or low in _SUBORDINATORS or nxt in ("'s", "’s")
                    or low in _NAMED_BEFORE_PUNCTUATION or word in ",;:" or low in last_words):
                continue
        elif not _may_fire(low, kind, nxt, lows[k + 1], classes.get(lows[k + 1]), classes, adjectives):
            continue  # no test below can fire, so none is run
        hole = (_hole_between(word, nxt, texts[k + 2] if k + 2 < len(texts) else "", classes, parts[2 * k + 2])
                or _object_lost(sentence, parts, k, low, nxt))
        if hole and nxt in ",;:" and kind == "preposition" \
                and clauses.object_elsewhere(sentence, _start(parts, k), _start(parts, k + 1)):
            hole = None  # a parenthetical before its object, or a stranded preposition
        if hole:
            return k, k + 1, hole
        last_adjective = _noun_lost(lows, k, classes)
        if last_adjective:
            return k + 1, last_adjective, f"“{nxt}” has lost its noun: the word after it is missing"
        nxt_kind = classes.get(lows[k + 1])
        if kind in _VERBLESS_BEFORE_DETERMINER and nxt_kind == "determiner" and word.islower() and statement:
            return k, k + 1, f"“{word}” is followed by “{nxt}”: the verb between them is missing"
        if kind != "determiner" or (word == "A" and nxt == "."):
            continue  # "Franco A." is an initial
        if (nxt_kind in _NOT_AFTER_DETERMINER or nxt in ",;:" or (nxt == "." and word.islower())
                or (lows[k + 1] == "that" and low in ("the", "a", "an"))):
            return k, k + 1, f"“{word}” is followed by “{nxt}”: the word between them is missing"
    return None


#: Words that cannot own a possessive: `the 's Internet` has lost the name (`it 's` is "it is").
_NOT_OWNERS = frozenset({"determiner", "preposition", "conjunction"})
#: Conjunctions that open a clause with its subject: `before was born` has lost it (not "as" or
#: "than": `as was the case`, `more than was expected`).
_SUBORDINATORS = frozenset({"before", "after", "because", "while", "although", "though", "whereas", "unless",
                            "until", "if", "whether"})
#: Prepositions that always take an object: before a comma (`between Paris and, the`) they have
#: lost it. Not `in`, `on`, `to`, `by`, `for`, which are also particles (`catch on,`, `referred
#: to,`, `12 voted for,`), nor `beyond` (`a step beyond.`).
_OBJECT_PREPOSITIONS = frozenset({"of", "from", "into", "onto", "than", "between", "among", "during", "toward",
                                  "towards", "at", "with", "upon", "via", "per", "despite"})
#: ... those particles lost their object too when a relative clause follows the comma
#: (`from Point Marion to, which`): the clause describes the lost name.
_PARTICLE_PREPOSITIONS = frozenset({"in", "to", "on", "by", "for", "about", "through", "under", "over"})
_RELATIVES = frozenset({"which", "who", "whom", "whose", "where", "when"})
#: Prepositions that may follow `of` (a fine of about 200, a group of over 50): before any other
#: (`Ministry of in Buenos Aires`), and before `of` itself (`in of`), the words between are lost.
_AFTER_OF = frozenset({"about", "over", "under", "between", "around"})
#: Titles that stand before a name: `Mr. admitted` has lost the name.
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof"})
#: _inner_hole's shortcut: a second token that some test of a pair looks for (a possessive, or
#: punctuation: `_object_lost` looks for a phrase before punctuation, and `)` is no token).
_SPECIAL_NEXT = frozenset({"'s", "’s", ",", ";", ":", ".", "!", "?"})


#: Words (of any class, or none) that a test of a pair ending in punctuation names.
_NAMED_BEFORE_PUNCTUATION = _TITLES | _SUBORDINATORS | _OBJECT_PREPOSITIONS | _PARTICLE_PREPOSITIONS


@functools.lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The words that _may_fire can be True after (with the classes of _classes()): each branch
    needs a subordinator or a preposition, determiner, pronoun or modal (its `kind`)."""
    return _SUBORDINATORS | {w for w, kind in _classes().items()
                             if kind in ("preposition", "determiner") or kind in _VERBLESS_BEFORE_DETERMINER}


@functools.lru_cache(maxsize=1)
def _next_words() -> frozenset[str]:
    """The lower case of every word that _may_fire can be True before (with the classes of
    _classes()): a word of the classes (in any case: `classes.get(nxt)`), an adjective, `said`,
    `told` or `that`. Each branch of _may_fire needs one (a class for nxt_kind or
    classes.get(nxt); nxt_low == low only after a preposition, itself a word of the classes)."""
    classes = _classes()
    return frozenset(classes) | {w.lower() for w in classes} | wordclasses.adjectives() | {"said", "told", "that"}


def _may_fire(low: str, kind: str | None, nxt: str, nxt_low: str, nxt_kind: str | None,
              classes: dict[str, str], adjectives) -> bool:
    """Whether any test of _inner_hole can fire on a pair whose second token is a word (not in
    _SPECIAL_NEXT): the preconditions of those tests, and nothing else, so it is exact."""
    if kind is None:
        return low in _SUBORDINATORS and classes.get(nxt) in ("auxiliary", "modal")
    if low in _SUBORDINATORS and classes.get(nxt) in ("auxiliary", "modal"):
        return True  # _hole_between: `before was born`
    if kind == "preposition" and (nxt_low == low or nxt_kind == "preposition" or nxt in ("said", "told")):
        return True  # _hole_between: `in in`, `of in`, `in said`
    if kind in ("determiner", "preposition") and nxt_low in adjectives:
        return True  # _noun_lost
    if kind in _VERBLESS_BEFORE_DETERMINER and nxt_kind == "determiner":
        return True
    return kind == "determiner" and (nxt_kind in _NOT_AFTER_DETERMINER or nxt_low == "that")


def _hole_between(word: str, nxt: str, after: str, classes: dict[str, str], gap: str) -> str | None:
    """What a dropped word left between two tokens, if anything."""
    low = word.lower()
    # Tokenised text writes "Obama 's": only a function word cannot own the possessive.
    if nxt in ("'s", "’s") and gap and (classes.get(low) in _NOT_OWNERS or not word[:1].isalnum()):
        return f"“{nxt}” stands alone: the name or noun it belongs to is missing"
    if low in _TITLES and nxt == "." and after[:1].islower() and classes.get(after) != "conjunction":
        return f"“{word}.” is followed by “{after}”: the name is missing"
    if classes.get(low) == "conjunction" and nxt in ".!?":
        return f"“{word}” ends the sentence: what it joins is missing"
    if classes.get(low) == "preposition" and nxt.lower() == low and gap == " ":
        return f"“{word} {nxt}”: the words between them are missing"
    if (classes.get(low) == "preposition" and classes.get(nxt.lower()) == "preposition" and nxt.lower() != low
            and ((low == "of" and nxt.lower() not in _AFTER_OF) or nxt.lower() == "of")):
        return f"“{word} {nxt}”: the words between them are missing"
    # (A preposition before an auxiliary was tried: "swimming back in is" and "what it
    # consists of is" are English.)
    if classes.get(low) == "preposition" and low != "to" and nxt in ("said", "told"):
        return f"“{word}” is followed by “{nxt}”: its object is missing"
    if low in _SUBORDINATORS and classes.get(nxt) in ("auxiliary", "modal"):
        return f"“{word}” is followed by “{nxt}”: the subject between them is missing"
    if classes.get(low) == "preposition" and nxt == "." and gap == " " and not after:
        return f"“{word}” ends the sentence: its object is missing"
    if (low in _OBJECT_PREPOSITIONS and nxt in ",;:") or (
            low in _PARTICLE_PREPOSITIONS and nxt == "," and after.lower() in _RELATIVES):
        return f"“{word}” is followed by “{nxt}”: its object is missing"
    if word in ",;:" and nxt in ",;:" and word + nxt != ";:":
        return f"“{word}{nxt}”: the words between them are missing"
    return None


def _object_lost(sentence: str, parts: list[str], k: int, low: str, nxt: str) -> str | None:
    """A preposition of several words (according to, because of) directly before punctuation
    (token k, whose lower case is `low`, then `nxt`)."""
    if nxt not in ",;:.)":
        return None
    phrases, last_words = _complex_prepositions()
    if low not in last_words:
        # `before` cannot end with any phrase: a phrase ends in a space and its last word, and only
        # a space and that word's letters in either case lower to those (a test checks it), so
        # the token would be that word.
        return None
    end = _end(parts, k)
    before = sentence[:end].lower()
    for phrase in phrases:
        if before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()):
            return f"“{sentence[end - len(phrase):end]}” is followed by “{nxt}”: its object is missing"
    return None


@functools.lru_cache(maxsize=1)
def _complex_prepositions() -> tuple[tuple[str, ...], frozenset[str]]:
    """The prepositions of several words, in file order, and their last words (kept: the lexicon
    builds its tuple anew on each call)."""
    phrases = lexicons.phrases("complex_prepositions.txt", "en")
    return phrases, frozenset(p.rsplit(" ", 1)[-1] for p in phrases)


def _noun_lost(lows: list[str], k: int, classes: dict[str, str]) -> int | None:
    """An article or preposition (token k), then words that are only adjectives, then a full
    stop, a semicolon, a colon, a preposition or `as`: the adjectives have lost their noun
    (`the previous with`, `in terms of magnetic.`). Returns the index of the last adjective."""
    if classes.get(lows[k]) not in ("determiner", "preposition"):
        return None
    adjectives, phrases = wordclasses.adjectives(), wordclasses.adjective_phrases()
    j = k + 1
    while j < len(lows) and lows[j] in adjectives:
        j += 1
    if j == k + 1 or j >= len(lows):
        return None
    nxt = lows[j]
    # Not a comma: adjectives are listed with commas (`the previous, July ranking`) and one may
    # stand for a noun before an aside (`his obsession is the timeless,`).
    if nxt not in ".;:" and classes.get(nxt) not in ("preposition", "auxiliary", "modal") and nxt != "as":
        return None
    if f"{lows[k]} {lows[k + 1]}" in phrases:
        return None  # in vain, at random
    return j - 1


#: Words that open a sentence with a phrase before its subject (`According to the forecast,`,
#: `Once the ancient city of Smyrna,`).
_OPENERS = frozenset({"according", "during", "after", "before", "since", "despite", "once", "in", "on", "at",
                      "for", "from", "with", "by", "under", "following"})


def _subjectless_after_opening(toks: list[str], classes: dict[str, str]) -> int | None:
    """A sentence that opens on a phrase and a comma, then goes on with an auxiliary or a modal
    (`According to the forecast, will be cloudy`): the subject between them is missing.
    Returns the index of the auxiliary."""
    if toks[0].lower() not in _OPENERS:
        return None
    for i, tok in enumerate(toks[1:12], start=1):
        if tok == ",":
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            return i + 1 if classes.get(nxt) in ("auxiliary", "modal") else None
        if tok in ".;:":
            return None
    return None
