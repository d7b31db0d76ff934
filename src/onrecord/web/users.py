"""Editors: adding them, checking passwords (argon2id) and API tokens (stored as SHA-256 only)."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..ledger.store import LedgerError
from ..ledger.schema import User

_hasher = PasswordHasher()
_NAME = re.compile(r"^[\w.@-]{1,100}$")
MIN_PASSWORD = 8


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add(session: Session, name: str, password: str) -> User:
    if not _NAME.match(name):
        raise LedgerError("a user name is 1–100 letters, digits or . @ - _")
    if len(password) < MIN_PASSWORD:
        raise LedgerError(f"a password has at least {MIN_PASSWORD} characters")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise LedgerError(f"user {name!r} exists already")
    user = User(name=name, password_hash=_hasher.hash(password),
                created_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    session.add(user)
    session.flush()
    return user


def get(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise LedgerError(f"no user named {name!r}")
    return user


def listing(session: Session) -> list[dict]:
    return [{"name": u.name, "created_at": u.created_at.isoformat(timespec="seconds"), "token": u.token_hash is not None}
            for u in session.scalars(select(User).order_by(User.name))]


def remove(session: Session, name: str) -> None:
    session.delete(get(session, name))


def set_password(session: Session, name: str, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise LedgerError(f"a password has at least {MIN_PASSWORD} characters")
    get(session, name).password_hash = _hasher.hash(password)


def new_token(session: Session, name: str) -> str:
    """A fresh bearer token for the API; the previous one stops working. Shown once, kept hashed."""
    token = secrets.token_urlsafe(32)
    get(session, name).token_hash = _token_hash(token)
    return token


def check_password(session: Session, name: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        _hasher.hash(password)  # as slow as a real check, so that timing does not tell which names exist
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return user


def by_token(session: Session, token: str) -> User | None:
    return session.scalar(select(User).where(User.token_hash == _token_hash(token))) if token else None
