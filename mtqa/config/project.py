"""Project data from the configuration: extra boilerplate phrases, a glossary of required term
translations and a do-not-translate list, as one immutable value the PJ checks read from the
Context. The phrase matchers are built on first use and then shared by every segment.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from mtqa.text.phrases import PhraseMatcher


@dataclass(frozen=True)
class ProjectData:
    boilerplate: tuple[str, ...] = ()
    #: (source term, required target terms): any one of the targets satisfies the entry.
    glossary: tuple[tuple[str, tuple[str, ...]], ...] = ()
    do_not_translate: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.boilerplate or self.glossary or self.do_not_translate)

    @cached_property
    def boilerplate_matcher(self) -> PhraseMatcher:
        return PhraseMatcher(self.boilerplate)

    @cached_property
    def glossary_sources(self) -> PhraseMatcher:
        return PhraseMatcher(term for term, _ in self.glossary)

    @cached_property
    def glossary_targets(self) -> dict[str, tuple[tuple[str, ...], PhraseMatcher]]:
        """Source term as the matcher reports it -> (required targets, a matcher for them)."""
        # PhraseMatcher reports a phrase whitespace-collapsed, first spelling winning: key the same way.
        out: dict[str, tuple[tuple[str, ...], PhraseMatcher]] = {}
        folded: set[str] = set()
        for term, targets in self.glossary:
            key = " ".join(term.split())
            if key.casefold() not in folded:
                folded.add(key.casefold())
                out[key] = (targets, PhraseMatcher(targets))
        return out

    @cached_property
    def do_not_translate_matcher(self) -> PhraseMatcher:
        # Case matters: "Apple" is a brand, "apple" a fruit the translator may translate.
        return PhraseMatcher(self.do_not_translate, case_sensitive=True)
