"""Pure text helpers that keep character offsets: sentences, tokens, quotation marks."""
