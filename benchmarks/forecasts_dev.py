"""Forecasts on the PolNeAR dev gold (24 articles, two annotators) through the FORMAT.md contract.

    python benchmarks/forecasts_dev.py [../shared/eval/forecasts-dev/polnear-dev24.jsonl] [--out PRED.jsonl] [--show]

Analyses each gold text with its publication date, writes what `onrecord analyze --jsonl` would print
to PRED.jsonl (default: a temporary file), scores it with onrecord's scorer (which agrees with
`python3 ../shared/tools/score.py GOLD PRED.jsonl`), and prints the forecast figures. --show lists
the misses, the false alarms and the wrong owners, probabilities and deadlines to read.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from onrecord.analysis import Request, analyze_many
from onrecord.evaluation.scoring import _date, covers, same_person, score

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "forecasts-dev" / "polnear-dev24.jsonl"


def _hits(pred: dict, gold: dict) -> bool:
    return any(covers(pred["span"], s, 0.3) or covers(s, pred["span"], 0.3) for s in [gold["span"], *gold.get("also", [])])


def _show(gold_rows: list[dict], preds: dict[str, dict]) -> None:
    for g in gold_rows:
        text, pf = g["text"], preds[g["id"]]["forecasts"]
        req = [f for f in g["forecasts"] if f.get("required", True)]
        opt = [f for f in g["forecasts"] if not f.get("required", True)]
        for gf in req:
            s, e = gf["span"]
            cands = [f for f in pf if _hits(f, gf)]
            if not cands:
                print(f"MISS  {g['id'][:30]} {' '.join(text[s:e].split())[:160]!r}")
                continue
            f = cands[0]
            owner = (f.get("owner") or {}).get("name") if f.get("owner") else None
            if gf.get("owner") != "?" and not ((owner is None and gf.get("owner") is None) or (
                    owner and gf.get("owner") and same_person(owner, gf["owner"]))):
                print(f"OWNER {g['id'][:30]} gold={gf.get('owner')} ours={owner} {' '.join(f['text'].split())[:100]!r}")
            lo, hi = gf.get("probability") or (0, 1)
            if f.get("probability") is None or not lo - 1e-9 <= f["probability"] <= hi + 1e-9:
                print(f"PROB  {g['id'][:30]} gold={[lo, hi]} ours={f.get('probability')} ({f.get('hedge')}) "
                      f"{' '.join(f['text'].split())[:100]!r}")
            gd, pd = _date(gf.get("deadline")), _date(f.get("deadline"))
            if gf.get("deadline") != "?" and not (gd is None and pd is None) and not (
                    gd and pd and abs((gd - pd).days) <= gf.get("deadline_tolerance_days", 31)):
                basis = (f.get("horizon") or {}).get("text")
                print(f"DUE   {g['id'][:30]} gold={gf.get('deadline')}±{gf.get('deadline_tolerance_days')} "
                      f"ours={f.get('deadline')} ({basis!r}) {' '.join(f['text'].split())[:100]!r}")
        for f in pf:
            if not any(_hits(f, gf) for gf in req + opt):
                print(f"EXTRA {g['id'][:30]} ({f.get('hedge')}) {' '.join(f['text'].split())[:160]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT))
    ap.add_argument("--out", help="where to write the predictions (JSON Lines)")
    ap.add_argument("--show", action="store_true", help="list misses, false alarms and wrong fields")
    a = ap.parse_args()
    if not Path(a.gold).exists():
        sys.exit(f"no gold file at {a.gold}")
    gold = [json.loads(line) for line in open(a.gold, encoding="utf-8") if line.strip()]
    analyses = analyze_many(Request(g["text"], published=g.get("published"), id=g["id"], html=False) for g in gold)
    preds = {an.id: an.to_dict() for an in analyses}
    out = a.out or tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False).name
    with open(out, "w", encoding="utf-8") as fh:
        for g in gold:
            fh.write(json.dumps(preds[g["id"]], ensure_ascii=False) + "\n")
    report = score(gold, preds, 0.3)
    print(json.dumps(report.figures.get("forecasts")))
    print(f"predictions: {out}  (check: python3 ../shared/tools/score.py {a.gold} {out})")
    if a.show:
        _show(gold, preds)


if __name__ == "__main__":
    main()
