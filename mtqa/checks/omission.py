"""OM: translations that are missing, wholly or in part, and text that nobody translated.

OM002 and OM003 compare a document with its reference paragraph by paragraph, through the
sentence alignment of `mtqa.align.document` (shared with the per-sentence metrics)."""
from __future__ import annotations

import functools
import math
import re
from typing import Iterator

from mtqa.model import Confidence, Hit, Segment, Severity
from mtqa.resources import lexicons
from mtqa.rules import rule
from mtqa.text import clauses

_CONTENT_RE = re.compile(r"[^\W_]")


@rule("OM001", "empty-translation", severity=Severity.CRITICAL, category="accuracy/omission")
def empty_translation(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a translation with no words in it: empty, blank, or punctuation only.

    ## What it does
    Flags a segment whose translation contains no letter or digit (an empty line, spaces,
    a lone `.`), unless its source is empty as well.

    ## Why is this bad?
    Nothing of the source reaches the reader. Empty output is a classic failure of MT
    pipelines (a timeout, a filter, a misaligned batch) and must never be published.

    ## Example
    hyp: .
    src: Le gouvernement a démissionné.
    src_lang: fr
    Use instead:
    hyp: The government has resigned.
    """
    if _CONTENT_RE.search(segment.hyp):
        return
    if segment.src is not None and not _CONTENT_RE.search(segment.src):
        return
    yield Hit(0, len(segment.hyp), "the translation is empty: it has no words")


# ----------------------------------------------------------------------------- length outliers

#: How many robust spreads from the typical length ratio a translation may be before it is
#: flagged. 3.5 keeps the false-alarm rate on clean MT and human translations below 0.5 %.
LENGTH_Z = 3.5
#: ... and this far, beyond doubt.
CLEAR_LENGTH_Z = 5.0
#: Below this many characters, lengths vary too much to mean anything.
MIN_LENGTH = 20


@functools.lru_cache(maxsize=None)
def _length_model(src_lang: str | None, tgt_lang: str | None) -> tuple[float, float] | None:
    for row in lexicons.table("length_ratios.tsv"):
        if row[0] == src_lang and row[1] == tgt_lang:
            return float(row[2]), float(row[3])
    return None


@rule("OM004", "length-ratio-outlier", severity=Severity.MAJOR, category="accuracy/omission", needs=("src",))
def length_ratio_outlier(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a translation much shorter or much longer than translations of its source usually are.

    ## What it does
    Compares the length of the translation with the length of its source against the
    typical ratio for the language pair (measured on clean translations, see
    `mtqa/data/common/length_ratios.tsv`), and flags it when it is more than 3.5 robust
    spreads away. Short segments and language pairs without a measured ratio are not judged.

    ## Why is this bad?
    A translation far shorter than its source has dropped content; one far longer has added
    some, or is the translation of another sentence.

    ## Example
    hyp: The minister resigned.
    src: Le ministre a démissionné hier soir après trois jours de polémique sur ses frais de campagne.
    src_lang: fr
    Use instead:
    hyp: The minister resigned last night after three days of controversy over his campaign expenses.
    """
    model = _length_model(segment.src_lang, segment.tgt_lang)
    if model is None or segment.is_document:
        return
    median, spread = model
    hyp, src = segment.hyp.strip(), segment.src.strip()
    if len(src) < MIN_LENGTH or not hyp:
        return
    z = (math.log((len(hyp) + 10) / (len(src) + 10)) - median) / spread
    refs = [r.strip() for r in segment.refs if r and r.strip()]
    if refs and any(0.67 <= (len(hyp) + 10) / (len(r) + 10) <= 1.5 for r in refs):
        return  # as long as a reference: the source is just unusually worded
    if abs(z) > LENGTH_Z:
        what = "shorter" if z < 0 else "longer"
        start = segment.hyp.index(hyp[0])
        # Free but faithful translations reach 3.5-5 spreads now and then (DEMETR's clean MT and
        # references: 0.4 % of each); beyond 5, content was dropped or added.
        yield Hit(start, start + len(hyp), f"the translation is much {what} than its source usually allows "
                                           f"({abs(z):.1f} spreads from the typical length)",
                  confidence=Confidence.HIGH if abs(z) >= CLEAR_LENGTH_Z else Confidence.LOW)


# ----------------------------------------------------------------------------- traces of a dropped word

# A word that cannot end a phrase, right before punctuation, or an empty pair of quotes or
# brackets: the trace of a name or noun that was dropped ("the cathedral of, the", "“”").
# Determiners never end a phrase; prepositions may ("the one you know of."), but not before
# a comma or a bracket.
_DANGLING_DETERMINERS = frozenset({"the", "an", "his", "their", "its", "our", "my", "your", "a"})
_DANGLING_PREPOSITIONS = frozenset({"of", "by", "between", "than", "into"})


def _dangling_pattern() -> str:
    r"""The plain `\b(the|an|...)\s*(?=[,.;:!?)]|$)|\b(of|by|...)\s*(?=[,;:)])|[\"“]\s*[\"”]|\(\s*\))`,
    spelled with one alternative per first character, each opening on that character as a
    literal (the word boundary checked after it, as "no word character before it"): then `re`
    looks for those characters in C before it tries a match, instead of trying one at every
    position (OM006 ~20 % faster). No two alternatives match at one place, so their order
    changes nothing; a test compares it with the plain one."""
    tails = {}
    for words, after in ((_DANGLING_DETERMINERS, r"\s*(?=[,.;:!?)]|$)"), (_DANGLING_PREPOSITIONS, r"\s*(?=[,;:)])")):
        for word in sorted(words):
            tails.setdefault(word[0], []).append(word[1:] + after)
    words = [f"{first}(?<!\\w.)(?:{'|'.join(rests)})" for first, rests in sorted(tails.items())]
    return "|".join(words + [r'"\s*["”]', r'“\s*["”]', r"\(\s*\)"])


_DANGLING_RE = re.compile(_dangling_pattern())
_INITIAL_RE = re.compile(r"\b[A-Z]\.$")


@rule("OM006", "dangling-function-word", severity=Severity.MAJOR, category="accuracy/omission",
      languages=("en",))
def dangling_function_word(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a determiner or preposition left hanging before punctuation, or empty quotes: the trace of a dropped word.

    ## What it does
    Finds words that cannot end a phrase in English (of, the, a, an, by, between, than, into,
    possessives) directly before punctuation, and empty quotation marks or brackets.

    ## Why is this bad?
    Something was there: MT or a filter dropped a name or a noun and left its grammar behind.
    The reader sees a broken sentence and loses the missing information.

    ## Example
    hyp: The 24-year-old was coming from the direction of, the police said.
    Use instead:
    hyp: The 24-year-old was coming from the direction of Nellingen, the police said.
    """
    text = segment.hyp
    for m in _DANGLING_RE.finditer(text):
        start, end = m.span()
        # A word and the spaces after it (\s is what rstrip strips), or quotes or brackets.
        word = text[start:end].rstrip() if text[start] not in "\"“(" else None
        if word == "a" and _INITIAL_RE.search(text, 0, end):
            continue  # "Franco A." is an initial
        if word in _DANGLING_PREPOSITIONS and clauses.object_elsewhere(text, start, end):
            continue  # `by, let's say, the Sun`; `what you fold it into, ...`
        yield Hit(start, end, f"a word is missing after “{word}”" if word
                  else "empty quotation marks or brackets: a word is missing")
def _document_alignment(segment: Segment):
    """The sentence alignment of a document with its first reference, or None when there is
    nothing to compare (not a document) or the two texts share no sentence at all: then the
    reference is not a translation of this document, and flagging every paragraph would be noise."""
    if not segment.is_document or not segment.ref or not segment.ref.strip():
        return None
    from mtqa.align.document import align_reference  # here: only articles with a reference align

    alignment = align_reference(segment.hyp, segment.ref, segment.tgt_lang)
    return alignment if alignment.matched else None


@rule("OM002", "added-paragraph", severity=Severity.MAJOR, category="accuracy/addition", needs=("ref",),
      defers_to=("BP", "RP001", "PJ001"))
def added_paragraph(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a paragraph of a translated document that has no counterpart in the reference.

    ## What it does
    With `--doc --ref`, aligns the sentences of the translation with those of the reference
    (dynamic programming over chrF, with merges and skips) and flags each paragraph of the
    translation none of whose sentences matches anything in the reference.

    ## Why is this bad?
    Text the reference does not have is text nobody translated: scraped page furniture
    (`by admin`, `Related News`, `Leave a Comment`), calqued ad placeholders (`sequel after
    announcement`), a duplicated title, a stray teaser headline. Published as is, it reads as
    part of the article.

    ## Example
    hyp: Russia will build the drones at a plant in Tatarstan, the White House said.\\nThe plant could be fully operational early next year.\\nRelated News
    ref: Russia will build the drones at a plant in Tatarstan, the White House said.\\nThe plant could be fully operational early next year.
    doc: true
    Use instead:
    hyp: Russia will build the drones at a plant in Tatarstan, the White House said.\\nThe plant could be fully operational early next year.
    """
    alignment = _document_alignment(segment)
    if alignment is None:
        return
    for start, end in alignment.hyp_only_paragraphs:
        yield Hit(start, end, "paragraph with no counterpart in the reference: added text", suggestion="")


@rule("OM003", "omitted-paragraph", severity=Severity.MAJOR, category="accuracy/omission", needs=("ref",))
def omitted_paragraph(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a paragraph of the reference that has no counterpart in the translated document.

    ## What it does
    With `--doc --ref`, aligns the sentences of the translation with those of the reference
    and flags each reference paragraph none of whose sentences matches anything in the
    translation. The span is in the reference (`field` is `ref`).

    ## Why is this bad?
    A whole paragraph of the article is missing from the translation: a truncated MT request,
    a dropped line in a scraper, a segment lost in a pipeline. The reader never learns what it said.

    ## Example
    hyp: Russia will build the drones at a plant in Tatarstan, the White House said.\\nThe plant could be fully operational early next year.
    ref: Russia will build the drones at a plant in Tatarstan, the White House said.\\nTehran has repeatedly rejected as “incorrect” the US accusations that it supplies Moscow with weapons.\\nThe plant could be fully operational early next year.
    doc: true
    Use instead:
    hyp: Russia will build the drones at a plant in Tatarstan, the White House said.\\nTehran has repeatedly rejected the US accusations that it supplies Moscow with weapons as “incorrect”.\\nThe plant could be fully operational early next year.
    """
    alignment = _document_alignment(segment)
    if alignment is None:
        return
    for start, end in alignment.ref_only_paragraphs:
        yield Hit(start, end, "reference paragraph with no counterpart in the translation: omitted",
                  field="ref")
