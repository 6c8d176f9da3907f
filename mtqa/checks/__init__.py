"""The check families, imported explicitly and in report order (no auto-discovery).

Importing a family module registers its rules in `mtqa.rules.REGISTRY`.
"""
from mtqa.checks import entities, language, negation, numbers, omission, quotes, spacing, untranslated  # noqa: F401

FAMILY_MODULES = (quotes, spacing, numbers, entities, negation, untranslated, language, omission)
