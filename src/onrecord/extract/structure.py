"""Article structure of plain text: title, subheadings, captions, photo credits, related links, pull quotes.

Works on lines, before any NLP, because web copy-paste keeps its layout in line breaks:
a credit glued to its caption ("…as a targetPhoto: AFP"), a "Read also:" header with bulleted
headlines under it, a short line with no final punctuation between two paragraphs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Structure
from . import furniture

BULLET = re.compile(r"^[\s]*(?:[•·▪►●◦‣∙*]|-(?=\s)|–(?=\s))\s*")
RELATED_HEADER = re.compile(
    r"^(?:read (?:also|more|next)|also read|related(?: (?:stories|articles|coverage|content|news|links?))?|"
    r"see also|more on this(?: story| topic)?|more from [\w ]+|more stories|recommended(?: for you)?|"
    r"you (?:may|might) also like|further reading|latest news|top stories|trending)\s*:?\s*$",
    re.IGNORECASE)
CREDIT_LABEL = re.compile(r"(?:\b|(?<=[a-z]))(?:photo|foto|image|picture|video)s?(?: credits?| by)?\s*:\s*", re.IGNORECASE)
CREDIT_PAREN = re.compile(r"^\(?(?:photo|image|picture)s?(?: credit)?(?: by)?\s*[:\-]?\s*(.+?)\)?$", re.IGNORECASE)
AGENCY = re.compile(r"\b(?:AFP|AP|Reuters|Getty|EPA|Shutterstock|Profimedia|Sputnik|Alamy|Bloomberg|"
                    r"Associated Press|Xinhua|TASS|ANSA|PA|Images?)\b")
TERMINAL = furniture.TERMINAL
OPEN_QUOTES = "\"“«„"
CLOSE_QUOTES = "\"”»“"


def lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, with surrounding white space trimmed."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = pos + (len(body) - len(body.lstrip()))
            yield start, start + len(stripped)
        pos += len(raw)


def _words(s: str) -> int:
    return len(s.split())


def _blank_between(text: str, a: int, b: int) -> bool:
    return text.count("\n", a, b) >= 2


def is_pull_quote(line: str) -> bool:
    """A line that is one quotation and nothing else."""
    s = BULLET.sub("", line).strip()
    if len(s) < 3 or s[0] not in OPEN_QUOTES or s[-1] not in CLOSE_QUOTES:
        return False
    inner = s[1:-1]
    return not any(c in inner for c in "“”\"") and _words(inner) >= 3


def detect(text: str, datelines: list[tuple[int, int]] | None = None) -> Structure:
    """The structure of `text`; `datelines`, when the caller has found them already (the
    paragraphs component needs them before the parse), are not looked for again."""
    st = Structure()
    ls = list(lines(text))
    taken: set[int] = set()

    # related-link lists: a header line, then bulleted lines (or, with no bullets, the lines up to a blank)
    for i, (s, e) in enumerate(ls):
        if not RELATED_HEADER.match(text[s:e]):
            continue
        taken.add(i)
        j = i + 1
        bulleted = j < len(ls) and BULLET.match(text[ls[j][0]:ls[j][1]]) is not None
        while j < len(ls):
            ls_, le = ls[j]
            line = text[ls_:le]
            if bulleted and not BULLET.match(line):
                break
            if not bulleted and (j > i + 1 and _blank_between(text, ls[j - 1][1], ls_) or _words(line) > 30):
                break
            b = BULLET.match(line)
            st.related_links.append((ls_ + (b.end() if b else 0), le))
            taken.add(j)
            j += 1

    # photo credits: "PHOTO: …" lines, and credits glued to the end of a caption
    for i, (s, e) in enumerate(ls):
        if i in taken:
            continue
        line = text[s:e]
        m = None
        for m in CREDIT_LABEL.finditer(line):
            pass  # the last label on the line
        if m is not None and (m.start() == 0 or line[m.start() - 1].islower() or line[m.start() - 1] in " .|-–"):
            credit = line[m.end():].strip()
            if credit and _words(credit) <= 15 and not credit.endswith((".", "?", "!")) or AGENCY.search(credit or ""):
                st.photo_credits.append((s + m.end(), e))
                head = line[:m.start()].rstrip(" |-–")
                if head and _words(head) <= 40:
                    st.captions.append((s, s + len(head)))
                elif not head and i > 0 and i - 1 not in taken:
                    ps, pe = ls[i - 1]
                    prev = text[ps:pe]
                    if _words(prev) <= 40 and not prev.endswith(TERMINAL) and not _blank_between(text, pe, s):
                        st.captions.append((ps, pe))
                        taken.add(i - 1)
                taken.add(i)
                continue
        m2 = CREDIT_PAREN.match(line)
        if m2 and line.startswith("(") and AGENCY.search(line):
            st.photo_credits.append((s + m2.start(1), s + m2.end(1)))
            taken.add(i)

    _furniture(text, ls, taken, st, datelines)

    # title, subheadings and pull quotes
    for i, (s, e) in enumerate(ls):
        if i in taken:
            continue
        line = text[s:e]
        if is_pull_quote(line):
            b = BULLET.match(line)
            st.pull_quotes.append((s + (b.end() if b else 0), e))
            continue
        if BULLET.match(line) or line.endswith(TERMINAL) or _words(line) > 14 or not line[0].isupper():
            continue
        if i + 1 >= len(ls):
            continue  # a short last line is a sign-off, not a heading
        if i == 0:
            st.title = (s, e)
            continue
        before = _blank_between(text, ls[i - 1][1], s)
        after = _blank_between(text, e, ls[i + 1][0])
        if before and after:
            st.subheadings.append((s, e))
    for key in ("captions", "photo_credits", "related_links"):
        getattr(st, key).sort()
    standalone = {i for i, (s, e) in enumerate(ls) if i not in taken
                  and (is_pull_quote(text[s:e]) or _signed_quote(text[s:e]))}
    repeats = furniture.repeated_pull_quotes(text, ls, standalone)
    st.repeated_quotes = repeats
    st.pull_quotes = [p for p in st.pull_quotes if not any(r[0] <= p[0] and p[1] <= r[1] for r in repeats)]
    for quote, name in furniture.signed_quotes(text, ls, {i for i in standalone if ls[i] not in repeats}):
        st.signed_quotes.append(quote)
        st.signers.append(name)
    return st


SIGNED = re.compile(r"^\s*[\"“«„][^\"“”«»„]{3,}[\"”»“][ \t]*[—–-][ \t]*\S.{0,80}$")


def _signed_quote(line: str) -> bool:
    """A quotation and a name line under it: "“We will rebuild.” — Jane Roe, mayor"."""
    return SIGNED.match(line) is not None


def _furniture(text: str, ls: list[tuple[int, int]], taken: set[int], st: Structure,
               datelines: list[tuple[int, int]] | None) -> None:
    """Lines of page furniture inside the body (furniture.py); a taken line is no title or heading."""
    by_line = {span: i for i, span in enumerate(ls)}
    st.contributors = furniture.contributor_lines(text, ls)
    links = [x for x in furniture.labelled_links(text, ls) if by_line[x] not in taken]
    st.related_links.extend(links)
    taken.update(by_line[x] for x in st.contributors + links)
    st.datelines = furniture.datelines(text, ls) if datelines is None else datelines
    st.section_labels = furniture.section_labels(text, ls)
    for post, name in furniture.embedded_posts(text, ls):
        st.embedded_posts.append(post)
        st.post_authors.append(name)
        taken.update(i for i, (s, e) in enumerate(ls) if s <= post[0] < e or s <= name[0] < e)
