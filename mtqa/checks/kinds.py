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

from mtqa import lexicons
from mtqa.model import Hit, Segment, Severity
from mtqa.rules import rule
from mtqa.text.headings import is_heading
from mtqa.text.sentences import paragraphs
from mtqa.text.templates import TemplateMatch, TemplateMatcher
from mtqa.text.tokens import words

LINE, LEAD, ANYWHERE = "line", "lead", "anywhere"

# Decoration around a boilerplate line: bullets, dashes, brackets, counts, trailing colons.
_DECORATION_RE = re.compile(r"^[\W\d_]*$")
_LEAD_SEPARATOR_RE = re.compile(r"^\s*(?:[:|»>›•·\-–—]|\.{3}|…)")


@functools.lru_cache(maxsize=None)
def matcher(lexicon: str) -> TemplateMatcher:
    """The templates of `lexicon` from every language that ships it (cached)."""
    lines: list[str] = []
    for lang in lexicons.available_languages(lexicon):
        lines.extend(lexicons.phrases(lexicon, lang))
    return TemplateMatcher(lines)


def _words_after(text: str, end: int, m: TemplateMatch) -> int:
    return len(words(text[m.end:end]))


def find(lexicon: str, text: str, scope: str = ANYWHERE, extra_words: int = 0
         ) -> Iterator[tuple[int, int, TemplateMatch]]:
    """(start, end, match) for every place `lexicon` flags in `text` under `scope`."""
    mt = matcher(lexicon)
    if scope == ANYWHERE:
        for m in mt.finditer(text):
            yield m.start, m.end, m
        return
    for p_start, p_end in paragraphs(text):
        for m in mt.finditer(text, p_start, p_end):
            if scope == LINE:
                before, after = text[p_start:m.start], text[m.end:p_end]
                if _DECORATION_RE.match(before) and (_DECORATION_RE.match(after) or (
                        extra_words and is_heading(text, p_start, p_end)
                        and _words_after(text, p_end, m) <= extra_words)):
                    yield p_start, p_end, m
                    break
            elif scope == LEAD:
                if text[p_start:m.start].strip(" *•·-–—>»|[(\"“") != "":
                    break  # only a phrase that opens the paragraph
                rest = text[m.end:p_end]
                if not rest.strip() or _LEAD_SEPARATOR_RE.match(rest) or (
                        len(words(text[m.start:m.end])) >= 2 and is_heading(text, p_start, p_end)):
                    yield p_start, p_end, m
                break
            else:
                raise ValueError(f"unknown scope {scope!r}")


def existence(code: str, name: str, *, lexicon: str, doc: str, message: str, severity: Severity,
              category: str, scope: str = ANYWHERE, extra_words: int = 0, suggestion: str | None = None,
              languages=None, preview: bool = False):
    """Declare and register a rule that flags the phrases of a template lexicon.

    `suggestion` is the replacement offered for the flagged span ("" = delete it).
    """

    def check(segment: Segment, ctx) -> Iterator[Hit]:
        text = segment.hyp
        for start, end, m in find(lexicon, text, scope, extra_words):
            msg = message.format(text=" ".join(text[m.start:m.end].split()), note=m.note or m.template)
            yield Hit(start, end, msg, suggestion=suggestion)

    check.__doc__ = doc
    check.__name__ = check.__qualname__ = name.replace("-", "_")
    return rule(code, name, severity=severity, category=category, languages=languages,
                preview=preview)(check)
