"""XLIFF 1.2 and 2.x files as Segments: one per translation unit (1.2) or unit segment (2.x).

Ids are the unit ids (`unit/segment` when a 2.x unit holds several segments); languages come
from the file (`source-language`/`target-language` on each 1.2 <file>, `srcLang`/`trgLang` on
the 2.x root). A unit without a target is an empty translation and is reported as such.
Inline codes are dropped from the text (see `xmlsafe.inline_text`).
"""
from __future__ import annotations

from typing import Iterator

from mtqa.io.errors import InputError
from mtqa.io.limits import MAX_LINE_BYTES, LimitError
from mtqa.io.xmlsafe import inline_text, iterparse, local, primary_language
from mtqa.model import Segment

_KEEP_1 = frozenset({"g", "mrk"})
_KEEP_2 = frozenset({"pc", "mrk"})


def _child(elem, name: str):
    return next((c for c in elem if local(c.tag) == name), None)


def read_xliff(path: str, display: str, src_lang: str | None = None, tgt_lang: str | None = None,
               max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Segment]:
    index = 0
    version = None
    langs = (src_lang, tgt_lang)
    for event, elem in iterparse(path, display, max_line_bytes):
        name = local(elem.tag)
        if event == "start":
            if version is None:
                if name != "xliff":
                    raise InputError(display, f"is not XLIFF: the root element is <{name}>", 1)
                version = elem.get("version") or ("2" if "document:2" in elem.tag else "1.2")
                if version.startswith("2"):
                    langs = (primary_language(elem.get("srcLang")) or src_lang,
                             primary_language(elem.get("trgLang")) or tgt_lang)
            elif name == "file" and not version.startswith("2"):
                langs = (primary_language(elem.get("source-language")) or src_lang,
                         primary_language(elem.get("target-language")) or tgt_lang)
            continue
        if version.startswith("2"):
            if name == "unit":
                segments = [c for c in elem if local(c.tag) == "segment"]
                for k, seg in enumerate(segments):
                    sid = elem.get("id", str(index + 1))
                    if len(segments) > 1:
                        sid = f"{sid}/{seg.get('id') or k + 1}"
                    yield _segment(seg, sid, index, langs, _KEEP_2, "cp", display)
                    index += 1
                elem.clear()
        elif name == "trans-unit":
            if elem.get("translate") != "no":
                yield _segment(elem, elem.get("id", str(index + 1)), index, langs, _KEEP_1, None, display)
                index += 1
            elem.clear()


def _segment(elem, sid: str, index: int, langs, keep, codepoint, display: str) -> Segment:
    source, target = _child(elem, "source"), _child(elem, "target")
    try:
        hyp = inline_text(target, keep, codepoint) if target is not None else ""
        src = inline_text(source, keep, codepoint) if source is not None else None
    except LimitError as e:
        raise InputError(display, f"unit {sid!r} {e}") from None
    return Segment(
        id=sid,
        index=index,
        hyp=hyp,
        src=src,
        src_lang=langs[0],
        tgt_lang=langs[1],
        file=display,
    )
