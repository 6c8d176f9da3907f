"""NG: negation that the translation adds, which flips what the source says.

Compared is the number of negation cues on each side (mtqa.text.negation). A translation with
more negations than its source almost always says the opposite of it somewhere: `were found`
became `were not found`. The reverse (a negation dropped) is not flagged: languages express
negation with words English renders without one (Czech `neobyčejná` "unusual", Chinese 不足
"insufficient"), so a lower count in the translation is too often legitimate.
"""
from __future__ import annotations

import functools
from typing import Iterator

from mtqa.align import pairs
from mtqa.model import Confidence, Hit, Segment, Severity
from mtqa.rules import rule


@functools.cache
def _import_negation_readers() -> None:
    """Imports the negation readers into this module on the first run of one of its rules: both
    need a source, so a target-only run never imports mtqa.text.negation and its affix tables'
    code. The names are then plain globals (no import statement on each call)."""
    global cognate_negations, antonym_renderings, has_cues, lexical_negations, negation_cues
    global reference_negations, soft_negations
    from mtqa.text.negation import (
        antonym_renderings,
        has_cues,
        lexical_negations,
        negation_cues,
        reference_negations,
        soft_negations,
    )
    from mtqa.text.negation_affixes import cognate_negations


#: Languages whose cue count errs high (Czech ne- words, Chinese and Japanese substrings).
GENEROUS_LANGS = {"cs", "zh", "ja"}


@rule("NG001", "negation-not-in-source", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("src",))
def negation_not_in_source(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a negation in the translation that the source does not have.

    ## What it does
    Counts negation cues (not, n't, never, no, without...) in the translation and the
    source's own cues (ne...pas, nicht, kein, 不, ない, नहीं...) and flags the translation's
    cues when it has more of them than the source. What is counted is negation events, not
    words: negative concord counts once (`ne ... jamais rien`), focus constructions and litotes
    not at all (`not only`, `nicht nur`, `不仅`, `can't help but`), and a word negated by an
    affix or an implicit negation on the other side agrees with a negated word (`undeflected` /
    `nicht abgelenkt`, `hardly ever` / `fast nie`). A flag that only a reference supports (the
    source has as many cues) is low confidence. Needs a source language mtqa has a negation
    list for (fr, de, es, it, cs, pl, ru, hi, zh, ja and en).

    ## Why is this bad?
    An added negation reverses the meaning of a sentence while keeping it fluent and
    plausible: the most dangerous kind of MT error, and nearly invisible to BLEU or chrF.

    ## Example
    hyp: Both acids were not found in the urine samples.
    src: Les deux acides ont été trouvés dans les échantillons d'urine.
    src_lang: fr
    Use instead:
    hyp: Both acids were found in the urine samples.
    """
    _import_negation_readers()
    if not has_cues(segment.src_lang) or not has_cues(segment.tgt_lang):
        return
    for (hs, he), (ss, se) in pairs.source_pairs(segment):
        hyp, src = segment.hyp[hs:he], segment.src[ss:se]
        hyp_cues = negation_cues(hyp, segment.tgt_lang)
        if not hyp_cues:
            continue  # nothing to flag: every branch below flags some of the translation's cues
        src_cues = negation_cues(src, segment.src_lang)
        extra = len(hyp_cues) - len(src_cues)
        if extra > 0:
            # Negation events, not cue words: a negated word on one side may be a word negated by
            # an affix (or an implicit negation such as `refuse`) on the other, and agrees with it.
            # (Counted only when the cues alone find more in the translation: `extra` is the
            # smaller of the two counts, and any value <= 0 takes the same branches below.)
            src_soft = soft_negations(src, segment.src_lang) + cognate_negations(src, segment.src_lang, hyp, hyp_cues)
            extra = min(extra, len(hyp_cues) + soft_negations(hyp, segment.tgt_lang) - len(src_cues) - src_soft)
        refs = [r for r in segment.refs if r]
        confidence = None
        if refs and extra > 0 and max(len(negation_cues(r, segment.tgt_lang)) for r in refs) >= len(hyp_cues):
            continue  # the reference negates as often, in the same language: the source count missed one
        if refs and extra <= 0:
            # The source count errs high by design (Czech ne- words, Chinese substrings), so
            # it can hide an added negation: the reference, in the translation's language,
            # then settles it, unless the source is reliable and has as many.
            if len(src_cues) >= len(hyp_cues) and segment.src_lang not in GENEROUS_LANGS:
                continue
            ref_most = max(reference_negations(r, segment.tgt_lang, hyp) for r in refs)
            extra = len(hyp_cues) - ref_most
            # The source has as many cues: only a reference, which may paraphrase (`too small to
            # hear` for `can't hear`), says one is added. Weak evidence, shown on request.
            confidence = Confidence.LOW
        if extra <= 0:
            continue
        flagged = hyp_cues if not src_cues else hyp_cues[-extra:]
        for start, end in flagged:
            yield Hit(hs + start, hs + end,
                      f"negation “{segment.hyp[hs + start:hs + end]}” has no counterpart in the source "
                      f"({len(hyp_cues)} in the translation, {len(src_cues)} in the source)",
                      confidence=confidence)


@rule("NG002", "negation-missing", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("src", "ref"))
def negation_missing(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a negation of the source and the reference that the translation drops.

    ## What it does
    Needs both witnesses. Counts negation cues in the translation, the reference and the
    source, and flags the reference's cue when the translation has fewer negations than the
    reference *and* than the source. Negative prefixes count on the translation's side
    (`unable` renders `could not`), and negative-concord words count once per chain
    (`nikdo nic neřekl`, `nor ... nor`).

    ## Why is this bad?
    A dropped `not` turns `the demands could not be met` into `could be met`: the opposite
    statement, fluent, and almost invisible to string metrics.

    ## Example
    hyp: The unions said the new demands could be met.
    src: Die Gewerkschaften sagten, die neuen Forderungen könnten nicht erfüllt werden.
    ref: The unions said the new demands could not be met.
    src_lang: de
    Use instead:
    hyp: The unions said the new demands could not be met.
    """
    _import_negation_readers()
    if not has_cues(segment.src_lang) or not has_cues(segment.tgt_lang):
        return
    src_pairs = pairs.source_pairs(segment)
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        hyp, ref = segment.hyp[hs:he], segment.ref[rs:re_]
        hyp_cues = negation_cues(hyp, segment.tgt_lang)
        ref_cues = negation_cues(ref, segment.tgt_lang)
        if len(ref_cues) <= len(hyp_cues):
            continue  # the counts below only add to the translation's: nothing can be missing
        # The translation may negate with a prefix where the reference has a word (unable), or say
        # the opposite word of the negated one.
        hyp_count = (len(hyp_cues) + lexical_negations(hyp, ref, segment.tgt_lang)
                     + antonym_renderings(ref, ref_cues, hyp, segment.tgt_lang))  # `weak` for `not strong`
        missing = len(ref_cues) - hyp_count
        if missing <= 0:
            continue
        src = " ".join(segment.src[ss:se] for (a, b), (ss, se) in src_pairs if a < he and hs < b)
        if len(negation_cues(src, segment.src_lang)) <= len(hyp_cues):
            continue  # the source does not confirm: the reference may have paraphrased
        for start, end in ref_cues[-missing:]:
            yield Hit(rs + start, rs + end,
                      f"the negation “{ref[start:end]}” of the source and the reference is missing from the "
                      f"translation ({len(hyp_cues)} in the translation, {len(ref_cues)} in the reference)",
                      field="ref")
