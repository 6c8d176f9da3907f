"""mtqa test suite (a package so that the rule meta-test can import the family case tables)."""
