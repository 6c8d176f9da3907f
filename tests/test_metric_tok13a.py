"""The fast 13a post-tokenizer gives sacrebleu's TokenizerRegexp output on any text."""
from hypothesis import given, settings, strategies as st
from sacrebleu.tokenizers.tokenizer_re import TokenizerRegexp

from mtqa.metrics.tok13a import post_tokenize

_SACREBLEU = TokenizerRegexp()
_TRICKY = ".,-0123456789 aZ'\"&;:!?/()[]{}~`^_@#$%*+<=>|\\\n\t\u00a0é中"


def _reference(line: str) -> str:
    return type(_SACREBLEU).__call__.__wrapped__(_SACREBLEU, line)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=30) | st.text(max_size=30))
def test_post_tokenize_equals_sacrebleu(line):
    assert post_tokenize(line) == _reference(line)


def test_consumed_neighbours():
    for line in ["a.,5", "a..", "x...y", "1,.a", ".,.,", "1--2", "3-4-5", " 1.5, 2.", ",a", "a,"]:
        assert post_tokenize(line) == _reference(line), line
