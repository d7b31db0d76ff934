"""Editors' pages: sign in and out, resolve forecasts, correct speakers and owners, merge and split
people. Every write is a form with a CSRF token and calls the function the CLI calls."""
from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..ledger import store
from ..ledger.schema import User
from . import corrections, users
from .common import SESSION_COOKIE, SESSION_MAX_AGE, check_csrf, editor, render

router = APIRouter(include_in_schema=False)
Field = Annotated[str, Form()]
Editor = Annotated[User, Depends(editor)]


def _local(next_path: str) -> str:
    """Only a path on this site: `//evil.example` or `https://…` would send the editor away."""
    return next_path if next_path.startswith("/") and not next_path.startswith(("//", "/\\")) else "/"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/"):
    return render(request, "login.html", {"next": _local(next), "error": None})


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, name: Field, password: Field, csrf: Annotated[str, Form()] = "", next: Field = "/"):
    check_csrf(request, csrf)
    with request.app.state.ledger() as s:
        user = users.check_password(s, name, password)
    if user is None:
        return render(request, "login.html", {"next": _local(next), "error": "wrong name or password"}, status=401)
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, request.app.state.signer.dumps({"u": user.id}), max_age=SESSION_MAX_AGE,
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form()] = ""):
    check_csrf(request, csrf)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def _write(request: Request, action, back: str):
    """Run one write in its own transaction; a LedgerError is shown as a 400 page."""
    try:
        with request.app.state.ledger.begin() as s:
            action(s)
    except store.LedgerError as e:
        raise HTTPException(400, str(e)) from None
    return RedirectResponse(back, status_code=303)


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value.strip() else None
    except ValueError:
        raise HTTPException(400, f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _id(value: str, what: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise HTTPException(400, f"{what}: {value!r} is not an id") from None


@router.post("/forecasts/{forecast_id}/resolve")
def resolve(request: Request, _user: Editor, forecast_id: int, outcome: Field, evidence: Field,
            on: Field = "", csrf: Field = ""):
    check_csrf(request, csrf)
    return _write(request, lambda s: store.resolve(s, forecast_id, outcome, evidence, _date(on)),
                  f"/forecasts/{forecast_id}")


@router.post("/forecasts/{forecast_id}/owner")
def correct_owner(request: Request, user: Editor, forecast_id: int, person: Field = "", csrf: Field = ""):
    check_csrf(request, csrf)
    pid = _id(person, "owner") if person.strip() else None
    return _write(request, lambda s: corrections.set_owner(s, forecast_id, pid, user.name), f"/forecasts/{forecast_id}")


@router.post("/quotes/{quote_id}/speaker")
def correct_speaker(request: Request, user: Editor, quote_id: int, person: Field, back: Field = "/",
                    csrf: Field = ""):
    check_csrf(request, csrf)
    return _write(request, lambda s: corrections.set_speaker(s, quote_id, _id(person, "speaker"), user.name),
                  _local(back))


@router.post("/people/{person_id}/merge")
def merge(request: Request, _user: Editor, person_id: int, other: Field, csrf: Field = ""):
    check_csrf(request, csrf)
    return _write(request, lambda s: store.merge(s, person_id, _id(other, "merge with")), f"/people/{person_id}")


@router.post("/people/{person_id}/split")
def split(request: Request, _user: Editor, person_id: int, name: Field, csrf: Field = ""):
    check_csrf(request, csrf)
    holder = {}
    response = _write(request, lambda s: holder.update(new=store.split(s, person_id, name).id), "/")
    response.headers["location"] = f"/people/{holder['new']}"
    return response
