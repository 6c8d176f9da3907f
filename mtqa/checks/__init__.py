"""The check families, imported explicitly and in report order (no auto-discovery).

Importing a family module registers its rules in `mtqa.rules.REGISTRY`.
"""
from mtqa.checks import (  # noqa: F401
    boilerplate,
    casing,
    consistency,
    entities,
    grammar,
    language,
    negation,
    numbers,
    omission,
    project,
    quotes,
    reference,
    reference_words,
    repetition,
    spacing,
    untranslated,
)

FAMILY_MODULES = (quotes, spacing, casing, grammar, boilerplate, repetition, consistency, numbers, entities,
                  negation, untranslated, language, omission, reference, reference_words,
                  project)
