"""A small ledger of made-up articles for the read layer's tests, stored from hand-written analyses
(no model needed), so each test knows exactly which quote is speech and which a stance."""
from __future__ import annotations

from onrecord.ledger import store
from onrecord.ledger.db import open_ledger

STRIKE = ("Dock workers in Valmora went back to work on Tuesday.\n\n"
          "“The port will reopen before June,” said Mara Quist, the harbour director.\n\n"
          "Quist believes that the unions want a longer contract.\n")
FUEL = ("Fuel prices climbed again in March, after the port strike.\n\n"
        "“Prices will fall within a year if the refinery restarts,” Mara Quist said.\n\n"
        "Union leader Tom Brandt said that the talks had been difficult.\n")
BERGS = ("Anna Berg, a lawyer, said that the ruling was wrong.\n\n"
         "Thomas Berg, a farmer, said that the harvest was poor.\n")


def _span(text: str, part: str) -> list[int]:
    i = text.index(part)
    return [i, i + len(part)]


def analysis(ident: str, text: str, published: str | None, people: list[tuple], quotes: list[tuple],
             forecasts: list[tuple] = (), title: str | None = None, url: str | None = None) -> dict:
    """people: (local id, name, description); quotes: (words, local id, kind);
    forecasts: (words, local id, probability, deadline, condition)."""
    names = {pid: name for pid, name, _ in people}
    return {"id": ident, "article": {"title": title, "published": published, "url": url, "language": "en",
                                     "text": text},
            "people": [{"id": pid, "name": name, "kind": "person", "descriptions": [d] if d else [],
                        "mentions": [_span(text, name.split()[-1])]} for pid, name, d in people],
            "quotes": [{"span": _span(text, words), "text": words, "type": "direct", "kind": kind,
                        "speaker": {"person": pid, "name": names[pid], "mention_text": names[pid],
                                    "mention": _span(text, names[pid].split()[-1])}}
                       for words, pid, kind in quotes],
            "forecasts": [{"span": _span(text, words), "text": words, "owner": {"person": pid}, "probability": p,
                           "hedge": "will", "deadline": deadline, "horizon": None,
                           "condition": {"text": cond, "span": _span(text, cond)} if cond else None}
                          for words, pid, p, deadline, cond in forecasts]}


DOCS = [
    analysis("strike", STRIKE, "2024-03-06", [("p1", "Mara Quist", "the harbour director")],
             [("The port will reopen before June", "p1", "speech"),
              ("the unions want a longer contract", "p1", "stance")],
             [("The port will reopen before June", "p1", 0.9, "2024-06-30", None)],
             title="Valmora port strike ends", url="https://news.example/strike"),
    analysis("fuel", FUEL, "2024-04-10", [("p1", "Mara Quist", None), ("p2", "Tom Brandt", "union leader")],
             [("Prices will fall within a year if the refinery restarts", "p1", "speech"),
              ("the talks had been difficult", "p2", "speech")],
             [("Prices will fall within a year", "p1", 0.8, "2025-04-10", "if the refinery restarts")],
             title="Fuel prices climb", url="https://other.example/fuel"),
    analysis("bergs", BERGS, "2023-01-05", [("p1", "Anna Berg", "a lawyer"), ("p2", "Thomas Berg", "a farmer")],
             [("the ruling was wrong", "p1", "speech"), ("the harvest was poor", "p2", "speech")],
             title="Two Bergs disagree"),
]


def fill(db: str) -> dict[str, int]:
    """Store DOCS in the ledger at `db`; returns their article ids by name."""
    ids = {}
    with open_ledger(db).begin() as s:
        for doc in DOCS:
            ids[doc["id"]] = store.add_analysis(s, doc, source=f"{doc['id']}.txt")[1]
    return ids
