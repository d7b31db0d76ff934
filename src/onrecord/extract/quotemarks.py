"""Quotation-mark stretches of a text, robust to stray and unbalanced marks.

A stretch is `(start, end)` from its opening mark to its closing mark, both included.
News style lets a quote run over paragraphs: a paragraph that ends inside a quote has no closing
mark, and the next paragraph opens with a fresh mark. An opening mark that is never closed and
not continued is stray: it is dropped, and never swallows the rest of the article.
"""
from __future__ import annotations

import re

OPENING = {"“": "”", "«": "»", "„": "“", "\"": "\""}
CLOSING = {"”", "»", "\""}
PARAGRAPH = re.compile(r"[^\n]+")


def _scan(text: str, start: int, end: int, open_at: int | None = None, closer: str = "”"
          ) -> tuple[list[tuple[int, int]], int | None, str]:
    """Closed stretches of one paragraph, the offset of a mark left open at its end, and its closer.
    `open_at` carries a quote opened in an earlier paragraph."""
    out: list[tuple[int, int]] = []
    for i in range(start, end):
        c = text[i]
        if open_at is None:
            if c in OPENING:
                # a straight mark glued to the end of a word ("6'2\"") opens nothing
                if c == "\"" and i > start and text[i - 1].isalnum():
                    continue
                open_at, closer = i, OPENING[c]
        elif c == closer or (c in CLOSING and c != "\"" and closer != "\""):
            out.append((open_at, i + 1))
            open_at = None
        elif c == "“" and closer == "”" and i > start and text[i - 1] in " \t(":
            # a second opening mark before any closing one: the first was stray
            open_at = i
    return out, open_at, closer


def stretches(text: str) -> list[tuple[int, int]]:
    # Some archives (the New York Times') write quotation marks as two apostrophes: ''…''. They
    # are read as straight marks; the stretch then ends after both apostrophes.
    doubled = "''" in text
    work = text.replace("''", "\"\x01") if doubled else text
    out = _stretches(work)
    if doubled:
        out = [(s, e + 1) if text[e - 1:e + 1] == "''" else (s, e) for s, e in out]
    return out


def _stretches(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    carried: int | None = None  # where a quote left open by the previous paragraph began
    closer = "”"
    for m in PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        body = m.group()
        lead = len(body) - len(body.lstrip())
        if not body.strip():
            continue
        if carried is not None and body[lead] in OPENING:
            closed, carried, closer = _scan(text, s + lead + 1, e, carried, closer)
        else:
            closed, carried, closer = _scan(text, s, e)
        out.extend(closed)
    return out
