"""mtqa.resources.langid's shipped n-gram index: it is what the build script makes from the installed
profiles, its table equals langdetect's own (rows bit for bit, membership), and a missing, stale or
malformed index (or an interrupted read) leaves the JSON profiles to decide, never other findings."""
from __future__ import annotations

import importlib.metadata
import random

import pytest

from mtqa.resources import langid, lexicons


@pytest.fixture(scope="module")
def own():
    """langdetect's own table, loaded by its own loader."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


@pytest.fixture
def fresh():
    """Forget the loaded table before and after the test (it monkeypatches how it is loaded)."""
    from langdetect import detector_factory

    def forget():
        langid._factory.cache_clear()
        langid.detect.cache_clear()
        detector_factory._factory = None

    forget()
    yield
    forget()


TEXTS = ["The ministry has reported a total of 4.1 million cases since March, officials said.",
         "Le ministère a signalé un total de 4,1 millions de cas depuis mars, selon les autorités.",
         "Ministerstwo zgłosiło łącznie 4,1 mln przypadków od marca, podali urzędnicy. " * 3,
         "卫生部报告说，自三月以来共有410万例病例，官员们今天表示。",
         "Министерство сообщило о 4,1 миллиона случаев с марта, заявили чиновники."]


def _hex(row):
    return [p.hex() for p in row]


def test_shipped_index_is_the_one_the_script_builds():
    text, n_grams = langid.index_text()
    with open(lexicons._path(langid.FILE, None), encoding="utf-8", newline="") as f:
        assert f.read() == text, "stale: run scripts/build_langdetect_index.py"
    assert n_grams > 80_000


def test_the_stamp_reads_the_installed_version():
    # Read from the metadata folder's name, as importlib.metadata (~30 ms to import) would say.
    assert langid._installed()[0].startswith(f"langdetect={importlib.metadata.version('langdetect')} ")


def test_indexed_table_equals_langdetects_own(own):
    factory = langid._indexed_factory()
    assert factory is not None and isinstance(factory.word_lang_prob_map, langid._IndexedProbabilities)
    assert factory.langlist == own.langlist
    table, rows = factory.word_lang_prob_map, own.word_lang_prob_map
    words = sorted(rows)
    sample = random.Random(0).sample(words, 3000)
    sample += [w for w in words if len(w) == 1 or not w.isascii()][:3000]
    # The rows either side of each block boundary of the index, and the first and last rows.
    sample += [w for key in table._keys for w in (key.decode("utf-8"),)]
    sample += [words[max(0, words.index(key.decode("utf-8")) - 1)] for key in table._keys[::7]]
    sample += [words[0], words[-1]]
    absent = ["", "zzzz", "the ", "\t", "a\t", "x\ny", "\n", "\ud800", "\x00", "\uffff", "\U0001f600",
              "\u2028", "\x85a", "q\x85", " ", "ž", "zzž", "\u0627\u0627\u0627\u0627",
              *(w + "q" for w in sample[:300] if len(w) < 3), *(w[:-1] + "\x00" for w in sample[:300])]
    checked = 0
    for word in dict.fromkeys(sample + absent):
        assert (word in table) == (word in rows), repr(word)
        if word in rows:
            assert _hex(table[word]) == _hex(rows[word]), repr(word)
            checked += 1
        else:
            with pytest.raises(KeyError):
                table[word]
    assert checked > 5000 and any(len(w) == 3 and not w.isascii() for w in sample)


def test_detections_equal_langdetects_own(own, fresh):
    from langdetect import DetectorFactory

    DetectorFactory.seed = langid.SEED
    assert isinstance(langid._factory().word_lang_prob_map, langid._IndexedProbabilities)
    for text in TEXTS:
        mine, theirs = langid._factory().create(), own.create()
        mine.__class__ = langid._fast_detector_class()
        for detector in (mine, theirs):
            detector.append(text)
            detector.get_probabilities()
        assert _hex(mine.langprob) == _hex(theirs.langprob), text


def _corrupt(data: bytes) -> list[bytes]:
    """Ways the file can be damaged or out of date."""
    head = data.index(b"\nblocks\t")
    body = data.index(b"\n", head + 1) + 1
    row = data.index(b"\n", body + 5000) + 1  # a row in the first block, and the rows after it
    return [data[:-100], data[:body] + data[body + 40:], data[:row] + b"x\t0:1\n" + data[row:],
            data.replace(b"stamp\tlangdetect=", b"stamp\tlangdetect=0"), data[:head] + b"\n", b"", b"\xff\n",
            data[:head] + data[head:body].replace(b"\t0 ", b"\t1 ", 1) + data[body:],
            data[:head] + data[head:body].replace(b"\t", b"\t1", 1) + data[body:]]


def test_a_missing_stale_or_malformed_index_falls_back_to_the_profiles(own, fresh, monkeypatch, tmp_path):
    shipped = lexicons._path(langid.FILE, None).read_bytes()
    expected = {text: langid.detect(text) for text in TEXTS}
    stale = tmp_path / "langdetect_ngrams.tsv"
    monkeypatch.setattr(lexicons, "_path", lambda name, lang: stale)
    for data in [None, *_corrupt(shipped)]:
        if data is None:
            assert not stale.exists()
        else:
            stale.write_bytes(data)
        assert langid._indexed_factory() is None
        langid._factory.cache_clear()
        langid.detect.cache_clear()
        factory = langid._factory()
        assert type(factory.word_lang_prob_map) is langid._LazyProbabilities
        assert factory.langlist == own.langlist
        assert {text: langid.detect(text) for text in TEXTS} == expected
    stale.write_bytes(shipped)  # the same file at another path: used
    assert langid._indexed_factory() is not None


def test_a_stale_stamp_falls_back_to_the_profiles(fresh, monkeypatch):
    installed = langid._installed()
    monkeypatch.setattr(langid, "_installed", lambda: (installed[0].replace("=1", "=2"), *installed[1:]))
    assert type(langid._factory().word_lang_prob_map) is langid._LazyProbabilities


def test_an_interrupted_read_keeps_no_table(fresh, monkeypatch):
    from langdetect import detector_factory

    real = langid._read_index

    def interrupted(stamp):
        real(stamp)
        raise KeyboardInterrupt

    monkeypatch.setattr(langid, "_read_index", interrupted)
    with pytest.raises(KeyboardInterrupt):
        langid.detect(TEXTS[0])
    assert langid._factory.cache_info().currsize == 0 and detector_factory._factory is None
    monkeypatch.setattr(langid, "_read_index", real)
    assert langid.detect(TEXTS[0])[0] == "en"
    assert isinstance(langid._factory().word_lang_prob_map, langid._IndexedProbabilities)
