"""Offline language identification (langdetect), made deterministic."""
from __future__ import annotations

import re

from langdetect import DetectorFactory, LangDetectException, detect_langs

DetectorFactory.seed = 0  # langdetect samples at random; a fixed seed makes `analyze` deterministic
MIN_CHARS = 40  # below this nobody can tell, so English is assumed
SAMPLE_CHARS = 3000
# The commonest English function words are about 31% of the words of English news (the median
# of 1,086 English development texts) and at most 8% of the 19 pages in other languages there
# (benchmarks/language_fast_path.py); a sample where they are a fifth of the words is English
# without asking langdetect, whose random trials cost more than tagging a short article.
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in is that for on was with said he it as by at his be are from has have not this "
    "which but will they an were who had their been would she its her".split())
FAST_PATH_SHARE = 0.2
FAST_PATH_MIN_WORDS = 30
_WORD = re.compile(r"[^\W\d_]+")


def looks_english(sample: str) -> bool:
    words = _WORD.findall(sample.lower())
    if len(words) < FAST_PATH_MIN_WORDS:
        return False
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) >= FAST_PATH_SHARE * len(words)


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language; "en" when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_CHARS or looks_english(sample):
        return "en"
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return "en"
    # a mixed page with some English is still worth analysing; only a clear verdict stops it
    return best.lang if best.prob >= 0.9 else "en"
