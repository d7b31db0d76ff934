"""Quotation-mark stretches of a text, robust to stray and unbalanced marks.

A stretch is `(start, end)` from its opening mark to its closing mark, both included.
News style lets a quote run over paragraphs: a paragraph that ends inside a quote has no closing
mark, and the next paragraph opens with a fresh mark. An opening mark that is never closed and
not continued is stray: it is dropped, and never swallows the rest of the article.
"""
from __future__ import annotations

import re

OPENING = {"“": "”", "«": "»", "„": "“", "\"": "\"", "‘": "’"}
CLOSING = {"”", "»", "\""}
PARAGRAPH = re.compile(r"[^\n]+")


def _scan(text: str, start: int, end: int, open_at: int | None = None, closer: str = "”"
          ) -> tuple[list[tuple[int, int]], int | None, str]:
    """Closed stretches of one paragraph, the offset of a mark left open at its end, and its closer.
    `open_at` carries a quote opened in an earlier paragraph."""
    out: list[tuple[int, int]] = []
    inner = False  # inside a straight quotation nested in the open curly one
    for i in range(start, end):
        c = text[i]
        if open_at is None:
            if c in OPENING:
                # a straight mark glued to the end of a word ("6'2\"") opens nothing
                if c == "\"" and i > start and text[i - 1].isalnum():
                    continue
                # single marks (British style) open before a word; "‘90s" and "rock ‘n’ roll" elide
                if c == "‘" and (i > start and text[i - 1].isalnum() or not text[i + 1:i + 2].isalpha()
                                 or text[i + 1:i + 3] == "n’"):
                    continue
                open_at, closer = i, OPENING[c]
        elif c == "’" and closer == "’" and text[i + 1:i + 2].isascii() and text[i + 1:i + 2].isalpha():
            continue  # an apostrophe inside a word ("don’t") closes nothing
        elif c == "\"" and closer == "”" and (inner or i == start or text[i - 1].isspace() or text[i - 1] in "(["):
            inner = not inner  # a straight quotation nested in a curly one: “He called it "a joke",” …
        elif c == closer or (c in CLOSING and c != "\"" and closer not in ("\"", "’")) or _straight_closes(text, i, end, closer):
            out.append((open_at, i + 1))
            open_at = None
        elif c == "“" and closer == "”" and i > start and text[i - 1] in " \t(":
            # a second opening mark before any closing one: the first was stray
            open_at = i
    return out, open_at, closer


def _straight_closes(text: str, i: int, end: int, closer: str) -> bool:
    """A straight mark glued to the end of a word closes a curly quote the editor's keyboard opened
    ("“no evidence" yet"): after a letter or punctuation, before a space, punctuation or the end."""
    return text[i] == "\"" and closer == "”" and not text[i - 1].isspace() and (i + 1 >= end or not text[i + 1].isalnum())


# Typewriter habits that write a double quotation mark as two single ones: the New York Times'
# archive uses two apostrophes (''…''), some wires two curly single marks (‘‘…’’, or “…’’).
# Each pair is read as one double mark of the same length (the second character becomes a
# filler), so every offset still points into the input; a stretch then ends after both characters.
DOUBLED = {"''": "\"\x01", "‘‘": "“\x01", "’’": "”\x01"}


def stretches(text: str) -> list[tuple[int, int]]:
    pairs = [p for p in DOUBLED if p in text]
    work = text
    for p in pairs:
        work = work.replace(p, DOUBLED[p])
    out = _stretches(work)
    if pairs:
        out = [(s, e + 1) if text[e - 1:e + 1] in DOUBLED else (s, e) for s, e in out]
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
        # a continuation opens with the same mark as the quote it continues: a curly quote after an
        # unclosed straight one is a new quotation, and the straight mark was stray
        if carried is not None and OPENING.get(body[lead]) == closer:
            closed, carried, closer = _scan(text, s + lead + 1, e, carried, closer)
        else:
            closed, carried, closer = _scan(text, s, e)
        out.extend(closed)
    return out


DETERMINER = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|your|my|this|that|these|those)|\w['’]s)[ \t]+$",
                        re.IGNORECASE)
NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z-]*)\b")
# words that continue a sentence after a quotation rather than name what the quotation titles
FUNCTION_WORDS = frozenset("""
and or but nor as to of in on at for from with by about than that which who whom whose when while where
because if so is was are were be been being has have had will would could should can may might must do
does did not he she it they we i you him them us said says say told tells added adds according
""".split())


def names_a_thing(text: str, stretch: tuple[int, int]) -> bool:
    """A quotation used as the name of a thing inside a noun phrase: the title of a campaign, a
    slogan, a programme ("the “Meth. We’re on it.” campaign", "her “Back to Work” plan"). It sits
    between a determiner and the noun it modifies, so it is nobody's speech here."""
    s, e = stretch
    inner = text[s + 1:e - 1].rstrip()
    if inner.endswith(",") or not DETERMINER.search(text, max(0, s - 40), s):
        return False
    m = NEXT_WORD.match(text, e)
    return m is not None and m.group(1) not in FUNCTION_WORDS


# nouns that a work's title follows in apposition: "his 2002 book, “Make Your Kid a Millionaire,”"
WORK_NOUNS = ("book", "show", "song", "film", "movie", "album", "episode", "program", "programme", "series",
              "anthem", "column", "essay", "novel", "memoir", "poem", "documentary", "podcast", "play",
              "musical", "titled", "entitled")
WORK_BEFORE = re.compile(r"\b(?:%s)\b(?:[ \t]+of)?,?[ \t]+$" % "|".join(WORK_NOUNS), re.I)
SMALL_WORDS = frozenset("a an the of in on to for and or with at by from as is are be it".split())


def titles_a_work(text: str, stretch: tuple[int, int]) -> bool:
    """The title of a book, show or song after the noun it names ("the anthem “A Change Is Gonna
    Come,”", "an episode of “The Morning Show,”"): words in title case, nobody's speech."""
    s, e = stretch
    words = re.findall(r"[\w'’-]+", text[s + 1:e - 1])
    if not words or len(words) > 12 or not WORK_BEFORE.search(text, max(0, s - 40), s):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in SMALL_WORDS for w in words) and words[0][0].isupper()
