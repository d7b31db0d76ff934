"""Track records: Brier scores against a 0.5 baseline, hit rates and calibration, per owner."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy.orm import Session

from . import store

BINS = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0001)]


def brier(pairs: list[tuple[float, int]]) -> float:
    """Mean squared distance between stated probability and outcome (1 yes, 0 no)."""
    return sum((p - o) ** 2 for p, o in pairs) / len(pairs)


def calibration(pairs: list[tuple[float, int]]) -> list[dict]:
    out = []
    for lo, hi in BINS:
        inside = [(p, o) for p, o in pairs if lo <= p < hi]
        if inside:
            out.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(inside),
                        "stated": round(sum(p for p, _ in inside) / len(inside), 3),
                        "observed": round(sum(o for _, o in inside) / len(inside), 3)})
    return out


def scores(session: Session, min_resolved: int = 1, today: dt.date | None = None) -> list[dict]:
    """One row per owner with at least `min_resolved` forecasts resolved yes or no ("void" ones are
    counted as resolved but not scored). The author's own forecasts are grouped as owner None."""
    made: dict = defaultdict(int)
    pairs: dict = defaultdict(list)
    resolved: dict = defaultdict(int)
    for row in store.forecasts(session, today=today):
        key = (row["owner_id"], row["owner"])
        made[key] += 1
        if row["status"] != "resolved":
            continue
        resolved[key] += 1
        if row["outcome"] in ("yes", "no") and row["probability"] is not None:
            pairs[key].append((row["probability"], 1 if row["outcome"] == "yes" else 0))
    out = []
    for key, n in made.items():
        ps = pairs.get(key, [])
        if len(ps) < min_resolved:
            continue
        out.append({"owner_id": key[0], "owner": key[1] or "(author)", "made": n, "resolved": resolved[key],
                    "scored": len(ps), "brier": round(brier(ps), 4), "baseline_brier": 0.25,
                    "hit_rate": round(sum(o for _, o in ps) / len(ps), 3),
                    "mean_probability": round(sum(p for p, _ in ps) / len(ps), 3),
                    "calibration": calibration(ps)})
    return sorted(out, key=lambda r: (r["brier"], -r["scored"]))
