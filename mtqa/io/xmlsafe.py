"""Safe, streaming XML for the interchange readers (XLIFF, TMX), and what they share.

Parsing goes through defusedxml: a document that declares any entity (the "billion laughs"
expansion bomb, or an external entity pointing at a local file or a URL) is refused before
anything is expanded or fetched, and external DTDs are never loaded (expat does not fetch
them, and nothing here asks it to). Every problem is an InputError naming the file and, for
malformed XML, the line. Elements are handed over as they end, so readers can clear them and
memory stays flat on large files.

The limits of every input hold here too (`mtqa.io.limits`): each physical line within
--max-line-bytes, elements nested at most MAX_NESTING deep (the text of a unit is read
recursively), and an XLIFF 2 `<cp hex>` must name a Unicode scalar value.
"""
from __future__ import annotations

from typing import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import (
    DefusedXmlException,
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
)
from defusedxml import ElementTree as SafeET

from mtqa.io.errors import InputError
from mtqa.io.limits import MAX_LINE_BYTES, MAX_NESTING, LimitError, line_too_long
from mtqa.io.lines import _open

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def local(tag: str) -> str:
    """The element name without its namespace: `{urn:...}trans-unit` -> `trans-unit`."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def primary_language(tag: str | None) -> str | None:
    """`fr-FR`, `fr_CA`, `FR` -> `fr` (rules know languages by their primary subtag)."""
    if not tag or not tag.strip() or tag.strip() == "*all*":
        return None
    return tag.strip().replace("_", "-").split("-")[0].lower() or None


class _LineLimited:
    """A binary file whose reads fail once a line exceeds the limit (the parser reads chunks)."""

    def __init__(self, fh, display: str, max_line_bytes: int):
        self.fh, self.display, self.max = fh, display, max_line_bytes
        self.line, self.run = 1, 0  # current line number, bytes of it read so far

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size)
        parts = data.split(b"\n")
        for k, part in enumerate(parts):
            length = self.run + len(part) if k == 0 else len(part)
            if length > self.max:
                raise InputError(self.display, line_too_long(self.max), self.line + k)
        self.line += len(parts) - 1
        self.run = (self.run if len(parts) == 1 else 0) + len(parts[-1])
        return data


def iterparse(path: str, display: str, max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[tuple[str, Element]]:
    """(event, element) for "start" and "end" events, parsed safely."""
    fh = _open(path, display)
    depth = 0
    try:
        for event, elem in SafeET.iterparse(_LineLimited(fh, display, max_line_bytes), events=("start", "end"),
                                            forbid_dtd=False, forbid_entities=True, forbid_external=True):
            depth += 1 if event == "start" else -1
            if depth > MAX_NESTING:
                raise InputError(display, f"has elements nested more than {MAX_NESTING} levels deep")
            yield event, elem
    except EntitiesForbidden as e:
        raise InputError(display, f"declares the XML entity {e.name!r}; mtqa refuses entity "
                                  "declarations (entity expansion and external entities are unsafe)") from None
    except ExternalReferenceForbidden as e:
        raise InputError(display, f"refers to an external resource ({e.sysid or e.pubid}); "
                                  "mtqa never fetches external references") from None
    except (DTDForbidden, DefusedXmlException) as e:
        raise InputError(display, f"unsafe XML refused ({e})") from None
    except ParseError as e:
        line, column = getattr(e, "position", (None, None))
        message = str(e).split(": line", 1)[0]
        raise InputError(display, f"malformed XML ({message} at column {column})", line) from None
    finally:
        fh.close()


def inline_text(elem: Element, keep: frozenset[str], codepoint: str | None = None) -> str:
    """The text of a <source>/<target>/<seg>, inline markup removed.

    Elements named in `keep` (XLIFF <g>, <pc>, <mrk>; TMX <hi>) wrap translatable text and are
    read through; every other child is an inline code (<x/>, <ph>, <bpt>...) whose content is
    native markup, not text, so it contributes nothing. `codepoint` names XLIFF 2's <cp hex=...>.
    """
    parts = [elem.text or ""]
    for child in elem:
        name = local(child.tag)
        if name in keep:
            parts.append(inline_text(child, keep, codepoint))
        elif codepoint and name == codepoint:
            try:
                char = chr(int(child.get("hex", ""), 16))
            except (ValueError, OverflowError):
                char = "\ud800"  # not a code point at all: refused below, like a surrogate
            if "\ud800" <= char <= "\udfff":
                raise LimitError(f"has <{codepoint} hex={child.get('hex', '')!r}/>, which is not a "
                                 "Unicode character; fix the program that wrote the file")
            parts.append(char)
        parts.append(child.tail or "")
    return "".join(parts)
