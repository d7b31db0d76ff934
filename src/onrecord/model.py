"""The result types of `analyze`: plain dataclasses that serialise to the JSON contract.

The contract is ../shared/eval/FORMAT.md section 1; keys may be added, never change meaning.
Every extracted item carries a character span `(start, end)` into `Article.text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


def _span(s: Span | None) -> list[int] | None:
    return [s[0], s[1]] if s is not None else None


@dataclass
class Structure:
    title: Span | None = None
    captions: list[Span] = field(default_factory=list)
    photo_credits: list[Span] = field(default_factory=list)
    subheadings: list[Span] = field(default_factory=list)
    related_links: list[Span] = field(default_factory=list)
    pull_quotes: list[Span] = field(default_factory=list)
    datelines: list[Span] = field(default_factory=list)
    contributors: list[Span] = field(default_factory=list)  # "Reporting by …", "… contributed to this report"
    section_labels: list[Span] = field(default_factory=list)  # "ENERGY:" opening a paragraph
    repeated_quotes: list[Span] = field(default_factory=list)  # a pull quote repeating a body quote
    embedded_posts: list[Span] = field(default_factory=list)  # a social-media post's text
    post_authors: list[Span] = field(default_factory=list)  # the name on each post's account line
    signed_quotes: list[Span] = field(default_factory=list)  # a pull quote with a name line under it
    signers: list[Span] = field(default_factory=list)  # the name on each signed quote's line

    LISTS = ("captions", "photo_credits", "subheadings", "related_links", "pull_quotes", "datelines",
             "contributors", "section_labels", "repeated_quotes", "embedded_posts", "post_authors",
             "signed_quotes", "signers")

    def excluded(self) -> list[Span]:
        """Spans no quote or forecast may be taken from."""
        return sorted(self.captions + self.photo_credits + self.related_links + self.contributors
                      + self.repeated_quotes)

    def not_speakers(self) -> list[Span]:
        """Spans whose names are nobody's speaker or person: the excluded spans and the datelines."""
        return sorted(self.excluded() + self.datelines)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {k: [_span(s) for s in getattr(self, k)] for k in self.LISTS}
        d["title"] = _span(self.title)
        return d


@dataclass
class Article:
    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    language: str = "en"
    structure: Structure = field(default_factory=Structure)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "published": self.published, "authors": list(self.authors),
                "url": self.url, "language": self.language, "text": self.text,
                "structure": self.structure.to_dict()}


@dataclass
class Person:
    id: str
    name: str
    kind: str = "person"  # or "organisation"
    descriptions: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "descriptions": list(self.descriptions),
                "mentions": [_span(m) for m in self.mentions]}


@dataclass
class Speaker:
    """Who a quote is attributed to. `person` is None when the mention could not be resolved."""
    mention: Span
    mention_text: str
    person: str | None = None
    name: str | None = None
    resolved_by: str = "name"  # name | surname | pronoun | role | cataphora | organisation | group | unresolved
    kind: str | None = None  # person | organisation | group ("officials"); None for one unnamed individual

    def to_dict(self) -> dict[str, Any]:
        return {"person": self.person, "name": self.name, "kind": self.kind, "mention": _span(self.mention),
                "mention_text": self.mention_text, "resolved_by": self.resolved_by}


@dataclass
class Quote:
    span: Span
    text: str
    type: str  # direct | indirect | mixed
    cue: Span | None = None
    cue_text: str | None = None
    speaker: Speaker | None = None
    parts: list[Span] | None = None  # the quoted stretches of a quote interrupted by its attribution
    kind: str = "speech"  # or "stance": what someone thinks, wants or found, not what they said

    def to_dict(self) -> dict[str, Any]:
        return {"span": _span(self.span), "text": self.text, "type": self.type, "kind": self.kind,
                "parts": [_span(p) for p in self.parts] if self.parts else None,
                "cue": {"span": _span(self.cue), "text": self.cue_text} if self.cue else None,
                "speaker": self.speaker.to_dict() if self.speaker else None}


@dataclass
class Horizon:
    span: Span
    text: str
    latest: str | None = None  # ISO 8601 duration from publication, e.g. "P18M"
    date: str | None = None  # an absolute date when the text names one
    basis: str | None = None  # what dates an event horizon: "Monday night's debate", "US federal Election Day"

    def to_dict(self) -> dict[str, Any]:
        return {"span": _span(self.span), "text": self.text, "latest": self.latest, "date": self.date,
                "basis": self.basis}


