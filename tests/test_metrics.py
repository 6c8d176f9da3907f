"""Streamed corpus metrics equal sacrebleu's corpus_score exactly; sentence scores match too."""
import json

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from mtqa.metrics.scores import MetricSuite
from tests.conftest import ROOT

ITEMS = [json.loads(line) for line in (ROOT / "corpora" / "demetr-sample.jsonl").read_text(encoding="utf-8").splitlines()]
HYPS = [it["mt_sent"] for it in ITEMS]
REFS = [it["eng_sent"] for it in ITEMS]
REFS2 = [it["pert_sent"] for it in ITEMS]


@pytest.mark.parametrize("name,metric", [("bleu", BLEU()), ("chrf", CHRF()), ("chrf++", CHRF(word_order=2)),
                                         ("ter", TER())])
def test_streamed_corpus_score_equals_corpus_score(name, metric):
    suite = MetricSuite((name,))
    for h, r in zip(HYPS, REFS):
        suite.score_segment(h, [r])
    assert suite.corpus_scores()[name] == pytest.approx(metric.corpus_score(HYPS, [REFS]).score, abs=1e-4)


def test_two_references():
    suite = MetricSuite(("bleu", "chrf"))
    for h, r1, r2 in zip(HYPS, REFS, REFS2):
        suite.score_segment(h, [r1, r2])
    scores = suite.corpus_scores()
    assert scores["bleu"] == pytest.approx(BLEU().corpus_score(HYPS, [REFS, REFS2]).score, abs=1e-4)
    assert scores["chrf"] == pytest.approx(CHRF().corpus_score(HYPS, [REFS, REFS2]).score, abs=1e-4)
    assert suite.signatures()["bleu"].startswith("nrefs:2")


def test_sentence_scores_match_sacrebleu():
    suite = MetricSuite(("bleu", "chrf"))
    h, r = HYPS[0], REFS[0]
    got = suite.score_segment(h, [r])
    assert got["chrf"] == pytest.approx(CHRF().sentence_score(h, [r]).score, abs=1e-4)
    assert got["bleu"] == pytest.approx(BLEU(effective_order=True).sentence_score(h, [r]).score, abs=1e-4)


def test_no_segments_no_scores():
    assert MetricSuite().corpus_scores() is None


def test_blank_reference_lines_count_as_sacrebleu_counts_them():
    hyps = HYPS[:10] + ["A translation with an empty reference line."]
    refs = REFS[:10] + [""]
    suite = MetricSuite(("bleu", "chrf"))
    for h, r in zip(hyps, refs):
        suite.score_segment(h, [r])
    assert suite.corpus_scores()["chrf"] == pytest.approx(CHRF().corpus_score(hyps, [refs]).score, abs=1e-4)
    assert suite.corpus_scores()["bleu"] == pytest.approx(BLEU().corpus_score(hyps, [refs]).score, abs=1e-4)


def test_signature_counts_corpus_references_not_the_last_call():
    suite = MetricSuite(("chrf",))
    suite.score_segment(HYPS[0], [REFS[0], REFS2[0]])
    suite.score_sentence(HYPS[0][:20], [REFS[0][:20]])  # an aligned sentence: one reference
    assert suite.signatures()["chrf"].startswith("nrefs:2|")
    assert suite.segments == 1
    suite.score_segment(HYPS[1], [REFS[1]])
    assert suite.signatures()["chrf"].startswith("nrefs:var|"), "sacrebleu's word for a varying count"
