"""Reporters: one module per output format, each `render(report, out, **options)`.

Reporters only render: they read a Report (consuming its result stream once) and write text.
They never decide exit codes or filter findings.
"""
from __future__ import annotations

from importlib import import_module
from typing import Callable, Iterator, Mapping

#: Format name -> the module under mtqa.reporters that renders it.
_MODULES = {
    "terminal": "terminal",
    "json": "json_report",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "markdown": "markdown",
    "html": "html",
    "csv": "csv_report",
}


class _Renderers(Mapping[str, Callable]):
    """Format name -> `render`, importing a reporter's module when its format is asked for: the
    terminal reporter alone loads rich (about 40 ms), which `mtqa --help` and JSON runs need not pay."""

    def __getitem__(self, name: str) -> Callable:
        return import_module(f"mtqa.reporters.{_MODULES[name]}").render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


RENDERERS: Mapping[str, Callable] = _Renderers()

FORMATS = tuple(_MODULES)
