"""Rebuild the full gold rows of a text-free gold set from ../shared.

The gold files in this folder (e.g. zyte-speech20.jsonl) hold offsets, speakers and a
SHA-256 of each article, never the article text itself, which belongs to its publisher.
Each row names where its text lives:

    "source": {"file": "eval/zyte-article-extraction/ground-truth.json",
               "key": "<key in that JSON object>", "field": "articleBody", "sha256": "<hex>"}

This script reads that text from the shared folder, checks its SHA-256, and writes the
rows with "text" inserted: gold JSON Lines in the format of ../shared/eval/FORMAT.md,
section 2, ready for ../shared/tools/score.py or `onrecord eval`.

    python benchmarks/gold/materialize.py [OUT.jsonl] [--gold GOLD.jsonl] [--shared DIR]
                                          [--inputs IN.jsonl]

OUT.jsonl    where the full gold goes ("-" or nothing: standard output)
--gold       the text-free gold file (default: zyte-speech20.jsonl next to this script)
--shared     the shared folder (default: <repo>/../shared)
--inputs     also write {"id", "text", "published"} lines for `onrecord analyze IN.jsonl --jsonl`

A benchmark can import it:

    from materialize import materialize
    rows = materialize("benchmarks/gold/zyte-speech20.jsonl", "../shared")

Standard library only.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_GOLD = HERE / "zyte-speech20.jsonl"
DEFAULT_SHARED = REPO.parent / "shared"


class GoldError(Exception):
    """A source text is missing or does not match its recorded SHA-256."""


def _load_json(path: Path, cache: dict) -> object:
    if path not in cache:
        if not path.is_file():
            raise GoldError(f"{path}: no such file (is --shared right?)")
        cache[path] = json.loads(path.read_text(encoding="utf-8"))
    return cache[path]


def materialize(gold_path: str | Path = DEFAULT_GOLD, shared_dir: str | Path = DEFAULT_SHARED) -> list[dict]:
    """The gold rows of `gold_path` with each article's "text" read from `shared_dir`.

    Raises GoldError when a source file or key is missing or a text's SHA-256 differs
    from the one recorded (the offsets would then point at the wrong characters).
    """
    shared = Path(shared_dir)
    cache: dict = {}
    rows = []
    for n, line in enumerate(Path(gold_path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        src = row["source"]
        data = _load_json(shared / src["file"], cache)
        try:
            text = data[src["key"]][src["field"]]
        except (KeyError, TypeError):
            raise GoldError(f"{gold_path}:{n}: {src['file']} has no {src['key']!r}/{src['field']!r}") from None
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != src["sha256"]:
            raise GoldError(f"{gold_path}:{n}: text of {row['id']} has SHA-256 {digest}, gold expects {src['sha256']}")
        for q in row.get("quotes", []):
            s, e = q["span"]
            if not 0 <= s < e <= len(text):
                raise GoldError(f"{gold_path}:{n}: span {q['span']} outside the text ({len(text)} chars)")
        full = {"id": row["id"], "text": text}
        full.update((k, v) for k, v in row.items() if k not in ("id", "text"))
        # no "forecasts" key: the set annotates no forecasts, so the scorer must not score any
        for key, default in (("published", None), ("quote_scope", "all"), ("quotes", []), ("not_quotes", [])):
            full.setdefault(key, default)
        rows.append(full)
    return rows


def _write(rows: list[dict], path: str | None) -> None:
    out = sys.stdout if path in (None, "-") else open(path, "w", encoding="utf-8")
    try:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", default=None, help="full gold JSONL to write (default: stdout)")
    ap.add_argument("--gold", default=str(DEFAULT_GOLD), help="text-free gold file")
    ap.add_argument("--shared", default=str(DEFAULT_SHARED), help="the shared folder (default: <repo>/../shared)")
    ap.add_argument("--inputs", metavar="FILE", help='also write {"id","text","published"} lines for onrecord analyze')
    a = ap.parse_args(argv)
    try:
        rows = materialize(a.gold, a.shared)
    except GoldError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    _write(rows, a.out)
    if a.inputs:
        _write([{"id": r["id"], "text": r["text"], "published": r.get("published")} for r in rows], a.inputs)
    print(f"{len(rows)} articles, {sum(len(r['quotes']) for r in rows)} quotes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
