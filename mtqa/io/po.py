"""gettext PO files as Segments, read with polib: one per translated string.

Ids are the msgid (prefixed with `msgctxt|` when a context is given; plural forms add `[n]`),
so they stay stable when entries move; the target language comes from the `Language` header.
Obsolete entries are skipped; untranslated ones are empty translations and reported as such.

polib is lenient: it reads `msgid "Unterminated` as "Unterminate", silently changing the text
checked. So every line is checked first, as bytes (a PO file may declare another charset):
a comment, a keyword with a quoted string, or a quoted continuation line; each within
--max-line-bytes. Anything else is refused, naming the file and line.
"""
from __future__ import annotations

import re
from typing import Iterator

import polib

from mtqa.io.errors import InputError
from mtqa.io.limits import MAX_LINE_BYTES, line_too_long
from mtqa.io.lines import _open
from mtqa.io.xmlsafe import primary_language
from mtqa.model import Segment

_LINE_RE = re.compile(r"line (\d+)")
_QUOTED = rb'"(?:[^"\\\r\n]|\\[^\r\n])*"'
_STRING_LINE_RE = re.compile(rb"[ \t]*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d{1,9}\])?)[ \t]*)?"
                             + _QUOTED + rb"[ \t]*\r?\n?")
_KEYWORD_RE = re.compile(rb"[ \t]*(msgctxt|msgid_plural|msgid|msgstr(?:\[\d*\])?)\b")
_BOM = b"\xef\xbb\xbf"


def _line_error(raw: bytes) -> str:
    keyword = _KEYWORD_RE.match(raw)
    rest = raw[keyword.end():] if keyword else raw
    if rest.strip().startswith(b'"'):
        return ("malformed PO file (a string with no closing quote, or a stray quote or backslash "
                'inside); close it with " and escape inner quotes as \\"')
    if keyword:
        return (f"malformed PO file ({keyword.group(1).decode('ascii')} without a quoted string); "
                "give it one, \"\" if empty")
    return ("malformed PO file (expected a # comment, a keyword such as msgid with a quoted string, "
            "or a quoted continuation line)")


def check_syntax(path: str, display: str, max_line_bytes: int = MAX_LINE_BYTES) -> None:
    """InputError at the first line that is too long or is not PO syntax."""
    with _open(path, display) as fh:
        lineno = 0
        while raw := fh.readline(max_line_bytes + 1):
            lineno += 1
            if len(raw) > max_line_bytes and not (len(raw) == max_line_bytes + 1 and raw.endswith(b"\n")):
                raise InputError(display, line_too_long(max_line_bytes), lineno)
            if lineno == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM):]
            stripped = raw.strip()
            if not stripped or stripped.startswith(b"#"):
                continue
            if not _STRING_LINE_RE.fullmatch(raw):
                raise InputError(display, _line_error(raw), lineno)


def _load(path: str, display: str, max_line_bytes: int) -> polib.POFile:
    check_syntax(path, display, max_line_bytes)
    try:
        return polib.pofile(path, wrapwidth=0)
    except UnicodeDecodeError as e:
        raise InputError(display, f"cannot be decoded ({e.reason}); check its charset header") from None
    except LookupError as e:  # a charset Python does not know
        raise InputError(display, f"cannot be decoded ({e}); convert the file to UTF-8") from None
    except (OSError, ValueError) as e:
        text = str(e)
        m = _LINE_RE.search(text)
        message = text.split(" (line", 1)[0].replace(" in po file", "")
        raise InputError(display, f"malformed PO file ({message})", int(m.group(1)) if m else None) from None


def read_po(path: str, display: str, src_lang: str | None = None, tgt_lang: str | None = None,
            max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Segment]:
    po = _load(path, display, max_line_bytes)
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
