"""The Parquet layout written by `onrecord batch` and read back by `onrecord ingest DIR`.

    DIR/onrecord-batch.json             marker: format version, inputs, counts
    DIR/articles/part-00000.parquet     one row per input article, in input order
    DIR/quotes/part-00000.parquet       one row per quote
    DIR/forecasts/part-00000.parquet    one row per forecast
    DIR/mentions/part-00000.parquet     one row per person of an article (FORMAT.md `people`)

Rows of the four datasets join on `input_hash` (the SHA-256 of the input as read). An article row
keeps the whole FORMAT.md analysis as JSON in `analysis`, so loading it into a ledger needs no
NLP; the other three are flat tables for DuckDB, pandas or Spark users.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

MARKER = "onrecord-batch.json"
FORMAT_VERSION = 1

SCHEMAS = {
    "articles": pa.schema([("part", pa.int32()), ("position", pa.int32()), ("where", pa.string()),
                           ("input_hash", pa.string()), ("status", pa.string()), ("error", pa.string()),
                           ("id", pa.string()), ("url", pa.string()), ("title", pa.string()),
                           ("published", pa.string()), ("language", pa.string()), ("text", pa.string()),
                           ("analysis", pa.string())]),
    "quotes": pa.schema([("input_hash", pa.string()), ("position", pa.int32()), ("start", pa.int32()),
                         ("end", pa.int32()), ("text", pa.string()), ("type", pa.string()),
                         ("person", pa.string()), ("speaker_text", pa.string())]),
    "forecasts": pa.schema([("input_hash", pa.string()), ("position", pa.int32()), ("start", pa.int32()),
                            ("end", pa.int32()), ("text", pa.string()), ("person", pa.string()),
                            ("probability", pa.float64()), ("hedge", pa.string()), ("polarity", pa.string()),
                            ("condition", pa.string()), ("horizon", pa.string()), ("deadline", pa.string())]),
    "mentions": pa.schema([("input_hash", pa.string()), ("local_id", pa.string()), ("name", pa.string()),
                           ("kind", pa.string()), ("descriptions", pa.list_(pa.string())),
                           ("spans", pa.string())]),
}


def is_batch(path: str) -> bool:
    return (Path(path) / MARKER).is_file()


def rows(part: int, position: int, where: str, input_hash: str, status: str, error: str | None = None,
         analysis: dict | None = None) -> dict[str, list[dict]]:
    """The rows of one input in each dataset."""
    art = (analysis or {}).get("article", {})
    out: dict[str, list[dict]] = {
        "articles": [{"part": part, "position": position, "where": where, "input_hash": input_hash,
                      "status": status, "error": error, "id": (analysis or {}).get("id"), "url": art.get("url"),
                      "title": art.get("title"), "published": art.get("published"),
                      "language": art.get("language"), "text": art.get("text"),
                      "analysis": json.dumps(analysis, ensure_ascii=False) if analysis is not None else None}],
        "quotes": [], "forecasts": [], "mentions": []}
    if analysis is None:
        return out
    for i, q in enumerate(analysis.get("quotes", [])):
        sp = q.get("speaker") or {}
        out["quotes"].append({"input_hash": input_hash, "position": i, "start": q["span"][0], "end": q["span"][1],
                              "text": q["text"], "type": q["type"], "person": sp.get("person"),
                              "speaker_text": sp.get("mention_text")})
    for i, f in enumerate(analysis.get("forecasts", [])):
        out["forecasts"].append({"input_hash": input_hash, "position": i, "start": f["span"][0],
                                 "end": f["span"][1], "text": f["text"], "person": (f.get("owner") or {}).get("person"),
                                 "probability": f.get("probability"), "hedge": f.get("hedge"),
                                 "polarity": f.get("polarity"), "condition": (f.get("condition") or {}).get("text"),
                                 "horizon": (f.get("horizon") or {}).get("text"), "deadline": f.get("deadline")})
    for p in analysis.get("people", []):
        out["mentions"].append({"input_hash": input_hash, "local_id": p["id"], "name": p["name"],
                                "kind": p.get("kind"), "descriptions": list(p.get("descriptions", [])),
                                "spans": json.dumps(p.get("mentions", []))})
    return out


def clear(out: Path) -> None:
    """Make `out` ready for a new job: the part files of an earlier one would be read with it."""
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).unlink(missing_ok=True)
    for name in SCHEMAS:
        for f in (out / name).glob("part-*.parquet"):
            f.unlink()


def write_part(out: Path, part: int, tables: dict[str, list[dict]]) -> None:
    """One partition's files; written under a temporary name and renamed, so that a part file that
    exists is complete."""
    for name, schema in SCHEMAS.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".part-{part:05d}.parquet.tmp"
        pq.write_table(pa.Table.from_pylist(tables.get(name, []), schema=schema), tmp)
        tmp.rename(folder / f"part-{part:05d}.parquet")


def write_marker(out: Path, info: dict) -> None:
    (out / MARKER).write_text(json.dumps({"format": FORMAT_VERSION, **info}, indent=2) + "\n", encoding="utf-8")


def read_articles(out: Path) -> Iterator[dict]:
    """Article rows in input order, one part file at a time (memory stays at one part)."""
    for f in sorted((out / "articles").glob("part-*.parquet")):
        yield from pq.read_table(f).to_pylist()
