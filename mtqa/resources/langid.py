"""langdetect adapter: the only importer of langdetect.

langdetect is loaded lazily and seeded. Its profiles are not json.load-ed (55 files, ~70 ms of
every run that detects a language): mtqa reads a shipped index of them, one table sorted by n-gram
(~2 ms, see `_IndexedProbabilities`; the profiles themselves only when the index is stale), and
computes each n-gram's row when a text first needs it. Seeded because its sampling is random and
mtqa's reports must be reproducible. A call costs about 1.4 ms whatever the length, so callers ask
per text block, only when cheaper signals (script, word lists) are inconclusive. Results are
cached per text (the last 64).
"""
from __future__ import annotations

import bisect
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
    # Cached only when it returns: an interrupted read (a KeyboardInterrupt, which no `except
    # Exception` below catches) leaves nothing half-read behind, and the next call starts afresh.
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = SEED
    for make in (_indexed_factory, _lazy_factory):
        try:
            factory = make()
        except Exception:
            factory = None  # a malformed index, unexpected profiles: the next loader decides
        if factory is not None:
            break
    else:  # langdetect's own loader
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


class _RowTable(dict):
    """langdetect's n-gram table (n-gram -> its probability in each language), each row computed
    as `DetectorFactory.add_profile` computes it, but when a detector first asks for it: a text
    uses a few hundred of the ~88,000 n-grams, and building them all took ~0.25 s of a run.
    Whether an n-gram is known is asked of the profiles too, when first asked (and remembered).
    Subclasses say where the profiles' counts come from (`_holds`, `_counts`)."""

    #: How many answers of __contains__ are remembered (an n-gram is at most three characters).
    MEMO = 65536

    def __init__(self, langsize: int):
        super().__init__()
        self._langsize = langsize
        self._seen: dict[str, bool] = {}

    def _holds(self, word: str) -> bool:
        """Whether any profile has the key `word`."""
        raise NotImplementedError

    def _counts(self, word: str):
        """(language index, count, that profile's n_words) for each profile that has `word`."""
        raise NotImplementedError

    def __contains__(self, word) -> bool:
        found = self._seen.get(word)
        if found is None:
            # A key of any profile: exactly the keys of langdetect's own table.
            found = self._holds(word)
            if len(self._seen) < self.MEMO:
                self._seen[word] = found
        return found

    def __missing__(self, word):
        if word not in self:
            raise KeyError(word)
        row = [0.0] * self._langsize
        length = len(word)
        if 1 <= length <= 3:
            for index, count, n_words in self._counts(word):
                row[index] = 1.0 * count / n_words[length - 1]  # add_profile's own expression
        self[word] = row
        return row


class _LazyProbabilities(_RowTable):
    """The table from the profiles' JSON (json.load of 55 files, ~70 ms): the path when the
    shipped index is missing or stale. Asking each profile for a key, instead of their union of
    ~184,000 keys, saved ~20 ms of every run that detects a language."""

    def __init__(self, profiles: list[tuple[int, dict, list]], langsize: int):
        super().__init__(langsize)
        self._profiles = profiles
        self._freqs = [freq for _, freq, _ in profiles]

    @property
    def _known(self) -> set:
        """Every known n-gram (the keys langdetect's own table has; built on each call)."""
        return set().union(*self._freqs)

    def _holds(self, word: str) -> bool:
        return any(word in freq for freq in self._freqs)

    def _counts(self, word: str):
        return [(index, freq[word], n_words) for index, freq, n_words in self._profiles if word in freq]


def _read_profiles() -> tuple[list[tuple[str, str, dict, list]], int] | None:
    """The profiles as `DetectorFactory.load_profile` reads them: (file name, language, freq,
    n_words) in its order, and its row length (every directory entry counts); None when the
    profiles are not as expected."""
    import os

    from langdetect import detector_factory

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
        profiles.append((filename, name, freq, n_words))
        langlist.append(name)
    if len(langlist) < 2:
        return None
    return profiles, len(files)


def _lazy_factory():
    """A DetectorFactory as `init_factory` loads it (the same profiles, order and indices), with
    the lazy table read from the profiles' JSON; None when the profiles are not as expected."""
    from langdetect import DetectorFactory

    read = _read_profiles()
    if read is None:
        return None
    profiles, langsize = read
    factory = DetectorFactory()
    factory.langlist = [name for _, name, _, _ in profiles]
    factory.word_lang_prob_map = _LazyProbabilities(
        [(index, freq, n_words) for index, (_, _, freq, n_words) in enumerate(profiles)], langsize)
    return factory


