"""The generic monotone aligner: links, merges, skips, merge restrictions, band and weights."""
import pytest

from mtqa.align.monotone import Link, align, span_weights


def table_similarity(pairs):
    """A similarity given as a table {((a_start, a_end), (b_start, b_end)): value}, 0 elsewhere."""
    def sim(i, j, k, l):
        return pairs.get(((i, j), (k, l)), 0.0)
    return sim


def kinds(links):
    return [(link.a_start, link.a_end, link.b_start, link.b_end) for link in links]


def test_identical_sequences_link_one_to_one():
    words = ["alpha", "beta", "gamma"]
    links = align(range(3), range(3), lambda i, j, k, l: 1.0 if words[i:j] == words[k:l] else 0.0)
    assert kinds(links) == [(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 3)]
    assert all(link.kind == "1-1" and link.similarity == 1.0 for link in links)


def test_unmatched_units_are_skipped_on_either_side():
    # a = [x, A, B], b = [A, B, y]: x has no counterpart, nor has y.
    sim = table_similarity({((1, 2), (0, 1)): 0.9, ((2, 3), (1, 2)): 0.8})
    links = align(range(3), range(3), sim)
    assert kinds(links) == [(0, 1, 0, 0), (1, 2, 0, 1), (2, 3, 1, 2), (3, 3, 2, 3)]
    assert [link.kind for link in links] == ["1-0", "1-1", "1-1", "0-1"]
    assert links[0].is_skip and links[0].similarity is None


def test_merge_when_one_unit_covers_two():
    sim = table_similarity({((0, 1), (0, 2)): 0.9, ((0, 1), (0, 1)): 0.55, ((1, 2), (2, 3)): 0.9})
    links = align(range(2), range(3), sim)
    assert kinds(links) == [(0, 1, 0, 2), (1, 2, 2, 3)]
    assert links[0].kind == "1-2"


def test_merge_penalty_prefers_one_to_one_plus_skip_when_the_merge_is_not_better():
    # merging b0+b1 is barely better than b0 alone: the penalty keeps 1-1 and skips b1.
    sim = table_similarity({((0, 1), (0, 2)): 0.81, ((0, 1), (0, 1)): 0.8})
    assert kinds(align(range(1), range(2), sim, weights_b=[1.0, 0.1])) == [(0, 1, 0, 1), (1, 1, 1, 2)]


def test_can_merge_restricts_merges():
    sim = table_similarity({((0, 2), (0, 1)): 0.9, ((0, 1), (0, 1)): 0.4})
    assert kinds(align(range(2), range(1), sim))[0] == (0, 2, 0, 1)
    restricted = align(range(2), range(1), sim, can_merge_a=lambda i, j: False)
    assert all(link.a_end - link.a_start <= 1 for link in restricted)


def test_below_threshold_nothing_is_linked():
    links = align(range(2), range(2), lambda *_: 0.2, threshold=0.3)
    assert all(link.is_skip for link in links)
    assert sum(len(link.a) for link in links) == 2 and sum(len(link.b) for link in links) == 2


def test_weights_decide_between_competing_links():
    # a0 could match b0 or b1 (not both, order): the heavier pair wins.
    sim = table_similarity({((0, 1), (0, 1)): 0.6, ((0, 1), (1, 2)): 0.6})
    assert (0, 1, 1, 2) in kinds(align(range(1), range(2), sim, weights_b=[1.0, 5.0]))
    assert (0, 1, 0, 1) in kinds(align(range(1), range(2), sim, weights_b=[5.0, 1.0]))


def test_band_gives_the_same_answer_near_the_diagonal():
    n = 50
    sim = lambda i, j, k, l: 1.0 if (j - i, l - k) == (1, 1) and i == k else 0.0  # noqa: E731
    assert align(range(n), range(n), sim) == align(range(n), range(n), sim, band=3)


def test_links_cover_both_sides_in_order():
    sim = lambda i, j, k, l: 0.9 if abs(i - k) <= 1 else 0.1  # noqa: E731
    links = align(range(7), range(5), sim)
    assert [u for link in links for u in link.a] == list(range(7))
    assert [u for link in links for u in link.b] == list(range(5))


def test_empty_sides():
    assert align(range(0), range(0), lambda *_: 1.0) == []
    assert kinds(align(range(2), range(0), lambda *_: 1.0)) == [(0, 1, 0, 0), (1, 2, 0, 0)]


@pytest.mark.parametrize("kwargs", [dict(weights_a=[1.0]), dict(moves=[(0, 0)])])
def test_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        align(range(2), range(2), lambda *_: 1.0, **kwargs)


def test_units_can_be_spans_weighted_by_length():
    spans = [(0, 10), (11, 12)]
    assert span_weights(spans) == [10.0, 1.0]
    links = align(spans, [(0, 9)], lambda i, j, k, l: 0.9 if (i, j) == (0, 1) else 0.0, weights_a=span_weights(spans))
    assert [(link.kind, link.a_start) for link in links] == [("1-1", 0), ("1-0", 1)]


def test_link_properties():
    link = Link(2, 4, 3, 4, 0.7)
    assert link.kind == "2-1" and list(link.a) == [2, 3] and not link.is_skip


def test_ascii_slot_tokens_equal_the_unicode_pattern():
    """slot_words' ASCII pattern finds the tokens SLOT_TOKEN_RE finds, on every pair of ASCII
    characters (\\x1c-\\x1f are spaces to str.isspace() and to \\s in Unicode mode)."""
    from mtqa.align.slots import _ASCII_SLOT_TOKEN_RE, SLOT_TOKEN_RE

    chars = [chr(i) for i in range(128)]
    for a in chars:
        for b in chars:
            text = f"{a}{b}x-y{a}'s 12{b}"
            assert _ASCII_SLOT_TOKEN_RE.findall(text) == SLOT_TOKEN_RE.findall(text), repr(text)
