"""Gold sets: FORMAT.md JSON Lines, or PolNeAR's BRAT standoff (Content spans are the quotes,
Source spans the speaker mentions; speakers there are mentions, not names)."""
from __future__ import annotations

import json
import re
from pathlib import Path


def load_gold(path: str | Path) -> list[dict]:
    """FORMAT.md gold: JSON Lines, or one record spread over a file whose `article` names the text."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    try:
        rows = [json.loads(raw)]
    except json.JSONDecodeError:
        rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    for r in rows:
        if "text" not in r and r.get("article"):
            r["text"] = (path.parent / r["article"]).read_text(encoding="utf-8")
    return rows


def _brat(ann: str) -> list[dict]:
    spans: dict[str, list[int]] = {}
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            offsets = [int(x) for x in re.findall(r"\d+", parts[1].split(" ", 1)[1])]
            spans[parts[0]] = [min(offsets), max(offsets)]
    quotes = []
    for line in ann.splitlines():
        if not line.startswith("E"):
            continue
        roles = dict(x.split(":", 1) for x in line.split("\t")[1].split() if ":" in x)
        content = roles.get("Content")
        if content not in spans:
            continue
        quotes.append({"span": spans[content], "speaker": None,
                       "speaker_mention": spans.get(roles.get("Source", ""))})
    return sorted(quotes, key=lambda x: x["span"])


def load_polnear(directory: str | Path) -> list[dict]:
    """A PolNeAR split (`text/`, `attributions/`). An article annotated twice is taken with its
    first annotation (by file name), so that each text counts once."""
    d = Path(directory)
    anns: dict[str, Path] = {}
    for ann in sorted((d / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        anns.setdefault(stem, ann)
    rows = []
    for stem, ann in sorted(anns.items()):
        txt = d / "text" / f"{stem}.txt"
        if not txt.exists():
            continue
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", stem)
        rows.append({"id": stem, "text": txt.read_text(encoding="utf-8"), "published": m.group(1) if m else None,
                     "quotes": _brat(ann.read_text(encoding="utf-8"))})
    return rows
