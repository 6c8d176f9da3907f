"""The validation pass keeps a small batch for the checking pass (`mtqa.io.InputSpec`): the
segments handed out again must be exactly those a second reading gives, languages filled in
included, and a batch past the bounds must still be read again (memory stays flat)."""
from __future__ import annotations

import json

import pytest

import mtqa.io as io_mod
from mtqa.io import InputSpec, source


def _records(tmp_path, name="batch.jsonl"):
    path = tmp_path / name
    rows = [{"id": "a", "hyp": "One.", "tgt_lang": "de"},
            {"id": 7, "hyp": "Two.", "src": "Deux.", "src_lang": "fr"},
            {"hyp": "Three.", "ref": ["Drei.", "3."], "src_lang": ""},
            {"id": "d", "hyp": "Four.", "src": "Quatre."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    return str(path)


def _reread(spec: InputSpec, src_lang, tgt_lang):
    return list(spec._read(src_lang, tgt_lang))


@pytest.mark.parametrize("validated, used", [
    ((None, None), (None, None)),
    ((None, None), ("fr", "en")),
    ((None, "en"), ("es", "en")),
    (("it", None), ("it", "en")),
    (("it", "en"), ("it", "en")),
])
def test_kept_segments_equal_a_second_reading(tmp_path, validated, used):
    spec = InputSpec(records=source(_records(tmp_path)))
    assert spec.validate(*validated) == 4
    assert "segments" in spec._kept
    assert list(spec.segments(*used)) == _reread(spec, *used)
    assert spec.sample(2, *validated) == _reread(spec, *validated)[:2]


def test_line_aligned_and_several_files_are_kept_too(tmp_path):
    hyp, src = tmp_path / "hyp.txt", tmp_path / "src.txt"
    hyp.write_text("One.\nTwo.\n", encoding="utf-8")
    src.write_text("Un.\nDeux.\n", encoding="utf-8")
    aligned = InputSpec(hyp=source(str(hyp)), src=source(str(src)))
    aligned.validate()
    assert list(aligned.segments("fr", "en")) == _reread(aligned, "fr", "en")
    several = InputSpec(records=source(_records(tmp_path, "a.jsonl")),
                        more_records=(source(_records(tmp_path, "b.jsonl")),))
    assert several.validate() == 8
    assert list(several.segments(None, "en")) == _reread(several, None, "en")


def test_a_different_language_reads_again(tmp_path):
    spec = InputSpec(records=source(_records(tmp_path)))
    spec.validate("it", None)
    again = spec.segments("es", None)
    assert not isinstance(again, list) and list(again) == _reread(spec, "es", None)


def test_large_batches_stream(tmp_path, monkeypatch):
    spec = InputSpec(records=source(_records(tmp_path)))
    monkeypatch.setattr(io_mod, "KEEP_MAX_SEGMENTS", 3)
    assert spec.validate() == 4
    assert "segments" not in spec._kept
    big = InputSpec(records=source(_records(tmp_path, "big.jsonl")))
    monkeypatch.setattr(io_mod, "KEEP_MAX_SEGMENTS", 100)
    monkeypatch.setattr(io_mod, "KEEP_MAX_BYTES", 10)
    big.validate()
    assert "segments" not in big._kept
    assert list(big.segments()) == _reread(big, None, None)


def test_formats_that_read_by_language_are_not_kept(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text('<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body><tu>'
                    '<tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="de"><seg>Eins.</seg></tuv>'
                    '</tu></body></tmx>', encoding="utf-8")
    spec = InputSpec(records=source(str(path)))
    spec.validate()
    assert "segments" not in spec._kept
