"""The web application: FastAPI over one ledger. Every asset is served from here (CSP 'self')."""
from __future__ import annotations

import os
import secrets
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from itsdangerous import URLSafeTimedSerializer
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..ledger.db import open_ledger, reading
from .common import CSRF_COOKIE, Login, csrf_cookie, render, session_user

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HERE = Path(str(resources.files("onrecord.web")))


def from_environment() -> FastAPI:
    """The app of one of `onrecord serve --workers N`'s processes, configured by the parent."""
    return create_app(os.environ.get("ONRECORD_SERVE_DB") or None, private=bool(os.environ.get("ONRECORD_SERVE_PRIVATE")))


def create_app(db: str | None = None, private: bool = False, secret: str | None = None) -> FastAPI:
    """`secret` signs the session and CSRF cookies: ONRECORD_SECRET, else a random one per process
    (editors sign in again after a restart)."""
    import swagger_ui_bundle

    from . import api, editor, pages
    app = FastAPI(title="onrecord", version=__version__, docs_url=None, redoc_url=None,
                  description="Who said what, who predicted what, and whether they were right. "
                              "Reads mirror `onrecord … --json`; writes take `Authorization: Bearer TOKEN` "
                              "(`onrecord users token NAME`).")
    app.state.ledger = open_ledger(db)
    app.state.reader = reading(app.state.ledger)
    app.state.private = private
    app.state.signer = URLSafeTimedSerializer(secret or os.environ.get("ONRECORD_SECRET") or secrets.token_hex(32),
                                              salt="onrecord-web")
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(editor.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def security(request: Request, call_next):
        request.state.user = session_user(request)
        token = csrf_cookie(request)
        request.state.csrf = token or secrets.token_urlsafe(24)
        public = request.url.path.startswith(("/static/", "/login")) or request.url.path.startswith("/api/")
        if private and request.state.user is None and not public:
            response = RedirectResponse("/login?next=" + request.url.path, status_code=303)
        else:
            response = await call_next(request)
        if token is None:
            response.set_cookie(CSRF_COOKIE, app.state.signer.dumps(request.state.csrf), httponly=True,
                                samesite="strict", secure=request.url.scheme == "https")
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(Login)
    async def _login(request: Request, _exc: Login):
        return RedirectResponse("/login?next=" + request.url.path, status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith(("/api/", "/static/")) or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return render(request, "error.html", {"status": exc.status_code, "message": exc.detail}, status=exc.status_code)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return render(request, "docs.html", {})

    return app
