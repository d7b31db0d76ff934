"""How often the English fast path of language detection decides, and whether it ever disagrees
with langdetect, on the development texts (PolNeAR dev/train, Zyte pages' bodies).

    python benchmarks/language_fast_path.py [../shared]

Prints, per set: texts, how many the fast path calls English, how many of those langdetect would
call another language (must be 0), and the share of function words in the least English-looking text.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from langdetect import detect_langs

from onrecord.sources import language


def share(sample: str) -> float:
    words = language._WORD.findall(sample.lower())
    return sum(w in language.ENGLISH_FUNCTION_WORDS for w in words) / max(1, len(words))


def texts(shared: Path) -> dict[str, list[str]]:
    sets = {name: [p.read_text(encoding="utf-8") for p in sorted((shared / "eval/polnear" / name / "text").glob("*.txt"))]
            for name in ("dev", "train")}
    truth = json.loads((shared / "eval/zyte-article-extraction/ground-truth.json").read_text(encoding="utf-8"))
    sets["zyte"] = [r.get("articleBody") or "" for r in truth.values()]
    return sets


def main(shared: Path) -> None:
    for name, items in texts(shared).items():
        fast = [t for t in items if language.looks_english(t[:language.SAMPLE_CHARS])]
        wrong = [t for t in fast if detect_langs(t[:language.SAMPLE_CHARS])[0].lang != "en"]
        slow = [share(t[:language.SAMPLE_CHARS]) for t in items if t not in fast and t.strip()]
        print(f"{name:6s} {len(items):4d} texts, fast path says English for {len(fast):4d}, "
              f"langdetect disagrees on {len(wrong)}; the rest's highest function-word share "
              f"{max(slow, default=0):.2f}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
