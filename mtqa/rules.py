"""Rule metadata, the `@rule` decorator, the registry and rule selection.

A rule is a pure generator `(segment, ctx) -> Iterator[Hit]` declared in its family module
under `mtqa/checks/`. Its docstring has three sections (What it does / Why is this bad? /
Example) that feed `mtqa explain`, `mtqa rules`, SARIF rule help and the HTML legend. The
example has one fixed layout (`RuleExample.parse`), so the meta-tests can run it through the engine.
Codes are two family letters and three digits (QT001); names are the kebab-case name of the
flagged pattern ("reversed-quotation-marks"), never an instruction ("fix-...", "no-...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from mtqa.model import Confidence, Hit, Severity

#: MQM-style category paths a rule may declare (MQM core + the WMT variant, see ANCHORS.md §4).
CATEGORIES = frozenset({
    "accuracy/addition",
    "accuracy/omission",
    "accuracy/mistranslation",
    "accuracy/untranslated",
    "accuracy/do-not-translate",
    "fluency/punctuation",
    "fluency/spelling",
    "fluency/grammar",
    "fluency/inconsistency",
    "fluency/character-encoding",
    "terminology/wrong-term",
    "terminology/inconsistent-use",
    "style/unidiomatic",
    "locale-convention/number-format",
    "locale-convention/date-format",
    "locale-convention/time-format",
    "design/markup",
    "non-translation",
})

#: Family letters -> human name; the order is the order of `mtqa rules`.
FAMILIES = {
    "QT": "quotes",
    "SP": "spacing",
    "CA": "casing",
    "GR": "grammar",
    "BP": "boilerplate",
    "RP": "repetition",
    "CO": "consistency",
    "NU": "numbers",
    "NE": "entities",
    "NG": "negation",
    "UT": "untranslated",
    "LG": "language",
    "OM": "omission",
    "RF": "reference",
    "LX": "lexical",
    "PJ": "project",
}

NEEDS = frozenset({"src", "ref"})

_CODE_RE = re.compile(r"^([A-Z]{2})(\d{3})$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_SECTION_RE = re.compile(r"^## (What it does|Why is this bad\?|Example)\s*$", re.M)
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example")

CheckFn = Callable[..., Iterator[Hit]]

#: The keys of an example's flagged side, in display order; only `hyp` is required.
EXAMPLE_KEYS = ("hyp", "src", "ref", "src_lang", "doc", "project")
_USE_INSTEAD = "Use instead:"
_EXAMPLE_LINE_RE = re.compile(r"^([a-z_]+): ?(.*)$")
_LABELS = {"hyp": "Translation", "src": "Source", "ref": "Reference"}


class RuleDefinitionError(Exception):
    """A rule declaration breaks the conventions above (raised at import time)."""


@dataclass(frozen=True)
class RuleExample:
    """A rule's `## Example`: a translation the rule flags and the corrected translation.

    The layout is one `key: value` a line; `\\n` in a value is a line break (articles):

        hyp: He said it was unacceptable.
        src: Il a déclaré que c'était « tout à fait inacceptable ».
        src_lang: fr
        Use instead:
        hyp: He said it was “totally unacceptable”.

    Optional keys: `src`, `ref`, `src_lang`, `doc: true` (check as an article) and `project`
    (an inline TOML table, the `[tool.mtqa.project]` keys). The corrected side has `hyp` only:
    it is checked with the same source, reference and settings.
    """

    hyp: str
    fixed: str
    src: str | None = None
    ref: str | None = None
    src_lang: str | None = None
    doc: bool = False
    #: the project table as parsed from TOML (validated into ProjectData by mtqa.config.settings)
    project: dict | None = field(default=None, hash=False)

    @classmethod
    def parse(cls, code: str, text: str) -> "RuleExample":
        lines = [line.strip() for line in text.strip().splitlines()]
        if _USE_INSTEAD not in lines:
            raise RuleDefinitionError(f"{code}: the example lacks a '{_USE_INSTEAD}' line")
        split = lines.index(_USE_INSTEAD)
        values = _example_lines(code, lines[:split], EXAMPLE_KEYS)
        corrected = _example_lines(code, lines[split + 1:], ("hyp",))
        for side, got in (("flagged", values), ("corrected", corrected)):
            if not got.get("hyp", "").strip():
                raise RuleDefinitionError(f"{code}: the {side} side of the example needs a 'hyp:' line")
        doc = values.pop("doc", "false")
        if doc not in ("true", "false"):
            raise RuleDefinitionError(f"{code}: example 'doc:' must be true or false, not {doc!r}")
        project = None
        if "project" in values:
            from mtqa.config import tomllib as toml_reader

            tomllib = toml_reader()
            try:
                project = tomllib.loads("project = " + values.pop("project"))["project"]
            except tomllib.TOMLDecodeError as e:
                raise RuleDefinitionError(f"{code}: example 'project:' is not an inline TOML table: {e}") from None
            if not isinstance(project, dict):
                raise RuleDefinitionError(f"{code}: example 'project:' must be an inline TOML table")
        return cls(fixed=corrected["hyp"], doc=doc == "true", project=project, **values)

    def render(self) -> str:
        """The example as a reader sees it (`mtqa explain`, SARIF help, the HTML legend)."""
        lines = []
        for key in ("hyp", "src", "ref"):
            value = getattr(self, key)
            if value is not None:
                label = _LABELS[key] + (f" ({self.src_lang})" if key == "src" and self.src_lang else "")
                lines.append(_labelled(label, value))
        if self.doc:
            lines.append("(checked as an article)")
        if self.project:
            lines.append(f"Project data: {_toml(self.project)[2:-2]}")
        lines.append("Use instead:")
        lines.append(_labelled(_LABELS["hyp"], self.fixed))
        return "\n".join(lines)


def _example_lines(code: str, lines: list[str], allowed: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines:
        match = _EXAMPLE_LINE_RE.match(line)
        if not match or match.group(1) not in allowed:
            raise RuleDefinitionError(
                f"{code}: example line {line!r} is not 'key: value' with a key in {allowed}")
        key, value = match.groups()
        if key in out:
            raise RuleDefinitionError(f"{code}: example key {key!r} given twice")
        # A literal backslash-n stands for a line break: articles need several lines.
        out[key] = value.replace("\\n", "\n")
    return out


def _toml(value) -> str:
    """An inline TOML rendering of the project table (strings, lists and tables are all it has)."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml(k) if not re.fullmatch(r'[A-Za-z0-9_-]+', k) else k} = {_toml(v)}"
                                for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _labelled(label: str, value: str) -> str:
    head, *rest = value.split("\n")
    pad = " " * (len(label) + 2)
    return "\n".join([f"{label}: {head}", *(pad + line for line in rest)])