@dataclass
class Forecast:
    span: Span
    text: str
    owner_person: str | None = None
    owner_name: str | None = None
    quote: int | None = None
    probability: float | None = None
    hedge: str | None = None
    polarity: str = "positive"  # or "negative": "will not"
    condition: Span | None = None
    condition_text: str | None = None
    horizon: Horizon | None = None
    deadline: str | None = None
    also: list[Span] = field(default_factory=list)  # other spans stating the same forecast
    owner_kind: str | None = None  # "group" for an unnamed source ("analysts"), whose name is its mention
    owner_mention: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        owner = {"person": self.owner_person, "name": self.owner_name} if self.owner_name else None
        if owner is not None and self.owner_kind:
            owner.update(kind=self.owner_kind, mention=_span(self.owner_mention),
                         mention_text=self.owner_name if self.owner_kind == "group" else None)
        return {"span": _span(self.span), "text": self.text, "owner": owner, "quote": self.quote,
                "probability": self.probability, "hedge": self.hedge, "polarity": self.polarity,
                "condition": {"span": _span(self.condition), "text": self.condition_text} if self.condition else None,
                "horizon": self.horizon.to_dict() if self.horizon else None,
                "deadline": self.deadline, "also": [_span(a) for a in self.also]}


@dataclass
class TimeExpression:
    span: Span
    text: str
    type: str  # DATE | DURATION | TIME | SET
    value: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"span": _span(self.span), "text": self.text, "type": self.type, "value": self.value}


@dataclass
class Analysis:
    article: Article
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    forecasts: list[Forecast] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)

    @property
    def id(self) -> str | None:
        return self.article.id

    def person(self, pid: str | None) -> Person | None:
        return next((p for p in self.people if p.id == pid), None)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.article.id, "article": self.article.to_dict(),
                "people": [p.to_dict() for p in self.people],
                "quotes": [q.to_dict() for q in self.quotes],
                "forecasts": [f.to_dict() for f in self.forecasts],
                "times": [t.to_dict() for t in self.times]}


def _t(x: list[int] | None) -> Span | None:
    return (x[0], x[1]) if x is not None else None


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """The inverse of Analysis.to_dict, for analyses read back from the ledger."""
    a = d["article"]
    st = a.get("structure") or {}
    structure = Structure(title=_t(st.get("title")), **{k: [_t(s) for s in st.get(k, [])] for k in Structure.LISTS})
    article = Article(text=a["text"], id=d.get("id"), title=a.get("title"), published=a.get("published"),
                      authors=a.get("authors", []), url=a.get("url"), language=a.get("language", "en"),
                      structure=structure)
    people = [Person(id=p["id"], name=p["name"], kind=p.get("kind", "person"), descriptions=p.get("descriptions", []),
                     mentions=[_t(m) for m in p.get("mentions", [])]) for p in d.get("people", [])]
    quotes = []
    for q in d.get("quotes", []):
        sp = q.get("speaker")
        cue = q.get("cue") or {}
        quotes.append(Quote(span=_t(q["span"]), text=q["text"], type=q["type"], kind=q.get("kind", "speech"),
                            cue=_t(cue.get("span")),
                            cue_text=cue.get("text"), parts=[_t(p) for p in q["parts"]] if q.get("parts") else None,
                            speaker=Speaker(mention=_t(sp["mention"]), mention_text=sp.get("mention_text", ""),
                                            person=sp.get("person"), name=sp.get("name"),
                                            resolved_by=sp.get("resolved_by", "name"),
                                            kind=sp.get("kind")) if sp else None))
    forecasts = []
    for f in d.get("forecasts", []):
        owner = f.get("owner") or {}
        cond = f.get("condition") or {}
        h = f.get("horizon")
        forecasts.append(Forecast(span=_t(f["span"]), text=f["text"], owner_person=owner.get("person"),
                                  owner_name=owner.get("name"), quote=f.get("quote"), probability=f.get("probability"),
                                  hedge=f.get("hedge"), polarity=f.get("polarity", "positive"),
                                  condition=_t(cond.get("span")), condition_text=cond.get("text"),
                                  horizon=Horizon(span=_t(h["span"]), text=h["text"], latest=h.get("latest"),
                                                  date=h.get("date"), basis=h.get("basis")) if h else None,
                                  deadline=f.get("deadline"), also=[_t(x) for x in f.get("also", [])],
                                  owner_kind=owner.get("kind"), owner_mention=_t(owner.get("mention"))))
    times = [TimeExpression(span=_t(t["span"]), text=t["text"], type=t["type"], value=t.get("value"))
             for t in d.get("times", [])]
    return Analysis(article=article, people=people, quotes=quotes, forecasts=forecasts, times=times)
