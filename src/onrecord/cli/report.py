"""The readable report of `onrecord analyze` at a terminal (Rich)."""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Analysis, Quote
from .safe_text import clean, data, line

_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def deadline_text(deadline: str | None, latest: str | None) -> str:
    """A deadline as a reader says it: the date, or, without a publication date to count from,
    "18 months after publication (date unknown)" rather than the ISO duration "P18M"."""
    if deadline:
        return deadline
    if not latest:
        return "open"
    import re
    m = re.fullmatch(r"P(\d+)([YMWD])", latest)
    if not m:
        return f"{latest} after publication (date unknown)"
    n, unit = int(m.group(1)), _UNITS[m.group(2)]
    return f"{n} {unit}{'s' if n != 1 else ''} after publication (date unknown)"


def _clip(s: str, n: int = 160) -> str:
    s = " ".join(clean(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _quote_table(title: str, rows: list[tuple[int, Quote]]) -> Table:
    t = Table(title=title, title_justify="left", expand=True)
    t.add_column("#", no_wrap=True)  # the quote's index in the JSON, which forecasts refer to
    t.add_column("speaker", style="green")
    t.add_column("type", no_wrap=True)
    t.add_column("quote")
    for i, q in rows:
        sp = q.speaker
        who = data("—" if sp is None else (sp.name or f"? {sp.mention_text}"))
        if sp is not None and sp.name and sp.mention_text != sp.name:
            who.append_text(line("\n", (f"({sp.mention_text})", "dim")))
        t.add_row(str(i), who, data(q.type), data(_clip(q.text, 300)))
    return t


def render(a: Analysis, console: Console) -> None:
    art = a.article
    text = art.text
    meta = Table.grid(padding=(0, 2))
    for k, v in (("id", art.id), ("title", art.title), ("published", art.published), ("url", art.url),
                 ("authors", ", ".join(art.authors) or None), ("language", art.language),
                 ("length", f"{len(text.split()):,} words")):
        if v:
            meta.add_row(Text(k, style="bold"), data(v))
    parts: list = [meta]

    st = art.structure
    rows = [(k, s) for k in ("subheadings", "captions", "photo_credits", "related_links", "pull_quotes",
                                 "datelines", "contributors", "repeated_quotes")
            for s in getattr(st, k)]
    if rows:
        t = Table(title="Structure (not taken as quotes or forecasts)", title_justify="left", expand=True)
        t.add_column("kind", style="cyan", no_wrap=True)
        t.add_column("text")
        for k, s in rows:
            t.add_row(k.replace("_", " ").rstrip("s"), data(_clip(text[s[0]:s[1]])))
        parts.append(t)

    if a.people:
        t = Table(title=f"People ({len(a.people)})", title_justify="left", expand=True)
        for c in ("id", "name", "kind", "mentions", "description"):
            t.add_column(c, no_wrap=c in ("id", "kind"))
        for p in a.people:
            t.add_row(data(p.id), data(p.name), data(p.kind), str(len(p.mentions)),
                      data(_clip("; ".join(p.descriptions), 80)))
        parts.append(t)

    # what was said first, then what people are reported to think, want or have found: a reader
    # checking who said what must not take a belief for a statement
    numbered = list(enumerate(a.quotes))
    for kind, title in (("speech", "Quotes"), ("stance", "Stance attributions")):
        rows = [(i, q) for i, q in numbered if q.kind == kind]
        if kind == "stance" and not rows:
            continue
        parts.append(_quote_table(f"{title} ({len(rows)})", rows))

    t = Table(title=f"Forecasts ({len(a.forecasts)})", title_justify="left", expand=True)
    for c in ("owner", "p", "deadline", "forecast"):
        t.add_column(c, no_wrap=c in ("p", "deadline"))
    for f in a.forecasts:
        p = data("—" if f.probability is None else f"{f.probability:.2f}")
        if f.hedge:
            p.append_text(line("\n", (f.hedge, "dim")))
        dl = deadline_text(f.deadline, f.horizon.latest if f.horizon else None)
        body = data(_clip(f.text, 300))
        if f.condition_text:
            body.append_text(line("\n", (f"if: {_clip(f.condition_text, 120)}", "dim")))
        t.add_row(data(f.owner_name or "(author)"), p, data(dl), body)
    parts.append(t)
    console.print(Panel(Group(*parts), title=data(art.title or art.id or "article", "bold"), expand=True))


def render_eval(figures: dict, console: Console) -> None:
    t = Table(title=f"Evaluation on {figures['articles']} articles", title_justify="left")
    for c in ("what", "overlap", "P", "R", "F1", "speaker acc", "mention acc", "gold", "predicted"):
        t.add_column(c, justify="right" if c not in ("what",) else "left")
    fmt = lambda x: "—" if x is None else (f"{x:.3f}" if isinstance(x, float) else str(x))  # noqa: E731
    for thr in ("0.3", "0.8"):
        fq = figures[f"overlap_{thr}"]["quotes"]
        t.add_row("quotes", thr, fmt(fq["P"]), fmt(fq["R"]), fmt(fq["F1"]), fmt(fq["speaker_acc"]),
                  fmt(fq["mention_acc"]), str(fq["gold"]), str(fq["pred"]))
    console.print(t)
    kinds = figures["overlap_0.3"]["quotes"].get("by_kind") or {}
    if any(k["pred"] for k in kinds.values()):
        t = Table(title="Quotes by kind (30% overlap; gold rows of quote_scope all)", title_justify="left")
        for c in ("kind", "P", "speaker acc", "hit", "predicted"):
            t.add_column(c, justify="left" if c == "kind" else "right")
        for name, k in kinds.items():
            t.add_row(name, fmt(k["P"]), fmt(k["speaker_acc"]), str(k["tp_pred"]), str(k["pred"]))
        console.print(t)
    ff = figures["overlap_0.3"].get("forecasts")
    if ff:
        t = Table(title="Forecasts (30% overlap)", title_justify="left")
        for c in ("P", "R", "F1", "owner acc", "probability acc", "deadline acc", "no-deadline acc", "gold", "predicted"):
            t.add_column(c, justify="right")
        t.add_row(*(fmt(ff[k]) for k in ("P", "R", "F1", "owner_acc", "prob_acc", "deadline_acc",
                                          "no_deadline_acc", "gold", "pred")))
        console.print(t)