@dataclass(frozen=True)
class RuleDocs:
    summary: str  # the docstring's first line: one sentence saying what is flagged
    what: str
    why: str
    example: RuleExample


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    category: str
    needs: frozenset[str]
    languages: frozenset[str] | None  # target languages the rule knows; None = any
    preview: bool
    check: CheckFn = field(repr=False, compare=False)
    docs: RuleDocs = field(repr=False, compare=False)
    #: the confidence of a hit that does not set its own (from the rule's measured precision)
    confidence: Confidence = Confidence.HIGH
    #: rules (codes or prefixes) that describe the same error more specifically: a finding of this
    #: rule that lies on one of theirs is folded into it (`mtqa.engine.fold_same_errors`)
    defers_to: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        return self.code[:2]

    @property
    def family_name(self) -> str:
        return FAMILIES[self.family]

    @property
    def summary(self) -> str:
        """One sentence saying what is flagged (tables, SARIF shortDescription)."""
        return self.docs.summary

    def applies_to(self, tgt_lang: str | None) -> bool:
        return self.languages is None or tgt_lang is None or tgt_lang in self.languages


REGISTRY: dict[str, Rule] = {}


def parse_docs(code: str, doc: str | None) -> RuleDocs:
    if not doc:
        raise RuleDefinitionError(f"{code}: a rule needs a docstring with {DOC_SECTIONS}")
    text = _dedent(doc)
    parts = _SECTION_RE.split(text)
    # parts = [preamble, title1, body1, title2, body2, ...]
    sections = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    missing = [s for s in DOC_SECTIONS if not sections.get(s)]
    if missing:
        raise RuleDefinitionError(f"{code}: docstring lacks the section(s) {missing}")
    summary = " ".join(parts[0].split())
    if not summary:
        raise RuleDefinitionError(f"{code}: the docstring's first line must say what the rule flags")
    example = RuleExample.parse(code, sections["Example"])
    return RuleDocs(summary, sections["What it does"], sections["Why is this bad?"], example)


