"""Names in a translation and the evidence for them in the source, across scripts.

A name in the English translation is supported by the source when the source contains it:
literally (`Houston`), inflected (`Miłosza` for `Miłosz`, `Londres` for `London`), transliterated
(`Хьюстон`, `ヒューストン`, `休斯顿` all reduce to the consonant skeleton of Houston; `ह्यूस्टन` is
compared by sound, see mtqa/text/phonetic.py), or translated, for places (`保加利亚` is Bulgaria:
CLDR's names of countries, regions and major cities in 12 languages, in mtqa/data/common/places.tsv).
Non-Latin text is romanised with anyascii.

The consonant skeleton keeps one class per sound group (b/p/f/v/w, c/k/g/q, d/t, s/z/x/j,
l/r, m/n) and drops vowels and h, because transliteration changes vowels and voicing far more
than consonant places.

One module per job: `spelling` (folds and skeletons), `places` (the gazetteer), `given_names`,
`source_evidence` (what a source offers), `english` (name tokens of English text),
`source_names` (names a translation must keep) and `target_evidence` (what a translation offers).
"""
