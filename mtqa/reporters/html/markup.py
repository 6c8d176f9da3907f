"""Escaping, and the little Markdown the rule docs use: `code` spans, nothing else.

The docs are written for the terminal and SARIF, where backticks read fine; on the page they
become `<code>` elements, escaped like everything else, so no raw Markdown shows.
"""
from __future__ import annotations

import html
import re

_CODE = re.compile(r"`([^`\n]+)`")


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def inline(text: str) -> str:
    """Escaped HTML of one paragraph of Markdown text: backtick spans become `<code>`."""
    out, pos = [], 0
    for m in _CODE.finditer(text):
        out.append(esc(text[pos:m.start()]))
        out.append(f"<code>{esc(m.group(1))}</code>")
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def paragraphs(text: str) -> str:
    """Each non-empty line of `text` as an escaped paragraph (rule docs wrap at ~100 columns, so
    lines inside a paragraph are joined first: a blank line separates paragraphs)."""
    blocks = [" ".join(block.split("\n")) for block in re.split(r"\n\s*\n", text.strip())]
    return "".join(f"<p>{inline(b)}</p>" for b in blocks if b.strip())


def lines(text: str) -> str:
    """Each line of `text` as its own paragraph: for examples, whose lines are separate items."""
    return "".join(f"<p>{inline(line)}</p>" for line in text.strip().split("\n") if line.strip())
