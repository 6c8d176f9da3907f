"""NG: negation that the translation adds, which flips what the source says.

Compared is the number of negation cues on each side (mtqa.text.negation). A translation with
more negations than its source almost always says the opposite of it somewhere: `were found`
became `were not found`. The reverse (a negation dropped) is not flagged: languages express
negation with words English renders without one (Czech `neobyčejná` "unusual", Chinese 不足
"insufficient"), so a lower count in the translation is too often legitimate.
"""
from __future__ import annotations

from typing import Iterator

from mtqa.model import Hit, Segment, Severity
from mtqa.rules import rule
from mtqa.text import pairs
from mtqa.text.negation import has_cues, negation_cues, reference_negations


#: Languages whose cue count errs high (Czech ne- words, Chinese and Japanese substrings).
GENEROUS_LANGS = {"cs", "zh", "ja"}


@rule("NG001", "negation-not-in-source", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("src",))
def negation_not_in_source(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a negation in the translation that the source does not have.

    ## What it does
    Counts negation cues (not, n't, never, no, without...) in the translation and the
    source's own cues (ne...pas, nicht, kein, 不, ない, नहीं...) and flags the translation's
    cues when it has more of them than the source. Needs a source language mtqa has a
    negation list for (fr, de, es, it, pt-free: cs, pl, ru, hi, zh, ja and en).

    ## Why is this bad?
    An added negation reverses the meaning of a sentence while keeping it fluent and
    plausible: the most dangerous kind of MT error, and nearly invisible to BLEU or chrF.

    ## Example
    Flagged: `Both acids were not found in the samples.` (source: `Les deux acides ont été trouvés dans les échantillons.`)
    Corrected: `Both acids were found in the samples.`
    """
    if not has_cues(segment.src_lang) or not has_cues(segment.tgt_lang):
        return
    for (hs, he), (ss, se) in pairs.source_pairs(segment):
        hyp_cues = negation_cues(segment.hyp[hs:he], segment.tgt_lang)
        src_cues = negation_cues(segment.src[ss:se], segment.src_lang)
        refs = [r for r in segment.refs if r]
        if refs:
            # The reference is the better witness (same language); the source count still
            # vetoes where it is reliable, i.e. not where it is generous by design.
            ref_most = max(reference_negations(r, segment.tgt_lang, segment.hyp) for r in refs)
            extra = len(hyp_cues) - ref_most
            if extra <= 0 or (len(src_cues) >= len(hyp_cues) and segment.src_lang not in GENEROUS_LANGS):
                continue
        else:
            extra = len(hyp_cues) - len(src_cues)
            if extra <= 0:
                continue
        flagged = hyp_cues if not src_cues else hyp_cues[-extra:]
        for start, end in flagged:
            yield Hit(hs + start, hs + end,
                      f"negation “{segment.hyp[hs + start:hs + end]}” has no counterpart in the source "
                      f"({len(hyp_cues)} in the translation, {len(src_cues)} in the source)")
