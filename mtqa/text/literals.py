"""A regular expression for a long list of literal strings, written as a trie.

`"|".join(names)` makes Python's regex engine try every name, one after the other, at every
position of the text: with the 670 place names of a language that was a tenth of a millisecond
a sentence, more than any check. The same strings written as a trie (`(?:Ma(?:li|drid)|Paris)`)
share their prefixes, so a position that starts no name is left after one character test.

The pattern matches what the longest-first alternation matched: at each position the longest
listed string (the engine extends as far as the trie goes and backs off to the last complete
string), and with `fullmatch` exactly the listed strings.
"""
from __future__ import annotations

import re
from typing import Iterable


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
