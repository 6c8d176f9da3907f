"""RP003's shortcut (mtqa.checks.repetition._may_loop) says no only where no token stands at
three equally spaced places at most MAX_UNIT apart: compared with that definition, read place by
place, on random token sequences."""
from __future__ import annotations

import random

from mtqa.checks.repetition import MAX_UNIT, _may_loop


def _three_equally_spaced(keys: tuple[str, ...]) -> bool:
    return any(keys[i] == keys[i + n] == keys[i + 2 * n]
               for n in range(1, MAX_UNIT + 1) for i in range(len(keys) - 2 * n))


def test_may_loop_is_three_equally_spaced_places():
    rng = random.Random(3)
    for _ in range(5000):
        keys = tuple(rng.choice("abcde"[:rng.randint(1, 5)]) for _ in range(rng.randint(0, 30)))
        assert _may_loop(keys) == _three_equally_spaced(keys), keys
