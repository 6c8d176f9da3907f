"""SP: spacing artefacts: words run together across a sentence end, French spacing carried into
English (before high punctuation, inside quotation marks), doubled spaces, and tokenizer spacing
(`word ,`, `do n't`) left in the output."""
from __future__ import annotations

import re
from typing import Iterator

from mtqa.model import Hit, Segment, Severity
from mtqa.rules import rule
from mtqa.text import quotes as q
from mtqa.text.sentences import is_abbreviation

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
# `year.The`, `Ukraine.According`, `2022.The`, `ways.”The`: a sentence end glued to a capitalised word.
_GLUED_RE = re.compile(
    rf"(?P<before>(?<!\w)\w*[{_LOWER}]{{2}}|(?<!\w)\d+|[)\]%])(?P<punct>[.!?]+[”’\"»)]*)(?P<after>[{_UPPER}][{_LOWER}]+)")
# These regexes open on a lookbehind or an alternation, so `re` tries them at every position;
# each rule first looks for what every match must contain (in C, with a literal or a leading
# class), and most text has none of it. `_GLUED_NEED_RE`: the last sentence mark and the capital.
_GLUED_NEED_RE = re.compile(rf"[.!?][”’\"»)]*[{_UPPER}]")
_TOKEN_AROUND_RE = re.compile(r"\S+")
_URLISH = ("://", "www.", "@")
# `Amazon.Com`, `Gov.Uk`: a capitalised top-level domain is a domain name, not a sentence start.
_TLDS = frozenset("com org net edu gov int info biz io co uk fr de es it pt ru ua eu us ca au ch be nl".split())

_INNER_SPACES = " \u00a0\u202f\u2009"
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
_FRENCH_SPACE_RE = re.compile(r"(?<=[\w”’\")\]])([ \u00a0\u202f\u2009]+)([:;!?])(?=\s|$|[”’\")\]])")
_PERCENT_SPACE_RE = re.compile(r"(?<=\d)([ \u00a0\u202f\u2009]+)(%)")
_SPACE_BEFORE_COMMA_RE = re.compile(r"(?<=[^\W_])( +)([,.])(?=\s|$|[”’\"])")
# The space opens the regex and the lookbehind after it reads the character before it (the
# same test as `(?<=\w)` first): `re` then scans for the literal space, ~2x faster.
_SPLIT_CONTRACTION_RE = re.compile(r"( )(?<=\w )(n't|'s|'re|'ve|'ll|'d|'m|’s|’re|’ve|’ll|’d|’m|n’t)\b", re.I)
# What a match of each regex above must contain (the same flags, so the same characters match).
_FRENCH_SPACE_NEED_RE = re.compile(r"[ \u00a0\u202f\u2009][:;!?]")
_PERCENT_SPACE_NEED_RE = re.compile(r"[ \u00a0\u202f\u2009]%")
_SPLIT_CONTRACTION_NEED_RE = re.compile(r" [n'’]", re.I)


def _token_at(text: str, pos: int) -> str:
    for m in _TOKEN_AROUND_RE.finditer(text, max(0, pos - 200), min(len(text), pos + 200)):
        if m.start() <= pos < m.end():
            return m.group(0)
    return ""


@rule("SP001", "missing-space-after-sentence-end", severity=Severity.MINOR,
      category="fluency/punctuation", languages=("en",))