#: The profiles as one table sorted by n-gram (`_IndexedProbabilities`), under mtqa/data/common;
#: built by scripts/build_langdetect_index.py.
FILE = "langdetect_ngrams.tsv"
#: The header locates every BLOCK-th n-gram row: a look-up bisects those, then searches ~6 kB.
BLOCK = 128


class _IndexedProbabilities(_RowTable):
    """The table from the shipped index: the file's bytes, searched when an n-gram is first asked
    about. Reading them costs ~1 ms where json.load of the 55 profiles cost ~70 ms, and a 10k
    batch asks about ~600 distinct n-grams (a few us each)."""

    def __init__(self, data: bytes, keys: list[bytes], starts: list[int], columns: list[tuple[int, list]],
                 langsize: int):
        super().__init__(langsize)
        # keys[b]: the first n-gram of block b, whose rows span data[starts[b]:starts[b + 1]].
        self._data, self._keys, self._starts, self._columns = data, keys, starts, columns

    def _row(self, word: str) -> bytes | None:
        """The counts field of `word`'s row (b"column:count,..."), or None when no profile has it."""
        if "\t" in word or "\n" in word:
            return None  # the build refuses such keys, and they would not fit a row
        try:
            key = word.encode("utf-8")
        except UnicodeEncodeError:
            return None  # a lone surrogate: every key was UTF-8 encoded by the build
        # Rows are sorted by key bytes, so a row of `key` lies in the last block starting <= key.
        block = bisect.bisect_right(self._keys, key) - 1
        if block < 0:
            return None
        needle = b"\n" + key + b"\t"  # a whole key: rows start after a newline, keys end at the tab
        at = self._data.find(needle, self._starts[block] - 1, self._starts[block + 1])
        if at < 0:
            return None
        at += len(needle)
        return self._data[at:self._data.index(b"\n", at)]

    def _holds(self, word: str) -> bool:
        return self._row(word) is not None

    def _counts(self, word: str):
        out = []
        for cell in self._row(word).split(b","):
            column, _, count = cell.partition(b":")
            index, n_words = self._columns[int(column)]
            out.append((index, int(count), n_words))
        return out


def _installed() -> tuple[str, list[str], int]:
    """What the index must have been built from (langdetect's version and each profile file's
    name=size, in name order), the profile files in load_profile's order and its row length."""
    import os
    import stat

    from langdetect import detector_factory

    directory = detector_factory.PROFILES_DIRECTORY
    entries = os.listdir(directory)
    files, sizes = [], {}
    for filename in entries:  # load_profile's filter: not hidden, a file (os.path.isfile)
        if not filename.startswith("."):
            try:
                status = os.stat(os.path.join(directory, filename))
            except OSError:
                continue
            if stat.S_ISREG(status.st_mode):
                files.append(filename)
                sizes[filename] = status.st_size
    # The version from the installed package's metadata folder (importlib.metadata costs ~30 ms).
    site = os.path.dirname(os.path.dirname(detector_factory.__file__))
    versions = [name[len("langdetect-"):-len(".dist-info")] for name in os.listdir(site)
                if name.startswith("langdetect-") and name.endswith(".dist-info")]
    version = versions[0] if len(versions) == 1 else "unknown"
    return " ".join([f"langdetect={version}", *(f"{f}={sizes[f]}" for f in sorted(files))]), files, len(entries)


def _read_index(stamp: str):
    """The shipped index for `stamp`: (its bytes, block keys, block starts, profile rows as
    (file, language, n_words)); None when it is missing, stale or malformed."""
    from mtqa.resources import lexicons

    try:
        with open(lexicons._path(FILE, None), "rb") as f:
            data = f.read()
    except OSError:
        return None
    try:
        return _parse_index(data, stamp)
    except (ValueError, IndexError):  # not UTF-8, not numbers, rows missing: malformed
        return None


