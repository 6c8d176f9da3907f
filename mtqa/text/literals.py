"""A regular expression for a long list of literal strings, written as a trie.

`"|".join(names)` makes Python's regex engine try every name, one after the other, at every
position of the text: with the 670 place names of a language that was a tenth of a millisecond
a sentence, more than any check. The same strings written as a trie (`(?:Ma(?:li|drid)|Paris)`)
share their prefixes, so a position that starts no name is left after one character test.

The pattern matches what the longest-first alternation matched: at each position the longest
listed string (the engine extends as far as the trie goes and backs off to the last complete
string), and with `fullmatch` exactly the listed strings.

`LongestMatches` finds the same spans as that pattern's `finditer` with an Aho-Corasick automaton
(pyahocorasick), for lists matched over every text of a batch, the place gazetteer: measured
(benchmarks/results/multipattern.md) it builds 25 times faster (4 ms for ten languages' place
names instead of 100) and matches 2.4 times faster than the trie regex.
"""
from __future__ import annotations

import re
from typing import Iterable

import ahocorasick


def alternation(strings: Iterable[str]) -> str:
    """A pattern (no group around it) matching any of `strings`, the longest where several
    match at one position; empty strings are ignored."""
    trie: dict = {}
    for s in strings:
        if not s:
            continue
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}  # a listed string ends here
    return _pattern(trie)


def _pattern(node: dict) -> str:
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A string ending here is the fallback: the longer ones are tried first.
    return f"(?:{body})?" if "" in node else body


class LongestMatches:
    """The spans `re.compile(alternation(strings)).finditer(text)` finds: leftmost first, the
    longest listed string at a position, none overlapping."""

    def __init__(self, strings: Iterable[str]):
        self._automaton = ahocorasick.Automaton()
        for s in strings:
            if s:
                self._automaton.add_word(s, len(s))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._empty:
            return []
        # Every match, overlapping ones too (the automaton's own `iter_long` skips a match that
        # starts inside a longer partial one: "ес" in "воскресенье", behind "крестон"), then
        # re.finditer's choice among them.
        found = [(end + 1 - n, end + 1) for end, n in self._automaton.iter(text)]
        if len(found) < 2:
            return found
        found.sort(key=_leftmost_longest)
        out, last = [], 0
        for start, end in found:
            if start >= last:
                out.append((start, end))
                last = end
        return out


def _leftmost_longest(span: tuple[int, int]) -> tuple[int, int]:
    return span[0], -span[1]
