"""Time-expression normalisation on TempEval-3 (TimeBank + AQUAINT).

    python benchmarks/tempeval.py [../shared/eval/tempeval3]

Each document's creation time (DCT) is the publication date. A gold TIMEX3 counts as found when one
of ours overlaps it, and as right when our value equals its value. Prints value precision, recall
and F1 (HeidelTime's TempEval-3 value F1: 0.78), per type, and the time per document.
"""
from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

from onrecord.analysis import Request, analyze_many

TAG = re.compile(r"<(/?)([A-Z0-9]+)([^>]*)>")


def read_tml(path: Path) -> tuple[str, str, list[tuple[int, int, str, str]]]:
    """(text, DCT, [(start, end, type, value)]) from a TimeML file, offsets into the text body."""
    raw = path.read_text(encoding="utf-8")
    dct_value = re.search(r'<DCT><TIMEX3[^>]*value="([^"]+)"', raw).group(1)
    body = raw[raw.index("<TEXT>") + 6:raw.index("</TEXT>")]
    text, gold, pos, open_t = [], [], 0, None
    last = 0
    for m in TAG.finditer(body):
        chunk = body[last:m.start()]
        text.append(chunk)
        pos += len(chunk)
        last = m.end()
        if m.group(2) == "TIMEX3":
            if m.group(1) == "":
                attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(3)))
                open_t = (pos, attrs.get("type"), attrs.get("value"))
            elif open_t is not None:
                gold.append((open_t[0], pos, open_t[1], open_t[2]))
                open_t = None
    text.append(body[last:])
    return "".join(text), f"{dct_value[:4]}-{dct_value[4:6]}-{dct_value[6:8]}" if "-" not in dct_value else dct_value[:10], gold


def canonical(value: str | None) -> str | None:
    """TimeML writes week 6 as W6 or W06; both mean the same week."""
    return re.sub(r"-W0(\d)", r"-W\1", value) if value else value


def main(root: str) -> None:
    files = sorted(Path(root).glob("*/*.tml"))
    docs = [read_tml(f) for f in files]
    t0 = time.perf_counter()
    analyses = list(analyze_many(Request(text, published=dct, id=str(i), html=False)
                                 for i, (text, dct, _) in enumerate(docs)))
    elapsed = time.perf_counter() - t0
    n_gold = n_pred = right = found = 0
    by_type: Counter = Counter()
    by_type_right: Counter = Counter()
    misses: list[str] = []
    for (text, dct, gold), a in zip(docs, analyses):
        preds = [t for t in a.times if t.value is not None]
        n_gold += len(gold)
        n_pred += len(preds)
        for s, e, typ, value in gold:
            by_type[typ] += 1
            hit = next((p for p in preds if p.span[0] < e and p.span[1] > s), None)
            if hit is None:
                misses.append(f"MISS  {text[s:e]!r} {value}")
                continue
            found += 1
            if canonical(hit.value) == canonical(value):
                right += 1
                by_type_right[typ] += 1
            else:
                misses.append(f"WRONG {text[s:e]!r} gold={value} ours={hit.value} ({hit.text!r}, dct {dct})")
        for t in preds:
            if not any(t.span[0] < e and t.span[1] > s for s, e, _, _ in gold):
                misses.append(f"EXTRA {t.text!r} {t.value}")
    p = right / n_pred if n_pred else 0
    r = right / n_gold if n_gold else 0
    f1 = 2 * p * r / (p + r) if p + r else 0
    print(f"TempEval-3 (TimeBank + AQUAINT): {len(files)} documents, {n_gold} gold TIMEX3, {n_pred} predicted")
    print(f"span found (relaxed): {found / n_gold:.3f} of gold")
    print(f"value accuracy on found spans: {right / max(1, found):.3f}")
    print(f"value P {p:.3f}  R {r:.3f}  F1 {f1:.3f}   (HeidelTime: F1 0.78)")
    for typ in sorted(by_type):
        print(f"  {typ:9s} recall of right values {by_type_right[typ] / by_type[typ]:.3f}  (n={by_type[typ]})")
    print(f"time: {elapsed / len(files) * 1000:.0f} ms per document (whole analyze)")
    if "-v" in sys.argv:
        print("\n".join(misses))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(args[0] if args else "../shared/eval/tempeval3")
