"""Reporters: one module per output format, each `render(report, out, **options)`.

Reporters only render: they read a Report (consuming its result stream once) and write text.
They never decide exit codes or filter findings.
"""
from __future__ import annotations

from typing import Callable

from mtqa.reporters import (
    csv_report,
    github,
    html,
    json_report,
    jsonl,
    junit,
    markdown,
    sarif,
    terminal,
)

RENDERERS: dict[str, Callable] = {
    "terminal": terminal.render,
    "json": json_report.render,
    "jsonl": jsonl.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "markdown": markdown.render,
    "html": html.render,
    "csv": csv_report.render,
}

FORMATS = tuple(RENDERERS)
