"""What the routers share: rendering, the ledger session, the signed-in editor, CSRF checks."""
from __future__ import annotations

import hmac
from collections.abc import Iterator

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from itsdangerous import BadSignature
from sqlalchemy.orm import Session

from ..ledger.schema import User

SESSION_COOKIE, CSRF_COOKIE = "onrecord_session", "onrecord_csrf"
SESSION_MAX_AGE = 12 * 3600


class Login(Exception):
    """Raised where a page needs a signed-in editor."""


def ledger(request: Request) -> Iterator[Session]:
    """A read session for one request."""
    with request.app.state.reader() as s:
        yield s


def editor(request: Request) -> User:
    if request.state.user is None:
        raise Login()
    return request.state.user


def check_csrf(request: Request, token: str | None) -> None:
    """A form's hidden token must equal the signed cookie's (double submit); SameSite=Strict on the
    cookie keeps other sites from sending it at all."""
    if not token or not hmac.compare_digest(token, request.state.csrf):
        raise HTTPException(403, "the form's CSRF token is missing or wrong: reload the page and try again")


def session_user(request: Request) -> User | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    try:
        user_id = request.app.state.signer.loads(raw, max_age=SESSION_MAX_AGE)["u"]
    except (BadSignature, KeyError, TypeError):
        return None
    with request.app.state.reader() as s:
        return s.get(User, user_id)


def csrf_cookie(request: Request) -> str | None:
    raw = request.cookies.get(CSRF_COOKIE)
    try:
        return request.app.state.signer.loads(raw) if raw else None
    except BadSignature:
        return None


def render(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(
        request, template, {"user": request.state.user, "csrf": request.state.csrf,
                            "private": request.app.state.private} | context, status_code=status)
