"""Predictions scored against gold by the rules of FORMAT.md section 3.

The figures must agree with the reference scorer shared/tools/score.py; a test checks that they do.
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Span = list[int]
KINDS = ("speech", "stance")
NAME_NOISE = frozenset("mr mrs ms dr sen senator rep gov governor president gen general prof professor sir lord "
                       "prime minister secretary judge mayor the former".split())


# -- names -------------------------------------------------------------------------------------
def _name_words(s: str | None) -> list[str]:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return [w for w in re.findall(r"[a-z]+", s) if w not in NAME_NOISE]


def _surname(w: str) -> str:
    return re.sub(r"(iy|yy|yi|ij|ii|i|y)$", "y", w)


def same_person(pred: str | None, gold: str, aliases: Iterable[str] = ()) -> bool:
    """Surnames equal after folding transliteration endings, first initials compatible."""
    p = _name_words(pred)
    if not p:
        return False
    for g in (gold, *aliases):
        g = _name_words(g)
        if g and _surname(p[-1]) == _surname(g[-1]) and (len(p) == 1 or len(g) == 1 or p[0][0] == g[0][0]):
            return True
    return False


# -- spans -------------------------------------------------------------------------------------
def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covers(pred: Span, gold: Span, thr: float) -> bool:
    """GenderGapTracker's rule: the overlap covers more than `thr` of the gold span."""
    return overlap(pred, gold) / max(1, gold[1] - gold[0]) > thr


def _name(x: Any) -> str | None:
    if not x:
        return None
    return x.get("name") if isinstance(x, dict) else str(x)


def _date(s: Any) -> datetime.date | None:
    """A date; a month or a year alone stands for its last day ("2016-12" is 2016-12-31)."""
    if not s:
        return None
    s = str(s)
    try:
        return datetime.date.fromisoformat(s[:10])
    except ValueError:
        pass
    for fmt, n, step in (("%Y-%m", 7, "month"), ("%Y", 4, "year")):
        try:
            d = datetime.datetime.strptime(s[:n], fmt).date()
        except ValueError:
            continue
        after = (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) if step == "month" \
            else d.replace(year=d.year + 1)
        return after - datetime.timedelta(days=1)
    return None


def _units(quote: dict) -> list[Span]:
    """The spans a predicted quote offers for matching: its parts when it has them, else its span."""
    return [p for p in quote.get("parts") or [] if p] or [quote["span"]]


def _kind(quote: dict) -> str:
    """A quote without `kind` is speech (FORMAT.md section 1)."""
    return quote.get("kind", "speech")


def _kind_counts(by_kind: dict[str, dict[str, int]], quote: dict) -> dict[str, int]:
    return by_kind.setdefault(_kind(quote), dict.fromkeys(("pred", "tp_pred", "spk_gold", "spk_ok"), 0))


def _speaker_name(sp: Any, text: str) -> str | None:
    """The predicted speaker's name; for an unresolved source ("officials said") its mention's words."""
    n = _name(sp)
    if n or not isinstance(sp, dict):
        return n
    m = sp.get("mention")
    return sp.get("mention_text") or (text[m[0]:m[1]] if m and text else None)


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


@dataclass
class Report:
    figures: dict[str, Any]
    misses: list[tuple[str, str]] = field(default_factory=list)  # (article id, gold text)
    false_alarms: list[tuple[str, str]] = field(default_factory=list)
    wrong_speakers: list[tuple[str, str, str, str]] = field(default_factory=list)  # id, quote, gold, predicted


