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
from mtqa.text.templates import TemplateMatch, TemplateMatcher
from mtqa.text.tokens import words

LINE, LEAD, ANYWHERE = "line", "lead", "anywhere"

# Decoration around a boilerplate line: bullets, dashes, brackets, counts, trailing colons.
_LEADING_DECORATION_RE = re.compile(r"[\W\d_]*")
_LEAD_SEPARATOR_RE = re.compile(r"^\s*(?:[:|»>›•·\-–—]|\.{3}|…)")


@functools.lru_cache(maxsize=None)
def matcher(lexicon: str) -> TemplateMatcher:
    """The templates of `lexicon` from every language that ships it (cached)."""
    lines: list[str] = []
    for lang in lexicons.available_languages(lexicon):
        lines.extend(lexicons.phrases(lexicon, lang))
    return TemplateMatcher(lines)


def find(lexicon: str, text: str, scope: str = ANYWHERE, extra_words: int = 0
         ) -> Iterator[tuple[int, int, TemplateMatch]]:
    """(start, end, match) for every place `lexicon` flags in `text` under `scope`."""
    mt = matcher(lexicon)
    if scope == ANYWHERE:
        for m in mt.finditer(text):
            yield m.start, m.end, m
        return
    for p_start, p_end in paragraphs(text):
        core_start, core_end = _core(text, p_start, p_end)
        if core_start >= core_end:
            continue
        if scope == LINE:
            m = mt.fullmatch(text, core_start, core_end)
            if m is None and extra_words and is_heading(text, p_start, p_end):
                m = mt.match(text, core_start, core_end)
                if m is not None and len(words(text[m.end:p_end])) > extra_words:
                    m = None
            if m is not None:
                yield p_start, p_end, m
        elif scope == LEAD:
            m = mt.match(text, core_start, p_end)
            if m is None:
                continue
            rest = text[m.end:p_end]
            if not rest.strip() or _LEAD_SEPARATOR_RE.match(rest) or (
                    len(words(text[m.start:m.end])) >= 2 and is_heading(text, p_start, p_end)):
                yield p_start, p_end, m
        else:
            raise ValueError(f"unknown scope {scope!r}")


@functools.lru_cache(maxsize=16)  # the boilerplate rules ask five times per paragraph
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
