"""Forecasts: statements about the future that a later reader could check (../shared/eval/FORECASTS.md).

A forecast is a clause whose predicate carries a future marker ("will", "is going to", "could",
"may", "might", "is expected/set/likely/bound to"), or the answer to a "When will …?" question
that names a horizon. It is not a forecast when it is a question, a condition ("if … can"), a
relative clause describing something, an announced plan ("we will hold a vote"), a schedule ("the
vote will be held on Tuesday"), past possibility ("could have"), or text in captions, credits,
related links or subheadings. Normative "must/should" never has a future marker here.
What only looks like a forecast is judged in forecast_filters.py; what text it covers, in
forecast_spans.py.

Each forecast gets its owner (the speaker of the quote it sits in, else the author:
forecast_links.py), a hedge and its probability (hedges.py), polarity, condition and
horizon/deadline (horizons.py).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import anchors, forecast_links as links, forecast_spans as spans, hedges, horizons
from .forecast_filters import describes_object, in_relative_clause, is_plan, not_a_prediction, subject_of
from .forecast_links import trim_chars as _trim_chars
from .textcache import text_of
from ..model import Forecast

from .forecast_words import (  # noqa: F401
    WILL,
    WILL_CLASS,
    MODALS,
    EXPECT_WORDS,
    NEGATED_EXPECT,
    ADVERB_HEDGES,
    DEGREE,
    HABITUAL,
    ABILITY,
    PROPOSALS,
    BELIEF,
    PROPOSE_VERBS,
    CHANCE_NOUNS,
    CONDITION_MARKS,
    PERCEPTION,
    SCHEDULE_VERBS,
    REPORTING,
    DENYING,
    SUBJECTS,
)


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def future_marker(tok: Token) -> str | None:
    """The future marker a predicate carries, as hedge wording, or None."""
    if tok.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") or tok.dep_ in ("aux", "auxpass"):
        return None
    auxes = _aux(tok)
    words = [a.lower_ for a in auxes]
    if any(w in WILL for w in words) or (any(w in ("would", "'d", "’d") for w in words) and _reported_future(tok)):
        if _habitual(tok):
            return None
        return "will"
    if any(w in ("would", "'d", "’d") for w in words) and "have" not in words and not _habitual(tok):
        return "would"  # hypothetical unless a hedge or a horizon makes it a prediction (find_forecasts)
    if any(w in MODALS for w in words):
        modal = next(w for w in words if w in MODALS)
        if "have" in words or any(c.dep_ == "neg" for c in tok.children if modal == "could"):
            return None  # "could have won": past possibility; "could not answer": past ability
        if modal == "could" and tok.lemma_ in ABILITY:
            return None  # "could hear Trump's voice"
        return modal
    # "expects them to become less available": the subject's expectation
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_ == "expect" and _present(tok.head) \
            and any(a.lower_ == "to" for a in auxes):
        return "expects"
    # "a 50-50 chance the bill passes", "odds are the senator retires": the chance frame makes its
    # clause a forecast in any tense
    if tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("VB", "VBZ", "VBP") and (
            tok.dep_ in ("acl", "relcl") and tok.head.lower_ in CHANCE_NOUNS
            or tok.dep_ == "ccomp" and tok.head.lemma_ == "be"
            and any(c.dep_ == "nsubj" and c.lower_ in CHANCE_NOUNS for c in tok.head.children)):
        return "chance"
    # "is on track to grow": the course it is on
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and any(a.lower_ == "to" for a in auxes) and any(
            c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "track" for g in c.children) for c in tok.head.children):
        return None if tok.head.tag_ == "VBD" else EXPECT_WORDS["track"]
    # "is going to win"
    if tok.dep_ == "xcomp" and tok.head.lower_ == "going" and any(a.lower_ == "to" for a in auxes):
        be = [a for a in _aux(tok.head) if _is_be(a)]
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
        negated = any(c.dep_ == "neg" for h in [head, *be] for c in h.children)
        if negated:
            return NEGATED_EXPECT.get(head.lower_, "not likely")
        return _with_degree(head, EXPECT_WORDS[head.lower_])
    # "has a good chance of winning": the chance noun frames the gerund
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "of" and _weighed_chance(tok.head.head):
        return "chance"
    return None


def _weighed_chance(noun: Token) -> bool:
    """"a good chance of winning", "has a chance of", "the chances of winning are slim": a chance
    someone has or that is weighed; not the topic of "the prospect of tampering"."""
    if noun.lower_ not in ("chance", "chances", "odds", "likelihood", "probability"):
        return False
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None and (verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in _aux(verb))):
        return False  # "he had a good chance of winning": a chance that was
    return noun.dep_ == "dobj" and noun.head.lemma_ in ("have", "stand") or any(
        c.dep_ in ("amod", "nummod") for c in noun.children) or noun.dep_ == "nsubj" and noun.head.lemma_ == "be" \
        and any(c.dep_ == "acomp" for c in noun.head.children)


def _with_degree(adj: Token, wording: str) -> str:
    """"very likely", "highly unlikely", "all but certain": the likelihood word with its degree,
    where the survey table knows the pair."""
    degree = next((c.lower_ + (" but" if any(g.lower_ == "but" for g in c.children) else "")
                   for c in adj.children if c.dep_ == "advmod" and (c.lower_ in DEGREE or c.lower_ == "all")), None)
    if degree is None:
        return wording
    return next((w for w in (f"{degree} {adj.lower_}", f"{degree} {wording}") if hedges.probability(w) is not None),
                wording)


def _present(verb: Token) -> bool:
    """"expects", "expect", and "expecting" unless it was ("with analysts expecting", not "were expecting")."""
    return verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VBG" and not any(
        a.tag_ == "VBD" for a in _aux(verb))


def _is_be(tok: Token) -> bool:
    """"is", and its contractions with either apostrophe ("she’s going to", whose lemma stays "’s")."""
    return tok.lemma_ == "be" or tok.lower_.replace("’", "'") in ("'s", "'re", "'m")


def _habitual(tok: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in tok.children)


def _reported_future(tok: Token) -> bool:
    """"Officials said the plant would close by 2030", "she was sure Trump would triumph": "would" is
    the reported "will". Not when the reporter speaks of themself ("he said he would go so far as
    to say"), which reports an intention."""
    head = tok.head
    if tok.dep_ != "ccomp":
        return False
    if head.lemma_ in ("sure", "certain", "confident", "convinced"):
        head = head.head if head.dep_ == "acomp" else head
    elif head.lemma_ not in REPORTING or head.tag_ not in ("VBD", "VBN"):
        return False
    subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
    if subj is None:
        return False
    reporter = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    if subj.pos_ == "PRON" and (reporter is None or reporter.lower_ == subj.lower_ or (
            reporter.pos_ in ("PROPN", "NOUN") and subj.lower_ in ("he", "she", "they", "it"))):
        return False
    return True


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
            negated = any(c.dep_ == "neg" for c in list(anc.children) + list(anc.head.children))
            words.append(NEGATED_EXPECT.get(anc.lemma_, "not likely") if negated else _with_degree(anc, anc.lemma_))
        elif anc.lemma_ in BELIEF and anc.pos_ == "VERB" and anc.tag_ in ("VBP", "VBZ") and marker in WILL_CLASS:
            words.append("unlikely" if _negated(anc) else "likely")  # "I think X will": the believer's likely
        elif anc.lemma_ == "doubt" and anc.pos_ == "VERB" and marker in WILL_CLASS and (
                anc.tag_ in ("VBP", "VBZ") or any(a.lemma_ == "do" and a.tag_ != "VBD" for a in _aux(anc))):
            words.append("likely" if _negated(anc) else "doubtful")  # "analysts doubt the merger will go through"
        elif anc.lower_ in CHANCE_NOUNS:
            words.append(_chance_words(anc))
        elif anc.lemma_ == "be" and tok.dep_ == "ccomp" and tok.head.i == anc.i:
            # "It is increasingly unlikely that …", "Odds are that …": the frame is the copula's
            for c in anc.children:
                if c.dep_ == "acomp" and c.lemma_ in ("likely", "unlikely", "possible", "certain", "probable"):
                    words.append(NEGATED_EXPECT.get(c.lemma_, "not likely") if _negated(anc) else _with_degree(c, c.lemma_))
                elif c.dep_ == "nsubj" and c.lower_ in CHANCE_NOUNS:
                    words.append(_chance_words(c))
        elif anc.lemma_ == "imagine" and anc.head.lemma_ in ("difficult", "hard"):
            words.append("difficult to imagine")
        elif anc.lemma_ == "doubt" and any(c.lower_ == "no" for c in anc.children):
            words.append("no doubt")
        if anc.dep_ == "ROOT":
            break
    return words


def _chance_words(noun: Token) -> str:
    """"a 50-50 chance", "a good chance", "little chance", "odds are": the noun with its modifiers."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nummod", "quantmod") or (
        c.dep_ == "det" and c.lower_ in ("no", "little"))]
    said_of = [c for c in noun.head.children if c.dep_ == "acomp"] if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" else []
    if not mods and said_of:  # "the chances of winning are slim"
        return next((w for w in (f"{said_of[0].lower_} chance", said_of[0].lower_) if w in hedges.WORDING), noun.lower_)
    if not mods:
        return "odds are" if noun.lower_ == "odds" else noun.lower_
    start = min(t.left_edge.i for t in mods)
    words = noun.doc[start:noun.i + 1].text.lower().replace("50-50", "fifty-fifty").replace("50/50", "fifty-fifty")
    return " ".join(words.split())


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "neg" for a in _aux(tok) for c in a.children)


def _denied(tok: Token) -> bool:
    """"This does not mean that tomorrow X will …": the author rejects the forecast."""
    head = tok.head
    return tok.dep_ == "ccomp" and head.lemma_ in DENYING and _negated(head)


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

    direct = [q.span for q in quotes if q.type == "direct"]

    def _in_direct_quote(pos: int) -> bool:
        return any(a <= pos < b for a, b in direct)

    def blocked(pos: int) -> bool:
        return any(a <= pos < b for a, b in blocked_spans)

    out: list[Forecast] = []
    described: set[int] = set()  # forecasts in a relative clause on a reported object (by id)
    for sent in doc.sents:
        if any(a < sent.end_char and sent.start_char < b for a, b in blocked_spans) \
                or sent.text.strip().rstrip("”\"’ ").endswith("?"):
            continue
        for tok in sent:
            marker = future_marker(tok)
            if marker is None or in_relative_clause(tok, marker) or not_a_prediction(tok, marker):
                continue
            if marker == "will" and _in_direct_quote(tok.idx) and any(a.lower_ in ("would", "'d", "’d") for a in _aux(tok)):
                marker = "would"  # a speaker's own "would" is conditional, not a reported "will"
            words = _hedge_words(tok, marker)
            if is_plan(tok, doc, times, hedged=len(words) > 1 or marker in ("could", "may", "might", "would")):
                continue
            subj = subject_of(tok)
            if subj is not None and subj.tag_ in ("WP", "WDT") and tok.dep_ != "relcl":
                continue  # "what's going to happen" asks, it does not predict
            if tok.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in tok.children if m.dep_ == "mark"):
                continue  # the condition of another clause
            span, condition = spans.clause_span(tok, marker)
            if span is None or len(text[span[0]:span[1]].split()) < 3:
                continue
            ifs = _conditions_of(tok, doc[sent.start:sent.end])
            if condition is not None:
                ifs.append(next(m for m in condition.children if m.dep_ == "mark"))
            conditional = bool(ifs)
            if marker == "would" and any(m.head.tag_ == "VBD" for m in ifs):
                continue  # "if the FBI wanted…, they'd just go": counterfactual or past habit, not a forecast
            if marker == "would" and len(words) == 1 and not conditional and not _dated(text, span, published):
                continue  # a bare "would" is hypothetical; hedged or dated ("By 2019, … would cost") it predicts
            hedge = hedges.strongest(words)
            prob = hedges.probability(hedge) if hedge else None
            if _denied(tok):
                hedge, prob = "does not mean", hedges.probability("unlikely")
            f = Forecast(span=span, text=text[span[0]:span[1]], hedge=hedge, probability=prob,
                         polarity="negative" if _negated(tok) else "positive")
            if condition is not None:
                cs = _trim_chars(text, condition.left_edge.idx, condition.right_edge.idx + len(condition.right_edge.text))
                f.condition, f.condition_text = cs, text[cs[0]:cs[1]]
            if describes_object(tok):
                described.add(id(f))
            out.append(f)
    for question, answer in _answered_questions(doc, blocked):
        qs = _trim_chars(text, question.start_char, question.end_char)
        out.append(Forecast(span=answer, text=text[answer[0]:answer[1]], hedge="will",
                            probability=hedges.probability("will"), also=[(qs[0], qs[1] + 1)]))

    # one forecast per stretch of text: a clause nested in another forecast is part of it, unless
    # somebody else says it there ("Prices, with analysts saying the bank will act, will rise")
    out.sort(key=lambda f: (f.span[0], -f.span[1]))
    kept: list[Forecast] = []
    for f in out:
        if any(k.span[0] <= f.span[0] and f.span[1] <= k.span[1] and not links.said_inside(f, k, quotes)
               for k in kept):
            continue
        kept.append(f)
    for f in kept:
        links.assign_owner(f, quotes, text)
        if id(f) in described and f.quote is not None and quotes[f.quote].type != "direct":
            links.clear_owner(f)
    kept = links.merge_restatements(doc, kept, st.title if st else None)
    anchors_ = anchors.article_anchors(text, published)
    for f in kept:
        links.assign_horizon(doc, f, anchors_, published, [k.span for k in kept if k is not f])
    return kept


def _conditions_of(tok: Token, sent: Span) -> list[Token]:
    """The "if/unless" marks whose clause conditions `tok`: reached from the mark's verb going up
    before any other predicate with a modal of its own ("what would happen if …" is not ours)."""
    out = []
    for m in sent:
        if m.dep_ != "mark" or m.lower_ not in ("if", "unless"):
            continue
        t = m.head.head
        for _ in range(12):  # parse depth, bounded
            if t.i == tok.i:
                out.append(m)
                break
            if any(a.tag_ == "MD" for a in _aux(t)) or t.head.i == t.i:
                break
            t = t.head
    return out


def _dated(text: str, span: tuple[int, int], published: str | None) -> bool:
    horizon, _ = horizons.find(text, span[0], span[1], published)
    return horizon is not None and bool(horizon.latest or horizon.date)


@Language.component("onrecord_forecasts")
def forecasts_component(doc: Doc) -> Doc:
    doc._.forecasts = find_forecasts(doc)
    return doc
