"""Write fixed translations back into XLIFF, TMX and PO files, in place in the original text.

Re-serialising XML or PO would reorder attributes, change quoting, indentation, entity use and
line wrapping; the editor's diff would show every line changed. So each translation is found
in the original text (the XLIFF <target>, the TMX target <seg>, the PO msgstr), its text is
mapped character by character to the raw text (an entity or a CDATA section maps back to
itself), and only the changed characters are replaced, escaped as the format wants.

Inline markup (<g>, <x/>, <ph>, <bpt>...) is never touched: an edit that would cross a tag is
left out and noted, so the file stays valid and the codes stay where the translator put them.
"""
from __future__ import annotations

import re
from typing import Sequence

from mtqa.fix.formats import Change, FormatError, splice, text_edits

# ----------------------------------------------------------------------------- XML

_TOKEN_RE = re.compile(
    r"<!\[CDATA\[(?P<cdata>.*?)\]\]>|<!--.*?-->|<\?.*?\?>"
    r"|<(?P<close>/)?(?P<tag>[\w.:-]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/)?>"
    r"|&(?P<entity>#x[0-9a-fA-F]+|#[0-9]+|\w+);",
    re.S)
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_CP_HEX_RE = re.compile(r"""hex\s*=\s*["']([0-9a-fA-F]+)["']""")


def _local(tag: str) -> str:
    return tag.rsplit(":", 1)[-1]


class _Text:
    """The inline text of an element's raw content and, per character, its raw span and
    whether it is literal (CDATA) text; `atoms` are characters an edit must not split."""

    def __init__(self, raw: str, start: int, end: int, keep: frozenset[str], codepoint: str | None):
        self.chars: list[tuple[int, int, bool]] = []
        text: list[str] = []
        skip = 0                                   # depth inside an inline code (<ph>...</ph>)
        pos = start
        for m in _TOKEN_RE.finditer(raw, start, end):
            if not skip:
                for i in range(pos, m.start()):
                    text.append(raw[i])
                    self.chars.append((i, i + 1, False))
            pos = m.end()
            if m.group("cdata") is not None:
                if not skip:
                    for i in range(m.start("cdata"), m.end("cdata")):
                        text.append(raw[i])
                        self.chars.append((i, i + 1, True))
            elif m.group("entity") is not None:
                if not skip:
                    text.append(_entity(m.group("entity")))
                    self.chars.append((m.start(), m.end(), False))
            elif m.group("tag") is not None:
                name = _local(m.group("tag"))
                if codepoint and name == codepoint and not skip:
                    hexes = _CP_HEX_RE.search(m.group("attrs") or "")
                    if hexes:
                        text.append(chr(int(hexes.group(1), 16)))
                        self.chars.append((m.start(), m.end(), False))
                elif name not in keep and not m.group("empty"):
                    skip += -1 if m.group("close") else 1
        if not skip:
            for i in range(pos, end):
                text.append(raw[i])
                self.chars.append((i, i + 1, False))
        self.text = "".join(text)
        self.end = end

    def raw_piece(self, a: int, b: int, replacement: str) -> tuple[int, int, str] | None:
        """The raw edit for plain-text edit [a, b) -> replacement, or None across markup."""
        chars = self.chars
        if a < b:
            if any(chars[k][0] != chars[k - 1][1] for k in range(a + 1, b)):
                return None
            start, end = chars[a][0], chars[b - 1][1]
            literal = chars[a][2]
            if any(c[2] != literal for c in chars[a:b]):
                return None
        else:
            start = end = chars[a][0] if a < len(chars) else (chars[-1][1] if chars else self.end)
            literal = a < len(chars) and chars[a][2] and (a == 0 or chars[a - 1][2])
        if literal:
            return None if "]]>" in replacement else (start, end, replacement)
        return start, end, replacement.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _entity(name: str) -> str:
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _ENTITIES.get(name, "&" + name + ";")


def _elements(raw: str, name: str, start: int = 0, end: int | None = None):
    """(content start, content end) of each <name>...</name> (any prefix), in order; an empty
    element <name/> gives an empty span at its end."""
    end = len(raw) if end is None else end
    open_re = re.compile(rf"<(?:[\w.-]+:)?{name}(?:\s[^>]*?)?(/?)>", re.S)
    pos = start
    while True:
        m = open_re.search(raw, pos, end)
        if not m:
            return
        if m.group(1):
            yield m.end(), m.end()
            pos = m.end()
            continue
        close = re.compile(rf"</(?:[\w.-]+:)?{name}\s*>").search(raw, m.end(), end)
        if not close:
            raise FormatError(f"<{name}> is not closed")
        yield m.end(), close.start()
        pos = close.end()


def _edit_element(raw: str, span, old: str, new: str, keep, codepoint, notes, where: str):
    text = _Text(raw, span[0], span[1], keep, codepoint)
    if text.text != old:
        return None
    pieces = []
    for a, b, replacement in text_edits(old, new):
        piece = text.raw_piece(a, b, replacement)
        if piece is None:
            if notes is not None:
                notes.append(f"{where}: a fix next to inline markup was left for a person")
            continue
        pieces.append(piece)
    return pieces


