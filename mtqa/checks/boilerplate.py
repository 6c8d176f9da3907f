"""BP: web-page debris scraped into the article, and its literal machine translations.

Content farms scrape a page with its breadcrumb trail, byline, advertising placeholders,
comment and share widgets and the titles of other stories, then machine-translate it all.
Most rules here are short declarations over the template lexicons of `mtqa/data/<lang>/`
(see kinds.py): each lexicon lists the English debris, the untranslated French, German,
Spanish, Italian and Portuguese originals, and the literal renderings MT makes of them.
"""
from __future__ import annotations

import functools
import re
from typing import Iterator

from mtqa.checks import kinds
from mtqa.model import Confidence, Hit, Segment, Severity
from mtqa.resources import lexicons
from mtqa.rules import rule
from mtqa.text import casing
from mtqa.text.headings import is_heading
from mtqa.text.sentences import paragraphs
from mtqa.text.templates import to_regex
from mtqa.text.tokens import word_texts

# --------------------------------------------------------------------------- lexicon rules

kinds.existence(
    "BP002", "placeholder-byline", lexicon="boilerplate_bylines.txt", scope=kinds.LINE, extra_words=6,
    severity=Severity.MINOR, category="accuracy/addition", suggestion="",
    message="placeholder byline “{text}” left from the web page",
    doc="""Flags a byline naming a site's default account instead of a journalist: `by admin`.

    ## What it does
    Finds a short line that starts with a placeholder byline (`by admin`, `Posted by
    webmaster`, `par la rédaction`, `von admin`) or its literal machine translation (`by the
    drafting`), optionally followed by a date. Real bylines (`By John Smith`) are not listed.

    ## Why is this bad?
    It is debris of the scraped web page, not part of the article, and tells the reader the
    text was copied by a content farm.

    ## Example
    hyp: Russia to produce Iranian drones, White House warns\\nby admin\\nThe White House said on Friday that Russia would build the drones at a plant in Tatarstan.
    doc: true
    Use instead:
    hyp: Russia to produce Iranian drones, White House warns\\nThe White House said on Friday that Russia would build the drones at a plant in Tatarstan.
    """)

kinds.existence(
    "BP003", "web-widget-text", lexicon="boilerplate_widgets.txt", scope=kinds.LINE,
    severity=Severity.MINOR, category="accuracy/addition", suggestion="",
    message="web-page widget “{text}” ({note})",
    doc="""Flags a line of a comment, share, newsletter or navigation widget: `Leave a Comment`.

    ## What it does
    Finds a line that is only a widget label (`Leave a Comment`, `Related News`, `Share on
    Facebook`, `Subscribe to our newsletter`, `Next article`), in English, in French, German,
    Spanish, Italian or Portuguese, or as machine translation renders those (`To share`,
    `Similar articles`, `You will also like`). The same words inside a sentence are left alone.

    ## Why is this bad?
    Scraped with the page, these labels end up between the paragraphs of the article; they
    are not part of it and must be deleted before publication.

    ## Example
    hyp: The White House said on Friday that Russia would build the drones at a plant in Tatarstan.\\nLeave a Comment
    doc: true
    Use instead:
    hyp: The White House said on Friday that Russia would build the drones at a plant in Tatarstan.
    """)

kinds.existence(
    "BP004", "related-article-line", lexicon="boilerplate_related.txt", scope=kinds.LEAD,
    unless=("boilerplate_widgets.txt", kinds.LINE),
    severity=Severity.MINOR, category="accuracy/addition", suggestion="",
    message="related-article line “{text}…”: a link to another story",
    doc="""Flags a line that links to another story: `Read also: ...`.

    ## What it does
    Finds a line that starts with a related-article lead-in followed by a separator or
    nothing (`Read also: ...`, `Lire aussi | ...`, `Lesen Sie auch`), or a heading that starts
    with one, including the literal machine translations of such lead-ins (`To read also`,
    `On the same subject`). The whole line is flagged.

    ## Why is this bad?
    The line belongs to the web page, not to the article: it advertises another story, whose
    title the reader may take for part of this one.

    ## Example
    hyp: The White House said on Friday that Russia would build the drones at a plant in Tatarstan.\\nRead also: Russia fires missiles at Kyiv overnight
    doc: true
    Use instead:
    hyp: The White House said on Friday that Russia would build the drones at a plant in Tatarstan.
    """)

kinds.existence(
    "BP005", "advertising-placeholder", lexicon="boilerplate_ads.txt", scope=kinds.LINE,
    severity=Severity.MAJOR, category="accuracy/addition", suggestion="",
    message="advertising placeholder ({note})",
    doc="""Flags an advertising placeholder, untranslated or translated literally: `sequel after announcement`.

    ## What it does
    Finds a line that is only an advertising placeholder: `Advertisement`, `Story continues
    below advertisement`, the French, German, Spanish, Italian and Portuguese originals (`la
    suite après cette annonce`, `Anzeige`, `Publicidad`, `Continua dopo la pubblicità`,
    `Publicidade`) and the many literal renderings MT makes of them (`sequel after
    announcement`, `the rest after this ad`, `continuation after the advertisement`).

    ## Why is this bad?
    A calqued placeholder reads as a sentence of the article that makes no sense: text added
    to the translation that the reader cannot place. It must be deleted.

    ## Example
    hyp: The White House said on Friday that Russia would build the drones at a plant in Tatarstan.\\nsequel after announcement\\nThe plant could be fully operational early next year.
    doc: true
    Use instead:
    hyp: The White House said on Friday that Russia would build the drones at a plant in Tatarstan.\\nThe plant could be fully operational early next year.
    """)


