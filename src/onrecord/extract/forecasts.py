"""Forecasts: statements about the future that a later reader could check (../shared/eval/FORECASTS.md).

A forecast is a clause whose predicate carries a future marker ("will", "is going to", "could",
"may", "might", "is expected/set/likely/bound to"), or the answer to a "When will …?" question
that names a horizon. It is not a forecast when it is a question, a condition ("if … can"), a
relative clause describing something, an announced plan ("we will hold a vote"), a schedule ("the
vote will be held on Tuesday"), past possibility ("could have"), or text in captions, credits,
related links or subheadings. Normative "must/should" never has a future marker here.

Each forecast gets its owner (the speaker of the quote it sits in, else the author), a hedge and
its probability (hedges.py), polarity, condition and horizon/deadline (horizons.py).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import hedges, horizons
from .textcache import text_of
from .lexicon import CUES
from ..model import Forecast, Quote

WILL = {"will", "wo", "'ll", "’ll", "shall"}
MODALS = {"could", "may", "might"}
EXPECT_WORDS = {"expected": "is expected to", "set": "is set to", "poised": "is poised to", "bound": "is bound to",
                "likely": "likely", "unlikely": "unlikely", "certain": "certainly", "sure": "certainly",
                "destined": "is bound to"}
ADVERB_HEDGES = {"probably", "likely", "undoubtedly", "certainly", "definitely", "surely", "possibly", "perhaps",
                 "maybe", "inevitably", "almost certainly", "most likely", "very likely", "very probably"}
DEGREE = {"almost", "very", "most", "highly", "virtually", "quite", "all but"}
CONDITION_MARKS = {"if", "unless", "provided", "once", "as long as"}
# first-person "will" with these is a prediction; with any other verb it is a commitment
PERCEPTION = {"see", "witness", "find", "face", "lose", "win", "have", "get", "feel", "watch", "hear", "need"}
SCHEDULE_VERBS = {"hold", "take", "begin", "start", "open", "close", "meet", "convene", "vote", "travel", "visit",
                  "attend", "host", "launch", "release", "publish", "air", "run", "speak", "address", "testify",
                  "sign", "announce", "resume", "end", "arrive", "depart", "return", "debate", "hear", "rule"}
# verbs that report a statement about the future: "said the plant would close"
REPORTING = {"say", "tell", "predict", "warn", "forecast", "expect", "estimate", "project", "claim", "announce",
             "state", "write", "argue", "insist", "add", "note", "caution", "promise", "vow", "pledge", "believe"}
DENYING = {"mean", "imply", "guarantee", "suggest", "think", "believe", "expect"}
SUBJECTS = ("nsubj", "nsubjpass", "expl")


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def future_marker(tok: Token) -> str | None:
    """The future marker a predicate carries, as hedge wording, or None."""
    if tok.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") or tok.dep_ in ("aux", "auxpass"):
        return None
    auxes = _aux(tok)
    words = [a.lower_ for a in auxes]
    if any(w in WILL for w in words):
        return "will"
    if "would" in words and _reported_future(tok):
        return "will"
    if any(w in MODALS for w in words):
        modal = next(w for w in words if w in MODALS)
        if "have" in words or any(c.dep_ == "neg" for c in tok.children if modal == "could"):
            return None  # "could have won": past possibility; "could not answer": past ability
        return modal
    # "is going to win"
    if tok.dep_ == "xcomp" and tok.head.lower_ == "going" and any(a.lower_ == "to" for a in auxes):
        be = [a for a in _aux(tok.head) if a.lemma_ == "be"]
        if be and be[0].tag_ != "VBD":
            return "is going to"
    # "is expected to rise", "is likely to win"
    if tok.dep_ == "xcomp" and tok.head.lower_ in EXPECT_WORDS and any(a.lower_ == "to" for a in auxes):
        head = tok.head
        be = [a for a in list(_aux(head)) + [c for c in head.children if c.dep_ == "cop"] if a.lemma_ == "be"]
        if head.head.lemma_ == "be":
            be.append(head.head)
        if any(b.tag_ == "VBD" for b in be):
            return None  # "was expected to": a past expectation
        return EXPECT_WORDS[head.lower_]
    return None


def _reported_future(tok: Token) -> bool:
    """"Officials said the plant would close by 2030": "would" is the reported "will". Not when the
    subject is a pronoun ("he said he would go so far as to say"), which reports an intention."""
    if tok.dep_ != "ccomp" or tok.head.lemma_ not in REPORTING or tok.head.tag_ not in ("VBD", "VBN"):
        return False
    subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
    return subj is not None and subj.pos_ != "PRON"


def _hedge_words(tok: Token, marker: str) -> list[str]:
    words = [marker]
    for c in list(tok.children) + [c for a in _aux(tok) for c in a.children]:
        if c.dep_ == "advmod" and c.lower_ in ADVERB_HEDGES:
            # with its own degree word: "almost certainly", "very likely"
            degree = [d.lower_ for d in c.children if d.dep_ == "advmod" and d.lower_ in DEGREE]
            words.append(" ".join(degree + [c.lower_]))
    # framing above the clause: "it is likely that …", "difficult to imagine that …", "no doubt that …"
    for anc in tok.ancestors:
        if anc.lemma_ in ("likely", "unlikely", "possible", "certain", "inevitable", "doubtful", "probable", "sure"):
            words.append(anc.lemma_)
        elif anc.lemma_ == "imagine" and anc.head.lemma_ in ("difficult", "hard"):
            words.append("difficult to imagine")
        elif anc.lemma_ == "doubt" and any(c.lower_ == "no" for c in anc.children):
            words.append("no doubt")
        if anc.dep_ == "ROOT":
            break
    return words


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "neg" for a in _aux(tok) for c in a.children)


def _denied(tok: Token) -> bool:
    """"This does not mean that tomorrow X will …": the author rejects the forecast."""
    head = tok.head
    return tok.dep_ == "ccomp" and head.lemma_ in DENYING and _negated(head)


def _in_relative_clause(tok: Token) -> bool:
    t = tok
    while t.dep_ not in ("ROOT",) and t.head.i != t.i:
        if t.dep_ == "relcl":
            return True
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_ in CUES:
            return False  # inside what somebody says: judged on its own
        t = t.head
    return False


def _subject_of(tok: Token) -> Token | None:
    """The subject of a predicate, or of the "going"/"expected" it hangs from."""
    holders = [tok, tok.head] if tok.dep_ == "xcomp" else [tok]
    return next((c for h in holders for c in h.children if c.dep_ in SUBJECTS), None)


def _is_plan(tok: Token, doc: Doc, times: list) -> bool:
    subj = _subject_of(tok)
    if subj is not None and subj.lower_ in ("i", "we") and tok.lemma_ not in PERCEPTION:
        return True  # "we will hold a vote", "I'm going to bust them": a commitment, not a forecast
    if tok.lemma_ in SCHEDULE_VERBS or (tok.lemma_ == "place" and tok.head.lemma_ == "take"):
        # a named day or date makes it a schedule ("set to end on January 10"), even when no
        # publication date lets us normalise it
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        return any(lo <= t.span[0] < hi and t.type in ("DATE", "TIME") and not (t.value or "").endswith("_REF")
                   and t.type != "DURATION" for t in times)
    return False


def _clause_head(tok: Token) -> Token:
    """The token whose subtree is the predicted outcome: the predicate itself, or for "X is
    expected/likely to win" the clause that starts at X."""
    if tok.dep_ == "xcomp" and (tok.head.lower_ == "going" or tok.head.lower_ in EXPECT_WORDS) and future_marker(tok):
        head = tok.head
        return head.head if head.dep_ == "acomp" and head.head.lemma_ == "be" else head
    return tok


