"""The check families, imported explicitly and in report order (no auto-discovery).

Importing a family module registers its rules in `mtqa.rules.REGISTRY`.
"""
from mtqa.checks import omission, project, quotes, spacing  # noqa: F401

FAMILY_MODULES = (quotes, spacing, omission, project)
