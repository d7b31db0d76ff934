"""Page furniture inside the body text: lines that belong to the page, not to the story.

Datelines ("OTTAWA —", "LONDON (Reuters) -"), contributor lines ("Reporting by …; Editing by …"),
labelled related-content lines ("READ MORE: …", "WATCH: …", "Click here …"), section labels
("ENERGY: …"), embedded social-media posts with their account line, and pull quotes that repeat a
quote of the body. Each is found on lines of plain text, before any NLP, like structure.py's kinds.
"""
from __future__ import annotations

import re

from .quotemarks import stretches

TERMINAL = tuple(".!?:;,…\"”’»")

AGENCIES = (r"AP|Reuters|AFP|UPI|CNN|Bloomberg|dpa|DPA|PTI|IANS|ANI|Xinhua|TASS|ANSA|EFE|Kyodo|Yonhap|"
            r"CNS|CP|PA|Sputnik|WAM|SPA|[A-Z][A-Za-z]+(?:News|Now|TV|Wire)")
DASH = r"(?:—|–|--|-)"
# the place in capitals ("BUFFALO, N.Y.", "ST. JOSEPH, Mich.", "HANOI, Vietnam"), an optional
# agency in brackets, a dash or a colon, then the story's first word
CAPS_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+){0,3})?)"
    rf"(?: \((?:{AGENCIES})\))?[ \t]*(?:{DASH}|:)[ \t]+(?=[\"“‘'A-Z0-9])")
# a place in ordinary case is a dateline only on the story's first line and only with a dash:
# "Indianapolis –", "Dekalb, Ill. —", "New York, NY –"
TITLE_DATELINE = re.compile(
    r"(?P<place>[A-Z][a-z.'’-]+(?: [A-Z][a-z.'’-]+){0,2}(?:, [A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+)?)?)"
    rf"(?: \((?:{AGENCIES})\))?[ \t]*(?:—|–|--| - )[ \t]*(?=[A-Z0-9])")
CONTRIBUTOR = re.compile(
    r"^\(?(?:(?:additional |editing |writing |compiled |reporting |research |translated )?"
    r"(?:reporting|writing|editing|compiled|research|translated) by\b.*"
    r"|.{0,200}\b(?:contributed|contributing) (?:to )?(?:this|the|to this) (?:report|story|article)\b.*)$",
    re.IGNORECASE)
LABELLED_LINK = re.compile(
    r"^(?:read more|read also|also read|read next|related|watch|listen|see also|more|click here|"
    r"sign up|subscribe|follow us|don'?t miss|recommended|trending|latest)\b\s*[:|>»-]\s*\S",
    re.IGNORECASE)
CLICK_HERE = re.compile(r"^(?:click|tap) here\b", re.IGNORECASE)
LABEL = re.compile(r"([A-Z][A-Z&'’-]+(?: [A-Z&][A-Z&'’-]*){0,2}):[ \t]+(?=\S)")
ACCOUNT = re.compile(
    r"(?:[—–-]|A post shared by)[ \t]*(?P<name>[^\n()@]{1,60}?)[ \t]*\(@\w{1,30}\)"
    r"(?:[ \t]+(?:on[ \t]+)?[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}(?:[ \t]+at[ \t]+[\d:]+[ \t]*[APap][Mm]\s*\w*)?)?[ \t]*$")
TRAILING_LINKS = re.compile(r"(?:[ \t]*(?:pic\.twitter\.com/\w+|https?://\S+|—|–))+[ \t]*$")


def story_start(text: str, ls: list[tuple[int, int]]) -> int:
    """The index of the story's first line: the second when the first is a title (short, with no
    final punctuation)."""
    if len(ls) < 2:
        return 0
    s, e = ls[0]
    line = text[s:e]
    return 0 if line.endswith(TERMINAL) or len(line.split()) > 14 else 1


