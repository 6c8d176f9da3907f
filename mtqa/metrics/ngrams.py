"""Sufficient statistics of sacrebleu's default BLEU and chrF, the same numbers in less time.

sacrebleu extracts each segment's n-grams into one Counter of tuples (BLEU) or six Counters of
strings (chrF), then matches them in a Python loop over the hypothesis n-grams. Here the n-grams
of each order get a count dict of their own, built by C code (Counter's counting loop over
`zip(...)` or a list of slices), and the matches are summed over the keys both sides share
(`keys() & keys()`, a C set operation) instead of looping over every n-gram. The counts are the
same multisets, so the statistics are equal, integer for integer (tests compare them with
sacrebleu's on every segment of a corpus). Corpus scores are computed by sacrebleu's own
objects, sentence scores by mtqa.metrics.sentence (its arithmetic without its score objects).

Only the default configurations take this path (BLEU with the 13a tokenizer or any tokenizer
the metric object carries, no lowercasing, order 4; chrF with 6 character orders, no word
orders, no whitespace): `supports` says which. Others (chrF++, TER) keep sacrebleu's path.

chrF's character n-grams are counted with numpy arrays (mtqa.metrics.chrf_arrays, another 6x)
except in texts too short for it, or, for the segments the engine is about to check, with the
pairs of several segments in one pass (`prepare_chrf`, mtqa.metrics.chrf_batch). A pair's
statistics are kept for the last few pairs: RF006 scores a translation against its reference
with chrF before the metrics do, and the metrics then reuse them instead of extracting them again.
"""
from __future__ import annotations

import functools
from collections import Counter, _count_elements
from typing import Sequence

BLEU_ORDER = 4
CHRF_ORDER = 6


def supports(metric) -> bool:
    """Whether `metric` (a sacrebleu object) is a configuration these functions compute exactly."""
    from sacrebleu.metrics import BLEU, CHRF

    if type(metric) is BLEU:
        return metric.max_ngram_order == BLEU_ORDER and not metric.lowercase
    if type(metric) is CHRF:
        return (metric.char_order == CHRF_ORDER and metric.word_order == 0 and not metric.whitespace
                and not metric.lowercase)
    return False


def _counts(items) -> dict:
    # Counter's own C counting loop into a plain dict: Counter() adds ~1 µs of Python a call.
    d: dict = {}
    _count_elements(d, items)
    return d


def _word_ngrams(tokens: list[str]) -> tuple[dict, ...]:
    """Counts of the 1- to 4-grams of `tokens` (tuples, as sacrebleu keys them)."""
    return (_counts(tokens), _counts(zip(tokens, tokens[1:])), _counts(zip(tokens, tokens[1:], tokens[2:])),
            _counts(zip(tokens, tokens[1:], tokens[2:], tokens[3:])))


def _grams(tokens: list[str], n: int):
    """The (n+1)-grams of `tokens`, as `_word_ngrams` keys them."""
    if n == 0:
        return tokens
    if n == 1:
        return zip(tokens, tokens[1:])
    if n == 2:
        return zip(tokens, tokens[1:], tokens[2:])
    return zip(tokens, tokens[1:], tokens[2:], tokens[3:])


def _matches(hyp: dict, ref: dict, n_hyp: int = -1) -> int:
    """Size of the multiset intersection: sum of min(count) over the n-grams both have
    (`n_hyp`: the number of n-grams `hyp` counts, when known)."""
    common = hyp.keys() & ref.keys()
    if len(hyp) == n_hyp:  # no n-gram twice in the hypothesis: each common one matches once
        return len(common)
    return sum(map(min, map(hyp.__getitem__, common), map(ref.__getitem__, common)))


