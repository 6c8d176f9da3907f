"""QT: quotation marks that machine translation reversed, dropped or misplaced."""
from __future__ import annotations

from typing import Iterator

from mtqa.model import Hit, Segment, Severity
from mtqa.rules import rule
from mtqa.text import quotes as q


@rule("QT001", "reversed-quotation-marks", severity=Severity.MINOR, category="fluency/punctuation",
      languages=("en",))
def reversed_quotation_marks(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a quotation whose marks are the wrong way round: a closing mark before it and an opening mark after it.

    ## What it does
    Finds a closing quotation mark that opens nothing, followed by an opening mark that closes
    nothing, around the same stretch of text: `” not on purpose “`.

    ## Why is this bad?
    Machine translation often emits the marks of a quotation in the wrong order, especially
    when the source used guillemets with inner spaces (`« pas exprès »`). Readers see a
    broken quotation, and the words that were quoted lose their attribution.

    ## Example
    Flagged: `prevent them from contributing to it ” not on purpose “.`
    Corrected: `prevent them from contributing to it “not on purpose”.`
    """
    text = segment.hyp
    for rev in q.analyse(text, segment.tgt_lang).reversed:
        start, end = rev.close.pos, rev.open.pos + 1
        inner = text[start + 1:end - 1].strip()
        yield Hit(start, end, "quotation marks are reversed: the closing mark comes first",
                  suggestion=f"“{inner}”")


@rule("QT002", "unpaired-quotation-mark", severity=Severity.MINOR, category="fluency/punctuation",
      languages=("en",))
def unpaired_quotation_mark(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a double quotation mark that has no partner in its paragraph.

    ## What it does
    Pairs the double quotation marks of each paragraph by position and flags an opening mark
    that is never closed or a closing mark that closes nothing. A quotation that continues
    into the next paragraph (which then opens with a quotation mark) is not flagged.

    ## Why is this bad?
    A lone quotation mark leaves the reader unsure where the quoted words start or stop;
    in machine translation it usually means a quotation's boundary was lost.

    ## Example
    Flagged: `He called the plan “a disaster and left.`
    Corrected: `He called the plan “a disaster” and left.`
    """
    for u in q.analyse(segment.hyp, segment.tgt_lang).unpaired:
        if u.mark.role == "open":
            msg = f"opening quotation mark {u.mark.char} is never closed"
        else:
            msg = f"closing quotation mark {u.mark.char} closes no quotation"
        yield Hit(u.mark.pos, u.mark.pos + 1, msg)
