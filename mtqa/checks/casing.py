"""CA: capitals left mid-sentence where machine translation lost a sentence or quotation boundary."""
from __future__ import annotations

import bisect
import operator
import re
from itertools import compress, islice
from typing import Iterator

from mtqa.model import Hit, Segment, Severity
from mtqa.rules import rule
from mtqa.text import casing
from mtqa.text.headings import headings
from mtqa.text.sentences import sentences
from mtqa.text.tokens import first_char, word_texts, words

# Words that glue a multi-word name together (`Ministry of Defense`, `Justice and Democracy`).
_NAME_CONNECTORS = frozenset("of and for to de du la del der von van al bin".split())


def _may_be_suspect(text: str, start: int, word: str) -> bool:
    """False when _suspect is None for `word` at `start` whatever its neighbours: it is no
    function word, and no comma ends the text before it (so the gap after the previous word,
    which ends at `start`, is not a comma). Most capitalised words mid-sentence are names: this
    cheap test spares them the rest."""
    return casing.function_word_class(word) is not None or text[:start].rstrip().endswith(",")


#: A comma, the whitespace after it, and the character after that: where a word right after a
#: comma starts (`str.rstrip` and `\s` strip the same characters: both are str.isspace).
_AFTER_COMMA_RE = re.compile(r",\s*(\S)")


def _any_may_be_suspect(text: str, texts: tuple[str, ...]) -> bool:
    """Whether _may_be_suspect can be True for some word of `text` (`texts`: its words) that is
    capitalised and followed by a lower-case word, decided without the words' offsets: either
    such a word is a function word, or a capital stands right after a comma and whitespace
    (_may_be_suspect's second test: what precedes the word, stripped, ends with a comma). A
    True may be wrong, a False never is; most texts get False and the rule never cuts tokens."""
    if len(texts) < 3:
        return False  # no word has a word before and after it
    firsts = list(map(first_char, texts))
    # Word i (1 <= i <= n - 2) capitalised and word i + 1 lower case, picked in C.
    capitalised = compress(islice(texts, 1, len(texts) - 1),
                           map(operator.and_, map(str.isupper, islice(firsts, 1, None)),
                               map(str.islower, islice(firsts, 2, None))))
    if any(casing.function_word_class(word) is not None for word in capitalised):
        return True
    return any(m.group(1).isupper() for m in _AFTER_COMMA_RE.finditer(text))


def _suspect(word: str, cls: str | None, prev: str, gap: str, prev2: str) -> str | None:
    """Why `word` (title case, followed by a lower-case word; `cls` its function_word_class) is
    suspect here, or None."""
    if cls == "pronoun":
        return "function"
    if cls == "particle":
        prev_is_name = not casing.starts_lowercase(prev) and not gap.strip()
        after_name_connector = prev.lower() in _NAME_CONNECTORS and not gap.strip() and casing.is_titlecase(prev2)
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
    if not _any_may_be_suspect(text, word_texts(text)):
        return  # the loop below would pick no word: most texts end here
    toks = words(text)  # the whole text's tokens, cached and shared with the other rules
    spans = skip = starts = None  # wanted for few texts: taken at the first word that needs them
    # A capitalised word before a lower-case one (tokens are never empty): the first two tests
    # of is_titlecase and starts_lowercase, inline, so that most words cost no call.
    for i in [i for i in range(1, len(toks) - 1) if toks[i].text[0].isupper() and toks[i + 1].text[0].islower()
              and _may_be_suspect(text, toks[i].start, toks[i].text)]:
        tok, prev, nxt = toks[i], toks[i - 1], toks[i + 1]
        word = tok.text
        if not casing.is_titlecase(word):
            continue
        gap = text[prev.end:tok.start]
        if gap.strip() not in ("", ",") or text[tok.end:nxt.start].strip():
            continue
        if spans is None:
            spans, skip = sentences(text, segment.tgt_lang), headings(text)
            starts = [s for s, _ in spans]
        # The word's sentence. No token crosses a sentence end (a sentence ends on a terminal
        # mark, closing marks after one, or a line end, none of which joins two words), so the
        # tokens of a sentence are the whole text's tokens inside it: the rule used to take them
        # from the sentence's own text (tests/checks/test_casing_fast_paths.py compares).
        s_start, s_end = spans[bisect.bisect_right(starts, tok.start) - 1]
        if prev.start < s_start or nxt.start >= s_end:
            continue  # the first or the last word of its sentence
        if skip and any(h0 <= s_start < h1 for h0, h1 in skip):
            continue
        prev2 = toks[i - 2].text if i >= 2 and toks[i - 2].start >= s_start else ""
        why = _suspect(word, casing.function_word_class(word), prev.text, gap, prev2)
        if why is None:
            continue
        if why == "function":
            msg = f"“{word}” capitalised mid-sentence: lost sentence boundary?"
        else:
            msg = f"capital after “{prev.text},”: reported speech without quotes?"
        yield Hit(tok.start, tok.end, msg, suggestion=word.lower())
