"""The page's stylesheet and script, package data read once and inlined into every page.

They are files (`assets/review.css`, `assets/review.js`) rather than Python strings so that an
editor highlights and lints them as what they are.
"""
from __future__ import annotations

import functools
from importlib import resources


@functools.lru_cache(maxsize=None)
def _read(name: str) -> str:
    return (resources.files("mtqa.reporters.html") / "assets" / name).read_text(encoding="utf-8")


def css() -> str:
    return _read("review.css")


def js() -> str:
    # inlined in a <script>: a literal `</script` would end it early (the file has none; keep it so)
    return _read("review.js").replace("</script", "<\\/script")
