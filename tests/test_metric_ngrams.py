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


def test_batch_equals_counters():
    """chrf_batch counts many pairs in one pass: each pair's statistics are the Counters' (pairs
    holding the padding characters, or too many distinct characters, come back None)."""
    from mtqa.metrics import chrf_batch

    pairs = [(hyp, ref) for hyp, refs in _cases() for ref in refs]
    pairs += [("a\U0010FFFEb cdefgh", "a\U0010FFFEb cdefgh"), ("x\U0010FFFF" * 4, "x\U0010FFFF" * 3)]
    got = chrf_batch.batch_stats(pairs)
    assert len(got) == len(pairs)
    for (hyp, ref), stats in zip(pairs, got):
        if stats is None:
            assert "\U0010FFFE" in hyp + ref or "\U0010FFFF" in hyp + ref
        else:
            assert stats == ngrams._chrf_pair_counters(hyp, ref), (hyp, ref)


def test_prepared_statistics_are_used_and_equal():
    from mtqa.metrics.scores import MetricSuite
    from mtqa.model import Segment

    segs = [Segment(id=str(i), index=i, hyp=it["mt_sent"], refs=(it["eng_sent"], it["pert_sent"]))
            for i, it in enumerate(ITEMS[:40])]
    fresh = MetricSuite()
    expected = [fresh.segment_stats(s.hyp, s.refs) for s in segs]
    suite = MetricSuite()
    suite.prepare(segs)
    assert len(ngrams._PREPARED) == len({(s.hyp, r) for s in segs for r in s.refs})
    assert [suite.segment_stats(s.hyp, s.refs) for s in segs] == expected


_SHORT = st.one_of(st.lists(_ALPHABET, max_size=40).map("".join), st.text(max_size=60))


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(_SHORT, _SHORT), min_size=1, max_size=40))
def test_batch_equals_counters_on_random_text(pairs):
    from mtqa.metrics import chrf_batch

    got = chrf_batch.batch_stats(pairs)
    assert len(got) == len(pairs)
    for (hyp, ref), stats in zip(pairs, got):
        if stats is not None:
            assert stats == ngrams._chrf_pair_counters(hyp, ref)
        else:
            assert "\U0010FFFE" in hyp + ref or "\U0010FFFF" in hyp + ref


def test_batch_splits_a_group_with_too_many_characters():
    """Chinese texts with hundreds of distinct characters do not fit one group's keys: the group
    is split until they do; a pair with over 1,022 distinct characters alone comes back None."""
    from mtqa.metrics import chrf_batch

    han = [chr(c) for c in range(0x4E00, 0x4E00 + 1100)]
    pairs = [("".join(han[i * 90:(i + 1) * 90]), "".join(han[i * 90 + 40:(i + 1) * 90 + 40])) for i in range(11)]
    pairs.insert(5, ("".join(han), "".join(han[::2])))
    pairs.append(("the cat sat", "the cat sat down"))
    got = chrf_batch.batch_stats(pairs)
    assert got[5] is None
    for i, ((hyp, ref), stats) in enumerate(zip(pairs, got)):
        if i != 5:
            assert stats == ngrams._chrf_pair_counters(hyp, ref)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(_TEXT, _TEXT)
def test_one_reference_shortcut_equals_the_general_path(hyp, ref):
    """One reference takes a path of its own (it stops at the first order matching nothing):
    the same statistics as the general path ([ref, None]: sacrebleu drops the None) and sacrebleu's."""
    bleu = BLEU()
    assert ngrams.bleu_stats(bleu, hyp, [ref]) == ngrams.bleu_stats(bleu, hyp, [ref, None])
    assert ngrams.bleu_stats(bleu, hyp, [ref]) == bleu._extract_corpus_statistics([hyp], [[ref]])[0]
