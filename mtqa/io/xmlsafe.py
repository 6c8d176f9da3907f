"""Safe, streaming XML for the interchange readers (XLIFF, TMX), and what they share.

Parsing goes through defusedxml: a document that declares any entity (the "billion laughs"
expansion bomb, or an external entity pointing at a local file or a URL) is refused before
anything is expanded or fetched, and external DTDs are never loaded (expat does not fetch
them, and nothing here asks it to). Every problem is an InputError naming the file and, for
malformed XML, the line. Elements are handed over as they end, so readers can clear them and
memory stays flat on large files.
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


def iterparse(path: str, display: str) -> Iterator[tuple[str, Element]]:
    """(event, element) for "start" and "end" events, parsed safely."""
    fh = _open(path, display)
    try:
        yield from SafeET.iterparse(fh, events=("start", "end"), forbid_dtd=False,
                                    forbid_entities=True, forbid_external=True)
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
                parts.append(chr(int(child.get("hex", ""), 16)))
            except ValueError:
                pass
        parts.append(child.tail or "")
    return "".join(parts)