def missing_space_after_sentence_end(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a sentence end glued to the next sentence: `year.The`.

    ## What it does
    Finds a full stop, question mark or exclamation mark (optionally followed by a closing
    quotation mark or bracket) with a lower-case word or a number before it and a capitalised
    word right after it, with no space between. Abbreviations (U.S., e.g., a.m.), initials,
    decimals, times, URLs, e-mail addresses and domain names are left alone.

    ## Why is this bad?
    Scrapers and MT pipelines that join sentences without their whitespace run words
    together; a reader trips over `Ukraine.According` and a search for either word misses it.

    ## Example
    hyp: The factory will be fully operational early next year.The White House spokesman warned on Friday.
    Use instead:
    hyp: The factory will be fully operational early next year. The White House spokesman warned on Friday.
    """
    text = segment.hyp
    for m in _GLUED_RE.finditer(text) if _GLUED_NEED_RE.search(text) else ():
        token = _token_at(text, m.start("punct"))
        if any(u in token.lower() for u in _URLISH):
            continue
        if m.group("punct").startswith(".") and is_abbreviation(m.group("before"), segment.tgt_lang):
            continue
        if m.group("punct") == "." and m.group("after").lower() in _TLDS:
            continue
        yield Hit(m.start("before"), m.end("after"), "no space after the end of a sentence",
                  suggestion=f"{m.group('before')}{m.group('punct')} {m.group('after')}",
                  fix=f"{m.group('before')}{m.group('punct')} {m.group('after')}")


@rule("SP002", "repeated-spaces", severity=Severity.MINOR, category="fluency/punctuation")
def repeated_spaces(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags two or more spaces between words inside a sentence.

    ## What it does
    Finds runs of two or more spaces between two words. Two spaces after the end of a sentence
    (a typing convention) are not flagged.

    ## Why is this bad?
    A doubled space inside a sentence is usually the trace of a word the pipeline removed
    (a tag, an ad placeholder, a name) and is worth a look; it also breaks exact-match search.

    ## Example
    hyp: The drones are assembled in  the factory at Alabuga.
    Use instead:
    hyp: The drones are assembled in the factory at Alabuga.
    """
    text = segment.hyp
    if "  " not in text and "\u00a0" not in text:
        return  # a match is two spaces or no-break spaces in a row
    for m in _DOUBLE_SPACE_RE.finditer(text):
        if text[m.start() - 1] in ".!?:”\"":
            continue
        yield Hit(m.start(), m.end(), "repeated spaces between words", suggestion=" ", fix=" ")


@rule("SP003", "space-before-punctuation", severity=Severity.MINOR, category="fluency/punctuation",
      languages=("en",))
def space_before_punctuation(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags French spacing carried into English: a space before `: ; ! ?` or `%`.

    ## What it does
    Finds a space, no-break space or narrow no-break space before a colon, semicolon,
    exclamation mark or question mark, or between a number and `%`, in English text.

    ## Why is this bad?
    French typography puts a (narrow) no-break space before high punctuation and the percent
    sign; English does not. MT copies the source spacing, which looks foreign in an English wire.

    ## Example
    hyp: Why now ? Inflation rose 2 % in May, the statistics office said.
    Use instead:
    hyp: Why now? Inflation rose 2% in May, the statistics office said.
    """
    text = segment.hyp
    for regex, need in ((_FRENCH_SPACE_RE, _FRENCH_SPACE_NEED_RE), (_PERCENT_SPACE_RE, _PERCENT_SPACE_NEED_RE)):
        for m in regex.finditer(text) if need.search(text) else ():
            yield Hit(m.start(1), m.end(2), f"space before “{m.group(2)}” (French spacing)",
                      suggestion=m.group(2), fix=m.group(2))


@rule("SP004", "space-before-comma-or-period", severity=Severity.MINOR, category="fluency/punctuation")
def space_before_comma_or_period(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a space before a comma or full stop, the trace of tokenized output.

    ## What it does
    Finds a word followed by a space and then a comma or a full stop that ends the word
    (`food .`, `yesterday , he`). Ellipses and decimals such as `.5` are left alone.

    ## Why is this bad?
    Tokenizers split punctuation from words; output that was never detokenized shows these
    spaces to the reader, and sacrebleu scores it lower.

    ## Example
    hyp: The cats died after eating contaminated pet food .
    Use instead:
    hyp: The cats died after eating contaminated pet food.
    """
    text = segment.hyp
    for m in _SPACE_BEFORE_COMMA_RE.finditer(text) if " ," in text or " ." in text else ():
        yield Hit(m.start(1), m.end(2), f"space before “{m.group(2)}”", suggestion=m.group(2),
                  fix=m.group(2))


@rule("SP005", "split-contraction", severity=Severity.MINOR, category="fluency/punctuation",
      languages=("en",))
def split_contraction(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags an English contraction or possessive split from its word: `do n't`, `Earth 's`.

    ## What it does
    Finds a space between a word and `n't`, `'s`, `'re`, `'ve`, `'ll`, `'d` or `'m`.

    ## Why is this bad?
    This is how Penn-Treebank tokenizers split English; it shows that the output was never
    detokenized and reads as a typo.

    ## Example
    hyp: “We do n't know if the water came from comets,” the researcher said.
    Use instead:
    hyp: “We don't know if the water came from comets,” the researcher said.
    """
    text = segment.hyp
    for m in _SPLIT_CONTRACTION_RE.finditer(text) if _SPLIT_CONTRACTION_NEED_RE.search(text) else ():
        yield Hit(m.start(1), m.end(2), f"“{m.group(2)}” is split from its word", suggestion=m.group(2),
                  fix=m.group(2))


@rule("SP006", "space-inside-quotes", severity=Severity.MINOR, category="fluency/punctuation",
      languages=("en",))
def space_inside_quotation_marks(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a space just inside a pair of English quotation marks: `“ not on purpose ”`.

    ## What it does
    For each pair of curly double quotation marks, finds spaces (plain, no-break or narrow
    no-break) right after the opening mark or right before the closing mark.

    ## Why is this bad?
    French puts a no-break space inside guillemets (`« pas exprès »`); MT that swaps the marks
    for English ones keeps the spaces, which English never has, and a line break can then
    separate a mark from its words.

    ## Example
    hyp: The administration was “ ready to do more ” to expose the deal, he said.
    Use instead:
    hyp: The administration was “ready to do more” to expose the deal, he said.
    """
    text = segment.hyp
    for pair in q.analyse(text, segment.tgt_lang).pairs:
        if pair.open.char != "“" or pair.close.char != "”":
            continue
        o, c = pair.open.pos, pair.close.pos
        i = o + 1
        while i < c and text[i] in _INNER_SPACES:
            i += 1
        if i > o + 1 and i < c:
            yield Hit(o, i, "space after the opening quotation mark", suggestion="“", fix="“")
        j = c
        while j > i and text[j - 1] in _INNER_SPACES:
            j -= 1
        if j < c and j > o + 1:
            yield Hit(j, c + 1, "space before the closing quotation mark", suggestion="”", fix="”")
