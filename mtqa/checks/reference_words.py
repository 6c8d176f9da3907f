"""RF: differences from the reference in the words themselves and their order: words in a
scrambled order, he/she swapped, an adjective added or a verb or subject pronoun dropped between
two words the reference keeps side by side. The reference family's other rules (numbers, names,
negation, opposites) are in `reference.py`."""
from __future__ import annotations

import collections
from typing import Iterator

from mtqa.align import pairs, slots
from mtqa.model import Confidence, Hit, Segment, Severity
from mtqa.resources import lexicons
from mtqa.rules import rule
from mtqa.text import wordclasses
from mtqa.text.lower_words import lower_words
from mtqa.text.tokens import words

#: A translation is scrambled when it shares at least this share of its words with the
#: reference ...
SCRAMBLED_MIN_SHARED = 0.5
#: ... but its word pairs (bigrams) match the reference's less than this fraction as often as
#: its words do. Clean MT that paraphrases keeps most local word order; a word salad does not.
SCRAMBLED_ORDER_RATIO = 0.2
SCRAMBLED_MIN_WORDS = 5


#: A scrambled sentence keeps the reference's order between consecutive shared words no more often
#: than chance (half the time); a paraphrase moves whole phrases and keeps it inside them. Above
#: this share of in-order steps the words were moved by phrases, not scrambled (DEMETR's shuffled
#: words: median 0.5; reworded clean MT of real systems, WMT21 TED zh-en: mostly 0.67 and above).
SCRAMBLED_MAX_IN_ORDER = 0.65
#: ... unless nearly all its words are the reference's: the same words with their pairs broken up
#: are scrambled whatever order survives by chance.
SCRAMBLED_SAME_WORDS = 0.8
#: Fewer shared words than this, each once on both sides, cannot show an order.
MIN_ORDER_WORDS = 4


def _in_order_share(hyp: list[str], ref: list[str]) -> float | None:
    """Of consecutive words of the translation that the reference has once (and the translation
    once), the share whose reference positions increase; None when too few such words."""
    ref_count, hyp_count = collections.Counter(ref), collections.Counter(hyp)
    position = {w: i for i, w in enumerate(ref) if ref_count[w] == 1}
    seq = [position[w] for w in hyp if w in position and hyp_count[w] == 1]
    if len(seq) < MIN_ORDER_WORDS:
        return None
    return sum(1 for a, b in zip(seq, seq[1:]) if b > a) / (len(seq) - 1)


def _pair_agreement(hyp, ref) -> float:
    """The share of the translation's word pairs found in the reference (its share of words
    found there is `_overlap` of the two word counts over len(hyp))."""
    return (_overlap(collections.Counter(zip(hyp, hyp[1:])), collections.Counter(zip(ref, ref[1:])))
            / max(1, len(hyp) - 1))


def _overlap(a: collections.Counter, b: collections.Counter) -> int:
    """Items the two multisets share (sum of the smaller counts), over the keys both have: a C set
    intersection instead of a Python loop over every item."""
    common = a.keys() & b.keys()
    return sum(map(min, map(a.__getitem__, common), map(b.__getitem__, common)))


@rule("RF008", "scrambled-word-order", severity=Severity.MAJOR, category="fluency/grammar",
      needs=("ref",), languages=("en",))
