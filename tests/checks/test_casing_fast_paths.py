"""CA001's fast paths find what its full path found: the whole text's tokens instead of each
sentence's own, and the name pre-test before the sentence and heading tests. The full path
below is the rule as it was written first, per sentence."""
from __future__ import annotations

import json
import random
from pathlib import Path

from mtqa.checks import casing as ca
from mtqa.model import Segment
from mtqa.text import casing
from mtqa.text.headings import headings
from mtqa.text.sentences import sentences
from mtqa.text.tokens import word_texts, words

CORPORA = Path(__file__).resolve().parents[2] / "corpora"

TEXTS = [
    "Russia receives materials on its soil and this site It could be ready.",
    "to allow them, it said, Understand the risks better.", "it said ,  Understand it", "said,\tThis one",
    "The war (It began) goes on. It was. He said It was\nIt is here It is", "a-It is", "a--It is", "a'It is",
    "x_It is", "1It is", "It's It is", "so It\x1cis", "so It\x85is", "so It\u00a0is", "so Ét é", "so Éta is",
    "Prices rose in March This increase worried the bank.", "e.g. It is. Mr. It is! “It is” It’s ok",
    "Headline With Words\n\nBody text and It is here.", "Bank Of the West and the Of the", "U.S. It is",
    "Über It is sehr", "so İt is", "so Ǆa is", "so Aא is", "он сказал, Это было", "a\n\nb It c\nd It e.",
    "word。It is", "x । It is", "", " ", "It", "It is", "a It", "said, Understand", "he said, Receives the",
    "he said,\u00a0Understand the", "said,\x1cReceives it", "said,\u2003\u2028Understand it", "said ,\nUnderstand it",
    "a,b Receives it", "said,Understand it", "said,— Understand it",
]


def _full_path(text: str, lang: str = "en") -> list[tuple[int, int, str, str]]:
    """The rule on each sentence's own tokens, every token tested (its first form)."""
    out = []
    skip = headings(text)
    for s_start, s_end in sentences(text, lang):
        if skip and any(h0 <= s_start < h1 for h0, h1 in skip):
            continue
        toks = words(text[s_start:s_end])
        for i in range(1, len(toks) - 1):
            tok, prev, nxt = toks[i], toks[i - 1], toks[i + 1]
            if not (casing.is_titlecase(tok.text) and casing.starts_lowercase(nxt.text)):
                continue
            gap = text[s_start + prev.end:s_start + tok.start]
            if gap.strip() not in ("", ",") or text[s_start + tok.end:s_start + nxt.start].strip():
                continue
            prev2 = toks[i - 2].text if i >= 2 else ""
            why = ca._suspect(tok.text, casing.function_word_class(tok.text), prev.text, gap, prev2)
            if why is not None:
                out.append((s_start + tok.start, s_start + tok.end, why, tok.text.lower()))
    return out


def _fast_path(text: str) -> list[tuple[int, int, str, str]]:
    seg = Segment(id="1", index=0, hyp=text, tgt_lang="en")
    return [(h.start, h.end, "function" if "capitalised" in h.message else "reported", h.suggestion)
            for h in ca.capitalised_word_mid_sentence(seg, None)]


def _corpus_texts() -> list[str]:
    out = []
    for line in (CORPORA / "demetr-sample.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        out += [row["eng_sent"], row["mt_sent"], row["pert_sent"]]
    for line in (CORPORA / "cases" / "wires.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line)["hyp"])
    out += [p.read_text("utf-8") for p in sorted(CORPORA.glob("**/*.en.txt"))]
    return out


def _fuzz(n: int) -> list[str]:
    rnd = random.Random(11)
    words_ = ["It", "This", "Of", "The", "Understand", "said", "Ukraine", "is", "the", "of", "West", "Ét", "été",
              "Это", "U.S.", "e.g.", "Mr.", "it's", "A"]
    seps = [" "] * 12 + list(",  \n\t.!?…:;\"'’-_“”()—。") + [", ", ". ", "\n\n", " \x1c", "\u00a0", ".” "]
    out = []
    for k in range(n):  # every other text ASCII
        ws, ss = ([w for w in words_ if w.isascii()], [c for c in seps if c.isascii()]) if k % 2 else (words_, seps)
        out.append("".join(rnd.choice(ws) + rnd.choice(ss) for _ in range(rnd.randint(1, 30))))
    return out


def test_fast_path_finds_what_the_full_path_found():
    texts = TEXTS + _corpus_texts() + _fuzz(3000)
    for text in texts:
        assert _fast_path(text) == _full_path(text), text
    # The fuzz reaches what the fast paths skip: several sentences, non-ASCII texts, findings.
    assert sum(bool(_full_path(t)) for t in texts if t.isascii()) > 100
    assert sum(bool(_full_path(t)) for t in texts if not t.isascii()) > 100


def test_sentence_tokens_are_the_text_tokens_inside_the_sentence():
    for text in TEXTS + _corpus_texts() + _fuzz(1000):
        toks = words(text)
        for s, e in sentences(text, "en"):
            inside = [(t.start - s, t.end - s, t.text) for t in toks if s <= t.start < e]
            assert all(t.end <= e for t in toks if s <= t.start < e), text
            assert [tuple(t) for t in words(text[s:e])] == inside, text


def _candidates(text: str) -> list[int]:
    """The words the rule's loop examines (its first filter, on the full tokens)."""
    toks = words(text)
    return [i for i in range(1, len(toks) - 1) if toks[i].text[0].isupper() and toks[i + 1].text[0].islower()
            and ca._may_be_suspect(text, toks[i].start, toks[i].text)]


def test_the_offset_free_pre_test_never_skips_a_text_with_a_candidate():
    texts = TEXTS + _corpus_texts() + _fuzz(3000)
    for text in texts:
        if _candidates(text):
            assert ca._any_may_be_suspect(text, word_texts(text)), text
    # ...and it does skip: most real texts have no candidate and get False.
    corpus = _corpus_texts()
    assert sum(not ca._any_may_be_suspect(t, word_texts(t)) for t in corpus) > len(corpus) / 2


def test_whitespace_after_a_comma_is_what_rstrip_strips():
    # _AFTER_COMMA_RE's \s must be exactly the characters str.rstrip() removes (str.isspace).
    import re
    import sys

    space = re.compile(r"\s")
    assert all(bool(space.match(ch)) == ch.isspace() for ch in map(chr, range(sys.maxunicode + 1)))
