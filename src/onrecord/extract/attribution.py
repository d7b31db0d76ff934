"""What an attribution is: a cue, the head token of its source, the character span of what is
attributed; and the span arithmetic the finders share (attributions.py, nominal.py, adjectives.py …)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token


def inside(a: tuple[int, int], b: tuple[int, int], slack: int = 2) -> bool:
    return a[0] >= b[0] - slack and a[1] <= b[1] + slack


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass
class Attribution:
    cue: Token
    source: Token | None  # head token of the speaker mention
    content: tuple[int, int] | None  # character span of what was said
    mention: tuple[int, int] | None = None
    kind: str = "speech"  # "according to" and nominal cues of saying ("her claim that") report speech
    parts: list[tuple[int, int]] | None = None  # either side of an attribution inside the content


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character span of tokens [start, end) without a leading complementiser or edge punctuation
    (quotation marks stay: they belong to the quote)."""
    while start < end and (doc[start].is_space or doc[start].lower_ in ("that", ":", ",", "—", "–", "-")
                           or (doc[start].is_punct and not doc[start].is_quote)):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and not doc[end - 1].is_quote)):
        end -= 1
    if end <= start or (end - start == 1 and doc[start].pos_ in ("PRON", "DET", "ADV", "PART")):
        return None  # "said so", "said this": nothing to record
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _span_of(tok: Token) -> tuple[int, int] | None:
    return _trim(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)
