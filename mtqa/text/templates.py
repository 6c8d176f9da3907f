"""Phrase templates: one line stands for a family of phrases, compiled to one regex.

A template is words and choice groups: `{the |}{rest|sequel} after {this |}{ad|announcement}`
stands for "the rest after this ad", "sequel after announcement" and every other
combination; an empty choice makes a group optional (put the space inside the group).
This is how the boilerplate lexicons list every literal rendering of a phrase without
spelling out thousands of lines, and matching a few dozen compiled templates is much faster
than an alternation of their expansions. Matching is case-insensitive, on word boundaries,
and any run of whitespace in the text matches a space of the template.
"""
from __future__ import annotations

import functools
import itertools
import re
from typing import Iterable, Iterator, NamedTuple

_GROUP_RE = re.compile(r"\{([^{}]*)\}")


class TemplateError(ValueError):
    """A malformed template line (unbalanced braces)."""


class TemplateMatch(NamedTuple):
    start: int
    end: int
    template: str  # the template line that matched
    note: str  # the comment after a tab on that line ("" when none)


def _parts(template: str) -> list[list[str]]:
    """The template as a list of choice lists (a literal is a choice of one)."""
    if template.count("{") != template.count("}"):
        raise TemplateError(f"unbalanced braces in template {template!r}")
    parts, pos = [], 0
    for m in _GROUP_RE.finditer(template):
        if m.start() > pos:
            parts.append([template[pos:m.start()]])
        parts.append(m.group(1).split("|"))
        pos = m.end()
    if pos < len(template):
        parts.append([template[pos:]])
    if any("{" in c or "}" in c for p in parts for c in p):
        raise TemplateError(f"nested braces in template {template!r}")
    return parts


def expand(template: str) -> list[str]:
    """Every phrase a template stands for, whitespace-normalised, in order, without repeats."""
    seen: dict[str, None] = {}
    for combo in itertools.product(*_parts(template)):
        phrase = " ".join("".join(combo).split())
        if phrase:
            seen.setdefault(phrase, None)
    return list(seen)


def _literal(text: str) -> str:
    return r"\s+".join(re.escape(w) for w in text.split(" ")) if text.strip() else ""


def _choice_regex(choice: str) -> str:
    # Keep leading/trailing spaces of a choice as flexible whitespace.
    lead = r"\s+" if choice.startswith(" ") else ""
    trail = r"\s+" if choice.endswith(" ") and choice.strip() else ""
    return lead + _literal(choice.strip()) + trail


def to_regex(template: str) -> str:
    out = []
    for choices in _parts(template):
        if len(choices) == 1:
            out.append(_choice_regex(choices[0]))
        else:
            # Longest choice first, so that `be interested in` is preferred to `be interested`.
            ordered = sorted(choices, key=lambda c: len(c.strip()), reverse=True)
            out.append("(?:" + "|".join(_choice_regex(c) for c in ordered) + ")")
    return "".join(out)


@functools.lru_cache(maxsize=16)  # several matchers ask about the same paragraph
def _non_space_length(text: str, start: int, end: int) -> int:
    return len("".join(text[start:end].split()))


class TemplateMatcher:
    """Find any of many templates in a text at once; at a position the longest match wins."""

    def __init__(self, lines: Iterable[str]):
        self._entries: list[tuple[str, str]] = []
        for line in lines:
            template, _, note = line.partition("\t")
            template = template.strip()
            if template:
                self._entries.append((template, note.strip()))
        # Compiled when first needed (compiling all costs ~40 ms of a run's start-up): most texts
        # are ruled out by one combined regex, and a run uses either searching or anchored matching.
        self._regexes = [to_regex(t) for t, _ in self._entries]
        self._compiled: dict[int, re.Pattern] = {}
        self._body = "|".join(f"(?:{r})" for r in self._regexes)
        self._any_re: re.Pattern | None = None
        # At most how many characters other than ASCII spaces a phrase has: a template's regex
        # matches one text character per such character (case-insensitive matching included)
        # and only whitespace (`\s+`) for its spaces, so a text with more non-whitespace
        # characters than that cannot fullmatch any template.
        self._max_chars = max((sum(max(len(c.replace(" ", "")) for c in choices) for choices in _parts(t))
                               for t, _ in self._entries), default=0)
        self._anchored_re: re.Pattern | None = None

    @property
    def _any(self) -> re.Pattern | None:
        """Any template, on word boundaries (for searching)."""
        if self._any_re is None and self._body:
            self._any_re = re.compile(rf"(?<!\w)(?:{self._body})(?!\w)", re.IGNORECASE)
        return self._any_re

    def _anchored(self) -> re.Pattern:
        """Any template followed by no word character: it matches (or fullmatches) at a position
        exactly when one of the templates' own regexes does there (the regex engine tries every
        alternative), so a miss rules them all out at once."""
        if self._anchored_re is None:
            self._anchored_re = re.compile(rf"(?:{self._body or '(?!)'})(?!\w)", re.IGNORECASE)
        return self._anchored_re

    def _each(self, k: int) -> re.Pattern:
        regex = self._compiled.get(k)
        if regex is None:
            regex = self._compiled[k] = re.compile(rf"(?:{self._regexes[k]})(?!\w)", re.IGNORECASE)
        return regex

    def __len__(self) -> int:
        return len(self._entries)

    def phrases(self) -> Iterator[str]:
        """Every phrase the templates stand for (for tests and statistics)."""
        for template, _ in self._entries:
            yield from expand(template)

    def _longest_at(self, text: str, pos: int, end: int) -> TemplateMatch | None:
        if not self._anchored().match(text, pos, end):
            return None
        best: TemplateMatch | None = None
        for k, (template, note) in enumerate(self._entries):
            m = self._each(k).match(text, pos, end)
            if m and (best is None or m.end() > best.end):
                best = TemplateMatch(m.start(), m.end(), template, note)
        return best

    def fullmatch(self, text: str, start: int, end: int) -> TemplateMatch | None:
        """The first template that matches all of text[start:end], if any."""
        if end - start > self._max_chars and _non_space_length(text, start, end) > self._max_chars:
            return None
        if not self._anchored().fullmatch(text, start, end):
            return None
        for k, (template, note) in enumerate(self._entries):
            if self._each(k).fullmatch(text, start, end):
                return TemplateMatch(start, end, template, note)
        return None

    def match(self, text: str, start: int, end: int) -> TemplateMatch | None:
        """The longest template match that starts at `start`, if any."""
        return self._longest_at(text, start, end)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[TemplateMatch]:
        if self._any is None:
            return
        end = len(text) if end is None else end
        pos = start
        while pos < end:
            m = self._any.search(text, pos, end)
            if m is None:
                return
            best = self._longest_at(text, m.start(), end)
            if best is None:  # cannot happen: the combined regex matched here
                return
            yield best
            pos = max(best.end, best.start + 1)
