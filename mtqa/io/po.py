"""gettext PO files as Segments, read with polib: one per translated string.

Ids are the msgid (prefixed with `msgctxt|` when a context is given; plural forms add `[n]`),
so they stay stable when entries move; the target language comes from the `Language` header.
Obsolete entries are skipped; untranslated ones are empty translations and reported as such.
"""
from __future__ import annotations

import re
from typing import Iterator

import polib

from mtqa.io.errors import InputError
from mtqa.io.lines import _open
from mtqa.io.xmlsafe import primary_language
from mtqa.model import Segment

_LINE_RE = re.compile(r"line (\d+)")


def _load(path: str, display: str) -> polib.POFile:
    _open(path, display).close()  # a missing or unreadable file is reported like any other input
    try:
        return polib.pofile(path, wrapwidth=0)
    except UnicodeDecodeError as e:
        raise InputError(display, f"cannot be decoded ({e.reason}); check its charset header") from None
    except (OSError, ValueError) as e:
        text = str(e)
        m = _LINE_RE.search(text)
        message = text.split(" (line", 1)[0].replace(" in po file", "")
        raise InputError(display, f"malformed PO file ({message})", int(m.group(1)) if m else None) from None


def read_po(path: str, display: str, src_lang: str | None = None, tgt_lang: str | None = None,
            _max_line_bytes: int = 0) -> Iterator[Segment]:
    po = _load(path, display)
    file_tgt = primary_language(po.metadata.get("Language")) or tgt_lang
    file_src = primary_language(po.metadata.get("X-Source-Language")) or src_lang
    index = 0
    for entry in po:
        if entry.obsolete:
            continue
        base = f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            forms = sorted(entry.msgstr_plural.items()) or [(0, "")]
            pairs = [(f"{base}[{n}]", entry.msgid if n == 0 else entry.msgid_plural, text)
                     for n, text in forms]
        else:
            pairs = [(base, entry.msgid, entry.msgstr)]
        for sid, src, hyp in pairs:
            yield Segment(id=sid, index=index, hyp=hyp, src=src, src_lang=file_src, tgt_lang=file_tgt,
                          file=display, line=entry.linenum)
            index += 1
