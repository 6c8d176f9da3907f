"""`mtqa.io.limits._decode` scans a one-object line directly: it must give what
`JSONDecoder.decode` gives, value or error (message and position), on every kind of line."""
from __future__ import annotations

import json

import pytest

from mtqa.io import limits

LINES = ['{"id": "1", "hyp": "One."}', '{"hyp": "x"} ', ' {"hyp": "x"}', '{"hyp": "x"}{"hyp": "y"}',
         '{"hyp": "x"', '{"hyp": }', '{}', '[1, 2]', '"text"', '12', '{"n": 1e5, "m": -0.5}', '{',
         '{"hyp": "\\ud800"}', '{"hyp": "caf\\u00e9"}', '{"a": [' + "1, " * 10 + '1]}', '{"a"', '{"a": 1,}',
         '{"big": ' + "9" * 150 + "}", '', ' ', '{"hyp": "x"}\t']


def _outcome(decode, line):
    try:
        return ("value", decode(line))
    except json.JSONDecodeError as e:
        return ("error", e.msg, e.pos)
    except limits.LimitError as e:
        return ("limit", str(e))


@pytest.mark.parametrize("line", LINES)
def test_fast_decode_equals_decode(line):
    assert _outcome(limits._decode, line) == _outcome(limits._DECODER.decode, line)
