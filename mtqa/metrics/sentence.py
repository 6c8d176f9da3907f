"""Sentence scores from sufficient statistics without sacrebleu's score objects.

`BLEU._compute_score_from_stats` builds a BLEUScore, which formats its precisions, ratio and
lengths into strings (~6 µs) that a sentence score never shows; chrF's builds a CHRFScore
around `_compute_f_score`. Per segment that is a tenth of the statistics' cost. `sentence_bleu`
is sacrebleu's `BLEU.compute_bleu` for the one configuration mtqa scores sentences with
(smoothing "exp", effective order, order 4), the same float operations in the same order, so
the same float; `sentence_chrf` is `CHRF._compute_f_score` for the default chrF, likewise
(without its attribute look-ups). `scorer` falls back to sacrebleu's objects for any other
configuration. Tests compare.
"""
from __future__ import annotations

import math


def _my_log(num: float) -> float:
    # sacrebleu.utils.my_log
    return -9999999999 if num == 0.0 else math.log(num)


def sentence_bleu(stats) -> float:
    """`BLEU(effective_order=True)._compute_score_from_stats(stats).score`."""
    sys_len, ref_len = int(stats[0]), int(stats[1])
    correct, total = stats[2:6], stats[6:]
    bp = 1.0
    if sys_len < ref_len:
        bp = math.exp(1 - ref_len / sys_len) if sys_len > 0 else 0.0
    if not any(correct):
        return 0.0
    precisions = [0.0] * 4
    smooth_mteval = 1.
    eff_order = 4
    for n in range(1, 5):
        if total[n - 1] == 0:
            break
        eff_order = n
        if correct[n - 1] == 0:
            smooth_mteval *= 2
            precisions[n - 1] = 100. / (smooth_mteval * total[n - 1])
        else:
            precisions[n - 1] = 100. * correct[n - 1] / total[n - 1]
    return bp * math.exp(sum([_my_log(p) for p in precisions[:eff_order]]) / eff_order)


def sentence_chrf(stats) -> float:
    """`CHRF()._compute_f_score(stats)`: beta 2, 6 character orders, no word orders, no eps
    smoothing. sacrebleu also sums an eps-smoothed score that only eps smoothing returns; the
    averages it does return are the same float operations in the same order, so the same float."""
    avg_prec = avg_rec = 0.0
    effective_order = 0
    for i in range(0, 18, 3):
        n_hyp, n_ref = stats[i], stats[i + 1]
        if n_hyp > 0 and n_ref > 0:
            avg_prec += stats[i + 2] / n_hyp
            avg_rec += stats[i + 2] / n_ref
            effective_order += 1
    if effective_order == 0:
        return 0.0
    avg_prec /= effective_order
    avg_rec /= effective_order
    if avg_prec + avg_rec:
        score = 5 * avg_prec * avg_rec  # (1 + beta ** 2), beta ** 2 below
        score /= (4 * avg_prec) + avg_rec
        return 100 * score
    return 0.0


def is_default_chrf(metric) -> bool:
    """Whether `sentence_chrf` computes `metric`'s F-score."""
    from sacrebleu.metrics import CHRF

    return (type(metric) is CHRF and metric.beta == 2 and metric.char_order == 6 and metric.word_order == 0
            and not metric.eps_smoothing)


def scorer(metric):
    """A function of a segment's statistics giving `metric._compute_score_from_stats(s).score`."""
    from sacrebleu.metrics import BLEU, CHRF

    config = (getattr(metric, "smooth_method", None), getattr(metric, "effective_order", None),
              getattr(metric, "max_ngram_order", None))
    if type(metric) is BLEU and config == ("exp", True, 4):
        return sentence_bleu
    if is_default_chrf(metric):
        return sentence_chrf
    if type(metric) is CHRF:  # CHRFScore keeps the F-score as it is
        return metric._compute_f_score
    return lambda stats: metric._compute_score_from_stats(stats).score
