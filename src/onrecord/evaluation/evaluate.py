"""`onrecord eval`: analyse a gold set's texts and score them at 30% and 80% overlap."""
from __future__ import annotations

from ..analysis import Request, analyze_many
from .scoring import Report, score


def predict(gold_rows: list[dict], progress=None) -> dict[str, dict]:
    reqs = (Request(g["text"], published=g.get("published"), id=g["id"], html=False) for g in gold_rows)
    out = {}
    for a in analyze_many(reqs):
        out[a.id] = a.to_dict()
        if progress is not None:
            progress()
    return out


def evaluate(gold_rows: list[dict], progress=None) -> tuple[Report, Report]:
    """Scores at 30% and 80% overlap."""
    preds = predict(gold_rows, progress)
    return score(gold_rows, preds, 0.3), score(gold_rows, preds, 0.8)
