"""LG001's cheap lower bound on the share of function words must decide as the full share does."""
from __future__ import annotations

import random

from mtqa.checks import language
from mtqa.resources import lexicons


def _full(text: str, lang: str) -> bool:
    share = language._function_word_share(text, lang)
    return share is not None and share >= language.FUNCTION_SHARE


def test_plainly_target_equals_the_full_share():
    vocab = sorted(lexicons.words("stopwords.txt", "en"))
    others = ["Government", "Paris", "42", "2024", "reform", "THE", "Of", "And", "bill", "Müller", "²",
              "said", "it's", "U.S.", "co-operation", "pension", "Yesterday", "1,000"]
    rng = random.Random(0)
    texts = ["The government presented its pension reform bill yesterday in Paris.",
             "Other nominations include Best Picture, Best Director, Best Cinematography.",
             "Le gouvernement a présenté hier son projet de loi sur les retraites.",
             "THE GOVERNMENT AND THE UNIONS OF FRANCE MET ON 12 MAY 2024.",
             "12 34 56 78 90 the"]
    for _ in range(3000):
        n = rng.randint(1, 30)
        share_of_vocab = rng.random() * 0.4
        toks = [rng.choice(vocab) if rng.random() < share_of_vocab else rng.choice(others) for _ in range(n)]
        texts.append(" ".join(toks))
    for text in texts:
        for lang in ("en", "fr", "xx"):
            assert language._plainly_target(text, lang) == _full(text, lang), (text, lang)
