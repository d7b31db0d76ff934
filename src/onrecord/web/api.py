"""The JSON API: reads mirror `onrecord … --json`, writes take a bearer token (`onrecord users token`)."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from ..ledger import store
from ..ledger.schema import User
from . import corrections, discover, readers, users
from .common import ledger

bearer = HTTPBearer(auto_error=False, description="`onrecord users token NAME` prints one")


def token_user(request: Request, cred: Annotated[Optional[HTTPAuthorizationCredentials], Depends(bearer)]) -> User | None:
    if cred is None:
        return None
    with request.app.state.reader() as s:
        user = users.by_token(s, cred.credentials)
    if user is None:
        raise HTTPException(401, "unknown or revoked token", headers={"WWW-Authenticate": "Bearer"})
    return user


def reader(request: Request, user: Annotated[Optional[User], Depends(token_user)]) -> None:
    if request.app.state.private and user is None and request.state.user is None:
        raise HTTPException(401, "this ledger is private: send Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})


def writer(user: Annotated[Optional[User], Depends(token_user)]) -> User:
    if user is None:
        raise HTTPException(401, "writes need Authorization: Bearer TOKEN", headers={"WWW-Authenticate": "Bearer"})
    return user


router = APIRouter(prefix="/api", tags=["ledger"], dependencies=[Depends(reader)])
Db = Annotated[Session, Depends(ledger)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0)]


def found(call, *args):
    try:
        return call(*args)
    except store.LedgerError as e:
        raise HTTPException(404, str(e)) from None


@router.get("/articles", summary="Articles, newest first (`onrecord articles --json`)")
def articles(s: Db, search: str | None = None, outlet: str | None = None, since: dt.date | None = None,
             until: dt.date | None = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    rows, total = readers.articles(s, search, outlet, since, until, limit, offset)
    return {"total": total, "articles": rows}


@router.get("/articles/{article_id}", summary="One article's analysis (`onrecord show ID --json`) with ledger ids")
def article(s: Db, article_id: int) -> dict:
    a = found(store.article, s, article_id)
    view = readers.article(s, article_id)
    return a.analysis | {"ledger": {"id": a.id, "outlet": view["outlet"], "quotes": view["quotes"],
                                    "forecasts": view["forecasts"]}}


@router.get("/people", summary="People across articles (`onrecord people --json`)")
def people(s: Db, search: str | None = None) -> list[dict]:
    return readers.people_listing(s, search)


@router.get("/people/{person_id}", summary="A person's record: names, quotes, forecasts, track record")
def person(s: Db, person_id: int) -> dict:
    return found(readers.person, s, person_id)


@router.get("/quotes", summary="Quotes with their speakers")
def quotes(s: Db, speaker: str | None = None, search: str | None = None,
           kind: Literal["speech", "stance"] | None = None, article: int | None = None,
           limit: Limit = 100, offset: Offset = 0) -> list[dict]:
    return readers.quotes(s, speaker, search, kind, article, limit, offset)


@router.get("/forecasts", summary="Forecasts with their status (`onrecord forecasts --json`)")
def forecasts(s: Db, owner: str | None = None, status: Literal["open", "due", "resolved"] | None = None,
              outlet: str | None = None, due_after: dt.date | None = None, due_before: dt.date | None = None,
              min_p: Annotated[float | None, Query(ge=0, le=1)] = None,
              max_p: Annotated[float | None, Query(ge=0, le=1)] = None) -> list[dict]:
    return readers.forecasts(s, owner, status, outlet, due_after, due_before, min_p, max_p)


@router.get("/forecasts/{forecast_id}", summary="One forecast in its sentence, its resolutions, suggested evidence")
def forecast(s: Db, forecast_id: int) -> dict:
    return found(readers.forecast, s, forecast_id) | {"suggested_evidence": discover.suggested_evidence(s, forecast_id)}


@router.get("/scores", summary="Track records (`onrecord scores --json`)")
def scores(s: Db, min_resolved: Annotated[int, Query(ge=1)] = 1) -> list[dict]:
    return readers.scores(s, min_resolved)


@router.get("/search", summary="Full text over quotes and forecasts")
def search(s: Db, q: Annotated[str, Query(min_length=1)], limit: Limit = 50) -> dict:
    return discover.search(s, q, limit)


class ResolutionIn(BaseModel):
    outcome: Literal["yes", "no", "void"]
    evidence: str = Field(min_length=1, description="A URL or a sentence saying what happened")
    on: dt.date | None = Field(None, description="Date of the outcome (default today)")


class PersonRef(BaseModel):
    person: int | None = Field(description="Person id; for a forecast, null gives it to the article's author")


def _write(request: Request, action):
    try:
        with request.app.state.ledger.begin() as s:
            return action(s)
    except store.LedgerError as e:
        raise HTTPException(404 if str(e).startswith("no ") else 400, str(e)) from None


@router.post("/forecasts/{forecast_id}/resolutions", status_code=201,
             summary="Record an outcome (`onrecord resolve`); a later one supersedes")
def resolve(request: Request, forecast_id: int, body: ResolutionIn, user: Annotated[User, Depends(writer)]) -> dict:
    r = _write(request, lambda s: store.resolve(s, forecast_id, body.outcome, body.evidence, body.on))
    return {"id": r.id, "forecast": forecast_id, "outcome": r.outcome, "evidence": r.evidence,
            "resolved_on": r.resolved_on.isoformat(), "by": user.name}


@router.put("/quotes/{quote_id}/speaker", summary="Correct a quote's speaker")
def speaker(request: Request, quote_id: int, body: PersonRef, user: Annotated[User, Depends(writer)]) -> dict:
    if body.person is None:
        raise HTTPException(422, "a quote's speaker is a person id")
    q = _write(request, lambda s: corrections.set_speaker(s, quote_id, body.person, user.name))
    with request.app.state.reader() as s:
        return [r for r in readers.quotes(s, article_id=q.article_id) if r["id"] == quote_id][0]


@router.put("/forecasts/{forecast_id}/owner", summary="Correct a forecast's owner")
def owner(request: Request, forecast_id: int, body: PersonRef, user: Annotated[User, Depends(writer)]) -> dict:
    _write(request, lambda s: corrections.set_owner(s, forecast_id, body.person, user.name))
    with request.app.state.reader() as s:
        return found(readers.forecast, s, forecast_id)
