"""QT: quotation marks that machine translation reversed, dropped, moved, glued or left in the
source language's style."""
from __future__ import annotations

import re
from typing import Iterator

from mtqa.align import pairs
from mtqa.model import Hit, Segment, Severity
from mtqa.rules import rule
from mtqa.text import casing
from mtqa.text import quotes as q
from mtqa.text.sentences import paragraphs
from mtqa.text.tokens import word_texts


@rule("QT001", "reversed-quotation-marks", severity=Severity.MINOR, category="fluency/punctuation",
      languages=("en",))
def reversed_quotation_marks(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a quotation whose marks are the wrong way round: a closing mark before it and an opening mark after it.

    ## What it does
    Finds a closing quotation mark that opens nothing, followed by an opening mark that closes
    nothing, around the same stretch of text: `” not on purpose “`.

    ## Why is this bad?
    Machine translation often emits the marks of a quotation in the wrong order, especially
    when the source used guillemets with inner spaces (`« pas exprès »`). Readers see a
    broken quotation, and the words that were quoted lose their attribution.

    ## Example
    hyp: The ministry said the strikes were ” not on purpose “ and promised an inquiry.
    Use instead:
    hyp: The ministry said the strikes were “not on purpose” and promised an inquiry.
    """
    text = segment.hyp
    for rev in q.analyse(text, segment.tgt_lang).reversed:
        start, end = rev.close.pos, rev.open.pos + 1
        inner = text[start + 1:end - 1].strip()
        yield Hit(start, end, "quotation marks are reversed: the closing mark comes first",
                  suggestion=f"“{inner}”", fix=f"“{inner}”")


@rule("QT002", "unpaired-quotation-mark", severity=Severity.MINOR, category="fluency/punctuation",
      languages=("en",))
def unpaired_quotation_mark(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a double quotation mark that has no partner in its paragraph.

    ## What it does
    Pairs the double quotation marks of each paragraph by position and flags an opening mark
    that is never closed or a closing mark that closes nothing. A quotation that continues
    into the next paragraph (which then opens with a quotation mark) is not flagged.

    ## Why is this bad?
    A lone quotation mark leaves the reader unsure where the quoted words start or stop;
    in machine translation it usually means a quotation's boundary was lost.

    ## Example
    hyp: The opposition leader called the budget “a disaster and left the chamber.
    Use instead:
    hyp: The opposition leader called the budget “a disaster” and left the chamber.
    """
    for u in q.analyse(segment.hyp, segment.tgt_lang).unpaired:
        if u.mark.role == "open":
            msg = f"opening quotation mark {u.mark.char} is never closed"
        else:
            msg = f"closing quotation mark {u.mark.char} closes no quotation"
        yield Hit(u.mark.pos, u.mark.pos + 1, msg)


# --------------------------------------------------------------------------- capitals at the marks

_SENTENCE_PUNCT = ".!?…"
_CLAUSE_PUNCT = ".!?…,;:"


def _word_at(text: str, pos: int) -> tuple[int, int]:
    """The word starting at `pos` (letters, inner apostrophes and hyphens), as a span."""
    end = pos
    while end < len(text) and (text[end].isalnum() or (text[end] in "'’-" and end + 1 < len(text)
                                                       and text[end + 1].isalnum() and end > pos)):
        end += 1
    return pos, end


def _next_word(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The next word after `pos` when only spaces separate them (None at punctuation or `limit`)."""
    i = pos
    while i < limit and text[i] in " \u00a0":
        i += 1
    if i >= limit or not text[i].isalpha():
        return None
    return _word_at(text, i)


def _is_title(quoted: str) -> bool:
    """Title case (`Understanding the Risks`, `Le Monde`): most content words capitalised."""
    content = [w for w in word_texts(quoted) if casing.function_word_class(w) is None]
    if len(content) < 2:
        return False
    caps = sum(1 for w in content if w[:1].isupper())
    return caps * 2 > len(content)


def _suspect_capital(text: str, start: int, end: int, limit: int) -> bool:
    """`text[start:end]` is a capitalised common word followed by a lower-case word (or the limit)."""
    word = text[start:end]
    if not casing.is_titlecase(word):
        return False
    nxt = _next_word(text, end, limit)
    if nxt is not None and not text[nxt[0]].islower():
        return False  # a name or a title: `“The Guardian”`, `” John Kirby`
    return casing.function_word_class(word) is not None or casing.is_common_word(word)


@rule("QT003", "capital-at-quote-start", severity=Severity.MINOR,
      category="fluency/punctuation", languages=("en",))
def quotation_opening_with_capital_mid_sentence(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a quotation that opens mid-sentence on a capitalised common word: `Russia “Receives materials`.

    ## What it does
    Finds an opening quotation mark that follows a word (not a colon, comma or sentence end)
    and opens on a capitalised common word followed by lower-case text. Quoted names and
    titles (`the daily “Le Monde”`, `“Understanding the Risks”`) and one-word quotations are
    left alone.

    ## Why is this bad?
    English quotes a fragment that continues the sentence in lower case. A capital there is
    the trace of a quotation whose boundaries moved in translation: the source quoted a
    different stretch of words, so the attribution is probably wrong as well.

    ## Example
    hyp: Washington accused Moscow of using the drones recently “To attack Kyiv” and other cities.
    Use instead:
    hyp: Washington accused Moscow of using the drones recently “to attack Kyiv” and other cities.
    """
    text = segment.hyp
    for pair in q.analyse(text, segment.tgt_lang).pairs:
        o, c = pair.open.pos, pair.close.pos
        i = o - 1
        while i >= 0 and text[i] in " \u00a0":
            i -= 1
        if i < 0 or i == o - 1 or not text[i].isalnum():
            continue  # paragraph start, or after punctuation (`said, “We`), or glued (QT006)
        start, end = _word_at(text, o + 1)
        quoted = text[o + 1:c]
        if end <= start or end >= c or _is_title(quoted):
            continue
        if _suspect_capital(text, start, end, c):
            word = text[start:end]
            yield Hit(o, end, "quotation opens mid-sentence on a capital: moved boundary?", suggestion=text[o:start] + word.lower())


@rule("QT004", "capital-after-quotation", severity=Severity.MINOR,
      category="fluency/punctuation", languages=("en",))
def capital_after_closing_quotation_mark(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a capitalised common word right after a quotation that did not end its sentence: `factory” On its soil`.

    ## What it does
    Finds a closing quotation mark whose quotation ends without punctuation, followed by a
    space and a capitalised common word (`On`, `This`, `Understand`) that continues in lower
    case. Names after a quotation (`” John Kirby said`) and new sentences after a quotation
    that ended with a full stop (`ways.” The`) are left alone.

    ## Why is this bad?
    The capital is the start of a sentence that machine translation merged into this one,
    or the trace of a quotation whose closing mark moved: the reader cannot tell where the
    quoted words stop.

    ## Example
    hyp: Kyiv vowed to “denounce and disrupt” This cooperation in unmanned aircraft.
    Use instead:
    hyp: Kyiv vowed to “denounce and disrupt” this cooperation in unmanned aircraft.
    """
    text = segment.hyp
    analysis = q.analyse(text, segment.tgt_lang)
    closers = [p.close.pos for p in analysis.pairs]
    closers += [u.mark.pos for u in analysis.unpaired if u.mark.role == "close"]
    for c in sorted(closers):
        before = text[:c].rstrip()
        if not before or before[-1] in _CLAUSE_PUNCT:
            continue
        end_of_para = text.find("\n", c)
        limit = len(text) if end_of_para < 0 else end_of_para
        if c + 1 >= limit or text[c + 1] not in " \u00a0":
            continue  # punctuation or end of line after the mark; glued words are QT006's
        nxt = _next_word(text, c + 1, limit)
        if nxt is None:
            continue
        start, end = nxt
        if _suspect_capital(text, start, end, limit):
            word = text[start:end]
            yield Hit(c, end, "capital after a quotation, mid-sentence: moved boundary?",
                      suggestion=text[c:start] + word.lower(), fix=text[c:start] + word.lower())


# Sentence punctuation inside a closing mark, and more punctuation outside it: `ways.”,`.
# The lookbehind is tested after the first mark (`[.!?,;]` is that mark, so `(?<![.…][.!?,;])`
# says what `(?<![.…])` said before it): a regex that opens on a character class is scanned
# for it quickly, one that opens on a lookbehind is not (~5x).
_DOUBLED_RE = re.compile(r"([.!?,;])(?<![.…][.!?,;])([”\"»])([.,;:])(?![.\w])")


@rule("QT005", "double-punctuated-quote", severity=Severity.MINOR,
      category="fluency/punctuation", languages=("en",))
def punctuation_doubled_around_closing_mark(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags punctuation on both sides of a closing quotation mark: `ways.”,`.

    ## What it does
    Finds a full stop, comma, question mark or exclamation mark inside a closing quotation
    mark followed by a comma, full stop, semicolon or colon outside it. Ellipses are left alone.

    ## Why is this bad?
    English puts one mark there, not two (US style: the comma or full stop inside the
    quotation). The doubled mark is a trace of French punctuation (`»,`) merged with the
    English habit, and reads as a typo.

    ## Example
    hyp: The agreement “goes both ways.”, the spokesman said.
    Use instead:
    hyp: The agreement “goes both ways,” the spokesman said.
    """
    text = segment.hyp
    if '”' not in text and '"' not in text and "»" not in text:
        return  # _DOUBLED_RE needs a closing mark (a regex that opens on a lookbehind is slow to scan)
    for m in _DOUBLED_RE.finditer(text):
        inner, mark, outer = m.groups()
        if mark == '"' and not _closes_straight(text, m.start(2)):
            continue
        if outer == ",":
            fixed = f"{inner if inner in '?!' else ','}{mark}"
        elif outer == ".":
            fixed = f"{inner}{mark}"
        else:
            fixed = f"{mark}{outer}"
        yield Hit(m.start(), m.end(), "punctuation on both sides of the closing mark",
                  suggestion=fixed)


def _closes_straight(text: str, pos: int) -> bool:
    roles = {mk.pos: mk.role for mk in q.marks(text, 0, len(text), q.ENGLISH)}
    return roles.get(pos) == "close"


# The mark opens each regex and the lookbehind after it looks at the character before it too:
# the same matches as the lookbehind first, but `re` scans for a literal first character fast.
_GLUED_CLOSE_RE = re.compile(r"(”)(?<=[^\s“\"]”)(\w+)")
# The mark is found first and its word read backwards: `(\w+)(“)` rescans a long run of
# letters from every position (quadratic time on a line without spaces).
_GLUED_OPEN_RE = re.compile(r"(“)(?<=\w“)(?=\S)")


@rule("QT006", "glued-quotation-mark", severity=Severity.MINOR, category="fluency/punctuation",
      languages=("en",))
def quotation_mark_glued_to_word(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a closing quotation mark glued to the next word, or an opening mark glued to the previous one: `people”John`.

    ## What it does
    Finds a closing curly quotation mark directly followed by a letter or digit, and an
    opening curly mark directly preceded by one. Straight quotes are left alone (`5"` is an
    inch mark).

    ## Why is this bad?
    The words run together for the reader and for search. In machine translation it usually
    marks the place where a comma and an attribution were lost (`people”, John Kirby said`).

    ## Example
    hyp: “Russia is terrorizing the Ukrainian people”John Kirby said on Tuesday.
    Use instead:
    hyp: “Russia is terrorizing the Ukrainian people,” John Kirby said on Tuesday.
    """
    text = segment.hyp
    # Each regex needs its curly mark: text without it is not scanned (most text has none).
    for m in _GLUED_CLOSE_RE.finditer(text) if "”" in text else ():
        yield Hit(m.start(1), m.end(2), "closing quotation mark glued to the next word",
                  suggestion=f"{m.group(1)} {m.group(2)}")
    for m in _GLUED_OPEN_RE.finditer(text) if "“" in text else ():
        start = m.start(1)
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        yield Hit(start, m.end(1), "opening quotation mark glued to the previous word",
                  suggestion=f"{text[start:m.start(1)]} {m.group(1)}")


def _is_separator(text: str, m: re.Match, char: str, chars: list[str], k: int) -> bool:
    """A guillemet with no partner in its paragraph, between spaces: `Home » Economy`."""
    partner = {"«": "»", "‹": "›", "»": "«", "›": "‹"}[char]
    paired = partner in (chars[k + 1:] if char in "«‹" else chars[:k])
    pos = text.find(char, m.start(), m.end())
    spaced = (pos == 0 or text[pos - 1].isspace()) and (pos + 1 == len(text) or text[pos + 1].isspace())
    return not paired and spaced


_FOREIGN_MARKS = {"«": "“", "»": "”", "„": "“", "‹": "‘", "›": "’"}
_ANY_FOREIGN_RE = re.compile("[«»„‹›]")
_FOREIGN_RE = re.compile(r"(«)[\s\u00a0\u202f]*|[\s\u00a0\u202f]*(»)|(„)|(‹)[\s\u00a0\u202f]*|[\s\u00a0\u202f]*(›)")


@rule("QT007", "mixed-quotation-styles", severity=Severity.MINOR, category="fluency/punctuation",
      languages=("en",))
def mixed_quotation_mark_styles(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags guillemets, low quotation marks, or straight quotes mixed into curly-quoted English.

    ## What it does
    In English text, flags every guillemet (`« »`, `‹ ›`, with the spaces French puts inside
    them) and low opening mark (`„`), and, when the text also uses curly double quotes, every
    straight double quote that is not an inch or second mark (`5"`). The suggestion is the
    curly English mark.

    ## Why is this bad?
    Machine translation copies the source's quotation marks; a wire that mixes `« »`, `"` and
    `“ ”` looks unedited, and English readers may not read guillemets as quotation marks.

    ## Example
    hyp: The firm said it had supplied the parts « unintentionally ».
    Use instead:
    hyp: The firm said it had supplied the parts “unintentionally”.
    """
    text = segment.hyp
    # Every alternative of _FOREIGN_RE needs one of the five marks: text without them is not
    # scanned (the regex tries its leading whitespace at every space).
    for p_start, p_end in paragraphs(text) if _ANY_FOREIGN_RE.search(text) else ():
        found = [(m, next(g for g in m.groups() if g)) for m in _FOREIGN_RE.finditer(text, p_start, p_end)]
        chars = [c for _, c in found]
        for k, (m, char) in enumerate(found):
            if char in "«‹»›" and _is_separator(text, m, char, chars, k):
                continue
            yield Hit(m.start(), m.end(), f"{char} is not an English quotation mark",
                      suggestion=_FOREIGN_MARKS[char])
    if "“" not in text and "”" not in text:
        return
    for mk in q.marks(text, 0, len(text), q.ENGLISH):
        if mk.char != '"' or (mk.pos > 0 and text[mk.pos - 1].isdigit()):
            continue
        yield Hit(mk.pos, mk.pos + 1, "straight quotation mark in curly-quoted text",
                  suggestion="“" if mk.role == "open" else "”")


# ----------------------------------------------------------------------------- against the source

#: How far apart (as a share of the text length) a source quotation and a translation
#: quotation may sit and still be the same quotation: word order moves between languages.
QUOTE_POSITION_TOLERANCE = 0.3
#: A quoted stretch shorter than this is a title or a term; languages differ in quoting those.
MIN_QUOTED_WORDS = 3


def _quoted_spans(text: str, lang: str | None) -> list[tuple[int, int, bool]]:
    """(open, close, long) for every quotation; `long` when it has at least MIN_QUOTED_WORDS
    words (or six CJK characters): only those are worth a finding, all of them are matched."""
    out = []
    for pair in q.analyse(text, lang).pairs:
        a, b = pair.inner
        size = (b - a) / 2 if lang in ("zh", "ja") else len(word_texts(text[a:b]))
        out.append((pair.open.pos, pair.close.pos + 1, size >= MIN_QUOTED_WORDS))
    return out


def _unmatched_quotations(src_spans, src_len, hyp_spans, hyp_len):
    """Greedy matching by relative position; returns (unmatched source, unmatched translation)."""
    pos_src = [((a + b) / 2 / max(src_len, 1), (a, b, long)) for a, b, long in src_spans]
    pos_hyp = [((a + b) / 2 / max(hyp_len, 1), (a, b, long)) for a, b, long in hyp_spans]
    pairs = sorted(((abs(ps - ph), i, j) for i, (ps, _) in enumerate(pos_src) for j, (ph, _) in enumerate(pos_hyp)))
    used_s, used_h = set(), set()
    for dist, i, j in pairs:
        if dist <= QUOTE_POSITION_TOLERANCE and i not in used_s and j not in used_h:
            used_s.add(i)
            used_h.add(j)
    return ([span for i, (_, span) in enumerate(pos_src) if i not in used_s],
            [span for j, (_, span) in enumerate(pos_hyp) if j not in used_h])


@rule("QT008", "quotation-not-in-source", severity=Severity.MINOR, category="fluency/punctuation",
      needs=("src",), languages=("en",))
def quotation_mismatch_with_source(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a quotation of the source that the translation lost, or one the translation added.

    ## What it does
    Pairs the quotation marks of the source in its own conventions (« », „ “, 「 」, “ ”) and
    those of the translation, matches quotations of at least three words by their position
    in the text, and flags a source quotation with no counterpart (in the source) and a
    translation quotation with no counterpart (in the translation).

    ## Why is this bad?
    Quotation marks carry attribution: a quotation lost in translation turns a reported
    statement into the agency's own claim, and an added one puts words in someone's mouth.

    ## Example
    hyp: He said the decision was unacceptable.
    src: Il a déclaré que la décision était « tout à fait inacceptable ».
    src_lang: fr
    Use instead:
    hyp: He said the decision was “totally unacceptable”.
    """
    for (hs, he), (ss, se) in pairs.source_pairs(segment):
        src, hyp = segment.src[ss:se], segment.hyp[hs:he]
        if q.analyse(src, segment.src_lang).unpaired:
            continue  # the source's own marks do not pair: nothing reliable to compare with
        src_spans = _quoted_spans(src, segment.src_lang)
        hyp_spans = _quoted_spans(hyp, segment.tgt_lang)
        if not src_spans and not hyp_spans:
            continue
        lost, added = _unmatched_quotations(src_spans, len(src), hyp_spans, len(hyp))
        for a, b, long in lost:
            if long:
                yield Hit(ss + a, ss + b, "this quotation of the source is not quoted in the translation",
                          field="src")
        for a, b, long in added:
            if long:
                yield Hit(hs + a, hs + b, "this quotation has no quotation marks in the source")