def _clause_span(tok: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """Character span of the predicted outcome: the predicate's clause without its condition, a
    clause joined by "and" with its own subject, or an attribution ("…, he said", "according to X")."""
    doc = tok.doc
    head = _clause_head(tok)
    drop: set[int] = set()
    condition = None
    for c in list(tok.children) + (list(head.children) if head is not tok else []):
        if c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children if m.dep_ == "mark"):
            condition = c
            drop.update(t.i for t in c.subtree)
        elif c.dep_ == "conj" and any(g.dep_ in SUBJECTS for g in c.children):
            drop.update(t.i for t in c.subtree)
            drop.update(t.i for t in c.head.children if t.dep_ == "cc" and t.i < c.i)
        elif c.dep_ in ("parataxis", "ccomp") and c.lemma_ in CUES and any(g.dep_ in SUBJECTS for g in c.children):
            drop.update(t.i for t in c.subtree)
        elif c.dep_ == "prep" and c.lower_ == "according":
            drop.update(t.i for t in c.subtree)  # "According to X, …" names the owner, not the outcome
    idx = [t.i for t in head.subtree if t.i not in drop and not t.is_space]
    if not idx:
        return None, condition
    start, end = idx[0], idx[-1] + 1
    while start < end and (doc[start].dep_ in ("mark", "cc") or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None, condition
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)), condition