def scrambled_word_order(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a translation whose words are the reference's words in a scrambled order.

    ## What it does
    Compares each sentence with its reference: when most of its words are the reference's
    but almost none of its adjacent word pairs are, and consecutive shared words keep the
    reference's order no more often than chance (a rewording moves whole phrases and keeps
    the order inside them), the words are there and the order is lost (a word salad from a
    broken decoder or a tokenisation bug). English only: in languages with a free word order
    (German) a faithful translation reorders as much.

    ## Why is this bad?
    A sentence in scrambled order cannot be read, or reads as something else; chrF, which
    compares characters, scores it almost as well as the real sentence.

    ## Example
    hyp: Cyanuric both pet of died acid after contaminated and food were found.
    ref: Cyanuric acid and melamine were found in the urine of pets that died after eating contaminated food.
    Use instead:
    hyp: Cyanuric acid and melamine were found in the urine of pets that died after eating contaminated food.
    """
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        hyp = lower_words(segment.hyp[hs:he])
        if len(hyp) < SCRAMBLED_MIN_WORDS:
            continue
        refs = pairs.pair_references(segment, rs, re_)
        scrambled, confidence = True, Confidence.HIGH
        hyp_count = None  # counted when first needed: most translations keep the order, and stop before
        hyp_pairs = set(zip(hyp, hyp[1:]))
        for ref in refs:
            ref_words = lower_words(ref)
            # The distinct word pairs both have are at most the shared pairs counted, and the
            # words' share is at most 1: with a fifth of the pairs found so, the order is kept
            # whatever the counts below say (the common case, sets instead of four Counters).
            if len(hyp_pairs.intersection(zip(ref_words, ref_words[1:]))) / max(1, len(hyp) - 1) \
                    >= SCRAMBLED_ORDER_RATIO:
                scrambled = False
                break
            if hyp_count is None:
                hyp_count = collections.Counter(hyp)
            shared = _overlap(hyp_count, collections.Counter(ref_words)) / len(hyp)
            if shared < SCRAMBLED_MIN_SHARED:
                scrambled = False  # too few shared words: the word pairs need not be counted
                break
            shared_pairs = _pair_agreement(hyp, ref_words)
            if shared_pairs >= SCRAMBLED_ORDER_RATIO * shared:
                scrambled = False
                break
            in_order = _in_order_share(hyp, ref_words)
            if in_order is not None and in_order > SCRAMBLED_MAX_IN_ORDER and shared < SCRAMBLED_SAME_WORDS:
                scrambled = False  # phrases moved as wholes: a rewording, not a word salad
                break
            if in_order is None:
                confidence = Confidence.LOW  # too few words to tell order from rewording
        if scrambled and refs:
            text = segment.hyp[hs:he]
            start = hs + len(text) - len(text.lstrip())
            yield Hit(start, hs + len(text.rstrip()),
                      f"the words are the reference's, in a scrambled order ({shared_pairs:.0%} of word pairs "
                      f"match against {shared:.0%} of words)", confidence=confidence)


_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_GENDER_WORD = {"m": "he/his", "f": "she/her"}


@rule("RF009", "pronoun-gender-differs-from-ref", severity=Severity.MAJOR, category="accuracy/mistranslation",
      needs=("ref",), languages=("en",))
def pronoun_gender_differs(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags he/his where the reference says she/her, or the reverse.

    ## What it does
    Counts the gendered pronouns of each sentence and its reference. When the translation
    has more pronouns of one gender than the reference and fewer of the other, its extra
    pronouns are flagged: the person changed sex between reference and translation.

    ## Why is this bad?
    MT guesses gender where the source does not mark it and flips it where it does: the
    sentence then speaks of another person, or misgenders the one it names.

    ## Example
    hyp: Here he overlooked the motorcyclist, the police said.
    ref: In this case, she overlooked the motorcyclist, the police said.
    Use instead:
    hyp: Here she overlooked the motorcyclist, the police said.
    """
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        hyp = segment.hyp[hs:he]
        if _PRONOUNS.keys().isdisjoint(lower_words(hyp)):
            continue  # the test below, on the lower-cased words the other rules made already
        hyp_toks = [t for t in words(hyp) if t.text.lower() in _PRONOUNS]
        refs = pairs.pair_references(segment, rs, re_)
        hyp_count = collections.Counter(_PRONOUNS[t.text.lower()] for t in hyp_toks)
        ref_counts = [collections.Counter(_PRONOUNS[t.text.lower()] for t in words(r) if t.text.lower() in _PRONOUNS)
                      for r in refs]
        for gender, other in (("m", "f"), ("f", "m")):
            extra = min(hyp_count[gender] - c[gender] for c in ref_counts)
            if extra <= 0 or not all(c[other] > hyp_count[other] for c in ref_counts):
                continue
            for tok in [t for t in hyp_toks if _PRONOUNS[t.text.lower()] == gender][-extra:]:
                yield Hit(hs + tok.start, hs + tok.end,
                          f"“{tok.text}”: the reference says {_GENDER_WORD[other]} here")


@rule("RF010", "adjective-not-in-ref", severity=Severity.MAJOR, category="accuracy/addition",
      needs=("ref",), languages=("en",))
