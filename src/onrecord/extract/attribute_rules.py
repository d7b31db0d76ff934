"""The model's attribute ruler (tag → POS, morphology and lemma exceptions) applied without its Matcher.

spaCy's AttributeRuler runs a Matcher of every rule over every token: about 14% of the model's
time on news text, though its rules only read four token attributes (LOWER, TAG, DEP, IS_SPACE).
So the rules that match one token are decided once per distinct combination of those four
values and remembered; the few rules of two or more tokens ("gon na", "let 's") are checked
only where their first token fits. The rules, their order and their attribute values are the
model's own, read from its ruler when the pipeline is built; the result is the same annotation
(tests/extract/test_attribute_rules.py compares the two token by token). A ruler with a rule
this one cannot decide (an operator, another attribute) is kept as it is: see `compile_rules`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from .pipe_swap import swap

KEY_ATTRS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}  # position in a token's key
KEY_IDS = [LOWER, TAG, DEP, IS_SPACE]


class Unsupported(ValueError):
    """A rule that needs the Matcher itself."""


def _predicate(attr: str, value):
    """One token test of a Matcher pattern, on the token's key (lower, tag, dep, is_space)."""
    if attr not in KEY_ATTRS:
        raise Unsupported(attr)
    pos = KEY_ATTRS[attr]
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"{attr}: {value!r}")
        return lambda key: key[pos] == value
    if isinstance(value, str):
        return lambda key: key[pos] == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda key: key[pos] in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(arg)
            return lambda key: key[pos] not in banned
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)  # the Matcher searches, it does not anchor
            return lambda key: rx.search(key[pos]) is not None
    raise Unsupported(f"{attr}: {value!r}")


def _token_test(token_pattern: dict):
    tests = [_predicate(a, v) for a, v in token_pattern.items()]
    return lambda key: all(t(key) for t in tests)


@dataclass
class Rules:
    """The ruler's rules in its order: rule i's attributes win over those of any rule before it."""
    attrs: list[dict]
    single: list[tuple[int, object]] = field(default_factory=list)              # (rule, test)
    # where to look first: rules of one token that need a given TAG or LOWER, the others apart
    by_value: dict[tuple[int, str], list[int]] = field(default_factory=dict)   # (key position, value) → single
    unindexed: list[int] = field(default_factory=list)                          # → single
    multi: list[tuple[int, int, list[object]]] = field(default_factory=list)    # (rule, index, tests)


def compile_rules(ruler: AttributeRuler) -> Rules:
    """The rules of `ruler`; raises Unsupported if one needs the Matcher (an OP, another attribute)."""
    rules = Rules(attrs=list(ruler.attrs))
    for i, p in enumerate(ruler.patterns):
        for pattern in p["patterns"]:
            if not isinstance(pattern, list) or not pattern or any("OP" in t for t in pattern):
                raise Unsupported(f"rule {i}: {pattern!r}")
            index = p["index"]
            if not -len(pattern) <= index < len(pattern):
                raise Unsupported(f"rule {i}: index {index}")
            tests = [_token_test(t) for t in pattern]
            if len(pattern) == 1:
                rules.single.append((i, tests[0]))
                _index(rules, len(rules.single) - 1, pattern[0])
            else:
                rules.multi.append((i, index % len(pattern), tests))
    return rules


def _index(rules: Rules, n: int, token_pattern: dict) -> None:
    for attr in ("TAG", "LOWER"):
        value = token_pattern.get(attr)
        values = [value] if isinstance(value, str) else \
            value.get("IN") if isinstance(value, dict) and isinstance(value.get("IN"), list) else None
        if values is not None:
            for v in values:
                rules.by_value.setdefault((KEY_ATTRS[attr], v), []).append(n)
            return
    rules.unindexed.append(n)


class FastAttributeRuler:
    """A pipeline component with the annotation of the AttributeRuler it was built from."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self._single: dict[tuple, tuple[int, ...]] = {}   # key hashes → rules matching one token there
        self._starts: dict[tuple, tuple[int, ...]] = {}   # key hashes → multi rules whose first token fits

    def _decide(self, doc: Doc, hashes: tuple) -> tuple[tuple[int, ...], tuple[int, ...]]:
        strings = doc.vocab.strings
        key = (strings[hashes[0]], strings[hashes[1]], strings[hashes[2]], bool(hashes[3]))
        r = self.rules
        candidates = set(r.unindexed).union(r.by_value.get((0, key[0]), ()), r.by_value.get((1, key[1]), ()))
        single = tuple(sorted(r.single[n][0] for n in candidates if r.single[n][1](key)))
        starts = tuple(n for n, (_, _, tests) in enumerate(self.rules.multi) if tests[0](key))
        self._single[hashes], self._starts[hashes] = single, starts
        return single, starts

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = [tuple(row) for row in doc.to_array(KEY_IDS).tolist()]
        found: list[list[int]] = [[] for _ in keys]
        candidates = []
        for t, hashes in enumerate(keys):
            single = self._single.get(hashes)
            starts = self._starts.get(hashes) if single is not None else None
            if single is None:
                single, starts = self._decide(doc, hashes)
            if single:
                found[t].extend(single)
            if starts:
                candidates.append((t, starts))
        if candidates:
            strings = doc.vocab.strings
            for t, starts in candidates:
                for n in starts:
                    rule, index, tests = self.rules.multi[n]
                    if t + len(tests) > len(keys):
                        continue
                    if all(tests[k]((strings[keys[t + k][0]], strings[keys[t + k][1]], strings[keys[t + k][2]],
                                     bool(keys[t + k][3]))) for k in range(1, len(tests))):
                        found[t + index].append(rule)
        attrs = self.rules.attrs
        for t, rules in enumerate(found):
            if not rules:
                continue
            token = doc[t]
            for rule in sorted(set(rules)) if len(rules) > 1 else rules:
                set_token_attrs(token, attrs[rule])
        return doc


@Language.factory("onrecord_attribute_rules")
def make_fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(Rules(attrs=[]))  # rules come from the model's ruler: see speed_up


def speed_up(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put a FastAttributeRuler, under the same name, in place of the pipeline's AttributeRuler
    `name`; False (and the ruler kept) when there is none or one of its rules needs the Matcher."""
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return False
    try:
        rules = compile_rules(nlp.get_pipe(name))
    except Unsupported:
        return False
    fast = swap(nlp, name, "onrecord_attribute_rules")
    fast.rules = rules
    return True
