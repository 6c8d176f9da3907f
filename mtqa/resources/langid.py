"""langdetect adapter: the only importer of langdetect.

langdetect is loaded lazily (its first call costs ~0.24 s and ~70 MB of profiles) and seeded,
because its sampling is random and mtqa's reports must be reproducible. A call costs about
1.4 ms whatever the length, so callers ask per text block, only when cheaper signals
(script, word lists) are inconclusive. Results are cached per text.
"""
from __future__ import annotations

import functools
import re

SEED = 0
#: Below this many letters langdetect is unreliable; callers get None instead of a guess.
MIN_LETTERS = 20

_LETTER_RE = re.compile(r"[^\W\d_]")
# langdetect reports a few codes that mtqa does not distinguish from their macro-language.
_NORMALISE = {"zh-cn": "zh", "zh-tw": "zh"}


@functools.lru_cache(maxsize=1)
def _factory():
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    from langdetect import detector_factory

    DetectorFactory.seed = SEED
    try:
        init_factory()
    except BaseException:
        # Interrupted half-way (langdetect turns even a Ctrl-C into "Profile format error"), it
        # would keep the profiles read so far and detect from those on the next call: forget them.
        detector_factory._factory = None
        raise
    return detector_factory._factory


@functools.lru_cache(maxsize=4096)
def detect(text: str) -> tuple[str, float] | None:
    """(language code, probability) of the most likely language, or None if too little text."""
    if len(_LETTER_RE.findall(text[:2000])) < MIN_LETTERS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text[:5000])
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    return _NORMALISE.get(best.lang, best.lang), round(best.prob, 4)


def detect_sample(texts: list[str], max_chars: int = 5000) -> tuple[str, float] | None:
    """The language of a batch, from the concatenation of its first texts."""
    joined, size = [], 0
    for t in texts:
        if t:
            joined.append(t)
            size += len(t)
            if size >= max_chars:
                break
    return detect("\n".join(joined)) if joined else None
