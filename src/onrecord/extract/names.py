"""Clean canonical names: what the model took into a PERSON span that is not part of the name.

- a platform, product, event or body the model tags PERSON ("Twitter", "Brexit", "the Moon"):
  a curated list of frequent ones (data/not_people.txt), and the parse: "on Twitter", "via Facebook";
- a headline's verb or noun after the name ("Obama Says", "Clinton Plan"): a speech verb, or a word
  the same article writes in lower case elsewhere, is a common word, not a name;
- an epithet in front ("Crooked Hillary", "Miss Universe Alicia Machado"): a word the article writes
  in lower case, or a pageant title, goes to the descriptions;
- a possessive ("Trump’s") is not part of the name.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.attrs import IS_ALPHA, IS_LOWER, LENGTH, ORTH, POS
from spacy.symbols import ADJ
from spacy.tokens import Doc, Span, Token

from .lexicon import SPEECH_VERBS

POSSESSIVE = re.compile(r"['’]s?$")
# "Miss Universe Alicia Machado", "Mr. Olympia": a pageant's title before the name
PAGEANT = {"miss", "mister", "mr", "mrs", "ms"}
PLATFORM_PREPOSITIONS = {"on", "via"}
POSTING = {"write", "post", "say", "tweet", "share", "announce", "comment", "appear", "publish", "broadcast",
           "stream", "message", "upload", "reply", "respond", "complain", "vow", "declare", "add", "claim", "insist"}


@lru_cache(maxsize=1)
def not_people() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "not_people.txt"
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def is_not_person(name: str) -> bool:
    """A name on the list of frequent non-person names, with or without "the"."""
    low = " ".join(name.lower().split())
    return low in not_people() or re.sub(r"^the\s+", "", low) in not_people()


def on_platform(span: Span) -> bool:
    """"posted on Twitter", "via Facebook": a one-word name governed by "on"/"via" is a platform."""
    toks = [t for t in span if not t.is_punct]
    if len(toks) != 1:
        return False
    root = toks[0]
    if root.dep_ != "pobj" or root.head.lower_ not in PLATFORM_PREPOSITIONS:
        return False
    # what is posted, written or shown on it; "called on Obama" is a request made of a person
    governor = root.head.head
    return governor.lemma_ in POSTING or (governor.pos_ == "NOUN" and governor.lemma_ not in ("pressure", "call"))


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    forms = set()
    for v in SPEECH_VERBS:
        if " " in v:
            continue
        forms |= {v, v + "s", v + "es", v + "d", v + "ed"}
        if v.endswith("y"):
            forms |= {v[:-1] + "ies", v[:-1] + "ied"}
    return frozenset(forms)


def lower_words(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """Words the article writes in lower case somewhere (common words, whatever a headline does),
    and those of them it uses as adjectives ("a crooked deal")."""
    cached = doc.user_data.get("onrecord_lower_words")
    if cached is None:
        strings = doc.vocab.strings  # read as one array: a Token object per word is what cost
        low = [(strings[orth], pos) for alpha, lower, length, pos, orth
               in doc.to_array([IS_ALPHA, IS_LOWER, LENGTH, POS, ORTH]).tolist() if alpha and lower and length > 2]
        cached = (frozenset(w for w, _ in low), frozenset(w for w, pos in low if pos == ADJ))
        doc.user_data["onrecord_lower_words"] = cached
    return cached


def _common_end(tok: Token, lower: frozenset[str]) -> bool:
    """A verb or common noun after a name; a surname that is also a word ("Susan Rice") is PROPN."""
    low = tok.text.lower()
    return low in _verb_forms() or (low in lower and tok.pos_ in ("NOUN", "VERB"))


def _epithet(tok: Token, adjectives: frozenset[str]) -> bool:
    """"Crooked Hillary": an adjective before the name, or a word the article uses as one."""
    return tok.pos_ in ("ADJ", "VERB") or tok.text.lower() in adjectives


def clean_name(tokens: list[Token], doc: Doc) -> tuple[list[Token], list[str]]:
    """The tokens of the name proper, and the epithets or pageant titles taken off its front."""
    lower, adjectives = lower_words(doc)
    epithets: list[str] = []
    before = doc[tokens[0].i - 1] if tokens and tokens[0].i > 0 else None
    if len(tokens) >= 3 and before is not None and before.text.lower().rstrip(".") in PAGEANT:
        # "Miss Universe Alicia Machado": the title holds a word that is no name of hers
        epithets.append(f"{before.text} {tokens[0].text}")
        tokens = tokens[1:]
    elif len(tokens) >= 4 and tokens[0].text.lower().rstrip(".") in PAGEANT:
        epithets.append(f"{tokens[0].text} {tokens[1].text}")
        tokens = tokens[2:]
    while len(tokens) > 1 and _epithet(tokens[0], adjectives):
        epithets.append(tokens[0].text)
        tokens = tokens[1:]
    while len(tokens) > 1 and _common_end(tokens[-1], lower):
        tokens = tokens[:-1]
    return tokens, ([" ".join(epithets)] if epithets else [])


def strip_possessive(word: str) -> str:
    return POSSESSIVE.sub("", word) if len(word) > 2 and re.search(r"['’]s?$", word) else word


def split_possessive(tokens: list[Token]) -> list[Token]:
    """"Obama’s Legacy", "Breitbart’s Joel Pollak": a possessive inside a name span joins two
    things. The owner is the person when one word follows, the possessed when a full name does."""
    cut = next((i for i, t in enumerate(tokens[:-1]) if t.tag_ == "POS" or t.text in ("’s", "'s")), None)
    if cut is None:
        return tokens
    after = [t for t in tokens[cut + 1:] if not t.is_punct]
    return tokens[cut + 1:] if len(after) >= 2 else tokens[:cut]
