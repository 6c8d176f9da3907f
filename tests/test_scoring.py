"""Scoring: MQM weights, the reference distance in segment scores, gates."""
from mtqa import scoring
from mtqa.model import Finding, Severity


def finding(sev, category="accuracy/mistranslation"):
    return Finding("NU001", "x", sev, category, "m", "hyp", 0, 1, "x", None)


def test_weights():
    assert scoring.penalty([finding(Severity.MINOR), finding(Severity.MAJOR), finding(Severity.CRITICAL)]) == 31
    assert scoring.penalty([finding(Severity.MINOR, "fluency/punctuation")]) == 0.1


def test_reference_distance_orders_segments_without_outweighing_findings():
    clean, worse = {"chrf": 80.0}, {"chrf": 60.0}
    assert scoring.segment_score([], worse) > scoring.segment_score([], clean)
    assert scoring.segment_score([finding(Severity.MINOR)], clean) > scoring.segment_score([], {"chrf": 0.0}) - 1e-9
    assert scoring.segment_score([finding(Severity.MAJOR)], None) == 5


def test_gate():
    assert scoring.gate_fails({"minor": 0, "major": 1, "critical": 0}, "major")
    assert not scoring.gate_fails({"minor": 3, "major": 0, "critical": 0}, "major")
    assert not scoring.gate_fails({"minor": 0, "major": 0, "critical": 9}, "never")
