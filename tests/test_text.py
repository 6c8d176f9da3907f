"""Text helpers: sentence and paragraph spans, tokens, quotation-mark pairing."""
from mtqa.text import quotes
from mtqa.text.sentences import paragraphs, sentences
from mtqa.text.tokens import word_count, words


def _texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_paragraphs_are_trimmed_lines():
    text = "Title\n\n  First para.  \nSecond line\n"
    assert _texts(text, paragraphs(text)) == ["Title", "First para.", "Second line"]


def test_sentences_respect_abbreviations_initials_and_decimals():
    text = "The U.S. Army met Mr. Smith at 9 a.m. on Jan. 5. Growth was 3.5 percent. J. R. Smith left!"
    assert _texts(text, sentences(text)) == [
        "The U.S. Army met Mr. Smith at 9 a.m. on Jan. 5.", "Growth was 3.5 percent.", "J. R. Smith left!"]


def test_glued_sentence_end_is_not_split():
    text = "It ended last year.The White House said so. Then more."
    assert _texts(text, sentences(text)) == ["It ended last year.The White House said so.", "Then more."]


def test_quotes_and_cjk_terminators():
    text = "“It goes both ways.” The spokesman said. 他说。我们走吧！"
    assert _texts(text, sentences(text, "zh")) == ["“It goes both ways.”", "The spokesman said.", "他说。", "我们走吧！"]


def test_words_and_counts():
    assert [t.text for t in words("Moscow-Tehran don’t stop, 2022")] == ["Moscow-Tehran", "don’t", "stop", "2022"]
    assert word_count("The cat sat.") == 3
    assert word_count("我们走吧") == 4


def test_quote_pairing_per_paragraph():
    text = "a “b” c ” d “ e\n“f"
    a = quotes.analyse(text)
    assert [(p.open.pos, p.close.pos) for p in a.pairs] == [(2, 4)]
    assert [(r.close.pos, r.open.pos) for r in a.reversed] == [(8, 12)]
    assert [u.mark.pos for u in a.unpaired] == [16]


def test_straight_quotes_take_their_role_from_flanking():
    text = 'He said "yes" and "no" then "maybe'
    a = quotes.analyse(text)
    assert len(a.pairs) == 2 and [u.mark.pos for u in a.unpaired] == [28]


def test_word_classes_from_wordnet():
    from mtqa.text import wordclasses
    assert "magnetic" in wordclasses.adjectives() and "previous" in wordclasses.adjectives()
    assert "both" not in wordclasses.adjectives() and "other" not in wordclasses.adjectives()  # pronouns too
    assert "in vain" in wordclasses.adjective_phrases()
    assert wordclasses.is_verb("wrote") and wordclasses.is_verb("possesses")
    assert not wordclasses.is_verb("report") and not wordclasses.is_verb("the")  # a noun too; a function word


def test_words_on_ascii_text_equal_the_regex_module_tokens():
    # words() reads ASCII text with `re` (faster); it must find exactly what `regex` finds.
    from mtqa.text.tokens import WORD_RE

    for text in ("Don't stop-it now, 12_3 x-ray -- a'b ' -x", "", "under_score  tab\there\nnew-line's end-"):
        assert [(t.start, t.end, t.text) for t in words(text)] == [
            (m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]


def test_word_texts_are_the_texts_of_words():
    # Rules ask word_texts first and words only for offsets: both must cut the same words.
    from mtqa.text.tokens import word_texts

    for text in ("Don't stop-it now, 12_3 x-ray -- a'b ' -x", "", " ", "Moscow-Tehran don’t stop, 2022",
                 "हिन्दी भाषा", "ภาษาไทย ok", "Über straße—ÉTÉ", "我们走吧 and 東京", "tab\there\nnew-line's end-"):
        assert word_texts(text) == tuple(t.text for t in words(text)), text
        assert isinstance(word_texts(text), tuple)  # cached and shared: never a mutable list


def test_paragraphs_of_one_line_equal_the_line_regex_path():
    from mtqa.text import sentences as s

    for text in ["", " ", "a", " a b ", "\u2028x\u2028", "x\ry", "\t\x0b", "  Hello world.  ", "a\n b \n\n c"]:
        expected = tuple(span for m in s._LINE_RE.finditer(text)
                         for span in [s._trim(text, m.start(), m.end())] if span[0] < span[1])
        assert s.paragraphs(text) == expected, text
