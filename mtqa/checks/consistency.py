"""CO: what a headline or subheading says against what the body of the article says.

A heading and the body usually translate the same source words: when the heading quotes a
quantity (`“Hundreds” of drones`) and the body puts a different quoted word in front of the
same noun (`“favorable” Iranian attack drones`), one of the two is a mistranslation, and the
heading, short and often edited, is the better witness. The rules work from the class:
a quoted term or a quantity attached to a head noun in a heading, against the terms attached
to the same head noun in the body. Quantity words and their magnitudes are data
(mtqa/data/en/quantity_words.tsv).
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Iterator

from mtqa.model import Hit, Segment, Severity
from mtqa.resources import lexicons
from mtqa.rules import rule
from mtqa.text import casing
from mtqa.text import quotes as q
from mtqa.text.headings import headings
from mtqa.text.phrases import PhraseMatcher
from mtqa.text.sentences import paragraphs
from mtqa.text.tokens import word_texts, words

VAGUE = "vague"
MAX_QUOTED_WORDS = 3  # a quoted modifier, not a quoted sentence
MAX_NOUN_PHRASE = 4  # words after a quantity in which its head noun is looked for
_NUMBER_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(million|billion|thousand|trillion))?(?!\w)",
                        re.IGNORECASE)
_SCALE = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_NOT_NOUNS = frozenset("per as than more less about around percent times".split())
# Years and section numbers (`2023`, `1.2 Okapi`) are no quantities of anything.
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")


@functools.lru_cache(maxsize=1)
def _quantities() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in lexicons.table("quantity_words.tsv", "en") if len(row) == 2}


@functools.lru_cache(maxsize=1)
def _quantity_matcher() -> PhraseMatcher:
    return PhraseMatcher(_quantities())


def magnitude(term: str) -> int | str | None:
    """The order of magnitude a quantity term stands for, VAGUE, or None if it is no quantity."""
    key = " ".join(term.lower().split())
    if key in _quantities():
        value = _quantities()[key]
        return VAGUE if value == VAGUE else int(value)
    m = _NUMBER_RE.fullmatch(key)
    if m:
        value = float(m.group(0).split()[0].replace(",", ""))
        scale = _SCALE.get((m.group(2) or "").lower(), 0)
        return int(math.floor(math.log10(value))) + scale if value >= 1 else 0
    return None


def _noun_key(word: str) -> str:
    w = word.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


@dataclass(frozen=True)
class Mention:
    start: int
    end: int  # span of the term (with its quotation marks when quoted)
    term: str
    quoted: bool
    magnitude: int | str | None
    nouns: frozenset[str]
    tail: str = ""  # the noun phrase as written (`of drones`)


def _nouns_after(text: str, pos: int, limit: int) -> tuple[frozenset[str], str]:
    """Head-noun candidates: the words of the noun phrase right after `pos`, and that phrase
    as written. The phrase runs up to punctuation, a function word, a past participle
    (`drones delivered to`) or a word that cannot end a noun phrase (`per`, `as`)."""
    out: list[str] = []
    toks = words(text[pos:limit])
    prev_end = 0
    for i, t in enumerate(toks):
        gap = text[pos + prev_end:pos + t.start]
        if gap.strip() and gap.strip() not in ("”", '"', "’"):
            break
        if i == 0 and t.text.lower() == "of":
            prev_end = t.end
            continue
        if casing.function_word_class(t.text) is not None or len(out) >= MAX_NOUN_PHRASE \
                or (out and t.text.endswith("ed")) or t.text.lower() in _NOT_NOUNS:
            break
        out.append(_noun_key(t.text))
        prev_end = t.end
    if not out:
        return frozenset(), ""
    return frozenset(out), " ".join(text[pos:pos + prev_end].split())


def _mentions(text: str, start: int, end: int, lang: str | None) -> list[Mention]:
    """Quoted short terms and quantity expressions in text[start:end], with their head nouns."""
    out: list[Mention] = []
    quoted_spans = []
    for pair in q.analyse(text, lang).pairs:
        o, c = pair.open.pos, pair.close.pos
        if not (start <= o and c < end):
            continue
        inner = text[o + 1:c].strip()
        if not inner or len(word_texts(inner)) > MAX_QUOTED_WORDS or inner[-1] in ".,;:!?":
            continue
        quoted_spans.append((o, c + 1))
        out.append(Mention(o, c + 1, inner, True, magnitude(inner), *_nouns_after(text, c + 1, end)))
    spans = [(m.start, m.end) for m in _quantity_matcher().finditer(text, start, end)]
    spans += [(m.start(), m.end()) for m in _NUMBER_RE.finditer(text, start, end)
              if not _YEAR_RE.fullmatch(m.group(0)) and not text.startswith(".", m.end())]
    for s, e in sorted(spans):
        if any(qs <= s < qe for qs, qe in quoted_spans) or any(m.start <= s < m.end for m in out):
            continue
        out.append(Mention(s, e, text[s:e], False, magnitude(text[s:e]), *_nouns_after(text, e, end)))
    return [m for m in out if m.nouns]


def _heading_and_body(segment: Segment) -> tuple[list[Mention], list[Mention]]:
    text = segment.hyp
    heads = headings(text)
    if not heads:
        return [], []
    head_mentions, body_mentions = [], []
    for s, e in paragraphs(text):
        target = head_mentions if (s, e) in heads else body_mentions
        target.extend(_mentions(text, s, e, segment.tgt_lang))
    return head_mentions, body_mentions


def _describe(h: Mention) -> str:
    term = f"“{h.term}”" if h.quoted else h.term
    return f"{term} {h.tail}"


@rule("CO001", "heading-quantity-clash", severity=Severity.MAJOR,
      category="accuracy/mistranslation", languages=("en",), defers_to=("RF001", "NU001"))
def quantity_inconsistent_with_heading(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a quantity in the body that contradicts the quantity a heading gives for the same thing: `“favorable” drones` under `“Hundreds” of drones`.

    ## What it does
    For every quantity a headline or subheading attaches to a noun (`“Hundreds” of drones`,
    `300 drones`, `Thousands of protesters`), looks at what the body attaches to the same
    noun. Flags a quoted word in the quantity slot that is no quantity at all when the
    heading quoted its quantity too (`received “favorable” Iranian attack drones`), and a
    quantity of another order of magnitude (`dozens of drones`) when no body mention agrees
    with the heading. Vague words (`many`, `several`) agree with anything.

    ## Why is this bad?
    Quantities are what readers remember. A body that says something else than its heading
    usually carries a mistranslation (French `plusieurs centaines` rendered as a wrong word),
    and publishing it misinforms.

    ## Example
    hyp: “Hundreds” of drones have been received\\nRussia received until last May “favorable” Iranian attack drones, the White House said.
    doc: true
    Use instead:
    hyp: “Hundreds” of drones have been received\\nBy last May Russia had received “several hundred” Iranian attack drones, the White House said.
    """
    heads, body = _heading_and_body(segment)
    for h in heads:
        if not isinstance(h.magnitude, int):
            continue
        related = [b for b in body if b.nouns & h.nouns]
        if any(b.magnitude == h.magnitude or b.magnitude == VAGUE for b in related):
            continue
        for b in related:
            if b.magnitude is None and b.quoted and h.quoted:
                yield Hit(b.start, b.end, f"heading says {_describe(h)}: mistranslated quantity?")
            elif isinstance(b.magnitude, int) and min(b.magnitude, h.magnitude) >= 1:
                yield Hit(b.start, b.end, f"heading says {_describe(h)}: which is right?")


