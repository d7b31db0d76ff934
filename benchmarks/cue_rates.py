"""How often each verb or noun is an attribution cue in PolNeAR, to extend `extract/data/cues.txt`.

    python benchmarks/cue_rates.py [../shared/eval/polnear/train] [--pos VERB] [--min-rate 0.5] [--min-count 8]

For every token of the part of speech outside the gold attributions' content (a verb inside a
quote is the quoted speaker's), the share of occurrences that are a gold Cue, by lemma; "framed"
counts only uses with a subject and a complement, the frame an attribution needs. Lemmas already
in the lexicon are marked `L`. Read it on train only: dev is the check of what is added.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from onrecord.extract.lexicon import CUES
from onrecord.extract.pipeline import pipeline

SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent", "poss"}
COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "prep", "acl", "oprd"}


def cue_and_content_spans(ann: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the Cue and Content roles of a BRAT attribution file."""
    spans: dict[str, tuple[int, int]] = {}
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            offsets = [int(x) for x in re.findall(r"\d+", parts[1].split(" ", 1)[1])]
            spans[parts[0]] = (min(offsets), max(offsets))
    cues, contents = [], []
    for line in ann.splitlines():
        if line.startswith("E"):
            roles = dict(x.split(":", 1) for x in line.split("\t")[1].split() if ":" in x)
            cues += [spans[roles["Cue"]]] if roles.get("Cue") in spans else []
            contents += [spans[roles["Content"]]] if roles.get("Content") in spans else []
    return cues, contents


def articles(directory: Path):
    seen = set()
    for ann in sorted((directory / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        text = directory / "text" / f"{stem}.txt"
        if stem in seen or not text.exists():
            continue  # an article annotated twice counts once, with its first annotation
        seen.add(stem)
        yield text.read_text(encoding="utf-8"), ann.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("split", nargs="?", default="../shared/eval/polnear/train", type=Path)
    ap.add_argument("--pos", default="VERB")
    ap.add_argument("--min-rate", type=float, default=0.5)
    ap.add_argument("--min-count", type=int, default=8)
    args = ap.parse_args(argv)
    if not (args.split / "attributions").is_dir():
        print(f"no PolNeAR split at {args.split}", file=sys.stderr)
        return 2
    nlp = pipeline()
    seen, cue, framed, framed_cue = Counter(), Counter(), Counter(), Counter()
    docs = list(articles(args.split))
    for n, (doc, (_, ann)) in enumerate(zip(nlp.pipe(text for text, _ in docs), docs), 1):
        cues, contents = cue_and_content_spans(ann)
        for tok in doc:
            if tok.pos_ != args.pos:
                continue
            is_cue = any(a <= tok.idx < b for a, b in cues)
            if not is_cue and any(a <= tok.idx < b for a, b in contents):
                continue
            deps = {c.dep_ for c in tok.children}
            seen[tok.lemma_] += 1
            cue[tok.lemma_] += is_cue
            if deps & SUBJECT_DEPS and deps & COMPLEMENT_DEPS:
                framed[tok.lemma_] += 1
                framed_cue[tok.lemma_] += is_cue
        if n % 100 == 0:
            print(f"{n}/{len(docs)} articles", file=sys.stderr)
    rows = [(lemma, seen[lemma], cue[lemma] / seen[lemma]) for lemma in seen if seen[lemma] >= args.min_count]
    for lemma, count, rate in sorted(rows, key=lambda r: -r[2]):
        if rate >= args.min_rate:
            f = framed[lemma]
            print(f"{lemma:18} {'L' if lemma in CUES else '-'} n={count:5} rate={rate:.2f}  "
                  f"framed n={f:5} rate={framed_cue[lemma] / max(1, f):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
