"""The read-only run context handed to every check.

It carries what is the same for the whole run (languages given on the command line, options,
and the project data of the configuration, read by the PJ checks). Per-segment analyses
(sentences, tokens, quotes) are not stored here: they are
pure functions in `mtqa.text` with small caches keyed on the text, so every check that asks
for the sentences of a segment gets the same tuple computed once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from mtqa.config.project import ProjectData


@dataclass(frozen=True)
class Context:
    src_lang: str | None = None
    tgt_lang: str | None = None
    options: Mapping[str, object] = field(default_factory=dict)
    project: ProjectData = field(default_factory=ProjectData)

    def option(self, name: str, default=None):
        return self.options.get(name, default)
