"""CA: capitals left mid-sentence where machine translation lost a sentence or quotation boundary."""
from __future__ import annotations

from typing import Iterator

from mtqa.model import Hit, Segment, Severity
from mtqa.rules import rule
from mtqa.text import casing
from mtqa.text.headings import headings
from mtqa.text.sentences import sentences
from mtqa.text.tokens import words

# Words that glue a multi-word name together (`Ministry of Defense`, `Justice and Democracy`).
_NAME_CONNECTORS = frozenset("of and for to de du la del der von van al bin".split())


def _suspect(word: str, prev: str, gap: str, prev2: str) -> str | None:
    """Why `word` (title case, followed by a lower-case word) is suspect here, or None."""
    prev_is_name = not casing.starts_lowercase(prev) and not gap.strip()
    after_name_connector = prev.lower() in _NAME_CONNECTORS and not gap.strip() and casing.is_titlecase(prev2)
    cls = casing.function_word_class(word)
    if cls == "pronoun":
        return "function"
    if cls == "particle":
        return None if prev_is_name or after_name_connector else "function"
    if gap.strip() == "," and casing.is_reporting_verb(prev) and casing.is_common_word(word):
        return "reported"
    return None


@rule("CA001", "capital-mid-sentence", severity=Severity.MINOR, category="fluency/grammar",
      languages=("en",))
def capitalised_word_mid_sentence(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a common word capitalised in the middle of a sentence, where a clause or quotation boundary was lost.

    ## What it does
    Finds a capitalised word inside a sentence, followed by a lower-case word, when it cannot
    be a name: a closed-class word such as `It`, `This`, `On`, `The` (articles and prepositions
    only when no capitalised word precedes them, so `Bank of the West` stays quiet), or a
    frequent common word right after a reporting verb and a comma (`it said, Understand`).
    Proper nouns, headings, and the first word after a colon, a quotation mark, a bracket or
    a dash are left alone; capitals at quotation marks are the QT rules' business.

    ## Why is this bad?
    Machine translation that splits or merges sentences, or drops the marks of a quotation,
    leaves the capital of the old sentence start in the middle of the new one. The reader
    stumbles, and often the sentence needs restructuring, not just a lower-case letter.

    ## Example
    hyp: The agency wants to help farmers, it said, Understand the risks better.
    Use instead:
    hyp: The agency wants to help farmers, it said, to understand the risks better.
    """
    text = segment.hyp
    skip = headings(text)
    for s_start, s_end in sentences(text, segment.tgt_lang):
        if skip and any(h0 <= s_start < h1 for h0, h1 in skip):
            continue
        toks = words(text[s_start:s_end])
        # A capitalised word before a lower-case one (tokens are never empty): the first two tests
        # of is_titlecase and starts_lowercase, inline, so that most words cost no call.
        for i in [i for i in range(1, len(toks) - 1)
                  if toks[i].text[0].isupper() and toks[i + 1].text[0].islower()]:
            tok, prev, nxt = toks[i], toks[i - 1], toks[i + 1]
            if not casing.is_titlecase(tok.text):
                continue
            gap = text[s_start + prev.end:s_start + tok.start]
            if gap.strip() not in ("", ",") or text[s_start + tok.end:s_start + nxt.start].strip():
                continue
            prev2 = toks[i - 2].text if i >= 2 else ""
            why = _suspect(tok.text, prev.text, gap, prev2)
            if why is None:
                continue
            start, end = s_start + tok.start, s_start + tok.end
            if why == "function":
                msg = f"“{tok.text}” capitalised mid-sentence: lost sentence boundary?"
            else:
                msg = f"capital after “{prev.text},”: reported speech without quotes?"
            yield Hit(start, end, msg, suggestion=tok.text.lower())