def adjective_not_in_reference(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags an adjective the translation adds between two words the reference has side by side.

    ## What it does
    For each word of the translation that English uses only as an adjective (WordNet's
    adjectives that are not also nouns, verbs or adverbs) and that no reference has, looks
    at its two neighbours: when every reference has them next to each other, the adjective
    was put between them.

    ## Why is this bad?
    An added adjective changes what the sentence claims (`cheap advice`, `a deadly disease`)
    while the rest reads exactly like the reference: every string metric barely moves.

    ## Example
    hyp: You can also seek cheap advice from other governments.
    ref: You can also seek advice from other governments.
    Use instead:
    hyp: You can also seek advice from other governments.
    """
    adjectives = wordclasses.adjectives()
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        hyp_low = slots.slot_words(segment.hyp, hs, he)
        if adjectives.isdisjoint(hyp_low[1:-1]):
            continue  # one set test for the common case: no adjective-only word
        found = [k for k in range(1, len(hyp_low) - 1) if hyp_low[k] in adjectives]
        refs = [slots.slot_words(r, 0, len(r)) for r in pairs.pair_references(segment, rs, re_)]
        sides = [(set(r), set(zip(r, r[1:]))) for r in refs]
        for k in found:
            if all(slots.between_neighbours(hyp_low, k, words_, pairs_) for words_, pairs_ in sides):
                tok = slots.slot_tokens(segment.hyp, hs, he)[0][k]
                yield Hit(tok.start(), tok.end(),
                          f"“{tok.group(0)}” is added: the reference has “{hyp_low[k - 1]} {hyp_low[k + 1]}”")


def _verb(low: list[str], j: int) -> bool:
    """Word j is a verb-only word, or a past form where it stands as a verb."""
    word = low[j]
    # is_past_form first: most words are neither, and the context test costs a call more.
    return wordclasses.is_verb(word) or (wordclasses.is_past_form(word) and _past_verb_in_place(low, j))


def _past_verb_in_place(low: list[str], j: int) -> bool:
    """Word j is a past form (announced, found) used as a verb: not after an article (`a known
    diuretic`) or an auxiliary (`are named`, a passive whose loss leaves English intact), nor
    before a preposition, `as` or `by` (`opened in the US`, `known as`: a participle phrase)."""
    if not wordclasses.is_past_form(low[j]):
        return False
    classes = wordclasses.function_classes()
    before, after = classes.get(low[j - 1]), low[j + 1]
    return (before not in ("determiner", "auxiliary") and classes.get(after) != "preposition"
            and after not in ("as", "by"))


@rule("RF011", "ref-verb-missing", severity=Severity.MAJOR, category="accuracy/omission",
      needs=("ref",), languages=("en",))
def reference_verb_missing(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a verb of the reference that the translation drops between two words it keeps side by side (the finding points into the reference).

    ## What it does
    For each word of the first reference that English uses only as a verb (WordNet's verbs
    that are not also nouns, adjectives or adverbs, in any inflection), or that is the past
    form of a verb where no adjective or passive stands (`announced that`, not `a known
    diuretic` or `are named`), and that the translation lacks, looks at the words on either
    side: when the translation has them next to each other, the verb was taken out from
    between them.

    ## Why is this bad?
    The verb is what happened: without it the sentence says something else, or nothing,
    while it keeps nearly all the reference's words.

    ## Example
    hyp: The Post that the plane collided with a balloon.
    ref: The Post wrote that the plane collided with a balloon.
    Use instead:
    hyp: The Post wrote that the plane collided with a balloon.
    """
    # The reference verbs between two words the translation has side by side
    # (between_neighbours): those words are found for all words at once, by a set
    # intersection, and the verb tests (a call or three a word) are left to them.
    refs = pairs.refs_of(segment)
    if not refs or refs[0] is not segment.ref:
        return
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        ref_low = slots.slot_words(segment.ref, rs, re_)
        hyp_low = slots.slot_words(segment.hyp, hs, he)
        hyp_pairs = set(zip(hyp_low, hyp_low[1:]))
        around = hyp_pairs.intersection(zip(ref_low, ref_low[2:]))  # (ref_low[j - 1], ref_low[j + 1])
        if not around:
            continue
        hyp_words = set(hyp_low)
        for j, neighbours in enumerate(zip(ref_low, ref_low[2:]), 1):  # (ref_low[j - 1], ref_low[j + 1])
            if neighbours in around and _verb(ref_low, j) \
                    and slots.between_neighbours(ref_low, j, hyp_words, hyp_pairs) \
                    and not _verb_rendered_nearby(ref_low, j, hyp_low):
                tok = slots.slot_tokens(segment.ref, rs, re_)[0][j]
                yield Hit(tok.start(), tok.end(), f"the reference's verb “{tok.group(0)}” is missing: "
                          f"the translation has “{ref_low[j - 1]} {ref_low[j + 1]}”", field="ref")


#: How far from the reference verb's place a verb of the translation may stand and still be its
#: rendering: a synonym or another form moves with the adverbs around it (`can be computed
#: actually` / `can be actually calculated`; `what we successfully built` / `what we build
#: successfully`).
VERB_WINDOW = 3


def _verb_rendered_nearby(ref_low: list[str], j: int, hyp_low: list[str]) -> bool:
    """The translation renders the reference's verb j in another way near its place: a form of
    the same verb anywhere (built / build), or a verb the reference does not have within
    VERB_WINDOW words of where the two neighbours meet (exist / were, related to / look at)."""
    verb = ref_low[j]
    if any(len(w) >= 4 and w[:4] == verb[:4] for w in hyp_low):
        return True
    ref_words = set(ref_low)
    stop = lexicons.words("stopwords.txt", "en")
    for k in range(len(hyp_low) - 1):
        if (hyp_low[k], hyp_low[k + 1]) == (ref_low[j - 1], ref_low[j + 1]):
            window = hyp_low[max(0, k - VERB_WINDOW):k + 2 + VERB_WINDOW]
            if any(w not in ref_words and w[0].isalpha() and (w not in stop or w.endswith(("n't", "n’t")))
                   and wordclasses.may_be_verb(w.split("n'")[0].split("n’")[0]) for w in window):
                return True
    return False


#: Personal pronouns that stand as subjects. "It" and "there" as dummy subjects are no omission
#: worth a finding when lost, but "it" is a subject as often as not: kept; "there" is mostly an
#: adverb (`went there to`): left out.
_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
#: Words after which English may leave a subject out: coordination shares it (`and was`),
#: a relative clause has its own (`that are`).
_SUBJECT_ELLIPSIS = frozenset({"and", "but", "or", "nor", "yet", "then", "that", "which", "who"})


#: Pronouns English writes alike as subject and object: after a verb or a preposition they are its
#: object (`playing it non-stop`, `want it to`, `for you`), and an object is often left implicit.
_CASELESS_PRONOUNS = frozenset({"it", "you"})


def _subject_pronoun(low: list[str], j: int) -> bool:
    """Word j is a subject pronoun before a word, where English could not leave it out."""
    if low[j] not in _SUBJECT_PRONOUNS or low[j - 1] in _SUBJECT_ELLIPSIS or not low[j + 1][0].isalpha():
        return False
    if low[j] in _CASELESS_PRONOUNS:
        before = low[j - 1]
        if before[0].isalpha() and (wordclasses.may_be_verb(before)
                                    or wordclasses.function_classes().get(before) == "preposition"):
            return False
    return True


@rule("RF012", "ref-subject-missing", severity=Severity.MAJOR, category="accuracy/omission",
      needs=("ref",), languages=("en",))
def reference_subject_missing(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a subject pronoun of the reference that the translation drops before its verb (the finding points into the reference).

    ## What it does
    For each personal pronoun of the first reference that stands as a subject (I, you, he,
    she, it, we, they) and that the translation has fewer times, looks at what surrounds it:
    when the translation has the word or mark before it directly followed by the word after
    it, the pronoun was taken out. After `and`, `but`, `or` and relative words (`that`,
    `which`, `who`) English leaves the subject out on its own, so those are not flagged.

    ## Why is this bad?
    Without its subject the clause says nobody did it, or the reader attaches it to the
    wrong person: sources in pro-drop languages (Spanish, Italian, Polish, Japanese, Chinese)
    leave the subject to be restored, and machine translation sometimes does not.

    ## Example
    hyp: In this case, overlooked the motorcyclist.
    ref: In this case, she overlooked the motorcyclist.
    Use instead:
    hyp: In this case, she overlooked the motorcyclist.
    """
    refs = pairs.refs_of(segment)
    if not refs or refs[0] is not segment.ref:
        return  # findings point into the segment's own first reference
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        ref_low = slots.slot_words(segment.ref, rs, re_)
        if _SUBJECT_PRONOUNS.isdisjoint(ref_low[1:-1]):
            continue  # one set test for a reference without a subject pronoun inside
        candidates = [j for j in range(1, len(ref_low) - 1) if _subject_pronoun(ref_low, j)]
        if not candidates:
            continue
        hyp_low = slots.slot_words(segment.hyp, hs, he)
        hyp_counts, ref_counts = collections.Counter(hyp_low), collections.Counter(ref_low)
        hyp_pairs = set(zip(hyp_low, hyp_low[1:]))
        for j in candidates:
            if hyp_counts[ref_low[j]] < ref_counts[ref_low[j]] and (ref_low[j - 1], ref_low[j + 1]) in hyp_pairs:
                tok = slots.slot_tokens(segment.ref, rs, re_)[0][j]
                yield Hit(tok.start(), tok.end(), f"the reference's subject “{tok.group(0)}” is missing: "
                          f"the translation has “{ref_low[j - 1]} {ref_low[j + 1]}”", field="ref")