def _dedent(doc: str) -> str:
    import textwrap

    lines = doc.expandtabs().splitlines()
    head, rest = lines[0].strip(), textwrap.dedent("\n".join(lines[1:]))
    return (head + "\n" + rest).strip()


def rule(
    code: str,
    name: str,
    *,
    severity: Severity,
    category: str,
    needs: Iterable[str] = (),
    languages: Iterable[str] | None = None,
    preview: bool = False,
    confidence: Confidence = Confidence.HIGH,
    defers_to: Iterable[str] = (),
) -> Callable[[CheckFn], CheckFn]:
    """Declare a check; the function is returned unchanged so it can be called in tests."""
    match = _CODE_RE.match(code)
    if not match or match.group(1) not in FAMILIES:
        raise RuleDefinitionError(f"bad rule code {code!r}: two known family letters + three digits")
    if not _NAME_RE.match(name) or name.startswith(("fix-", "no-", "avoid-")):
        raise RuleDefinitionError(f"{code}: bad rule name {name!r} (kebab-case name of the pattern)")
    if category not in CATEGORIES:
        raise RuleDefinitionError(f"{code}: unknown category {category!r}")
    needs_set = frozenset(needs)
    if not needs_set <= NEEDS:
        raise RuleDefinitionError(f"{code}: needs must be a subset of {sorted(NEEDS)}")

    def register(fn: CheckFn) -> CheckFn:
        if code in REGISTRY:
            raise RuleDefinitionError(f"duplicate rule code {code}")
        if any(r.name == name for r in REGISTRY.values()):
            raise RuleDefinitionError(f"duplicate rule name {name}")
        REGISTRY[code] = Rule(
            code=code,
            name=name,
            severity=Severity.parse(severity),
            category=category,
            needs=needs_set,
            languages=frozenset(languages) if languages is not None else None,
            preview=preview,
            check=fn,
            docs=parse_docs(code, fn.__doc__),
            confidence=Confidence.parse(confidence),
            defers_to=tuple(defers_to),
        )
        return fn

    return register


def all_rules() -> list[Rule]:
    """Every registered rule, in family then code order (imports the check modules once)."""
    import mtqa.checks  # noqa: F401  (explicit import list populates REGISTRY)

    order = {fam: i for i, fam in enumerate(FAMILIES)}
    return sorted(REGISTRY.values(), key=lambda r: (order[r.family], r.code))


def get(code: str) -> Rule:
    rules = {r.code: r for r in all_rules()}
    key = code.strip().upper()
    if key not in rules:
        raise KeyError(code)
    return rules[key]


def _matches(rule_: Rule, selector: str) -> bool:
    if selector == "ALL":
        return True
    return rule_.code.startswith(selector)


def validate_selectors(selectors: Iterable[str]) -> list[str]:
    """Normalise selectors (ALL, a family like QT, a prefix like QT0, a code) or raise ValueError."""
    rules = all_rules()
    out = []
    for raw in selectors:
        sel = raw.strip().upper()
        if not sel:
            continue
        if sel != "ALL" and not any(_matches(r, sel) for r in rules):
            raise ValueError(f"unknown rule code or prefix {raw!r} (see `mtqa rules`)")
        out.append(sel)
    return out


def select(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    preview: bool = False,
) -> list[Rule]:
    """Rules enabled by select/ignore, ruff-style: the most specific selector wins.

    Preview rules are off unless `preview` is set or they are selected by their full code.
    """
    chosen_sel = validate_selectors(select if select is not None else ["ALL"])
    ignored = validate_selectors(ignore)
    out = []
    for r in all_rules():
        best_sel = max((len(s) if s != "ALL" else 0 for s in chosen_sel if _matches(r, s)), default=-1)
        best_ign = max((len(s) if s != "ALL" else 0 for s in ignored if _matches(r, s)), default=-1)
        if best_sel < 0 or best_ign >= best_sel:
            continue
        if r.preview and not preview and r.code not in chosen_sel:
            continue
        out.append(r)
    return out
