"""Hedge words → probabilities, anchored on the CAPphrase survey (data/hedges.json).

data/hedges.json is derived by scripts/derive_hedges.py: the median of 5,174 people's numeric
readings of each of CAPphrase's 19 phrases. News does not use the survey's phrases verbatim, so
WORDING maps what reporters and pundits write onto the nearest surveyed phrase and the statistic
of it that fits: "undoubtedly" sits between "almost certain" (median 0.95) and "will happen"
(1.0), so it takes the upper quartile of "almost certain".
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

# wording in the text → (CAPphrase phrase, statistic)
WORDING: dict[str, tuple[str, str]] = {
    # certainty
    "will": ("will happen", "median"), "shall": ("will happen", "median"), "is going to": ("will happen", "median"),
    "is set to": ("will happen", "median"), "is bound to": ("almost certain", "q3"),
    "undoubtedly": ("almost certain", "q3"), "certainly": ("almost certain", "q3"),
    "definitely": ("almost certain", "q3"), "surely": ("almost certain", "q3"), "no doubt": ("almost certain", "q3"),
    "inevitably": ("almost certain", "q3"), "inevitable": ("almost certain", "q3"), "guaranteed": ("almost certain", "q3"),
    "without doubt": ("almost certain", "q3"), "sure": ("almost certain", "q3"),
    "almost certainly": ("almost certain", "median"), "virtually certain": ("almost certain", "median"),
    "all but certain": ("almost certain", "median"), "near certain": ("almost certain", "median"),
    # likely
    "very likely": ("highly likely", "median"), "highly likely": ("highly likely", "median"),
    "most likely": ("highly likely", "median"), "very probably": ("highly likely", "median"),
    "likely": ("likely", "median"), "probably": ("likely", "median"), "probable": ("probable", "median"),
    "is expected to": ("likely", "median"), "expected": ("likely", "median"), "expects": ("likely", "median"),
    "is poised to": ("likely", "median"), "predicted": ("likely", "median"), "forecast": ("likely", "median"),
    "good chance": ("very good chance", "median"), "strong chance": ("very good chance", "median"),
    "more likely than not": ("better than even", "median"), "better than even": ("better than even", "median"),
    "could well": ("realistic possibility", "median"), "real possibility": ("realistic possibility", "median"),
    "realistic possibility": ("realistic possibility", "median"),
    # even and below
    "fifty-fifty": ("about even", "median"), "toss-up": ("about even", "median"),
    "could": ("could happen", "median"), "may": ("may happen", "median"), "might": ("might happen", "median"),
    "possibly": ("could happen", "median"), "possible": ("could happen", "median"), "perhaps": ("might happen", "median"),
    "maybe": ("might happen", "median"),
    "unlikely": ("unlikely", "median"), "not likely": ("unlikely", "median"), "doubtful": ("unlikely", "median"),
    "improbable": ("improbable", "median"), "hard to imagine": ("improbable", "median"),
    "difficult to imagine": ("improbable", "median"),
    "very unlikely": ("highly unlikely", "median"), "highly unlikely": ("highly unlikely", "median"),
    "little chance": ("little chance", "median"), "slim chance": ("little chance", "median"),
    "slight chance": ("chances are slight", "median"), "remote": ("remote chance", "median"),
    "almost no chance": ("almost no chance", "median"), "virtually no chance": ("almost no chance", "median"),
    "no chance": ("almost no chance", "median"),
    # likelihood nouns and frames ("a 50-50 chance that", "odds are that", "expects X to")
    "fifty-fifty chance": ("about even", "median"), "even chance": ("about even", "median"),
    "very good chance": ("very good chance", "median"),
    "odds are": ("likely", "median"), "chance": ("realistic possibility", "median"),
    "possibility": ("could happen", "median"), "real chance": ("realistic possibility", "median"),
    "small chance": ("little chance", "median"), "low chance": ("little chance", "median"),
    "high chance": ("very good chance", "median"),
    # "would" with a horizon: the conditional forecast of a model or a scenario, not a plain "will"
    "would": ("likely", "median"),
}


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, float]]:
    raw = resources.files("onrecord.extract").joinpath("data", "hedges.json").read_text(encoding="utf-8")
    return json.loads(raw)["phrases"]


def probability(wording: str) -> float | None:
    """The probability a reader takes `wording` to mean, or None for wording we do not know."""
    key = " ".join(wording.lower().split())
    if key not in WORDING:
        return None
    phrase, stat = WORDING[key]
    return table()[phrase][stat]


def strongest(words: list[str]) -> str | None:
    """Of several hedges on one statement, the one a reader hears: an adverb ("undoubtedly",
    "probably") qualifies the modal it stands with, so it wins over "will"."""
    known = [w for w in words if w.lower() in WORDING]
    if not known:
        return None
    modals = {"will", "shall", "is going to", "is set to", "would"}
    qualifiers = [w for w in known if w.lower() not in modals]
    return qualifiers[-1] if qualifiers else known[0]
