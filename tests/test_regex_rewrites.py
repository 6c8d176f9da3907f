"""Regexes rewritten for speed (a literal or a class first, its lookbehind after it; a dead
alternative dropped; a lookahead naming the first character) find exactly what their plain
forms found, on adversarial strings and on the shipped sample corpus."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mtqa.checks import quotes, spacing
from mtqa.text import sentences

PLAIN = [
    (quotes._DOUBLED_RE, r"(?<![.…])([.!?,;])([”\"»])([.,;:])(?![.\w])"),
    (quotes._GLUED_CLOSE_RE, r"(?<=[^\s“\"])(”)(\w+)"),
    (quotes._GLUED_OPEN_RE, r"(?<=\w)(“)(?=\S)"),
    (sentences._TERMINATOR_RE, r"[.!?…。！？।]+|\.{3}"),
    (spacing._SPLIT_CONTRACTION_RE, r"(?<=\w)( )(n't|'s|'re|'ve|'ll|'d|'m|’s|’re|’ve|’ll|’d|’m|n’t)\b"),
]

TEXTS = ["”a", "x”a", " ”a", "“”b", "a“b", "“b", "a““b", "a”“b", ".”.", "x.”,", "…”;", ",”:", "a.”.b", "..”,",
         "ways.”, the", "a.\".", "»;", "A... b", "Wait.. what?! Yes…", "。！？", "x।y", "is n't", "it 's", "A 'S",
         "don ’t", "_ 's", "1 'd", " 's", "x  n't", "“”", "”", "“", "", "a”", "“a", "a\n”b", "a\u00a0“b",
         "people”John said", "9”x", "“”a", "He“Hi” and", "x“ y", "é“ü", "_“a", "a.”,b"]


def _texts() -> list[str]:
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "demetr-sample.jsonl"
    out = list(TEXTS)
    for line in corpus.read_text("utf-8").splitlines():
        row = json.loads(line)
        out += [row["eng_sent"], row["mt_sent"], row["pert_sent"]]
    return out


@pytest.mark.parametrize("fast,plain", PLAIN, ids=[p for _, p in PLAIN])
def test_rewritten_regex_finds_what_its_plain_form_finds(fast, plain):
    slow = re.compile(plain, fast.flags)
    assert slow.pattern != fast.pattern
    texts = _texts()
    assert sum(1 for t in texts if slow.search(t)) >= 2  # the strings exercise the regex
    for text in texts:
        for pos in (0, 1):  # finditer from an offset: the lookbehinds may read before it
            got = [(m.span(), m.groups()) for m in fast.finditer(text, pos)]
            assert got == [(m.span(), m.groups()) for m in slow.finditer(text, pos)], text


def test_sentence_end_read_from_the_end_equals_the_regex():
    from mtqa.text import headings

    texts = _texts() + ["", ".", ")", "a.", "a.)", "a.\")”", "a)", "a.)x", "a.\n", "a.\n\n", "a)\n", "a,’\n",
                        "Title", "Title:", "x…", "x;»", "\n", ".\n", "a.b", "“Quote.”", "a .  ", "a.) "]
    for text in texts:
        assert headings._ends_sentence(text) == bool(headings._SENTENCE_END_RE.search(text)), text
