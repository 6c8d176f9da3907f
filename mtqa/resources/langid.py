"""langdetect adapter: the only importer of langdetect.

langdetect is loaded lazily (its profiles on the first call, ~0.07 s: mtqa computes each n-gram's row
when a text first needs it, see `_LazyProbabilities`) and seeded,
because its sampling is random and mtqa's reports must be reproducible. A call costs about
1.4 ms whatever the length, so callers ask per text block, only when cheaper signals
(script, word lists) are inconclusive. Results are cached per text (the last 64).
"""
from __future__ import annotations

import functools
import re

SEED = 0
#: Below this many letters langdetect is unreliable; callers get None instead of a guess.
MIN_LETTERS = 20

_INF = float("inf")
_LETTER_RE = re.compile(r"[^\W\d_]")
# langdetect reports a few codes that mtqa does not distinguish from their macro-language.
_NORMALISE = {"zh-cn": "zh", "zh-tw": "zh"}


@functools.lru_cache(maxsize=1)
def _factory():
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = SEED
    try:
        factory = _lazy_factory()
    except Exception:
        factory = None  # anything unexpected in the profiles: langdetect's own loader decides
    if factory is None:
        try:
            detector_factory.init_factory()
        except BaseException:
            # Interrupted half-way (langdetect turns even a Ctrl-C into "Profile format error"), it
            # would keep the profiles read so far and detect from those on the next call: forget them.
            detector_factory._factory = None
            raise
        return detector_factory._factory
    detector_factory._factory = factory
    return factory


class _LazyProbabilities(dict):
    """langdetect's n-gram table (n-gram -> its probability in each language), each row computed
    as `DetectorFactory.add_profile` computes it, but when a detector first asks for it: a text
    uses a few hundred of the ~88,000 n-grams, and building them all took ~0.25 s of a run.
    Whether an n-gram is known is asked of the profiles too, when first asked (and remembered):
    the union of their ~184,000 keys took ~20 ms of every run that detects a language."""

    #: How many answers of __contains__ are remembered (an n-gram is at most three characters).
    MEMO = 65536

    def __init__(self, profiles: list[tuple[int, dict, list]], langsize: int):
        super().__init__()
        self._profiles = profiles
        self._langsize = langsize
        self._freqs = [freq for _, freq, _ in profiles]
        self._seen: dict[str, bool] = {}

    @property
    def _known(self) -> set:
        """Every known n-gram (the keys langdetect's own table has; built on each call)."""
        return set().union(*self._freqs)

    def __contains__(self, word) -> bool:
        found = self._seen.get(word)
        if found is None:
            # A key of any profile: exactly the keys of langdetect's own table.
            found = any(word in freq for freq in self._freqs)
            if len(self._seen) < self.MEMO:
                self._seen[word] = found
        return found

    def __missing__(self, word):
        if word not in self:
            raise KeyError(word)
        row = [0.0] * self._langsize
        length = len(word)
        if 1 <= length <= 3:
            for index, freq, n_words in self._profiles:
                if word in freq:
                    row[index] = 1.0 * freq[word] / n_words[length - 1]
        self[word] = row
        return row


def _lazy_factory():
    """A DetectorFactory as `init_factory` loads it (the same profiles, order and indices), with
    the lazy table; None when the profiles are not as expected."""
    import os

    from langdetect import DetectorFactory, detector_factory

    directory = detector_factory.PROFILES_DIRECTORY
    files = os.listdir(directory)
    profiles, langlist = [], []
    for filename in files:  # as DetectorFactory.load_profile reads them
        path = os.path.join(directory, filename)
        if filename.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            data = detector_factory.json.load(f)
        name, freq, n_words = data.get("name"), data.get("freq"), data.get("n_words")
        if (set(data) != {"name", "freq", "n_words"} or name in langlist or not isinstance(freq, dict)
                or not isinstance(n_words, list) or len(n_words) < 3 or 0 in n_words[:3]):
            return None
        profiles.append((len(langlist), freq, n_words))
        langlist.append(name)
    if len(langlist) < 2:
        return None
    factory = DetectorFactory()
    factory.langlist = langlist
    factory.word_lang_prob_map = _LazyProbabilities(profiles, len(files))
    return factory


@functools.lru_cache(maxsize=1)
def _fast_detector_class():
    """langdetect's Detector with its two per-n-gram loops as list comprehensions: the same float
    operations in the same order (so bit-identical probabilities), ~3x faster than the indexed
    Python loops (each call samples a few hundred n-grams over ~55 languages)."""
    from langdetect.detector import Detector

    class _FastDetector(Detector):
        def _update_lang_prob(self, prob, word, alpha):
            if self.verbose or word is None or word not in self.word_lang_prob_map:
                return super()._update_lang_prob(prob, word, alpha)
            row = self.word_lang_prob_map[word]
            if len(row) != len(prob):
                return super()._update_lang_prob(prob, word, alpha)
            weight = alpha / self.BASE_FREQ
            prob[:] = [p * (weight + r) for p, r in zip(prob, row)]  # prob[i] *= weight + row[i]
            return True

        def _normalize_prob(self, prob):
            sump = sum(prob)
            if not 0.0 < sump < _INF:
                return super()._normalize_prob(prob)  # NaN, inf or nothing: the loop's own answer
            prob[:] = [p / sump for p in prob]  # all finite, as sump is
            # The loop's maxp starts at 0.0 and takes each larger p: the largest value, or 0.0.
            largest = max(prob)
            return largest if largest > 0.0 else 0.0

    return _FastDetector


# Recent texts only: several rules may ask about the same segment, but a batch that repeats its
# sentences far apart must not be answered from memory (benchmarks would measure the cache).
@functools.lru_cache(maxsize=64)
def detect(text: str) -> tuple[str, float] | None:
    """(language code, probability) of the most likely language, or None if too little text."""
    if len(_LETTER_RE.findall(text[:2000])) < MIN_LETTERS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.__class__ = _fast_detector_class()
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
