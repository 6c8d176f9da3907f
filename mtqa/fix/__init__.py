"""`mtqa fix`: apply the mechanical fixes that findings carry (`Finding.fix`), and nothing else.

`engine` is pure (text and findings in, fixed text out) and holds the one definition of a safe
fix; `review` turns it into the review page's fixes (the page applies them, never judges them);
`formats` writes a fixed batch back in its own format, touching only the target text.
"""
