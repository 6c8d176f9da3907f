"""Document alignment with the source: sentence pairs, skips for scraped lines, document offsets."""
from mtqa import check_document
from mtqa.align.source import align_source
from tests.conftest import ROOT

HYP = (ROOT / "corpora" / "cases" / "minister.en.txt").read_text(encoding="utf-8")
SRC = (ROOT / "corpora" / "cases" / "minister.fr.txt").read_text(encoding="utf-8")


def test_pairs_follow_the_source_and_skip_debris():
    pairs = align_source(HYP, SRC, "en", "fr")
    hyp_sides = [HYP[a:b] for (a, b), _ in pairs]
    assert len(pairs) == 5
    assert not any("by editor" in h for h in hyp_sides), "a line with no source is left unaligned"
    assert any("21,000" in HYP[a:b] and "12 000" in SRC[c:d] for (a, b), (c, d) in pairs), \
        "a sentence whose numbers differ is still aligned by its length"


def test_findings_have_document_offsets():
    result = check_document(HYP, src=SRC, src_lang="fr", tgt_lang="en")
    found = {(f.rule, f.field, f.text) for f in result.findings}
    assert {("NU001", "hyp", "21,000"), ("NG001", "hyp", "not")} <= found
    # The source's 12 000 is the same error as the translation's 21,000: folded into NU001.
    nu001 = next(f for f in result.findings if f.rule == "NU001")
    assert ("NU002", "src", "12 000") in {(r.rule, r.field, r.text) for r in nu001.related}
    assert not any(f.rule == "NU002" for f in result.findings)
    for f in result.findings:
        text = HYP if f.field == "hyp" else SRC
        assert text[f.start:f.end] == f.text


def test_numbers_in_other_sentences_do_not_count():
    hyp = "It cost 12 euros.\n\nThe town has 500 people."
    src = "Cela a coûté 500 euros.\n\nLa ville compte 12 habitants."
    found = {(f.rule, f.text) for f in check_document(hyp, src=src, src_lang="fr", tgt_lang="en").findings}
    assert ("NU001", "12") in found and ("NU001", "500") in found
