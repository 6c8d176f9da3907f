"""The command line: `mtqa check | rules | explain CODE | compare`; the only place that prints or exits.
`main.py` is the entry point; each command has its own module; `common.py` holds what they share."""