def _parse_index(data: bytes, stamp: str):
    """`_read_index`'s answer for the file's bytes; raises ValueError or IndexError if malformed."""
    head_end = data.find(b"\n", data.find(b"\nblocks\t") + 1)  # the last header row's newline
    if head_end < 0 or not data.endswith(b"\n"):
        return None
    rows = [line.split("\t") for line in data[:head_end].decode("utf-8").split("\n")
            if line and not line.startswith("#")]
    if len(rows) < 4 or rows[0] != ["stamp", stamp] or rows[-1][0] != "blocks" or len(rows[-1]) != 3:
        return None
    profiles = []
    for row in rows[1:-1]:
        if row[0] != "profile" or len(row) != 4:
            return None
        n_words = [int(n) for n in row[3].split(" ")]
        if len(n_words) < 3 or 0 in n_words[:3]:
            return None
        profiles.append((row[1], row[2], n_words))
    base = head_end + 1
    starts = [base + int(offset) for offset in rows[-1][2].split(" ")]
    if (int(rows[-1][1]) != len(data) - base or starts[0] != base or starts[-1] >= len(data)
            or any(a >= b for a, b in zip(starts, starts[1:])) or any(data[start - 1] != 10 for start in starts)):
        return None  # truncated or edited: the rows are not where the header says
    keys = [data[start:data.index(b"\t", start)] for start in starts]
    if any(a >= b for a, b in zip(keys, keys[1:])):
        return None
    return data, keys, [*starts, len(data)], profiles


def _indexed_factory():
    """A DetectorFactory as `init_factory` loads it (the same languages, order and indices), with
    the table read from the shipped index; None when the index does not match the profiles."""
    from langdetect import DetectorFactory

    stamp, files, langsize = _installed()
    index = _read_index(stamp)
    if index is None:
        return None
    data, keys, starts, profiles = index
    # Index columns are in file-name order; langdetect's order is its directory listing's.
    position = {filename: i for i, filename in enumerate(files)}
    if sorted(position) != [filename for filename, _, _ in profiles]:
        return None
    langlist: list = [None] * len(files)
    columns = []
    for filename, name, n_words in profiles:
        langlist[position[filename]] = name
        columns.append((position[filename], n_words))
    if len(set(langlist)) != len(langlist) or len(langlist) < 2:
        return None  # load_profile would refuse duplicates
    factory = DetectorFactory()
    factory.langlist = langlist
    factory.word_lang_prob_map = _IndexedProbabilities(data, keys, starts, columns, langsize)
    return factory


def index_text() -> tuple[str, int]:
    """The index built from the installed profiles (scripts/build_langdetect_index.py writes it)
    and its number of n-grams."""
    read = _read_profiles()
    if read is None:
        raise ValueError("langdetect's profiles are not as expected")
    profiles = sorted(read[0])  # by file name: directory listings differ between installs
    cells: dict[str, list[str]] = {}
    for column, (filename, name, freq, n_words) in enumerate(profiles):
        if any(not f or "\t" in f or "\n" in f or " " in f for f in (filename, name)) or \
                any(not word or "\t" in word or "\n" in word for word in freq):
            raise ValueError(f"{filename}: a name or n-gram the index cannot hold")
        if not all(type(n) is int for n in [*freq.values(), *n_words]):
            raise ValueError(f"{filename}: a count that is not an integer")
        for word, count in freq.items():
            cells.setdefault(word, []).append(f"{column}:{count}")
    stamp = _installed()[0]
    body, offsets, size = [], [], 0
    for number, word in enumerate(sorted(cells, key=lambda w: w.encode("utf-8"))):
        if number % BLOCK == 0:
            offsets.append(str(size))
        line = f"{word}\t{','.join(cells[word])}\n"
        body.append(line)
        size += len(line.encode("utf-8"))
    head = ["# langdetect's n-gram profiles as one table sorted by n-gram, read on demand by",
            "# mtqa.resources.langid instead of json.load of every profile. Derived from the profiles",
            "# langdetect ships (Apache License 2.0; from Nakatani Shuyo's language-detection) and",
            "# generated by scripts/build_langdetect_index.py; do not edit. Rows: stamp (what it was",
            "# built from: langdetect's version, each profile file's name=size); one profile row per",
            "# profile file, in name order (file, language, n_words), its position being its column;",
            "# blocks (the n-gram rows' size in bytes, then the byte offset of every",
            f"# {BLOCK}th of them); then the n-grams, sorted by their UTF-8 bytes.",
            "# columns: n-gram, column:count for each profile that has it (separated by commas)",
            f"stamp\t{stamp}",
            *(f"profile\t{filename}\t{name}\t{' '.join(map(str, n_words))}" for filename, name, _, n_words in profiles),
            f"blocks\t{size}\t{' '.join(offsets)}"]
    return "\n".join(head) + "\n" + "".join(body), len(body)


def write(path) -> int:
    """Write the index built from the installed profiles to `path`; returns its number of n-grams."""
    text, n_grams = index_text()
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return n_grams


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
