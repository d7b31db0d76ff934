"""A surface fallback for "NAME says CLAUSE" where the parse has no cue.

The tagger sometimes reads "Trump charges that …" as two nouns, or "said" as an adjective, and
the parser then gives the cue no subject and no clause. The word order still shows the
attribution: a name or personal pronoun, a finite form of a verb of saying, then a clause
("that …" or a subject and its verb) — or, at the end of a sentence, "…, NAME says."
"""
from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from .attribution import Attribution, _trim, overlap

SAYING = "say tell claim charge argue add note write insist warn contend maintain assert suggest explain admit".split()
IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "writes": "write"}
PRONOUNS = {"he", "she", "they", "we", "i"}


def _forms() -> dict[str, str]:
    forms = dict(IRREGULAR)
    for lemma in SAYING:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms.setdefault(lemma + "s", lemma)
        forms.setdefault(stem + "ed", lemma)
    return forms


FORMS = _forms()


def _speaker_before(cue: Token, names: set[str]) -> Token | None:
    if cue.i == cue.sent.start:
        return None
    prev = cue.doc[cue.i - 1]
    if prev.pos_ == "PRON" and prev.lower_ in PRONOUNS:
        return prev
    # a capitalised word the tagger took for a common noun here ("Trump/NOUN charges/NOUN that …")
    # but for a name elsewhere in the article
    named = prev.pos_ == "PROPN" or (prev.is_title and prev.pos_ == "NOUN" and prev.lower_ in names)
    return prev if named else None


def _clause_after(cue: Token) -> tuple[int, int] | None:
    doc, end = cue.doc, cue.sent.end
    start = cue.i + 1
    if cue.dep_ in ("nsubj", "nsubjpass"):
        return None  # "Harbour charges … were high": the noun is what the sentence is about
    if start < end and doc[start].lower_ == "that":
        if doc[start].dep_ != "mark":
            return None  # "the charges that the board set": a relative clause
        start += 1
    if start >= end or doc[start].pos_ not in ("DET", "PRON", "PROPN", "NOUN", "ADJ", "NUM"):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[start:end]):
        return None
    return _trim(doc, start, end)


def _clause_before(cue: Token, speaker: Token) -> tuple[int, int] | None:
    """"Prices will rise, Lund says." with "says" mis-tagged: the cue ends the sentence."""
    doc, sent = cue.doc, cue.sent
    after = [t for t in doc[cue.i + 1:sent.end] if not t.is_space]
    if after and not all(t.is_punct for t in after):
        return None
    i = speaker.i
    while i > sent.start and doc[i - 1].pos_ == "PROPN":
        i -= 1
    if i - 1 <= sent.start or doc[i - 1].text != ",":
        return None
    return _trim(doc, sent.start, i - 1)


def find(doc: Doc, excluded: list[tuple[int, int]], speech: list[tuple[int, int]],
         taken: set[int]) -> list[Attribution]:
    """Attributions by word order for forms of saying the parse did not make a verb; `taken` holds
    the token indices of cues already attributed."""
    out = []
    names = None
    # the forms are found in the array of lower-case word ids: a Token object per word of the
    # article, to ask each, cost more than the rest of this step
    forms = {doc.vocab.strings[f] for f in FORMS}
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        if lower not in forms:
            continue
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") or tok.i in taken:
            continue
        if any(overlap((tok.idx, tok.idx + 1), x) for x in excluded) or any(a < tok.idx < b for a, b in speech):
            continue
        if names is None:  # once per article, and only where a form of saying is mis-tagged
            names = {t.lower_ for t in doc if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG")}
        speaker = _speaker_before(tok, names)
        if speaker is None:
            continue
        content = _clause_after(tok) or _clause_before(tok, speaker)
        if content is not None:
            out.append(Attribution(tok, speaker, content))
    return out
