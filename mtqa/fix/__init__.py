"""`mtqa fix`: apply the mechanical fixes that findings carry (`Finding.fix`), and nothing else.

`engine` is pure (text and findings in, fixed text out) and is shared with the review page;
`formats` writes a fixed batch back in its own format, touching only the target text.
"""
from mtqa.fix.engine import MAX_ROUNDS, Edit, FixResult, apply_edits, fix_segment, fixable, is_safe, plan

__all__ = ["MAX_ROUNDS", "Edit", "FixResult", "apply_edits", "fix_segment", "fixable", "is_safe", "plan"]
