"""mtqa.metrics.ngrams computes sacrebleu's own statistics: equal, integer for integer, on every
pair of a corpus, with several references, blank ones, and texts with nothing in them."""
import json

import pytest
from sacrebleu.metrics import BLEU, CHRF

from mtqa.metrics import ngrams
from mtqa.metrics.scores import sentence_chrf
from tests.conftest import ROOT

ITEMS = [json.loads(line) for line in (ROOT / "corpora" / "demetr-sample.jsonl").read_text(encoding="utf-8").splitlines()]
ODD = ["", " ", "a", "ab c", "&amp; -\nx", "Ünïcödé ½ 東京 です。", "the the the the the", "word ."]


def _cases():
    for it in ITEMS:
        yield it["mt_sent"], [it["eng_sent"]]
        yield it["mt_sent"], [it["eng_sent"], it["pert_sent"]]
        yield it["pert_sent"], ["", it["mt_sent"], it["eng_sent"]]
    for a in ODD:
        for b in ODD:
            yield a, [b]
            yield a, [b, a]


@pytest.mark.parametrize("metric,fast", [(BLEU(), ngrams.bleu_stats), (CHRF(), ngrams.chrf_stats)])
def test_statistics_equal_sacrebleus(metric, fast):
    for hyp, refs in _cases():
        assert fast(metric, hyp, refs) == metric._extract_corpus_statistics([hyp], [[r] for r in refs])[0], (hyp, refs)


def test_sentence_chrf_equals_sacrebleus():
    chrf = CHRF()
    for hyp, refs in _cases():
        assert sentence_chrf(hyp, refs[0]) == chrf.sentence_score(hyp, refs[:1]).score


def test_arrays_equal_counters():
    from mtqa.metrics import chrf_arrays

    for hyp, refs in _cases():
        for ref in refs:
            got = chrf_arrays.pair_stats(hyp, ref)
            assert got is None or got == ngrams._chrf_pair_counters(hyp, ref), (hyp, ref)


def test_only_default_configurations_take_the_fast_path():
    assert ngrams.supports(BLEU()) and ngrams.supports(CHRF())
    assert not ngrams.supports(CHRF(word_order=2)) and not ngrams.supports(BLEU(lowercase=True))
    assert not ngrams.supports(CHRF(whitespace=True))


# Random text, weighted towards what breaks n-gram counting: repeated characters and words, mixed
# scripts, whitespace runs, punctuation the 13a tokenizer splits, and more than 1,024 distinct
# characters (the array path's limit) now and then.
from hypothesis import given, settings, strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("aab ab  .,-'\"&;\n\tÜéß東京です½") + ["the ", "the the ", "ab ab "])
_TEXT = st.one_of(st.lists(_ALPHABET, max_size=40).map("".join),
                  st.text(max_size=60),
                  st.lists(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1030,
                           max_size=1100, unique=True).map("".join))


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(_TEXT, st.lists(st.one_of(_TEXT, st.just("")), min_size=1, max_size=3))
def test_statistics_equal_sacrebleus_on_random_text(hyp, refs):
    for metric, fast in ((BLEU(), ngrams.bleu_stats), (CHRF(), ngrams.chrf_stats)):
        assert fast(metric, hyp, refs) == metric._extract_corpus_statistics([hyp], [[r] for r in refs])[0]
