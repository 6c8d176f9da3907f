"""The sentence scores computed without sacrebleu's score objects are sacrebleu's floats, bit for bit."""
from hypothesis import given, settings, strategies as st
from sacrebleu.metrics import BLEU, CHRF

from mtqa.metrics.sentence import scorer, sentence_bleu

_BLEU = BLEU(effective_order=True)


@st.composite
def bleu_stats(draw):
    hyp_len = draw(st.integers(0, 80))
    total = [max(0, hyp_len - n) for n in range(4)]
    correct = [draw(st.integers(0, t)) for t in total]
    return [hyp_len, draw(st.integers(0, 90))] + correct + total


@settings(max_examples=3000, deadline=None)
@given(bleu_stats())
def test_sentence_bleu_is_sacrebleus_float(stats):
    assert sentence_bleu(stats) == _BLEU._compute_score_from_stats(list(stats)).score


def test_scorer_keeps_sacrebleu_for_other_configurations():
    stats = [10, 12, 5, 2, 0, 0, 10, 9, 8, 7]
    plain = BLEU()  # smoothing "exp" but no effective order: sacrebleu's own path
    assert scorer(plain)(stats) == plain._compute_score_from_stats(stats).score
    chrf = CHRF()
    cstats = [12, 14, 6, 11, 13, 3, 10, 12, 1, 9, 11, 0, 8, 10, 0, 7, 9, 0]
    assert scorer(chrf)(cstats) == chrf._compute_score_from_stats(cstats).score


@st.composite
def chrf_stats(draw):
    out = []
    for _ in range(6):
        n_hyp, n_ref = draw(st.integers(0, 300)), draw(st.integers(0, 300))
        out += [n_hyp, n_ref, draw(st.integers(0, min(n_hyp, n_ref)))]
    return out


@settings(max_examples=3000, deadline=None)
@given(chrf_stats())
def test_sentence_chrf_is_sacrebleus_float(stats):
    from mtqa.metrics.sentence import sentence_chrf

    assert sentence_chrf(stats) == CHRF()._compute_f_score(stats)
    assert scorer(CHRF()) is sentence_chrf and scorer(CHRF(word_order=2)) is not sentence_chrf