# --------------------------------------------------------------------------- breadcrumbs

_SEPARATOR = r"\s*(?:[>»›/|•·:,\-–—]\s*)?"
_SEPARATOR_CHAR_RE = re.compile(r"[>»›/|•·:,\-–—]")


def _alternation(name: str) -> str:
    templates = [t.split("\t")[0] for lang in lexicons.available_languages(name)
                 for t in lexicons.phrases(name, lang)]
    return "|".join(f"(?:{to_regex(t)})" for t in templates)


@functools.lru_cache(maxsize=1)
def _breadcrumb_regex() -> re.Pattern:
    home, section = _alternation("breadcrumb_home.txt"), _alternation("breadcrumb_sections.txt")
    return re.compile(rf"^(?:{home})(?:{_SEPARATOR}(?:{section})(?!\w)){{1,3}}(?!\w)(?P<sep>{_SEPARATOR})",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _home_regex() -> re.Pattern:
    """The start of _breadcrumb_regex, a first crumb: where it does not match, neither does the
    whole regex (which is compiled only once a paragraph passes, ~3 ms of a run's start-up)."""
    return re.compile(rf"^(?:{_alternation('breadcrumb_home.txt')})", re.IGNORECASE)


@rule("BP001", "breadcrumb-trail", severity=Severity.MINOR, category="accuracy/addition")
def breadcrumb_trail(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a breadcrumb trail scraped with the page, often glued to the title: `Home News The White House warns...`.

    ## What it does
    Finds a first paragraph or a heading that starts with a site's first crumb (`Home`,
    `Accueil`, `Startseite`, `Inicio`, or MT's `Welcome`, `Home page`) followed by one to three
    section crumbs (`News`, `World`, `Actualités`, or MT's `Current events`), with or without
    separators. Only the crumbs are flagged; a title that merely starts with `Home` (`Home
    Office officials...`) is left alone.

    ## Why is this bad?
    The crumbs are navigation of the web page; glued to the title they make a headline that
    starts with nonsense (`Home News The White House...`).

    ## Example
    hyp: Home News World The White House warns that Russia will produce Iranian drones
    Use instead:
    hyp: The White House warns that Russia will produce Iranian drones
    """
    text = segment.hyp
    home = _home_regex().match
    for k, (p_start, p_end) in enumerate(paragraphs(text)):
        if k > 0 and not is_heading(text, p_start, p_end):
            continue
        paragraph = text[p_start:p_end]
        m = _breadcrumb_regex().match(paragraph) if home(paragraph) else None
        if not m:
            continue
        rest = text[p_start + m.end():p_end]
        separated = bool(_SEPARATOR_CHAR_RE.search(m.group(0)))
        if rest and not separated and (not rest[0].isupper() or len(word_texts(rest)) < 3):
            continue  # `Home news reached us late`, `Home News Today`: not crumbs before a title
        end = p_start + m.end()
        crumbs = " ".join(text[p_start:end].split())
        yield Hit(p_start, end, f"breadcrumb trail “{crumbs}” left from the web page", suggestion="", fix="")


# --------------------------------------------------------------------------- stray headlines

_RELATED_NOTES = ("related", "recommendation", "most-read", "read also")
_MIN_TITLE_WORDS = 3


def _is_boilerplate_line(text: str, start: int, end: int) -> bool:
    line = text[start:end]
    return any(True for name in ("boilerplate_widgets.txt", "boilerplate_ads.txt", "boilerplate_related.txt",
                                 "boilerplate_bylines.txt")
               for _ in kinds.find(name, line, kinds.LINE if name != "boilerplate_related.txt" else kinds.LEAD))


def _related_markers(text: str) -> set[int]:
    """Start offsets of the lines that announce links to other stories (`Related News`)."""
    starts = set()
    for start, _, m in kinds.find("boilerplate_widgets.txt", text, kinds.LINE):
        if any(key in m.note for key in _RELATED_NOTES):
            starts.add(start)
    for start, _, m in kinds.find("boilerplate_related.txt", text, kinds.LINE):
        starts.add(start)
    return starts


def _stem(word: str) -> str:
    return word.lower()[:5]


def _title_case_content(line: str) -> list[str] | None:
    """The content words of a Title Case line (`French Industrialists’ Deals`), else None."""
    content = [w for w in word_texts(line) if casing.function_word_class(w) is None
               and not w.isdigit()]
    if len(content) < _MIN_TITLE_WORDS or not all(w[0].isupper() for w in content):
        return None
    if not any(casing.is_common_word(w) for w in content):
        return None  # a run of names only (`Vladimir Putin, Xi Jinping`) is no evidence
    return content


@rule("BP006", "stray-headline", severity=Severity.MINOR, category="accuracy/addition")
def stray_headline(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a title line that belongs to another story: a link listed under `Related News`, or a stray Title Case heading.

    ## What it does
    In an article, flags a heading that follows a related-stories line (`Related News`,
    `Read also`, `You may also like`), and a heading in Title Case (`Rearmament: French
    Industrialists’ Deals`) inside the body whose words mostly do not occur anywhere else in
    the article. Subheadings that share their words with the article are left alone.

    ## Why is this bad?
    Scrapers keep the titles of the site's other stories; in the translation they read as a
    subheading of this article, announcing something it never says.

    ## Example
    hyp: The White House said on Friday that Russia would build the drones at a plant in Tatarstan.\\nRearmament: French Industrialists’ Deals\\nThe plant could be fully operational early next year, a spokesman said.
    doc: true
    Use instead:
    hyp: The White House said on Friday that Russia would build the drones at a plant in Tatarstan.\\nThe plant could be fully operational early next year, a spokesman said.
    """
    text = segment.hyp
    paras = paragraphs(text)
    if len(paras) < 3:
        return
    markers = _related_markers(text)
    body_stems = {
        _stem(w) for s, e in paras if not is_heading(text, s, e) for w in word_texts(text[s:e])
    }
    seen_body = False
    after_marker = False
    for s, e in paras:
        heading = is_heading(text, s, e)
        if s in markers:
            after_marker = True
            continue
        if not heading:
            seen_body, after_marker = True, False
            continue
        if _is_boilerplate_line(text, s, e):
            continue
        if after_marker:
            yield Hit(s, e, "title of another story, listed under a related-stories line", suggestion="",
                      fix="")
            continue
        if not seen_body:
            continue  # the article's own title block
        content = _title_case_content(text[s:e])
        if content is None:
            continue
        shared = sum(1 for w in content if _stem(w) in body_stems)
        if shared * 2 < len(content):
            yield Hit(s, e, "Title Case heading unrelated to the article: another story?",
                      suggestion="", fix="")


# --------------------------------------------------------------------------- debris by shape

#: Longest line that can be page furniture rather than a sentence of the article.
DEBRIS_MAX_WORDS = 8
#: Share of a line's words that must be web-furniture words.
DEBRIS_SHARE = 0.75


@functools.lru_cache(maxsize=1)
def _furniture_words() -> tuple[frozenset[str], frozenset[str]]:
    rows = lexicons.table("web_furniture_words.tsv", "en")
    return (frozenset(r[0] for r in rows), frozenset(r[0] for r in rows if len(r) > 1 and r[1] == "strong"))


def _is_debris(line: str) -> bool:
    """A short line made of web-page furniture words, with at least one that marks furniture on
    its own (advertisement, share, editorial...), that does not end like a sentence."""
    toks = list(map(str.lower, word_texts(line)))
    if not 0 < len(toks) <= DEBRIS_MAX_WORDS or line.rstrip().endswith((".", "?", "!", "”", '"')):
        return False
    vocabulary, strong = _furniture_words()
    known = [t for t in toks if t in vocabulary or t.isdigit()]
    return any(t in strong for t in toks) and len(known) >= DEBRIS_SHARE * len(toks)


@rule("BP007", "web-page-debris", severity=Severity.MINOR, category="accuracy/addition",
      confidence=Confidence.MEDIUM, defers_to=("BP00",))
def web_page_debris(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a short line between paragraphs made of web-page furniture words, in a wording no list holds.

    ## What it does
    Recognises the class the other BP rules list by wording: a line of at most eight words,
    not ending like a sentence, between two paragraphs of an article, that is made (three
    quarters or more) of the vocabulary of web-page furniture (advertising, "continued"
    markers, sharing and comment widgets, subscriptions, social networks, credits, bylines of a
    desk or a role) with at least one word that marks furniture on its own (`advertisement`,
    `share`, `editorial`). A line one of BP002-BP005 names is reported by that rule instead.

    ## Why is this bad?
    Scraped debris reads as part of the article; machine translation words it in ever new ways
    (`Rest of the article below the ad`, `By our editorial staff`), so a list of wordings alone
    always misses some.

    ## Example
    hyp: The plant could be fully operational early next year.\\nRest of the text under the advertising insert\\nThe White House said the drones would be used in Ukraine.
    doc: true
    Use instead:
    hyp: The plant could be fully operational early next year.\\nThe White House said the drones would be used in Ukraine.
    """
    text = segment.hyp
    paras = paragraphs(text)
    if len(paras) < 3:
        return  # debris stands between paragraphs of an article
    for k, (p_start, p_end) in enumerate(paras):
        if 0 < k < len(paras) - 1 or k == len(paras) - 1:
            line = text[p_start:p_end]
            if "\n" not in line.strip() and _is_debris(line):
                yield Hit(p_start, p_end, f"“{line.strip()}” looks like web-page debris, not article text",
                          suggestion="")
