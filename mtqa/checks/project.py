"""PJ: the project's own data from the configuration (`[tool.mtqa.project]`): boilerplate
phrases, glossary terms and do-not-translate terms. Without project data these rules find
nothing, so they cost nothing.
"""
from __future__ import annotations

from typing import Iterator

from mtqa.model import Hit, Segment, Severity
from mtqa.rules import rule


def _quote_all(terms) -> str:
    return " or ".join(f"“{t}”" for t in terms)


@rule("PJ001", "project-boilerplate-phrase", severity=Severity.MAJOR, category="accuracy/addition")
def project_boilerplate_phrase(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a phrase of the project's boilerplate list in the translation.

    ## What it does
    Finds, case-insensitively and on word boundaries, each phrase listed under
    `project.boilerplate` in the configuration (publisher taglines, scraped navigation,
    newsletter prompts specific to your sources).

    ## Why is this bad?
    Boilerplate that a scraper carried into the source gets translated with the article and
    published as if it were news text; every outlet has its own, which a general list misses.

    ## Example
    hyp: The talks resumed on Monday. Subscribe to our Telegram channel.
    project: {boilerplate = ["Subscribe to our Telegram channel"]}
    Use instead:
    hyp: The talks resumed on Monday.
    """
    for m in ctx.project.boilerplate_matcher.finditer(segment.hyp):
        yield Hit(m.start, m.end, f"project boilerplate phrase “{m.phrase}”", suggestion="")


@rule("PJ002", "missing-glossary-term", severity=Severity.MAJOR, category="terminology/wrong-term",
      needs=("src",))
def missing_glossary_term(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a glossary term of the source whose required translation is absent from the translation.

    ## What it does
    For each source term listed under `project.glossary` that occurs in the source
    (case-insensitively, on word boundaries), checks that one of its required target terms
    occurs in the translation; when none does, flags the source term's first occurrence.

    ## Why is this bad?
    Agreed terminology (official titles, programme names, house style) keeps a wire consistent
    and legally accurate; MT picks whichever synonym it likes best, segment by segment.

    ## Example
    hyp: The Ministry of Armies announced the order on Tuesday.
    src: Le ministère des Armées a annoncé la commande mardi.
    src_lang: fr
    project: {glossary = {"ministère des Armées" = ["Ministry of the Armed Forces", "Armed Forces Ministry"]}}
    Use instead:
    hyp: The Ministry of the Armed Forces announced the order on Tuesday.
    """
    if segment.src is None:
        return
    targets = ctx.project.glossary_targets
    seen: set[str] = set()
    for m in ctx.project.glossary_sources.finditer(segment.src):
        if m.phrase in seen:
            continue
        seen.add(m.phrase)
        required, matcher = targets[m.phrase]
        if next(matcher.finditer(segment.hyp), None) is None:
            yield Hit(m.start, m.end, f"glossary term “{m.phrase}” must be translated as "
                                      f"{_quote_all(required)}", field="src")


@rule("PJ003", "translated-do-not-translate-term", severity=Severity.MAJOR,
      category="accuracy/do-not-translate", needs=("src",))
def translated_do_not_translate_term(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a do-not-translate term of the source that does not appear unchanged in the translation.

    ## What it does
    Finds each term listed under `project.do-not-translate` in the source (case-sensitively,
    on word boundaries) and flags it when the translation does not contain it verbatim.

    ## Why is this bad?
    Brand, product and programme names must survive translation as they are; MT translates
    them ("Shahed" drones stay Shahed, but "Le Monde" must not become "The World").

    ## Example
    hyp: According to The World, the talks failed.
    src: Selon Le Monde, les négociations ont échoué.
    src_lang: fr
    project: {do-not-translate = ["Le Monde"]}
    Use instead:
    hyp: According to Le Monde, the talks failed.
    """
    if segment.src is None:
        return
    matcher = ctx.project.do_not_translate_matcher
    kept = {m.phrase for m in matcher.finditer(segment.hyp)}
    for m in matcher.finditer(segment.src):
        if m.phrase not in kept:
            yield Hit(m.start, m.end, f"“{m.phrase}” is on the do-not-translate list but the "
                                      "translation does not keep it", field="src")
