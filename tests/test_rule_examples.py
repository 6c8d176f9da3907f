"""Every rule's `## Example` is a test: the rule fires on the flagged translation and stays quiet
on the corrected one. The example is run through the engine with that one rule, as a reader of
`mtqa explain` would run it, so a documented example can never drift from what the rule does."""
from __future__ import annotations

from pathlib import Path

import pytest

from mtqa import engine, rules
from mtqa.config.project import ProjectData
from mtqa.config.settings import _project
from mtqa.context import Context
from mtqa.model import Segment
from mtqa.rules import RuleDefinitionError, RuleExample

ALL = rules.all_rules()


def project_data(example: RuleExample) -> ProjectData:
    # The same validation as a configuration file's [tool.mtqa.project] table.
    return _project(Path("<example>"), "", example.project) if example.project else ProjectData()


def fired(r: rules.Rule, example: RuleExample, hyp: str) -> list[str]:
    """The texts `r` flags in `hyp`, checked with the example's source, reference and settings."""
    segment = Segment(id="example", index=0, hyp=hyp, src=example.src,
                      refs=(example.ref,) if example.ref is not None else (),
                      src_lang=example.src_lang, tgt_lang="en", is_document=example.doc)
    ctx = Context(src_lang=example.src_lang, tgt_lang="en", project=project_data(example))
    return [f.text for f in engine.check_segment(segment, [r], ctx).findings]


@pytest.mark.parametrize("r", ALL, ids=lambda r: r.code)
def test_example_gives_what_the_rule_needs(r):
    example = r.docs.example
    assert ("src" not in r.needs or example.src) and ("ref" not in r.needs or example.ref), \
        f"{r.code} needs {sorted(r.needs)}: the example would be skipped"


@pytest.mark.parametrize("r", ALL, ids=lambda r: r.code)
def test_example_fires(r):
    assert fired(r, r.docs.example, r.docs.example.hyp), f"{r.code} does not fire on its own example"


@pytest.mark.parametrize("r", ALL, ids=lambda r: r.code)
def test_corrected_example_is_quiet(r):
    assert not fired(r, r.docs.example, r.docs.example.fixed), f"{r.code} fires on its corrected example"


def test_example_parses_every_key():
    example = RuleExample.parse("QT999", """hyp: One.\\nTwo.
src: Un.
ref: One.
src_lang: fr
doc: true
project: {boilerplate = ["Subscribe to our channel"]}
Use instead:
hyp: One.""")
    assert example == RuleExample(hyp="One.\nTwo.", fixed="One.", src="Un.", ref="One.", src_lang="fr",
                                  doc=True, project={"boilerplate": ["Subscribe to our channel"]})
    rendered = example.render()
    assert "Source (fr): Un." in rendered and "Use instead:" in rendered
    assert "Translation: One.\n             Two." in rendered  # an article's lines stay aligned


@pytest.mark.parametrize("text,problem", [
    ("hyp: Flagged.", "Use instead"),
    ("src: Source.\nUse instead:\nhyp: Fixed.", "flagged side .* 'hyp:'"),
    ("hyp: Flagged.\nUse instead:\n", "corrected side .* 'hyp:'"),
    ("Flagged: `x`\nUse instead:\nhyp: Fixed.", "not 'key: value'"),
    ("hyp: Flagged.\ncomment: no.\nUse instead:\nhyp: Fixed.", "not 'key: value'"),
    ("hyp: Flagged.\nhyp: Again.\nUse instead:\nhyp: Fixed.", "given twice"),
    ("hyp: Flagged.\nUse instead:\nhyp: Fixed.\nsrc: Source.", "not 'key: value'"),
    ("hyp: Flagged.\ndoc: yes\nUse instead:\nhyp: Fixed.", "true or false"),
    ("hyp: Flagged.\nproject: {boilerplate = [\nUse instead:\nhyp: Fixed.", "inline TOML"),
])
def test_malformed_examples_are_refused(text, problem):
    with pytest.raises(RuleDefinitionError, match=problem):
        RuleExample.parse("QT999", text)


def test_a_rule_with_a_free_text_example_is_refused_at_declaration():
    from mtqa.model import Severity

    def check(segment, ctx):
        """Flags something.

        ## What it does
        Something.

        ## Why is this bad?
        Because.

        ## Example
        Flagged: `x`
        Corrected: `y`
        """
        return iter(())

    with pytest.raises(RuleDefinitionError, match="Use instead"):
        rules.rule("QT906", "free-text-example", severity=Severity.MINOR, category="fluency/punctuation")(check)
    assert "QT906" not in rules.REGISTRY
