"""RF: differences from the reference that change what the translation says.

A reference (a post-edit or another human translation) is worded differently from the MT, so
mtqa does not report every difference: sacrebleu's scores measure those. It reports the
differences whose class makes them errors: numbers, names, negation, opposite words, and a
translation that shares nothing with its reference.

When the source is given too, the source-aware families (NU, NE, NG) do the comparing and use
the reference as a second witness; RF001-RF003 then stay silent so that one error is one
finding. RF004-RF006 have no source-side twin and always run.
"""
from __future__ import annotations

import collections
import difflib
import re
from typing import Iterator

from mtqa import lexicons, wordfreq_data
from mtqa.model import Hit, Segment, Severity
from mtqa.rules import rule
from mtqa.text import antonyms, pairs, wordclasses
from mtqa.text.names import (closest_name, english_name_tokens, mentions_name, source_evidence,
                              target_evidence)
from mtqa.text.negation import negation_cues, reference_negations
from mtqa.text.numbers import quantities
from mtqa.text.tokens import words


#: Words and single punctuation marks, with offsets: a comma between two words breaks their
#: adjacency ("week, informed the Navy" is not "week the Navy").
_SLOT_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[^\w\s]")


def refs_of(segment: Segment) -> list[str]:
    return [r for r in segment.refs if r and r.strip()]


def _ref_quantities(segment: Segment):
    return tuple(q for r in refs_of(segment) for q in quantities(r, segment.tgt_lang))