def datelines(text: str, ls: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Datelines: on the story's first line a place in capitals or in ordinary case before a dash
    ("BUFFALO, N.Y. —", "NEW DELHI:", "Indianapolis –"), anywhere a place with an agency
    ("LONDON (Reuters) -"). The place names no speaker. Spans run to the end of the dash."""
    first = story_start(text, ls)
    out = []
    for i, (s, e) in enumerate(ls):
        m = CAPS_DATELINE.match(text, s, e)
        if m is None and i == first:
            m = TITLE_DATELINE.match(text, s, e)
        # later in the text only a place with its agency is surely a dateline (a roundup of wire
        # stories); "NATO – the alliance …" or "PENCE: Well …" opening a paragraph is not
        if m is not None and (i == first or "(" in m.group()):
            label = m.group().rstrip()
            if label.endswith(":") and text.count("\n" + label) + text.startswith(label) > 1:
                continue  # a label that comes back is a transcript's speaker ("PENCE: …")
            if len(m.group("place").replace(".", "")) >= 3:
                out.append((s, s + len(m.group().rstrip())))
    return out


def contributor_lines(text: str, ls: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(s, e) for s, e in ls if e - s <= 300 and CONTRIBUTOR.match(text[s:e])]


def labelled_links(text: str, ls: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-line pointers to other content: "READ MORE: Headline", "WATCH: …", "Click here to …"."""
    return [(s, e) for s, e in ls if e - s <= 300 and (LABELLED_LINK.match(text[s:e]) or CLICK_HERE.match(text[s:e]))]


def section_labels(text: str, ls: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Labels in capitals opening paragraphs ("ENERGY: …", "TRADE: …"). A transcript repeats its
    speakers' labels turn after turn; sections each have their own, so labels count as sections
    only when there are two or more and none repeats."""
    found = [(s, m) for s, e in ls if (m := LABEL.match(text, s, e)) is not None]
    names = [m.group(1) for _, m in found]
    if len(names) < 2 or len(set(names)) < len(names):
        return []
    return [(m.start(1), m.end(1) + 1) for _, m in found]


def embedded_posts(text: str, ls: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Social-media posts pasted into the body: the post's text on the line before an account line
    ("— Jane Roe (@janeroe) December 1, 2026"). Returns (post, account holder's name) spans; the
    post's trailing picture or link is left out."""
    out = []
    for i in range(1, len(ls)):
        s, e = ls[i]
        m = ACCOUNT.match(text, s, e)
        if m is None or not m.group("name").strip():
            continue
        ps, pe = ls[i - 1]
        post = TRAILING_LINKS.sub("", text[ps:pe])
        # a short line with no link and no final punctuation is a label over the embed ("Club
        # statement"), whose own text did not survive the copy
        if len(re.findall(r"[^\W\d_]+", post)) >= 2 and (post != text[ps:pe] or post.endswith(TERMINAL)
                                                         or len(post.split()) >= 4):
            out.append(((ps, ps + len(post)), (m.start("name"), m.end("name"))))
    return out


SIGNATURE = re.compile(r"[—–-][ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})(?:,[^\n]{1,80})?[ \t]*")


def signed_quotes(text: str, ls: list[tuple[int, int]], standalone: set[int]
                  ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """A pull quote with its name on the line under it ("“We will rebuild.”" then "— Jane Roe,
    mayor"): the quotation is the signer's. Returns (quotation, name) spans."""
    out = []
    for i in sorted(standalone):
        if i + 1 < len(ls) and (m := SIGNATURE.fullmatch(text, *ls[i + 1])) is not None:
            out.append((ls[i], (m.start("name"), m.end("name"))))
    return out


def _words(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def repeated_pull_quotes(text: str, ls: list[tuple[int, int]], standalone: set[int]
                         ) -> list[tuple[int, int]]:
    """Lines that repeat a quotation of the body for display: the same words, once more, on a line
    of their own (with or without a name after them). The body's occurrence is the quote; the
    repeat is layout. `standalone` holds the indices of lines that are one quotation."""
    out = []
    marks = stretches(text)
    for i in sorted(standalone):
        s, e = ls[i]
        inner = [m for m in marks if s <= m[0] and m[1] <= e]
        if not inner:
            continue
        words = _words(text[inner[0][0]:inner[0][1]])
        if len(words.split()) < 3:
            continue
        elsewhere = [j for j, (s2, e2) in enumerate(ls) if j != i and words in _words(text[s2:e2])]
        # of two lines that are each only the quotation, the later one is the repeat
        if any(j not in standalone or j < i for j in elsewhere):
            out.append((s, e))
    return out
