"""Sentence alignment of a document with its reference, on the sample wire and edited copies."""
from mtqa.align.document import align_reference
from tests.conftest import SAMPLE_HYP, SAMPLE_REF

HYP = SAMPLE_HYP.read_text(encoding="utf-8")
REF = SAMPLE_REF.read_text(encoding="utf-8")


def texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_sample_wire_debris_has_no_counterpart_and_everything_else_is_matched():
    a = align_reference(HYP, REF, "en")
    assert texts(HYP, a.hyp_only_paragraphs) == [
        "Home News The White House warns that Russia will be able to produce Iranian drones on its soil next year",
        "by admin", "sequel after announcement", "sequel after announcement",
        "Rearmament: French Industrialists’ Deals", "Related News", "Leave a Comment"]
    assert a.ref_only_paragraphs == ()
    assert all(link.hyp is not None for link in a.links if link.ref is not None), "every ref sentence is matched"
    assert sum(link.hyp is not None and link.ref is not None for link in a.links) == 20


def test_sample_wire_glued_and_split_sentences_are_merged():
    a = align_reference(HYP, REF, "en")
    by_kind = {link.kind: link for link in a.links}
    glued = by_kind["1-2"]  # "deepening.John Kirby" is one hyp sentence for two reference sentences
    assert "deepening.John Kirby" in HYP[glued.hyp[0]:glued.hyp[1]]
    assert REF[glued.ref[0]:glued.ref[1]].startswith("The military partnership")
    split = by_kind["2-1"]  # "... into Russia. Air bases ..." is two hyp sentences for one
    assert "Russia. Air bases" in HYP[split.hyp[0]:split.hyp[1]]


def test_reference_against_itself_links_every_sentence_one_to_one():
    a = align_reference(REF, REF, "en")
    assert all(link.kind == "1-1" and link.similarity == 1.0 and link.hyp == link.ref for link in a.links)
    assert a.hyp_only_paragraphs == a.ref_only_paragraphs == ()


def test_a_dropped_paragraph_is_reference_only():
    paras = HYP.split("\n\n")
    dropped = next(p for p in paras if p.startswith("Tehran has repeatedly"))
    a = align_reference("\n\n".join(p for p in paras if p != dropped), REF, "en")
    assert texts(REF, a.ref_only_paragraphs) == [
        "Tehran has repeatedly rejected as “incorrect” the US accusations that it supplies weapons to Russia, "
        "saying that it is not a party to the conflict in Ukraine."]


def test_a_duplicated_paragraph_is_flagged_once():
    paras = REF.split("\n\n")
    doubled = "\n\n".join(paras[:3] + [paras[2]] + paras[3:])
    a = align_reference(doubled, REF, "en")
    assert len(a.hyp_only_paragraphs) == 1
    assert texts(doubled, a.hyp_only_paragraphs) == [paras[2]]


def test_unrelated_reference_matches_nothing():
    other = "The central bank raised interest rates by half a point on Thursday.\n\nMarkets fell sharply."
    a = align_reference(HYP, other, "en")
    assert a.matched == 0


def test_offsets_are_into_the_whole_documents():
    a = align_reference(HYP, REF, "en")
    for link in a.links:
        if link.hyp and link.ref:
            assert HYP[link.hyp[0]:link.hyp[1]].strip() == HYP[link.hyp[0]:link.hyp[1]]
            assert 0 <= link.ref[0] < link.ref[1] <= len(REF)