def write_xliff(raw: str, changes: Sequence[Change], notes: list[str] | None = None) -> str:
    """XLIFF 1.2 and 2.x: the n-th changed translation is the next <target> whose text is the
    old translation (readers yield targets in document order)."""
    version2 = bool(re.search(r"<(?:[\w.-]+:)?xliff\b[^>]*version\s*=\s*[\"']2", raw))
    keep, codepoint = (frozenset({"pc", "mrk"}), "cp") if version2 else (frozenset({"g", "mrk"}), None)
    targets = list(_elements(raw, "target"))
    cursor, pieces = 0, []
    for k, (old, new) in enumerate(changes):
        if old == new:
            continue
        for t in range(cursor, len(targets)):
            found = _edit_element(raw, targets[t], old, new, keep, codepoint, notes, f"segment {k + 1}")
            if found is not None:
                pieces.extend(found)
                cursor = t + 1
                break
        else:
            raise FormatError(f"cannot find the translation of segment {k + 1} in the file")
    return splice(raw, sorted(pieces))


def write_tmx(raw: str, changes: Sequence[Change], notes: list[str] | None = None) -> str:
    """TMX: one <tu> per segment; the translation is the <seg> with the old text (the last one
    when the source reads the same, since the source variant comes first)."""
    keep = frozenset({"hi"})
    units = list(_elements(raw, "tu"))
    if len(units) != len(changes):
        raise FormatError("the number of <tu> elements differs from what was read")
    pieces = []
    for k, ((u_start, u_end), (old, new)) in enumerate(zip(units, changes)):
        if old == new:
            continue
        for seg in reversed(list(_elements(raw, "seg", u_start, u_end))):
            found = _edit_element(raw, seg, old, new, keep, None, notes, f"unit {k + 1}")
            if found is not None:
                pieces.extend(found)
                break
        else:
            raise FormatError(f"cannot find the translation of unit {k + 1} in the file")
    return splice(raw, sorted(pieces))


# ----------------------------------------------------------------------------- PO

_KEYWORD_RE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+(".*")[ \t]*$')
_STRING_RE = re.compile(r'^[ \t]*(".*")[ \t]*$')
_PO_UNESCAPE = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
                "f": "\f", "v": "\v"}


def _po_decode(token: str) -> str:
    return re.sub(r"\\(.)", lambda m: _PO_UNESCAPE.get(m.group(1), m.group(0)), token[1:-1])


def _po_encode(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") \
        .replace("\t", "\\t").replace("\r", "\\r") + '"'


def _po_entries(raw: str):
    """Each entry as {keyword: [(start, end) of its string tokens]}, obsolete ones skipped."""
    entry: dict[str, list[tuple[int, int]]] = {}
    current = None
    pos = 0
    for line in raw.splitlines(True):
        body = line.rstrip("\r\n")
        m = _KEYWORD_RE.match(body)
        if m:
            keyword = m.group(1)
            if keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in entry):
                yield entry
                entry = {}
            current = keyword
            entry[keyword] = [(pos + m.start(3), pos + m.end(3))]
        else:
            s = _STRING_RE.match(body)
            if s and current is not None:
                entry[current].append((pos + s.start(1), pos + s.end(1)))
            elif not body.strip() or body.startswith("#"):
                current = None if not body.strip() else current
        pos += len(line)
    if entry:
        yield entry


def write_po(raw: str, changes: Sequence[Change], notes: list[str] | None = None) -> str:
    """PO: each msgstr (or msgstr[n], in order) is one translation; its quoted strings are
    replaced, keeping a leading `""` and wrapping after each `\\n` as gettext tools do."""
    blocks = []
    for entry in _po_entries(raw):
        value = "".join(_po_decode(raw[a:b]) for a, b in entry.get("msgid", []))
        if value == "" and "msgctxt" not in entry:
            continue                               # the header
        plural = sorted((int(k[7:-1]), v) for k, v in entry.items() if k.startswith("msgstr["))
        blocks.extend(v for _, v in plural) if plural else blocks.append(entry.get("msgstr", []))
    if len(blocks) != len(changes):
        raise FormatError("the number of translations differs from what was read")
    pieces = []
    for k, (tokens, (old, new)) in enumerate(zip(blocks, changes)):
        if "".join(_po_decode(raw[a:b]) for a, b in tokens) != old:
            raise FormatError(f"cannot find translation {k + 1} in the file")
        if old == new:
            continue
        first, last = tokens[0][0], tokens[-1][1]
        if len(tokens) == 1:
            pieces.append((first, last, _po_encode(new)))
            continue
        newline = "\r\n" if "\r\n" in raw[first:last] else "\n"
        lead = '""' + newline if raw[tokens[0][0]:tokens[0][1]] == '""' else ""
        lines = re.findall(r"[^\n]*\n|[^\n]+$", new) or [""]
        pieces.append((first, last, lead + newline.join(_po_encode(s) for s in lines)))
    return splice(raw, pieces)


WRITERS = {"xliff": write_xliff, "tmx": write_tmx, "po": write_po}
