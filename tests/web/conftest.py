"""A small ledger of made-up articles, stored from hand-written analyses (no model needed), on each
backend; clients for readers and for a signed-in editor."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from onrecord.ledger import store
from onrecord.ledger.db import open_ledger
from onrecord.web import create_app, users

PASSWORD = "correct horse battery"
XSS_TITLE = "<script>alert('title')</script>"
XSS_QUOTE = '"><img src=x onerror=alert(1)>'


def _span(text: str, part: str, after: int = 0) -> list[int]:
    i = text.index(part, after)
    return [i, i + len(part)]


def analysis(ident: str, text: str, published: str, people: list[dict], quotes: list[tuple], forecasts: list[tuple],
             title: str | None = None, url: str | None = None, structure: dict | None = None) -> dict:
    """quotes: (words, person id, kind); forecasts: (words, person id or None, probability, deadline)."""
    return {"id": ident,
            "article": {"title": title, "published": published, "url": url, "language": "en", "text": text,
                        "structure": structure or {}},
            "people": [p | {"mentions": [_span(text, p["name"].split()[-1])]} for p in people],
            "quotes": [{"span": _span(text, words), "text": words, "type": "direct", "kind": kind,
                        "speaker": {"person": pid, "name": next(p["name"] for p in people if p["id"] == pid),
                                    "mention_text": pid}} for words, pid, kind in quotes],
            "forecasts": [{"span": _span(text, words), "text": words,
                           "owner": {"person": pid} if pid else None, "probability": p, "hedge": "will",
                           "deadline": deadline, "horizon": None, "condition": None}
                          for words, pid, p, deadline in forecasts]}


PORT = ("“Prices will fall within a year,” said Mara Quist, an economist at Ostby Bank.\n\n"
        "Photo: Jon Vik / Harbour Agency\n\n"
        "Quist believes that the port could reopen before June.\n\n"
        "Read also: Ferries return to Valmora\n")
XSS = (f"{XSS_TITLE} was written on the wall, Eve Stone said.\n\n"
       f"“{XSS_QUOTE} is what the page showed,” Stone said.\n")
LATER = "The port of Valmora did not reopen before June, officials said, and prices did not fall.\n"


def fill(db: str) -> dict:
    quist = {"id": "p1", "name": "Mara Quist", "descriptions": ["an economist at Ostby Bank"]}
    stone = {"id": "p1", "name": "Eve Stone", "descriptions": []}
    docs = [
        analysis("port", PORT, "2024-03-06", [quist],
                 [("Prices will fall within a year", "p1", "speech"), ("the port could reopen before June", "p1", "stance")],
                 [("Prices will fall within a year", "p1", 1.0, "2099-03-06"),
                  ("the port could reopen before June", "p1", 0.4, "2024-06-30")],
                 title="Valmora port strike", url="https://news.example/valmora",
                 structure={"photo_credits": [_span(PORT, "Photo: Jon Vik / Harbour Agency")],
                            "related_links": [_span(PORT, "Read also: Ferries return to Valmora")]}),
        analysis("xss", XSS, "2024-04-01", [stone], [(f"{XSS_QUOTE} is what the page showed", "p1", "speech")], [],
                 title=XSS_TITLE, url="javascript:alert(document.cookie)"),
        analysis("later", LATER, "2024-07-02", [], [], [], title="Valmora port still shut", url="http://news.example/l"),
    ]
    ids = {}
    with open_ledger(db).begin() as s:
        for d in docs:
            ids[d["id"]] = store.add_analysis(s, d)[1]
        users.add(s, "editor", PASSWORD)
    with open_ledger(db)() as s:
        ids["quist"] = next(p["id"] for p in store.people(s, "Quist"))
        ids["stone"] = next(p["id"] for p in store.people(s, "Stone"))
        ids["forecasts"] = [r["id"] for r in store.forecasts(s)]
    return ids


@pytest.fixture
def ledger(db_url):
    return db_url, fill(db_url)


@pytest.fixture
def client(ledger):
    with TestClient(create_app(ledger[0], secret="test")) as c:
        yield c


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def sign_in(c: TestClient, name: str = "editor", password: str = PASSWORD):
    token = csrf_of(c.get("/login").text)
    return c.post("/login", data={"name": name, "password": password, "csrf": token, "next": "/"},
                  follow_redirects=False)


@pytest.fixture
def editor(client):
    assert sign_in(client).status_code == 303
    return client
