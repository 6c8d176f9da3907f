"""Alignment: a generic monotone aligner, and what is compared with what (document sentences to a
reference or a source, word slots of sentence pairs)."""