@rule("RF001", "number-differs-from-ref", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("ref",))
def number_differs_from_reference(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a number of the translation that the reference does not have (when there is no source).

    ## What it does
    Compares the quantities of the translation with those of the references (same language,
    so `two thousand` and `2,000` agree, and so do `hundreds` and `several hundred`), and
    flags a translation quantity that no reference supports. With a source, NU001 does this
    job with both witnesses, and this rule is silent.

    ## Why is this bad?
    A number that differs from the reference is a wrong figure in the published text.

    ## Example
    Flagged: `Russia received 300 drones.` (reference: `Russia received several hundred drones.` — agrees) ·
    `Russia received 30 drones.` (reference: `Russia received 300 drones.`)
    Corrected: `Russia received 300 drones.`
    """
    if segment.src:
        return
    ref_q = _ref_quantities(segment)
    hyp_q = quantities(segment.hyp, segment.tgt_lang)
    flagged: list[tuple[int, int]] = []
    others = [r.text for r in ref_q if r.strict and not any(r.agrees_with(h) for h in hyp_q)]
    for q in hyp_q:
        if q.strict and q.kind != "roman" and not any(q.agrees_with(r) for r in ref_q):
            hint = f"; the reference has {', '.join(others)}" if others else ""
            flagged.append((q.start, q.end))
            yield Hit(q.start, q.end, f"“{q.text}” does not match the reference{hint}",
                      suggestion=others[0] if len(others) == 1 else None)
    # A quantity of the reference that the translation renders with another word: align the
    # words of each sentence pair and flag what stands where the reference has the quantity
    # (an adjective standing where the reference says "several hundred").
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        hyp_part, ref_part = segment.hyp[hs:he], segment.ref[rs:re_]
        part_q = quantities(hyp_part, segment.tgt_lang)
        missing = [q for q in quantities(ref_part, segment.tgt_lang)
                   if q.strict and not any(q.agrees_with(h) for h in part_q)]
        if not missing:
            continue
        for op, h_toks, r_toks in pairs.aligned_words(hyp_part, ref_part):
            if op != "replace" or not h_toks or not r_toks:
                continue
            r_start, r_end = r_toks[0].start, r_toks[-1].end
            for q in missing:
                if r_start <= q.start < r_end and len(h_toks) <= len(r_toks) + 2:
                    start, end = hs + h_toks[0].start, hs + h_toks[-1].end
                    if not any(a < end and start < b for a, b in flagged):
                        flagged.append((start, end))
                        yield Hit(start, end, f"the reference has “{q.text}” here: a mistranslated quantity",
                                  suggestion=q.text)


@rule("RF002", "name-differs-from-ref", severity=Severity.MAJOR, category="accuracy/mistranslation",
      needs=("ref",), languages=("en",))
def name_differs_from_reference(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a name of the translation that no reference has (when there is no source).

    ## What it does
    Flags the names of the translation (capitalised words that are not common words, known
    places) that appear in no reference, inflected or not. With a source, NE001 does this
    job with both witnesses, and this rule is silent.

    ## Why is this bad?
    A name the reference does not have is a wrong person, place or organisation.

    ## Example
    Flagged: `The ship left from the port of Odesa.` (reference: `The ship left from the port of Izmail.`)
    Corrected: `The ship left from the port of Izmail.`
    """
    if segment.src:
        return
    evidences = [target_evidence(r) for r in refs_of(segment)]
    for start, end, name in english_name_tokens(segment.hyp):
        if not any(mentions_name(ev, name) for ev in evidences):
            if any(closest_name(ev, name, r) for ev, r in zip(evidences, refs_of(segment))):
                continue  # a near miss: RF005 says it better
            yield Hit(start, end, f"“{name}” is in no reference")


@rule("RF003", "negation-not-in-ref", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("ref",))
def negation_not_in_reference(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a negation of the translation that the reference does not have (when there is no source).

    ## What it does
    Counts negation cues (not, n't, never, no, without...) in the translation and in each
    reference (where words that mean a negation count too: unable, failed to, barely), and
    flags the translation's extra cues when it has more than every reference.
    With a source, NG001 does this job with both witnesses, and this rule is silent.

    ## Why is this bad?
    An added negation reverses the meaning of the sentence.

    ## Example
    Flagged: `The samples were not found to contain the acid.` (reference: `The acid was found in the samples.`)
    Corrected: `The acid was found in the samples.`
    """
    if segment.src:
        return
    hyp_cues = negation_cues(segment.hyp, segment.tgt_lang)
    most = max((reference_negations(r, segment.tgt_lang, segment.hyp) for r in refs_of(segment)), default=0)
    extra = len(hyp_cues) - most
    if extra > 0:
        for start, end in (hyp_cues if not most else hyp_cues[-extra:]):
            yield Hit(start, end, f"negation “{segment.hyp[start:end]}” is not in the reference")


_WORD_RE = re.compile(r"^[A-Za-z][a-z]+$")


@rule("RF004", "opposite-of-ref-word", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("ref",), languages=("en",))
def opposite_of_reference_word(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a word of the translation whose opposite the reference uses instead.

    ## What it does
    For each word of the translation that no reference has, looks in the reference for a
    word it does not share with the translation and that is its opposite: a listed antonym
    pair (larger/smaller, opened/closed, confirm/deny...) or the same word with a negative
    prefix (responsible/irresponsible). Words are counted: a word the reference has twice
    and the translation once is missing once. For the reference's word in the same place
    (between the same two words, or in a run of at most four words reworded between matching
    words), also an opposite through WordNet's close senses (lenient/strict through severe;
    two adverbs as their adjectives: slowly/sudden(ly)).

    ## Why is this bad?
    An antonym reverses the meaning while the sentence stays fluent and close to the
    reference by every string metric.

    ## Example
    Flagged: `Prices rose sharply in May.` (reference: `Prices fell sharply in May.`)
    Corrected: `Prices fell sharply in May.`
    """
    hyp_toks = words(segment.hyp)
    hyp_counts = collections.Counter(t.text.lower() for t in hyp_toks)
    for ref in refs_of(segment):
        ref_toks = words(ref)
        ref_words = {t.text.lower() for t in ref_toks}
        # A negated word means its opposite: "not managed" is "failed", "not long" is "shortly".
        negated_ref = _negated_words(ref_toks)
        only_ref = [w for w in _surplus_words(ref_toks, hyp_counts, ref_words) if _WORD_RE.match(w)]
        if not only_ref:
            return
        targets = antonyms.opposites_of(only_ref)
        loose_targets = antonyms.loose_forms(only_ref)
        slots = _ref_slots(ref_toks)
        gaps = None  # aligned only when some word may have a loose opposite in the reference
        negated_hyp = _negated_words(hyp_toks)
        for k, tok in enumerate(hyp_toks):
            low = tok.text.lower()
            if low in ref_words or not _WORD_RE.match(tok.text):
                continue
            opposite = None
            if antonyms.base_forms(low) & targets:
                opposite = next((w for w in only_ref if antonyms.are_opposites(low, w)), None)
            if opposite is None and antonyms.loose_opposites_of(low) & loose_targets:
                # WordNet's indirect antonyms only for a word the reference has in this place.
                if gaps is None:
                    gaps = _replaced_runs(hyp_toks, ref_toks)
                in_place = [*slots.get(_slot(hyp_toks, k), ()), *gaps.get(k, ())]
                opposite = next((w for w in in_place if w in only_ref and antonyms.are_loose_opposites(low, w)), None)
            if opposite and (low in negated_hyp) != (opposite in negated_ref):
                continue  # one side negated: the pair says the same thing
            if opposite:
                yield Hit(tok.start, tok.end, f"“{tok.text}” is the opposite of the reference's “{opposite}”",
                          suggestion=opposite)
        return  # the first reference is the one findings refer to


def _surplus_words(ref_toks, hyp_counts: collections.Counter, ref_words: set[str]) -> set[str]:
    """Reference words the translation lacks, counted: "the highest peak of the highest range"
    against "the lowest peak of the highest range" has lost one "highest". A word the
    translation has fewer times is not lost when another form of it is there instead (small,
    small against smaller, small)."""
    surplus = collections.Counter(t.text.lower() for t in ref_toks) - hyp_counts
    hyp_only = [w for w in hyp_counts if w not in ref_words]
    return {w for w in surplus
            if w not in hyp_counts or not any(antonyms.base_forms(w) & antonyms.base_forms(h) for h in hyp_only)}


#: The longest run of words, on either side, that counts as one local rewording of the other.
_WIDEST_REPLACEMENT = 4


def _replaced_runs(hyp_toks, ref_toks) -> dict[int, list[str]]:
    """Translation word index -> the reference's words in the same place: where the two
    sentences match up to a run of at most _WIDEST_REPLACEMENT words on each side that differ
    ("much smaller numbers of" against "far greater number of": smaller is where far, greater
    and number are). Wider differences are paraphrase, where a word has no one counterpart."""
    hyp_low = [t.text.lower() for t in hyp_toks]
    ref_low = [t.text.lower() for t in ref_toks]
    out: dict[int, list[str]] = {}
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=hyp_low, b=ref_low).get_opcodes():
        if op == "replace" and max(i2 - i1, j2 - j1) <= _WIDEST_REPLACEMENT:
            for i in range(i1, i2):
                out[i] = ref_low[j1:j2]
    return out


def _slot(toks, i: int) -> tuple[str | None, str | None]:
    """The words on either side of word i, lower case (None at an edge)."""
    return (toks[i - 1].text.lower() if i > 0 else None,
            toks[i + 1].text.lower() if i + 1 < len(toks) else None)


def _ref_slots(ref_toks) -> dict[tuple[str | None, str | None], list[str]]:
    """Reference words by the two words around them, where those are not both function words
    ("the ... of" is everywhere) and neither is an edge."""
    function_words = lexicons.words("stopwords.txt", "en")
    out: dict[tuple[str | None, str | None], list[str]] = collections.defaultdict(list)
    for j, tok in enumerate(ref_toks):
        left, right = _slot(ref_toks, j)
        if left is not None and right is not None and not (left in function_words and right in function_words):
            out[left, right].append(tok.text.lower())
    return out


def _negated_words(toks) -> frozenset[str]:
    """Words within two words after a negation word (the English negation list, litotes
    included: "not long after" is "shortly after"): their opposite is what they mean."""
    negators = lexicons.words("negation.txt", "en")
    out = set()
    for k, tok in enumerate(toks):
        low = tok.text.lower()
        if low in negators or low.endswith(("n't", "n’t")):
            out.update(t.text.lower() for t in toks[k + 1:k + 3])
    return frozenset(out)


@rule("RF005", "name-misspelled-vs-ref", severity=Severity.MINOR, category="fluency/spelling",
      needs=("ref",), languages=("en",))
def name_misspelled_against_reference(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a name spelt almost, but not quite, like a name of the reference: `Volograd` for `Volgograd`.

    ## What it does
    For each name of the translation that no reference has, looks for a name of the
    reference that is spelt nearly the same (similarity of at least 0.8) and suggests it.

    ## Why is this bad?
    A misspelt place or person is hard to search for and looks careless; MT misspells
    transliterated names often.

    ## Example
    Flagged: `the battle of Volograd` (reference: `the battle of Volgograd`)
    Corrected: `the battle of Volgograd`
    """
    refs = refs_of(segment)
    evidences = [target_evidence(r) for r in refs]
    for start, end, name in english_name_tokens(segment.hyp):
        if any(mentions_name(ev, name) for ev in evidences):
            continue
        for ev, ref in zip(evidences, refs):
            near = closest_name(ev, name, ref)
            if near:
                yield Hit(start, end, f"“{name}” is spelt “{near}” in the reference", suggestion=near)
                break


#: Below this sentence chrF against every reference, a translation shares only what any two
#: English sentences share (measured on DEMETR dev: translations of other sentences score
#: 10-27, 99.4 % of them below 25; the lowest clean MT scored 30).
UNRELATED_CHRF = 25.0
MIN_WORDS = 6


@rule("RF006", "unrelated-to-reference", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("ref",))
def unrelated_to_reference(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a translation that shares almost nothing with its reference: another sentence's translation, or a misaligned batch.

    ## What it does
    Computes sentence chrF (sacrebleu) against each reference and flags a translation of at
    least six words whose best score is below 25, the level any two unrelated English
    sentences reach.

    ## Why is this bad?
    Shifted lines in a batch, or a segment replaced by another, publish the wrong text under
    the right headline; every segment after a shift is wrong too.

    ## Example
    Flagged: `The ceremony will take place on Friday in the capital.` (reference: `Cyanuric acid and melamine were found in the samples.`)
    Corrected: `Both cyanuric acid and melamine were found in the samples.`
    """
    if segment.is_document or len(words(segment.hyp)) < MIN_WORDS:
        return
    # chrF costs ~0.3 ms; a translation that shares a good part of its content words with a
    # reference is plainly related to it and need not be scored.
    content = {t.text.lower() for t in words(segment.hyp) if len(t.text) >= 4}
    for ref in refs_of(segment):
        shared = content & {t.text.lower() for t in words(ref) if len(t.text) >= 4}
        if content and len(shared) >= max(2, 0.25 * len(content)):
            return
    from mtqa.metrics import sentence_chrf

    best = max((sentence_chrf(segment.hyp, r) for r in refs_of(segment)), default=100.0)
    if best < UNRELATED_CHRF:
        hyp = segment.hyp.strip()
        start = segment.hyp.index(hyp[0])
        yield Hit(start, start + len(hyp), f"the translation shares almost nothing with the reference (chrF {best:.0f})")


@rule("RF007", "ref-name-missing", severity=Severity.MAJOR, category="accuracy/omission",
      needs=("ref",), languages=("en",))
def reference_name_missing(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a name of the reference that the translation lacks (the finding points into the reference).

    ## What it does
    Takes the names of the first reference (capitalised words that are not dictionary words,
    and known places) and flags each one the translation does not mention, inflected or
    misspelt. With a source, a name the source shows it does not have is not required (the
    reference translator added it).

    ## Why is this bad?
    A dropped name removes who or where from the sentence: the translation still reads well.

    ## Example
    Flagged: reference `Pope Francis will drive out Jędraszewski.`, translation `He hopes someone will drive out Jędraszewski.`
    Corrected: `He hopes Pope Francis will drive out Jędraszewski.`
    """
    refs = refs_of(segment)
    if not refs or refs[0] is not segment.ref:
        return
    ref = segment.ref
    hyp_ev = target_evidence(segment.hyp)
    src_ev = source_evidence(segment.src, segment.src_lang) if segment.src else None
    # Without a source to veto names the reference translator added, only rare names count.
    for start, end, name in english_name_tokens(ref, broad=src_ev is not None):
        if mentions_name(hyp_ev, name) or closest_name(hyp_ev, name, segment.hyp):
            continue
        if src_ev is not None and src_ev.supports(name) is False:
            continue
        if src_ev is not None and _source_word_kept(name, segment.src, segment.src_lang):
            continue
        yield Hit(start, end, f"the reference's “{name}” is missing from the translation", field="ref")


#: A word of the source language at least this common ...
KEPT_SOURCE_WORD_ZIPF = 2.5


def _source_word_kept(name: str, src: str, src_lang: str | None) -> bool:
    """... that the reference copied from the source though English does not use it
    (Patriotyczna Rewolucja, U-Bahnhof): the reference left it untranslated, and a translation
    that translates it drops nothing."""
    return (bool(src_lang) and src_lang != "en" and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", src) is not None
            and wordfreq_data.zipf(name, src_lang) >= KEPT_SOURCE_WORD_ZIPF and wordfreq_data.zipf(name, "en") < 1.0)


def _pair_references(segment: Segment, rs: int, re_: int) -> list[str]:
    """The references to compare one aligned sentence with: in a document, the aligned sentence
    of the reference; otherwise every reference of the segment."""
    return [segment.ref[rs:re_]] if segment.is_document else refs_of(segment)


#: A translation is scrambled when it shares at least this share of its words with the
#: reference ...
SCRAMBLED_MIN_SHARED = 0.5
#: ... but its word pairs (bigrams) match the reference's less than this fraction as often as
#: its words do. Clean MT that paraphrases keeps most local word order; a word salad does not.
SCRAMBLED_ORDER_RATIO = 0.2
SCRAMBLED_MIN_WORDS = 5


def _order_agreement(hyp: list[str], ref: list[str]) -> tuple[float, float]:
    """(share of the translation's words found in the reference, share of its word pairs)."""
    ref_words = collections.Counter(ref)
    shared = sum(min(n, ref_words[w]) for w, n in collections.Counter(hyp).items()) / len(hyp)
    ref_pairs = collections.Counter(zip(ref, ref[1:]))
    pairs_ = collections.Counter(zip(hyp, hyp[1:]))
    shared_pairs = sum(min(n, ref_pairs[p]) for p, n in pairs_.items()) / max(1, len(hyp) - 1)
    return shared, shared_pairs


@rule("RF008", "scrambled-word-order", severity=Severity.MAJOR, category="fluency/grammar",
      needs=("ref",))
def scrambled_word_order(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a translation whose words are the reference's words in a scrambled order.

    ## What it does
    Compares each sentence with its reference: when most of its words are the reference's
    but almost none of its adjacent word pairs are, the words are there and the order is
    lost (a word salad from a broken decoder or a tokenisation bug).

    ## Why is this bad?
    A sentence in scrambled order cannot be read, or reads as something else; chrF, which
    compares characters, scores it almost as well as the real sentence.

    ## Example
    Flagged: `Cyanuric both pet of died acid after contaminated and food were found.` (reference: `Cyanuric acid and melamine were found in the urine of pets that died after eating contaminated food.`)
    Corrected: `Cyanuric acid and melamine were found in the urine of pets that died after eating contaminated food.`
    """
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        hyp = [t.text.lower() for t in words(segment.hyp[hs:he])]
        if len(hyp) < SCRAMBLED_MIN_WORDS:
            continue
        refs = _pair_references(segment, rs, re_)
        scrambled = True
        for ref in refs:
            shared, shared_pairs = _order_agreement(hyp, [t.text.lower() for t in words(ref)])
            if shared < SCRAMBLED_MIN_SHARED or shared_pairs >= SCRAMBLED_ORDER_RATIO * shared:
                scrambled = False
                break
        if scrambled and refs:
            text = segment.hyp[hs:he]
            start = hs + len(text) - len(text.lstrip())
            yield Hit(start, hs + len(text.rstrip()),
                      f"the words are the reference's, in a scrambled order ({shared_pairs:.0%} of word pairs "
                      f"match against {shared:.0%} of words)")


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
    Flagged: `Here he overlooked the motorcyclist.` (reference: `In this case, she overlooked the motorcyclist.`)
    Corrected: `Here she overlooked the motorcyclist.`
    """
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        hyp_toks = [t for t in words(segment.hyp[hs:he]) if t.text.lower() in _PRONOUNS]
        if not hyp_toks:
            continue
        refs = _pair_references(segment, rs, re_)
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
    Flagged: `You can also seek cheap advice from other governments.` (reference: `You can also seek advice from other governments.`)
    Corrected: `You can also seek advice from other governments.`
    """
    adjectives = wordclasses.adjectives()
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        hyp_toks, hyp_low = _slot_tokens(segment.hyp, hs, he)
        found = [k for k in range(1, len(hyp_toks) - 1) if hyp_low[k] in adjectives]
        if not found:
            continue
        refs = [_slot_tokens(r, 0, len(r))[1] for r in _pair_references(segment, rs, re_)]
        sides = [(set(r), set(zip(r, r[1:]))) for r in refs]
        for k in found:
            if all(_between_neighbours(hyp_low, k, words_, pairs_) for words_, pairs_ in sides):
                tok = hyp_toks[k]
                yield Hit(tok.start(), tok.end(),
                          f"“{tok.group(0)}” is added: the reference has “{hyp_low[k - 1]} {hyp_low[k + 1]}”")


def _slot_tokens(text: str, start: int, end: int):
    """The word and punctuation tokens of text[start:end], and their lower-case forms."""
    toks = list(_SLOT_TOKEN_RE.finditer(text, start, end))
    return toks, [t.group(0).lower() for t in toks]


def _between_neighbours(low: list[str], k: int, other_words: set[str], other_pairs: set[tuple[str, str]]) -> bool:
    """Word k of one text is not in the other, which has its two neighbours (words, not
    punctuation) side by side: it was put in between them, or taken out from between them."""
    left, right = low[k - 1], low[k + 1]
    return (low[k] not in other_words and left[0].isalnum() and right[0].isalnum()
            and (left, right) in other_pairs)


def _reference_words(segment: Segment, wanted) -> Iterator[tuple[list, list[str], list[str], list[int]]]:
    """For each sentence of the first reference and its part of the translation: the
    reference's tokens, their lower-case forms, the translation's lower-case tokens, and the
    positions j of the reference (never its first or last token) where `wanted(ref_low, j)`
    holds. Nothing when the first reference is not the segment's own: findings in the
    reference point into that one."""
    refs = refs_of(segment)
    if not refs or refs[0] is not segment.ref:
        return
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        ref_toks, ref_low = _slot_tokens(segment.ref, rs, re_)
        candidates = [j for j in range(1, len(ref_toks) - 1) if wanted(ref_low, j)]
        if candidates:
            yield ref_toks, ref_low, _slot_tokens(segment.hyp, hs, he)[1], candidates


def _verb(low: list[str], j: int) -> bool:
    """Word j is a verb-only word, or a past form where it stands as a verb."""
    return wordclasses.is_verb(low[j]) or _past_verb_in_place(low, j)


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
    Flagged: reference `The Post wrote that the plane collided with a balloon.`, translation `The Post that the plane collided with a balloon.`
    Corrected: `The Post wrote that the plane collided with a balloon.`
    """
    for ref_toks, ref_low, hyp_low, candidates in _reference_words(segment, _verb):
        hyp_words, hyp_pairs = set(hyp_low), set(zip(hyp_low, hyp_low[1:]))
        for j in candidates:
            if _between_neighbours(ref_low, j, hyp_words, hyp_pairs):
                tok = ref_toks[j]
                yield Hit(tok.start(), tok.end(), f"the reference's verb “{tok.group(0)}” is missing: "
                          f"the translation has “{ref_low[j - 1]} {ref_low[j + 1]}”", field="ref")


#: Personal pronouns that stand as subjects. "It" and "there" as dummy subjects are no omission
#: worth a finding when lost, but "it" is a subject as often as not: kept; "there" is mostly an
#: adverb (`went there to`): left out.
_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
#: Words after which English may leave a subject out: coordination shares it (`and was`),
#: a relative clause has its own (`that are`).
_SUBJECT_ELLIPSIS = frozenset({"and", "but", "or", "nor", "yet", "then", "that", "which", "who"})


def _subject_pronoun(low: list[str], j: int) -> bool:
    """Word j is a subject pronoun before a word, where English could not leave it out."""
    return low[j] in _SUBJECT_PRONOUNS and low[j - 1] not in _SUBJECT_ELLIPSIS and low[j + 1][0].isalpha()


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
    Flagged: reference `In this case, she overlooked the motorcyclist.`, translation `In this case, overlooked the motorcyclist.`
    Corrected: `In this case, she overlooked the motorcyclist.`
    """
    for ref_toks, ref_low, hyp_low, candidates in _reference_words(segment, _subject_pronoun):
        hyp_counts, ref_counts = collections.Counter(hyp_low), collections.Counter(ref_low)
        hyp_pairs = set(zip(hyp_low, hyp_low[1:]))
        for j in candidates:
            if hyp_counts[ref_low[j]] < ref_counts[ref_low[j]] and (ref_low[j - 1], ref_low[j + 1]) in hyp_pairs:
                tok = ref_toks[j]
                yield Hit(tok.start(), tok.end(), f"the reference's subject “{tok.group(0)}” is missing: "
                          f"the translation has “{ref_low[j - 1]} {ref_low[j + 1]}”", field="ref")
