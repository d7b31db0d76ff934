"""Offline language identification (langdetect), made deterministic."""
from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect_langs

DetectorFactory.seed = 0  # langdetect samples at random; a fixed seed makes `analyze` deterministic
MIN_CHARS = 40  # below this nobody can tell, so English is assumed
SAMPLE_CHARS = 3000


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language; "en" when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_CHARS:
        return "en"
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return "en"
    # a mixed page with some English is still worth analysing; only a clear verdict stops it
    return best.lang if best.prob >= 0.9 else "en"
