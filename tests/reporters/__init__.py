"""Reporter tests."""
