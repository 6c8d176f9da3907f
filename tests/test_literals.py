"""The trie pattern for a list of literal strings matches what a longest-first alternation matches."""
from __future__ import annotations

import random
import re

from mtqa.text.literals import LongestMatches, alternation


def _longest_first(strings):
    return re.compile("|".join(re.escape(s) for s in sorted(strings, key=len, reverse=True)))


def test_the_longest_listed_string_wins_at_each_position():
    names = ["Mali", "Malindi", "Madrid", "Paris", "Par", "St. Louis", "a+b"]
    rx = re.compile(alternation(names))
    text = "From Malindi to Mali, Paris and Parma; St. Louis, not St Louis; a+b."
    assert [m.group(0) for m in rx.finditer(text)] == ["Malindi", "Mali", "Paris", "Par", "St. Louis", "a+b"]


def test_fullmatch_is_membership():
    words = ["vingt", "vingtaine", "cent", "cents", "mille"]
    rx = re.compile(alternation(words))
    for w in words:
        assert rx.fullmatch(w)
    for w in ["ving", "vingta", "centss", "", "millemille"]:
        assert not rx.fullmatch(w)


def test_same_matches_as_the_alternation_on_random_text():
    rng = random.Random(7)
    alphabet = "abcé.-"
    strings = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))) for _ in range(300)}
    text = "".join(rng.choice(alphabet + " ") for _ in range(5000))
    trie, plain = re.compile(alternation(strings)), _longest_first(strings)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_nothing_listed_matches_nothing_but_the_empty_string():
    assert alternation([]) == "" and alternation([""]) == ""


def test_the_automaton_finds_the_trie_pattern_spans():
    rng = random.Random(11)
    alphabet = "abcé.-"
    strings = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))) for _ in range(300)}
    for _ in range(20):
        text = "".join(rng.choice(alphabet + " ") for _ in range(rng.randint(0, 400)))
        trie = re.compile(alternation(strings))
        assert LongestMatches(strings).spans(text) == [m.span() for m in trie.finditer(text)]


def test_the_automaton_keeps_a_match_inside_a_failed_longer_one():
    # pyahocorasick's iter_long misses "ес" here: it starts inside "крес", the start of "крестон".
    names = ["крестон", "кралендейк", "ес"]
    text = "в воскресенье"
    assert LongestMatches(names).spans(text) == [m.span() for m in re.compile(alternation(names)).finditer(text)] == [(7, 9)]
    assert LongestMatches([]).spans(text) == [] and LongestMatches([""]).spans(text) == []
