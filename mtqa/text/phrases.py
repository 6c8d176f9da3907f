"""Find any of many phrases in a text at once, on word boundaries, keeping offsets.

One compiled alternation per phrase list (longest phrase first, so "leave a comment below" wins
over "leave a comment"); matching is case-insensitive by default and treats any run of
whitespace in the text as the single space of the phrase. Used by lexicon-backed checks.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, NamedTuple


class PhraseMatch(NamedTuple):
    start: int
    end: int
    phrase: str  # the phrase as listed in the lexicon


def _key(text: str, case_sensitive: bool) -> str:
    collapsed = " ".join(text.split())
    return collapsed if case_sensitive else collapsed.casefold()


class PhraseMatcher:
    def __init__(self, phrases: Iterable[str], case_sensitive: bool = False):
        self.case_sensitive = case_sensitive
        self._canonical: dict[str, str] = {}
        for p in phrases:
            p = " ".join(p.split())
            if p:
                self._canonical.setdefault(_key(p, case_sensitive), p)
        ordered = sorted(self._canonical.values(), key=len, reverse=True)
        if ordered:
            alternation = "|".join(r"\s+".join(re.escape(w) for w in p.split(" ")) for p in ordered)
            flags = 0 if case_sensitive else re.IGNORECASE
            self._regex: re.Pattern | None = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", flags)
        else:
            self._regex = None

    def __len__(self) -> int:
        return len(self._canonical)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseMatch]:
        if self._regex is None:
            return
        for m in self._regex.finditer(text, start, len(text) if end is None else end):
            yield PhraseMatch(m.start(), m.end(), self._canonical[_key(m.group(0), self.case_sensitive)])