@rule("CO002", "heading-term-mismatch", severity=Severity.MINOR,
      category="terminology/inconsistent-use", languages=("en",))
def quoted_term_inconsistent_with_heading(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a quoted term in the body that differs from the term a heading quotes for the same thing.

    ## What it does
    For every short quoted term a heading attaches to a noun (`“kamikaze” drones`), flags a
    different quoted term the body attaches to the same noun (`“suicide” drones`) when the
    body never quotes the heading's term. Quantities are CO001's business.

    ## Why is this bad?
    Quotation marks in a heading and a body usually mark the same quoted source words; two
    different renderings confuse the reader and show that one of them was mistranslated.

    ## Example
    hyp: “Kamikaze” drones hit Kyiv\\nMoscow used “suicide” drones against the capital overnight, officials said.
    doc: true
    Use instead:
    hyp: “Kamikaze” drones hit Kyiv\\nMoscow used “kamikaze” drones against the capital overnight, officials said.
    """
    heads, body = _heading_and_body(segment)
    for h in heads:
        if not h.quoted or h.magnitude is not None:
            continue
        related = [b for b in body if b.quoted and b.nouns & h.nouns and b.magnitude is None]
        if any(b.term.casefold() == h.term.casefold() for b in related):
            continue
        for b in related:
            yield Hit(b.start, b.end, f"the heading says {_describe(h)}",
                      suggestion=f"“{h.term.lower() if b.term[:1].islower() else h.term}”")
