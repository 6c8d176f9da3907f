"""Per-family check tests: each module declares FIRE and QUIET case tables."""
