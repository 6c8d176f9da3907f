"""Generic check kinds, so that a lexicon-backed rule is a short declaration.

`existence(...)` declares and registers a rule that flags every occurrence of a phrase from
a template lexicon (see mtqa/text/templates.py), read from every language that ships the
file (`mtqa/data/<lang>/<lexicon>`): boilerplate is left untranslated as often as it is
translated. Where the phrase may stand decides what is flagged:

- `LINE`: the phrase is the whole paragraph, give or take decoration (`Leave a Comment (3)`,
  `— Advertisement —`), followed by up to `extra_words` other words in a heading-like line
  (`by admin | June 9, 2023`); the whole paragraph is flagged.
- `LEAD`: the paragraph starts with the phrase, followed by a separator (`Read also: ...`,
  `Lire aussi | ...`) or nothing, or the paragraph is a heading; the whole paragraph is flagged.
- `ANYWHERE`: every occurrence; only the phrase is flagged.

The rule's message may use `{text}` (the matched words) and `{note}` (the comment after a tab
on the template line, e.g. the source phrase a rendering comes from).
"""
from __future__ import annotations

import functools
import re
from typing import Iterator

from mtqa.model import Hit, Segment, Severity
from mtqa.resources import lexicons
from mtqa.rules import rule
from mtqa.text.headings import is_heading
from mtqa.text.sentences import paragraphs
from mtqa.text.templates import TemplateMatch, TemplateMatcher, expand
from mtqa.text.tokens import word_texts

LINE, LEAD, ANYWHERE = "line", "lead", "anywhere"

# Decoration around a boilerplate line: bullets, dashes, brackets, counts, trailing colons.
_LEADING_DECORATION_RE = re.compile(r"[\W\d_]*")
_LEAD_SEPARATOR_RE = re.compile(r"^\s*(?:[:|»>›•·\-–—]|\.{3}|…)")


def _lines(lexicon: str) -> list[str]:
    """The template lines of `lexicon` from every language that ships it."""
    lines: list[str] = []
    for lang in lexicons.available_languages(lexicon):
        lines.extend(lexicons.phrases(lexicon, lang))
    return lines


@functools.lru_cache(maxsize=None)
def matcher(lexicon: str) -> TemplateMatcher:
    """The templates of `lexicon` from every language that ships it (cached)."""
    return TemplateMatcher(_lines(lexicon))


# The lexicons read by line (LINE, LEAD): one gate serves them all. The rules declare theirs
# (existence()); find() adds any other it is asked about (a new set is a new gate).
_line_lexicons: frozenset[str] = frozenset()


def _read_by_line(lexicon: str) -> frozenset[str]:
    global _line_lexicons
    if lexicon not in _line_lexicons:
        _line_lexicons = _line_lexicons | {lexicon}
    return _line_lexicons


# A word of a template: characters and whole choice groups up to a space outside a group.
_TEMPLATE_WORD = r"(?:[^{} ]|\{[^{}]*\})*"
_HEAD_RES = {n: re.compile(_TEMPLATE_WORD + rf"(?: +{_TEMPLATE_WORD}){{,{n - 1}}}") for n in (1, 2)}


def _head(template: str, n: int) -> str:
    """The template up to its `n`-th run of spaces outside a choice group (`{von|autor:}` of
    `{von|autor:} {admin|redaktion}`, `lesen sie` of `lesen sie nach der {anzeige|werbung}` for n = 2)."""
    return _HEAD_RES[n].match(template).group()


# Spaces and choice groups with a blank choice: a template head that may stand for no words.
_BLANKABLE_RE = re.compile(r"(?:\s|\{(?:[^{}|]*\|)*\s*(?:\|[^{}|]*)*\})*")


@functools.lru_cache(maxsize=4)
def _gate(names: frozenset[str]) -> re.Pattern:
    """The first words of every phrase of the lexicons `names`, followed by no word character,
    as one small regex: most paragraphs start with none of them and are ruled out at once.

    Why every match passes: a template's regex is its parts' regexes in a row (templates.to_regex),
    a phrase of it is a path through them, and a space of the template is a run of whitespace in
    the regex. Up to its first space outside a group (_head), a template stands for the first
    words of its phrases, unless that head can stand for no words (then no gate). A match of a
    phrase reads the characters of its first words one for one, then whitespace or, at the
    template's end, no word character (or the end position)."""
    # A sentence often starts with a stopword (`The`, `On`, `It`): those are followed by their
    # second words (`the rest`, `it continues`); other first words alone (`Advertisement`,
    # `Share`) rule out enough and keep the regex small (~5 ms to compile).
    common = lexicons.words("stopwords.txt", "en")
    heads: set[str] = set()
    for name in sorted(names):
        for line in _lines(name):
            template = line.partition("\t")[0].strip()
            if _BLANKABLE_RE.fullmatch(_head(template, 1)):
                return re.compile("")
            phrases = expand(_head(template, 1))
            if any(p.lower() in common for p in phrases):  # a one-word head that is a stopword
                phrases = expand(_head(template, 2))
            for p in phrases:
                first, *rest = p.split()
                heads.add(f"{first} {rest[0]}" if rest and first.lower() in common else first)
    trie: dict = {}
    for head in heads:
        node = trie
        for ch in head:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(_trie_regex(trie) + r"(?!\w)", re.IGNORECASE)


