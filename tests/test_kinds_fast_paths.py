"""The gate of the line-level lexicon rules (mtqa.checks.kinds._gate) rules out only paragraphs
that no template can flag: every phrase passes it, and kinds.find finds the same with the gate as
without it (a gate that lets every paragraph through), on lines made of the lexicons' phrases
with decoration, separators, titles and trailing digits."""
from __future__ import annotations

import random
import re

import pytest

from mtqa.checks import boilerplate, kinds  # noqa: F401  (boilerplate declares the lexicons)
from mtqa.text.templates import expand

_LEXICONS = sorted(kinds._line_lexicons)


def _phrases(name: str) -> list[str]:
    return [p for line in kinds._lines(name) for p in expand(line.partition("\t")[0].strip())]


@pytest.mark.parametrize("name", _LEXICONS)
def test_every_phrase_passes_the_gate(name):
    gate = kinds._gate(kinds._line_lexicons)
    for phrase in _phrases(name):
        for text in (phrase, phrase.upper()):
            assert gate.match(text), text


def _lines_around(phrases: list[str], rng: random.Random) -> list[str]:
    tails = ["", ":", " (3)", " | June 9, 2023", ": Russia fires missiles at Kyiv", " 19", "19", "_x",
             " by admin", "…", " — Russia to produce Iranian drones", " ½", "s", " and more."]
    heads = ["", "— ", "• ", "3. ", "[", "The ", "Read ", "It "]
    out = []
    for phrase in phrases:
        for _ in range(3):
            out.append(rng.choice(heads) + rng.choice((phrase, phrase.upper(), phrase.capitalize()))
                       + rng.choice(tails))
    return out


def test_find_with_the_gate_finds_what_it_finds_without(monkeypatch):
    rng = random.Random(5)
    phrases = [p for name in _LEXICONS for p in _phrases(name)]
    lines = _lines_around(rng.sample(phrases, min(len(phrases), 800)), rng)
    texts = lines + ["\n".join(rng.sample(lines, 4)) for _ in range(300)]
    calls = [(name, scope, extra) for name in _LEXICONS for scope, extra in
             ((kinds.LINE, 0), (kinds.LINE, 6), (kinds.LEAD, 0))]

    def found():
        return [list(kinds.find(name, text, scope, extra)) for text in texts for name, scope, extra in calls]

    gated = found()
    assert any(gated)
    assert sum(not kinds._openings(text, kinds._line_lexicons) for text in texts) > len(texts) // 10
    monkeypatch.setattr(kinds, "_gate", lambda names: re.compile(""))
    kinds._openings.cache_clear()
    assert found() == gated
    kinds._openings.cache_clear()
