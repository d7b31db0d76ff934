"""Derive onrecord's hedge → probability table from the CAPphrase survey.

    python scripts/derive_hedges.py ../shared/data/capphrase > src/onrecord/extract/data/hedges.json

Source: Kucharski AJ (2026) CAPphrase: Comparative and Absolute Probability phrase dataset,
DOI 10.5281/zenodo.18750055, CC-BY 4.0. For each of its 19 phrases we take the median of the
absolute judgements (0-100) of all respondents, and the interquartile range. The mapping of news
wording onto those phrases lives in onrecord/hedges.py, not here: this script only summarises the
survey.
"""
import csv
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path


def main(root: str) -> None:
    values: dict[str, list[float]] = defaultdict(list)
    with open(Path(root) / "data" / "absolute_judgements.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            try:
                values[row["term"].strip().lower()].append(float(row["probability"]))
            except (ValueError, KeyError):
                continue
    table = {}
    for term, vs in sorted(values.items()):
        q = statistics.quantiles(vs, n=4)
        table[term] = {"median": round(statistics.median(vs) / 100, 3), "q1": round(q[0] / 100, 3),
                       "q3": round(q[2] / 100, 3), "n": len(vs)}
    json.dump({"source": "CAPphrase (Kucharski 2026), DOI 10.5281/zenodo.18750055, CC-BY 4.0: "
                         "median of absolute judgements per phrase",
               "phrases": table}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/capphrase")
