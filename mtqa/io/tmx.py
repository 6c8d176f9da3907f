"""TMX translation memories as Segments: one per <tu>, its source and target variants.

The source variant is the one in the header's `srclang` (or --src-lang); the translation is
the other one. A memory with more than two languages needs --tgt-lang to say which to check.
Ids are the `tuid` attributes (else the unit's number); languages come from `xml:lang`.
"""
from __future__ import annotations

from typing import Iterator

from mtqa.io.errors import InputError
from mtqa.io.limits import MAX_LINE_BYTES
from mtqa.io.xmlsafe import XML_LANG, inline_text, iterparse, local, primary_language
from mtqa.model import Segment

_KEEP = frozenset({"hi"})


def read_tmx(path: str, display: str, src_lang: str | None = None, tgt_lang: str | None = None,
             max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Segment]:
    index = 0
    header_src = src_lang
    seen_root = False
    for event, elem in iterparse(path, display, max_line_bytes):
        name = local(elem.tag)
        if event == "start":
            if not seen_root:
                seen_root = True
                if name != "tmx":
                    raise InputError(display, f"is not TMX: the root element is <{name}>", 1)
            elif name == "header":
                header_src = src_lang or primary_language(elem.get("srclang"))
            continue
        if name != "tu":
            continue
        variants = []
        for tuv in elem:
            if local(tuv.tag) != "tuv":
                continue
            seg = next((c for c in tuv if local(c.tag) == "seg"), None)
            lang = primary_language(tuv.get(XML_LANG) or tuv.get("lang"))
            variants.append((lang, inline_text(seg, _KEEP) if seg is not None else ""))
        tuid = elem.get("tuid") or str(index + 1)
        yield _pair(variants, tuid, index, header_src, tgt_lang, display)
        index += 1
        elem.clear()


def _pair(variants, tuid: str, index: int, src_lang, tgt_lang, display: str) -> Segment:
    source = next((v for v in variants if src_lang and v[0] == src_lang), None)
    if source is None and variants:
        source = variants[0]
    others = [v for v in variants if v is not source]
    if tgt_lang:
        chosen = [v for v in others if v[0] == tgt_lang]
        target = chosen[0] if chosen else None
    elif len(others) == 1:
        target = others[0]
    elif not others:
        target = None
    else:
        langs = ", ".join(sorted({str(v[0]) for v in others}))
        raise InputError(display, f"unit {tuid!r} has translations in several languages ({langs}); "
                                  "say which to check with --tgt-lang")
    return Segment(
        id=tuid,
        index=index,
        hyp=target[1] if target else "",
        src=source[1] if source else None,
        src_lang=source[0] if source else src_lang,
        tgt_lang=(target[0] if target else None) or tgt_lang,
        file=display,
    )
