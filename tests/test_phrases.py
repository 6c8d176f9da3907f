"""PhraseMatcher: longest match first, word boundaries, flexible whitespace, canonical phrase back."""
from mtqa.text.phrases import PhraseMatcher


def test_longest_first_and_boundaries():
    m = PhraseMatcher(["leave a comment", "Leave a comment below", "ad"])
    text = "Please LEAVE A  COMMENT below. Bad admin."
    got = [(text[s:e], p) for s, e, p in m.finditer(text)]
    assert got == [("LEAVE A  COMMENT below", "Leave a comment below")]


def test_case_sensitive_and_empty():
    assert list(PhraseMatcher([]).finditer("anything")) == []
    m = PhraseMatcher(["US"], case_sensitive=True)
    assert [p for *_, p in m.finditer("us and US")] == ["US"]