def score(gold_rows: list[dict], preds: dict[str, dict], thr: float = 0.3) -> Report:
    q = dict.fromkeys(("gold", "pred", "tp", "tp_pred", "spk_gold", "spk_ok", "mention_gold", "mention_ok",
                       "not_quote_hits", "missing_articles", "named_gold"), 0)
    f = dict.fromkeys(("gold", "pred", "tp_gold", "tp_pred", "optional_pred", "owner_n", "owner_ok", "prob_n",
                       "prob_ok", "deadline_n", "deadline_ok", "nodeadline_n", "nodeadline_ok",
                       "not_forecast_hits"), 0)
    by_kind: dict[str, dict[str, int]] = {}
    for k in KINDS:
        _kind_counts(by_kind, {"kind": k})
    rep = Report({})
    any_forecasts = False
    for g in gold_rows:
        gid, text = g["id"], g.get("text", "")
        p = preds.get(gid)
        if p is None:
            q["missing_articles"] += 1
            p = {}
        pq = [x for x in p.get("quotes", []) if x.get("span")]
        all_kinds = g.get("quote_scope", "all") != "speech"
        if not all_kinds:
            pq = [x for x in pq if _kind(x) == "speech"]
        gq_all = g.get("quotes", [])
        q["gold"] += len(gq_all)
        q["pred"] += len(pq)
        q["named_gold"] += sum(1 for x in gq_all if x.get("speaker"))
        used: set[tuple[int, int]] = set()
        hit_preds: set[int] = set()
        for gq in gq_all:
            cands = [(overlap(u, gq["span"]), (i, j)) for i, x in enumerate(pq) for j, u in enumerate(_units(x))
                     if (i, j) not in used and covers(u, gq["span"], thr)]
            if not cands:
                rep.misses.append((gid, text[gq["span"][0]:gq["span"][1]]))
                continue
            # the first of the largest overlaps, as the reference scorer takes it
            best = max(cands, key=lambda c: (c[0], -c[1][0], -c[1][1]))[1]
            used.add(best)
            hit_preds.add(best[0])
            q["tp"] += 1
            sp = pq[best[0]].get("speaker") or {}
            if gq.get("speaker"):
                q["spk_gold"] += 1
                said = _speaker_name(sp, text)
                ok = same_person(said or "", gq["speaker"], gq.get("aliases", []))
                q["spk_ok"] += ok
                if all_kinds:
                    kind = _kind_counts(by_kind, pq[best[0]])
                    kind["spk_gold"] += 1
                    kind["spk_ok"] += ok
                if not ok:
                    rep.wrong_speakers.append((gid, text[gq["span"][0]:gq["span"][1]], gq["speaker"], f"{said}"))
            if gq.get("speaker_mention"):
                q["mention_gold"] += 1
                m = sp.get("mention") if isinstance(sp, dict) else None
                q["mention_ok"] += bool(m and overlap(m, gq["speaker_mention"]) > 0)
        q["tp_pred"] += len(hit_preds)
        if all_kinds:  # a speech-scope row has no gold for stance, so it cannot judge either kind's precision
            for i, x in enumerate(pq):
                kind = _kind_counts(by_kind, x)
                kind["pred"] += 1
                kind["tp_pred"] += i in hit_preds
        rep.false_alarms.extend((gid, x.get("text") or text[x["span"][0]:x["span"][1]])
                                for i, x in enumerate(pq) if i not in hit_preds)
        q["not_quote_hits"] += sum(any(overlap(x["span"], nq) > 0 for x in pq) for nq in g.get("not_quotes", []))

        if "forecasts" not in g:
            continue
        any_forecasts = True
        pf = [x for x in p.get("forecasts", []) if x.get("span")]
        f["pred"] += len(pf)
        required = [x for x in g["forecasts"] if x.get("required", True)]
        optional = [x for x in g["forecasts"] if not x.get("required", True)]
        f["gold"] += len(required)

        def hits(pred: dict, gold: dict) -> bool:
            return any(covers(pred["span"], s, thr) or covers(s, pred["span"], thr)
                       for s in [gold["span"], *gold.get("also", [])])

        matched: set[int] = set()
        for gf in required:
            cands = [i for i, x in enumerate(pf) if hits(x, gf)]
            if not cands:
                rep.misses.append((gid, "[forecast] " + text[gf["span"][0]:gf["span"][1]]))
                continue
            f["tp_gold"] += 1
            matched.update(cands)
            x = pf[cands[0]]
            owner = _name(x.get("owner"))
            if gf.get("owner") != "?":
                f["owner_n"] += 1
                f["owner_ok"] += (owner is None and gf.get("owner") is None) or (
                    owner is not None and gf.get("owner") is not None and same_person(owner, gf["owner"], gf.get("aliases", [])))
            if gf.get("probability"):
                f["prob_n"] += 1
                if x.get("probability") is not None:
                    lo, hi = gf["probability"]
                    f["prob_ok"] += lo - 1e-9 <= float(x["probability"]) <= hi + 1e-9
            if gf.get("deadline") == "?":
                pass
            elif gf.get("deadline"):
                f["deadline_n"] += 1
                gd, pd = _date(gf["deadline"]), _date(x.get("deadline"))
                f["deadline_ok"] += bool(gd and pd and abs((gd - pd).days) <= gf.get("deadline_tolerance_days", 31))
            else:
                f["nodeadline_n"] += 1
                f["nodeadline_ok"] += not x.get("deadline")
        for i, x in enumerate(pf):
            if i in matched:
                f["tp_pred"] += 1
            elif any(hits(x, gf) for gf in optional):
                f["optional_pred"] += 1
            else:
                rep.false_alarms.append((gid, "[forecast] " + (x.get("text") or "")))
        f["not_forecast_hits"] += sum(any(overlap(x["span"], nf) > 0 for x in pf) for nf in g.get("not_forecasts", []))

    qp, qr, qf = _prf(q["tp_pred"], q["pred"], q["tp"], q["gold"])
    out: dict[str, Any] = {"quotes": dict(
        P=round(qp, 3), R=round(qr, 3), F1=round(qf, 3),
        speaker_acc=_ratio(q["spk_ok"], q["spk_gold"]), mention_acc=_ratio(q["mention_ok"], q["mention_gold"]),
        end_to_end=round(q["spk_ok"] / max(1, q["named_gold"]), 3),
        **{k: q[k] for k in ("gold", "pred", "tp", "tp_pred", "not_quote_hits", "missing_articles")})}
    out["quotes"]["by_kind"] = {k: dict(P=_ratio(c["tp_pred"], c["pred"]), speaker_acc=_ratio(c["spk_ok"], c["spk_gold"]),
                                        pred=c["pred"], tp_pred=c["tp_pred"]) for k, c in by_kind.items()}
    if any_forecasts and (f["gold"] or f["pred"]):
        fp, fr, ff = _prf(f["tp_pred"], f["pred"] - f["optional_pred"], f["tp_gold"], f["gold"])
        out["forecasts"] = dict(
            P=round(fp, 3), R=round(fr, 3), F1=round(ff, 3), owner_acc=_ratio(f["owner_ok"], f["owner_n"]),
            prob_acc=_ratio(f["prob_ok"], f["prob_n"]), deadline_acc=_ratio(f["deadline_ok"], f["deadline_n"]),
            no_deadline_acc=_ratio(f["nodeadline_ok"], f["nodeadline_n"]),
            **{k: f[k] for k in ("gold", "pred", "tp_gold", "optional_pred", "not_forecast_hits")})
    rep.figures = out
    return rep
