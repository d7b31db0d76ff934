"""The ledger's tables. Offsets are kept so that any view can highlight the exact words again."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str | None] = mapped_column(String(500))  # the input's own id (JSONL "id", file name)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    url: Mapped[str | None] = mapped_column(String(2000), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(8))
    source: Mapped[str | None] = mapped_column(Text)  # where it was read from
    text: Mapped[str] = mapped_column(Text, deferred=True)  # loaded when read: lists need only titles
    analysis: Mapped[dict] = mapped_column(JSON, deferred=True)  # the full FORMAT.md object, for `show` and re-scoring
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime)
    quotes: Mapped[list[Quote]] = relationship(back_populates="article", cascade="all, delete-orphan")
    forecasts: Mapped[list[Forecast]] = relationship(back_populates="article", cascade="all, delete-orphan")


class Person(Base):
    """One identity across articles (or an organisation)."""
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))  # the fullest form seen
    kind: Mapped[str] = mapped_column(String(20), default="person")
    surname_key: Mapped[str] = mapped_column(String(200), index=True)
    first_name: Mapped[str | None] = mapped_column(String(100))  # folded
    descriptions: Mapped[list] = mapped_column(JSON, default=list)
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("people.id"))  # set by `people merge`
    mentions: Mapped[list[Mention]] = relationship(back_populates="person")


class NameKey(Base):
    """A folded name form → the identity it belongs to. Manual rows come from `people merge/split`
    and win over automatic matching, so a fix survives later ingests."""
    __tablename__ = "name_keys"
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    manual: Mapped[bool] = mapped_column(Boolean, default=False)


class Mention(Base):
    """A person of one article (FORMAT.md `people` entry) linked to an identity."""
    __tablename__ = "mentions"
    __table_args__ = (UniqueConstraint("article_id", "local_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(20))  # "p1" in the article's analysis
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    descriptions: Mapped[list] = mapped_column(JSON, default=list)
    spans: Mapped[list] = mapped_column(JSON, default=list)
    person: Mapped[Person] = relationship(back_populates="mentions")


class Quote(Base):
    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # index in the article's analysis
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(10), default="speech", server_default="speech")  # or "stance"
    mention_id: Mapped[int | None] = mapped_column(ForeignKey("mentions.id"), index=True)
    speaker_text: Mapped[str | None] = mapped_column(String(500))  # the mention as written
    article: Mapped[Article] = relationship(back_populates="quotes")


class Forecast(Base):
    __tablename__ = "forecasts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    mention_id: Mapped[int | None] = mapped_column(ForeignKey("mentions.id"), index=True)  # None: the author
    # or an unnamed owner ("analysts say"): their words, never a person; None with no mention: the author
    owner_text: Mapped[str | None] = mapped_column(String(500))
    probability: Mapped[float | None] = mapped_column(Float)
    hedge: Mapped[str | None] = mapped_column(String(100))
    polarity: Mapped[str] = mapped_column(String(10), default="positive")
    condition: Mapped[str | None] = mapped_column(Text)
    horizon: Mapped[str | None] = mapped_column(Text)
    deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    article: Mapped[Article] = relationship(back_populates="forecasts")
    resolutions: Mapped[list[Resolution]] = relationship(back_populates="forecast", order_by="Resolution.id")


class Resolution(Base):
    """An outcome recorded by hand. Never updated or deleted: a later row supersedes."""
    __tablename__ = "resolutions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    forecast_id: Mapped[int] = mapped_column(ForeignKey("forecasts.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(10))  # yes | no | void
    evidence: Mapped[str] = mapped_column(Text)
    resolved_on: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    forecast: Mapped[Forecast] = relationship(back_populates="resolutions")


class InputHash(Base):
    """An input as read (raw page or text, before extraction) already handled by an ingest: its
    outcome is "added", "duplicate" or "not_english", so that a re-ingest skips it unread."""
    __tablename__ = "input_hashes"
    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[str] = mapped_column(String(20))
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime)


class User(Base):
    """An editor of the web ledger. Only hashes are stored: argon2 for the password, SHA-256 for the
    API token (a random 256-bit token needs no slow hash, and a lookup by hash stays indexable)."""
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True, index=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Correction(Base):
    """A correction made by hand, kept as a rule: keyed to the article's content hash and the
    item's span (not to row ids), so that it is applied again whenever that text is stored anew.
    Undone rules stay, with the time they were undone."""
    __tablename__ = "corrections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target: Mapped[str] = mapped_column(String(10))  # quote | forecast
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(20))  # speaker | owner | not_a_quote | not_a_forecast | deadline | probability
    value: Mapped[str | None] = mapped_column(Text)  # a person id, a date, a probability; None: none (the author)
    by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ResolutionEvidence(Base):
    """The ledger article a resolution cites as its evidence (`resolve --evidence-article`). A table
    of its own so that the resolutions table is left as it was."""
    __tablename__ = "resolution_evidence"
    resolution_id: Mapped[int] = mapped_column(ForeignKey("resolutions.id"), primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
