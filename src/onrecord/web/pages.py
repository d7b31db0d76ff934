"""The HTML pages for readers: server-rendered, every one also readable as JSON under /api/."""
from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from ..ledger import store
from . import discover, readers
from .common import ledger, render
from .highlight import Mark, highlight, marks_for
from .plot import calibration_svg

router = APIRouter(include_in_schema=False)
PAGE = 50
Db = Annotated[Session, Depends(ledger)]
Text = Annotated[str, Query()]


def date_param(value: str, name: str) -> dt.date | None:
    """Empty form fields are no filter; anything else must be YYYY-MM-DD."""
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not a date in the form YYYY-MM-DD") from None


def number_param(value: str, name: str) -> float | None:
    if not value.strip():
        return None
    try:
        p = float(value)
    except ValueError:
        p = -1
    if not 0 <= p <= 1:
        raise HTTPException(400, f"{name}: {value!r} is not a probability between 0 and 1")
    return p


def found(call, *args):
    try:
        return call(*args)
    except store.LedgerError as e:
        raise HTTPException(404, str(e)) from None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, s: Db):
    return render(request, "home.html", {"d": discover.digest(s)})


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, s: Db, q: Text = "", outlet: Text = "", since: Text = "", until: Text = "",
             page: Annotated[int, Query(ge=1)] = 1):
    rows, total = readers.articles(s, q or None, outlet or None, date_param(since, "since"), date_param(until, "until"),
                                   PAGE, (page - 1) * PAGE)
    return render(request, "articles.html", {"rows": rows, "total": total, "page": page, "pages": -(-total // PAGE),
                                             "outlets": readers.outlets(s),
                                             "f": {"q": q, "outlet": outlet, "since": since, "until": until}})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, s: Db, article_id: int):
    a = found(readers.article, s, article_id)
    return render(request, "article.html", {"a": a, "body": highlight(a["text"], marks_for(a))})


@router.get("/people", response_class=HTMLResponse)
def people(request: Request, s: Db, q: Text = "", page: Annotated[int, Query(ge=1)] = 1):
    rows, total = readers.people(s, q or None, PAGE, (page - 1) * PAGE)
    return render(request, "people.html", {"rows": rows, "total": total, "page": page, "pages": -(-total // PAGE),
                                           "f": {"q": q}})


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person(request: Request, s: Db, person_id: int):
    p = found(readers.person, s, person_id)
    plot = calibration_svg(p["score"]["calibration"], f"Calibration of {p['name']}") if p["score"] else None
    return render(request, "person.html", {"p": p, "plot": plot})


@router.get("/forecasts", response_class=HTMLResponse)
def forecasts(request: Request, s: Db, status: Text = "", owner: Text = "", outlet: Text = "", due_after: Text = "",
              due_before: Text = "", min_p: Text = "", max_p: Text = "", page: Annotated[int, Query(ge=1)] = 1):
    if status not in ("", "open", "due", "resolved"):
        raise HTTPException(400, "status must be open, due or resolved")
    rows = readers.forecasts(s, owner or None, status or None, outlet or None, date_param(due_after, "due after"),
                             date_param(due_before, "due before"), number_param(min_p, "min p"),
                             number_param(max_p, "max p"))
    f = {"status": status, "owner": owner, "outlet": outlet, "due_after": due_after, "due_before": due_before,
         "min_p": min_p, "max_p": max_p}
    return render(request, "forecasts.html", {"rows": rows[(page - 1) * PAGE:page * PAGE], "total": len(rows),
                                              "page": page, "pages": -(-len(rows) // PAGE), "f": f,
                                              "outlets": readers.outlets(s)})


@router.get("/forecasts/{forecast_id}", response_class=HTMLResponse)
def forecast(request: Request, s: Db, forecast_id: int):
    f = found(readers.forecast, s, forecast_id)
    text = store.article(s, f["article"]).text
    (ss, se), (fs, fe) = f["sentence"]["span"], f["span"]
    sentence = highlight(text[ss:se], [Mark(fs - ss, fe - ss, "forecast")])
    return render(request, "forecast.html", {"f": f, "sentence": sentence, "today": dt.date.today().isoformat(),
                                             "suggested": discover.suggested_evidence(s, forecast_id)})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, s: Db, q: Text = ""):
    return render(request, "search.html", {"r": discover.search(s, q), "q": q})