def bleu_stats(metric, hyp: str, refs: Sequence[str | None]) -> list[int]:
    """sacrebleu's `BLEU._extract_corpus_statistics([hyp], [[r] for r in refs])[0]`."""
    # `metric._preprocess_segment` without its lowercasing, which `supports` rules out
    tokenize = metric.tokenizer
    toks = tokenize(hyp.rstrip()).split()
    hyp_len = len(toks)
    total = [max(0, hyp_len - n) for n in range(BLEU_ORDER)]
    if len(refs) == 1 and refs[0] is not None:  # one reference: its length is the closest
        ref_toks = tokenize(refs[0].rstrip()).split()
        correct = [0] * BLEU_ORDER
        for n in range(BLEU_ORDER):
            # An n-gram both texts have starts with an (n-1)-gram both have: once an order
            # matches nothing, no higher order does (its zeros are already in `correct`).
            matched = _matches(_counts(_grams(toks, n)), _counts(_grams(ref_toks, n)), total[n])
            if not matched:
                break
            correct[n] = matched
        return [hyp_len, len(ref_toks)] + correct + total
    ref_ngrams: list[dict] | None = None
    ref_lens = []
    for ref in refs:
        if ref is None:
            continue  # sacrebleu drops undefined references
        ref_toks = tokenize(ref.rstrip()).split()
        ref_lens.append(len(ref_toks))
        grams = _word_ngrams(ref_toks)
        if ref_ngrams is None:
            ref_ngrams = list(grams)
        else:  # the most times any one reference has an n-gram, as sacrebleu merges them
            for merged, these in zip(ref_ngrams, grams):
                for ng, count in these.items():
                    if count > merged.get(ng, 0):
                        merged[ng] = count
    ref_len = metric._get_closest_ref_len(hyp_len, ref_lens)
    hyp_ngrams = _word_ngrams(toks)
    if ref_ngrams is None:
        ref_ngrams = [{}] * BLEU_ORDER
    correct = [_matches(h, r, t) for h, r, t in zip(hyp_ngrams, ref_ngrams, total)]
    return [hyp_len, ref_len] + correct + total


def char_ngrams(text: str) -> tuple[int, tuple[Counter, ...]]:
    """(length without whitespace, Counters of its 1- to 6-character n-grams), as sacrebleu's
    `extract_all_char_ngrams(text, 6)`."""
    line = "".join(text.split())
    n_chars = len(line)
    return n_chars, (Counter(line),) + tuple(Counter([line[i:i + n] for i in range(n_chars - n + 1)])
                                             for n in range(2, CHRF_ORDER + 1))


def _chrf_pair_counters(hyp: str, ref: str) -> list[int]:
    h_len, h_grams = char_ngrams(hyp)
    r_len, r_grams = char_ngrams(ref)
    stats = []
    for n in range(CHRF_ORDER):
        r_count = max(0, r_len - n)
        # sacrebleu counts no hypothesis n-grams of an order the reference has none of
        stats += (max(0, h_len - n) if r_count else 0, r_count, _matches(h_grams[n], r_grams[n]))
    return stats


@functools.lru_cache(maxsize=16)
def _chrf_pair(hyp: str, ref: str) -> tuple[int, ...]:
    # Kept for the segment being checked: RF006 scores the pair before the metrics do.
    from mtqa.metrics import chrf_arrays

    stats = chrf_arrays.pair_stats(hyp, ref)
    return tuple(stats if stats is not None else _chrf_pair_counters(hyp, ref))


#: Statistics of the pairs of the segments about to be checked (`prepare_chrf`), by (hyp, ref).
_PREPARED: dict[tuple[str, str], list[int]] = {}
#: Longest text counted with its group: a longer one (a document) is counted alone, when asked.
PREPARE_MAX_CHARS = 4096


def prepare_chrf(pairs) -> None:
    """Count the chrF statistics of these (hyp, ref) pairs together (mtqa.metrics.chrf_batch:
    one numpy pass costs less than one a pair), for the `chrf_pair_stats` calls that follow;
    the previous group's are dropped, so memory holds one group."""
    global _PREPARED
    from mtqa.metrics import chrf_batch

    todo = [p for p in dict.fromkeys(pairs)
            if len(p[0]) <= PREPARE_MAX_CHARS and len(p[1]) <= PREPARE_MAX_CHARS]
    _PREPARED = {p: s for p, s in zip(todo, chrf_batch.batch_stats(todo)) if s is not None}


def chrf_pair_stats(hyp: str, ref: str) -> list[int]:
    """[hyp n-grams, ref n-grams, matches] per order, as sacrebleu's chrF compares one reference."""
    stats = _PREPARED.get((hyp, ref))
    return list(stats if stats is not None else _chrf_pair(hyp, ref))


def chrf_stats(metric, hyp: str, refs: Sequence[str | None]) -> list[int]:
    """sacrebleu's `CHRF._extract_corpus_statistics([hyp], [[r] for r in refs])[0]`: the
    statistics of the reference with the best F-score (the first of equals)."""
    if len(refs) == 1 and refs[0] is not None:  # the only reference is the best: no F-score needed
        return chrf_pair_stats(hyp, refs[0])
    best_stats: list[int] = []
    best_f = -1.0
    for ref in refs:
        if ref is None:
            continue
        stats = chrf_pair_stats(hyp, ref)
        f = metric._compute_f_score(stats)
        if f > best_f:
            best_f, best_stats = f, stats
    return best_stats