def _trim_chars(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "“”\"'‘’,.:;–—-•"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "“”\"'‘’,.:;–—-"):
        e -= 1
    return s, e


def _owner(pos: int, quotes: list[Quote]) -> tuple[int | None, Quote | None]:
    for i, q in enumerate(quotes):
        if q.span[0] <= pos < q.span[1]:
            return i, q
    return None, None


def _answered_questions(doc: Doc, blocked) -> list[tuple[Span, tuple[int, int]]]:
    """"When will the end of Putin? “The next months, a year and a half at the most.”": a question
    about when, and the fragment after it that names a horizon."""
    out = []
    sents = list(doc.sents)
    for q, a in zip(sents, sents[1:]):
        qt = q.text.strip().strip("•").strip()
        if not qt.endswith("?") or not qt.lower().startswith(("when", "how long", "how soon")) or blocked(q.start_char):
            continue
        if text_of(doc).count("\n", q.end_char, a.start_char) > 0:
            continue  # the answer must follow in the same paragraph
        s, e = _trim_chars(text_of(doc), a.start_char, a.end_char)
        horizon, _ = horizons.find(text_of(doc), s, e, None)
        if horizon is not None and horizon.latest and len(text_of(doc)[s:e].split()) <= 15:
            out.append((q, (s, e)))
    return out


def find_forecasts(doc: Doc) -> list[Forecast]:
    st = doc._.structure
    blocked_spans = (st.excluded() + st.subheadings) if st else []
    quotes = doc._.quotes or []
    times = doc._.times or []
    published = doc._.published
    text = text_of(doc)

    def blocked(pos: int) -> bool:
        return any(a <= pos < b for a, b in blocked_spans)

    out: list[Forecast] = []
    for sent in doc.sents:
        if any(a < sent.end_char and sent.start_char < b for a, b in blocked_spans) \
                or sent.text.strip().rstrip("”\"’ ").endswith("?"):
            continue
        for tok in sent:
            marker = future_marker(tok)
            if marker is None or _in_relative_clause(tok) or _is_plan(tok, doc, times):
                continue
            subj = _subject_of(tok)
            if subj is not None and subj.tag_ in ("WP", "WDT"):
                continue  # "what's going to happen" asks, it does not predict
            if tok.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in tok.children if m.dep_ == "mark"):
                continue  # the condition of another clause
            span, condition = _clause_span(tok)
            if span is None or len(text[span[0]:span[1]].split()) < 3:
                continue
            words = _hedge_words(tok, marker)
            hedge = hedges.strongest(words)
            prob = hedges.probability(hedge) if hedge else None
            if _denied(tok):
                hedge, prob = "does not mean", hedges.probability("unlikely")
            f = Forecast(span=span, text=text[span[0]:span[1]], hedge=hedge, probability=prob,
                         polarity="negative" if _negated(tok) else "positive")
            if condition is not None:
                cs = _trim_chars(text, condition.left_edge.idx, condition.right_edge.idx + len(condition.right_edge.text))
                f.condition, f.condition_text = cs, text[cs[0]:cs[1]]
            out.append(f)
    for question, answer in _answered_questions(doc, blocked):
        qs = _trim_chars(text, question.start_char, question.end_char)
        out.append(Forecast(span=answer, text=text[answer[0]:answer[1]], hedge="will",
                            probability=hedges.probability("will"), also=[(qs[0], qs[1] + 1)]))

    # one forecast per stretch of text: a clause nested in another forecast is part of it
    out.sort(key=lambda f: (f.span[0], -f.span[1]))
    kept: list[Forecast] = []
    for f in out:
        if any(k.span[0] <= f.span[0] and f.span[1] <= k.span[1] for k in kept):
            continue
        kept.append(f)
    for f in kept:
        qi, q = _owner(f.span[0], quotes)
        if q is None:
            qi, q = _owner(f.span[1] - 1, quotes)
        f.quote = qi
        if q is not None and f.span[1] > q.span[1] and q.type == "direct":
            f.span = _trim_chars(text, f.span[0], q.span[1])  # not past the quote into "– its speaker"
            f.text = text[f.span[0]:f.span[1]]
        if q is not None and q.speaker is not None and q.speaker.name:
            f.owner_person, f.owner_name = q.speaker.person, q.speaker.name
        f.horizon, f.deadline = horizons.find(text, f.span[0], f.span[1], published)
    return kept


@Language.component("onrecord_forecasts")
def forecasts_component(doc: Doc) -> Doc:
    doc._.forecasts = find_forecasts(doc)
    return doc