def _trie_regex(node: dict) -> str:
    """A regex for the strings of a character trie (`""` marks an end), a space standing for
    whitespace: the same strings as their alternation, but the regex engine tries a first
    character once instead of once per string (~0.4 µs a match instead of ~4 µs)."""
    alts = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
            for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    if "" in node:
        return "(?:" + "|".join(alts) + ")?"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


_WORD_CHAR_RE = re.compile(r"\w")


@functools.lru_cache(maxsize=16)  # the boilerplate rules ask five times per text
def _openings(text: str, names: frozenset[str]) -> tuple[tuple[int, int, int, int], ...]:
    """(p_start, p_end, core_start, core_end) of the paragraphs of `text` whose core is not empty
    and starts with the first word of a phrase of `names` (_gate); no other can be flagged.

    Every LINE and LEAD match starts at a core's start (a letter) and ends at most at the core's
    end (LINE) or the paragraph's end (LEAD), so _gate matches at the core's start with the
    paragraph's end as end position, or, when its first word ends the core and a word character
    follows the core (`COVID19`: the core ends before the digits), with the core's end."""
    gate = _gate(names).match
    out = []
    for p_start, p_end in paragraphs(text):
        core_start, core_end = _core(text, p_start, p_end)
        if core_start < core_end and (gate(text, core_start, p_end) or (
                _WORD_CHAR_RE.match(text, core_end, p_end) and gate(text, core_start, core_end))):
            out.append((p_start, p_end, core_start, core_end))
    return tuple(out)


def find(lexicon: str, text: str, scope: str = ANYWHERE, extra_words: int = 0
         ) -> Iterator[tuple[int, int, TemplateMatch]]:
    """(start, end, match) for every place `lexicon` flags in `text` under `scope`."""
    if scope == ANYWHERE:
        for m in matcher(lexicon).finditer(text):
            yield m.start, m.end, m
        return
    if scope not in (LINE, LEAD):
        raise ValueError(f"unknown scope {scope!r}")
    openings = _openings(text, _read_by_line(lexicon))
    if not openings:
        return  # before matcher(): a run whose texts open no paragraph with a phrase never builds it
    mt = matcher(lexicon)
    for p_start, p_end, core_start, core_end in openings:
        if scope == LINE:
            m = mt.fullmatch(text, core_start, core_end)
            if m is None and extra_words and is_heading(text, p_start, p_end):
                m = mt.match(text, core_start, core_end)
                if m is not None and len(word_texts(text[m.end:p_end])) > extra_words:
                    m = None
            if m is not None:
                yield p_start, p_end, m
        else:
            m = mt.match(text, core_start, p_end)
            if m is None:
                continue
            rest = text[m.end:p_end]
            if not rest.strip() or _LEAD_SEPARATOR_RE.match(rest) or (
                    len(word_texts(text[m.start:m.end])) >= 2 and is_heading(text, p_start, p_end)):
                yield p_start, p_end, m


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph without its decoration (bullets, dashes, counts, trailing colons)."""
    m = _LEADING_DECORATION_RE.match(text, start, end)
    core_start = m.end() if m else start
    core_end = end
    while core_end > core_start and not (text[core_end - 1].isalpha()):
        core_end -= 1
    return core_start, core_end


def existence(code: str, name: str, *, lexicon: str, doc: str, message: str, severity: Severity,
              category: str, scope: str = ANYWHERE, extra_words: int = 0, suggestion: str | None = None,
              unless: tuple[str, str] | None = None, languages=None, preview: bool = False):
    """Declare and register a rule that flags the phrases of a template lexicon.

    `suggestion` is the replacement offered for the flagged span ("" = delete it); `unless`
    = (lexicon, scope) leaves alone the spans another rule's lexicon already flags, so two
    rules never report the same line.
    """

    for read, by in ((lexicon, scope), unless or (lexicon, ANYWHERE)):
        if by != ANYWHERE:
            _read_by_line(read)

    def check(segment: Segment, ctx) -> Iterator[Hit]:
        text = segment.hyp
        taken = {(s, e) for s, e, _ in find(unless[0], text, unless[1])} if unless else set()
        for start, end, m in find(lexicon, text, scope, extra_words):
            if (start, end) in taken:
                continue
            msg = message.format(text=" ".join(text[m.start:m.end].split()), note=m.note or m.template)
            yield Hit(start, end, msg, suggestion=suggestion, fix=suggestion)

    check.__doc__ = doc
    check.__name__ = check.__qualname__ = name.replace("-", "_")
    return rule(code, name, severity=severity, category=category, languages=languages,
                preview=preview)(check)
