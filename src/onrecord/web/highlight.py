"""Article text as HTML with its quotes, forecasts and structure marked from their spans. The text
is escaped piece by piece and never marked safe: the only markup is what this module writes."""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

STRUCTURE_CLASSES = {"captions": "caption", "photo_credits": "credit", "subheadings": "subheading",
                     "related_links": "related", "pull_quotes": "pullquote", "datelines": "dateline",
                     "contributors": "credit", "section_labels": "subheading", "repeated_quotes": "pullquote",
                     "post_authors": "credit", "signers": "credit"}
SPEECH_KINDS = {"embedded_posts", "signed_quotes"}  # structure that is somebody's words: marked as its quote, not set apart


@dataclass
class Mark:
    start: int
    end: int
    css: str                 # class names for the marked words
    anchor: str | None = None  # element id at the start, for links to it
    after: Markup = field(default_factory=Markup)  # badges written after the last word


def _badge(css: str, text: str, href: str | None = None) -> Markup:
    if href:
        return Markup('<a class="badge {}" href="{}">{}</a>').format(css, href, text)
    return Markup('<span class="badge {}">{}</span>').format(css, text)


def marks_for(article: dict) -> list[Mark]:
    marks = []
    for kind, spans in article["structure"].items():
        if kind in SPEECH_KINDS:
            continue
        css = STRUCTURE_CLASSES.get(kind, "aside")
        marks += [Mark(s, e, f"set-apart {css}") for s, e in spans]
    for q in article["quotes"]:
        sp = q["speaker"]
        who = (_badge("who", sp["name"], f"/people/{sp['person_id']}") if sp
               else _badge("who unknown", q["speaker_text"] or "unresolved"))
        marks.append(Mark(*q["span"], f"quote {q['kind']}", f"q{q['id']}", who))
    said_by = {(*q["span"], q["speaker"]["person_id"]) for q in article["quotes"] if q["speaker"]}
    for f in article["forecasts"]:
        if (*f["span"], f["owner_id"]) in said_by:  # the quote's speaker badge names the owner already
            after = Markup()
        elif f["owner_id"]:
            after = _badge("owner", f["owner"], f"/people/{f['owner_id']}")
        else:
            after = _badge("owner", "author")
        if f["probability"] is not None:
            after += _badge("p", f"p {f['probability']:.2f}" + (f" · {f['hedge']}" if f["hedge"] else ""))
        after += _badge("deadline", f"by {f['deadline']}" if f["deadline"] else "no deadline")
        after += _badge(f"status {f['status']}", f["status"] + (f": {f['outcome']}" if f["outcome"] else ""),
                        f"/forecasts/{f['id']}")
        marks.append(Mark(*f["span"], "forecast", f"f{f['id']}", after))
    return marks


def highlight(text: str, marks: list[Mark]) -> Markup:
    """Cut `text` at every mark boundary; each piece is escaped and wrapped in one element whose
    classes are those of every mark covering it, so that overlapping marks nest correctly."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    parts: list[Markup] = []
    for a, b in zip(cuts, cuts[1:]):
        for m in marks:
            if m.start == a and m.anchor:
                parts.append(Markup('<span class="anchor" id="{}"></span>').format(m.anchor))
        covering = [m for m in marks if m.start <= a and b <= m.end]
        piece = escape(text[a:b])
        if covering:
            css = " ".join(dict.fromkeys(c for m in covering for c in m.css.split()))
            piece = Markup('<span class="{}">{}</span>').format(css, piece)
        parts.append(piece)
        parts += [m.after for m in marks if m.end == b and m.after]
    return Markup("").join(parts)
