"""Suspect people in a ledger: identities of kind person whose names are probably not clean names.

    python benchmarks/suspect_people.py [--db URL] [--shared ../shared] [--workers 2] [--limit N] [-v]

Without --db, ingests the seed article plus PolNeAR train and dev into a temporary SQLite ledger
first. Prints the count of suspects by kind (a person may be suspect for several reasons):
- not-a-person: a platform, product, event or body ("Twitter", "Brexit", "the Moon");
- verb-or-noun-ending: the last word is a verb or a common noun ("Obama Says", "Clinton Plan");
- possessive: "’s" or "'s" in the name;
- stray-space: leading, trailing or doubled spaces, or a space before punctuation;
- epithet: a leading word that is not part of a name ("Crooked Hillary", "Miss Universe ...");
- merged-into-compound: a single-word name form that the identity takes from inside a hyphenated
  compound ("Moon" joined to "Ban Ki-moon").
The word lists are rough: a surname that is also a noun ("Dave Camp", "Nathan Deal") is counted too.

Measured on the 925 articles (seed + PolNeAR train + dev), --workers 2: at 084d749, 3817 people,
61 suspect (not-a-person 8, verb-or-noun-ending 32, possessive 19, epithet 2); after the clean-name
rules of extract/names.py, 3802 people, 19 suspect (0, 15, 2, 2); with the attributions of issue 9's
second round (stance adjectives, headlines, more cue verbs), 3777 people, 18 suspect (0, 16, 0, 2).
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from onrecord.extract.lexicon import ROLE_NOUNS, SPEECH_VERBS, TITLES
from onrecord.ledger.db import open_ledger
from onrecord.ledger.ingest import ingest
from onrecord.ledger.schema import Mention, Person


# The checks are the benchmark's own, not the extractor's, so that it can judge any version of it
NOT_PEOPLE = {line.strip().lower() for line in
              (Path(__file__).parent.parent / "src/onrecord/extract/data/not_people.txt").read_text().splitlines()
              if line.strip() and not line.startswith("#")}
COMMON_ENDINGS = {f for v in SPEECH_VERBS for f in (v, v + "s", v + "es", v + "d", v + "ed", v[:-1] + "ies")} | {
    "seeks", "wins", "plan", "plans", "rally", "campaign", "bill", "deal", "era", "voters", "supporters", "camp",
    "administration", "foundation", "doctrine", "effect", "policy", "tax", "taxes", "returns", "leads", "slams",
    "backs", "blasts", "attacks", "calls", "wants", "vows", "urges", "rips", "hits", "gets", "takes", "makes"} | set(ROLE_NOUNS)
EPITHETS = {"crooked", "lyin", "lyin'", "little", "low", "crazy", "sleepy", "miss", "mister", "little", "big",
            "beautiful", "poor", "dear"}


def bad_last_word(word: str) -> bool:
    return word.lower().strip(".,") in COMMON_ENDINGS


def epithet_words(words: list[str]) -> bool:
    return len(words) > 1 and words[0].lower().strip(".,") in EPITHETS - {t for t in TITLES if t != "miss"}


def corpus(shared: str, limit: int | None) -> list[str]:
    files = [f"{shared}/samples/moscow-drone-analysis.txt"] + sorted(
        str(p) for split in ("train", "dev") for p in Path(shared, "eval/polnear", split, "text").glob("*.txt"))
    return files[:limit] if limit else files


def reasons(name: str, forms: set[str]) -> list[str]:
    out = []
    words = name.split()
    if name.strip().lower() in NOT_PEOPLE or re.sub(r"^the\s+", "", name.strip().lower()) in NOT_PEOPLE:
        out.append("not-a-person")
    if len(words) > 1 and bad_last_word(words[-1]):
        out.append("verb-or-noun-ending")
    if re.search(r"['’]s\b", name):
        out.append("possessive")
    if name != name.strip() or "  " in name or re.search(r"\s[,.;:’'!?)]", name):
        out.append("stray-space")
    if epithet_words(words):
        out.append("epithet")
    last = words[-1] if words else ""
    if "-" in last and any(len(f.split()) == 1 and f.lower() != last.lower() and f.lower() in last.lower().split("-")
                           for f in forms):
        out.append("merged-into-compound")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    db = args.db
    if db is None:
        db = str(Path(tempfile.mkdtemp()) / "suspects.db")
        counts = ingest(corpus(args.shared, args.limit), db, workers=args.workers)
        print(f"ingested {counts.seen} articles ({counts.added} added, {counts.failed} failed) into {db}")
    Session = open_ledger(db, create=False)
    by_kind: Counter[str] = Counter()
    suspects = []
    with Session() as s:
        people = list(s.scalars(select(Person).where(Person.kind == "person", Person.merged_into.is_(None))))
        forms: dict[int, set[str]] = {}
        for m in s.scalars(select(Mention)):
            forms.setdefault(m.person_id, set()).add(m.name)
        for p in people:
            rs = reasons(p.name, forms.get(p.id, set()))
            for name in forms.get(p.id, set()) - {p.name}:
                rs += [r for r in reasons(name, set()) if r not in rs and r != "merged-into-compound"]
            if rs:
                suspects.append((p.name, rs))
                by_kind.update(rs)
    print(f"{len(people)} people, {len(suspects)} suspect")
    for kind in ("not-a-person", "verb-or-noun-ending", "possessive", "stray-space", "epithet", "merged-into-compound"):
        print(f"  {kind}: {by_kind[kind]}")
    if args.verbose:
        for name, rs in sorted(suspects):
            print(f"{name}\t{', '.join(rs)}", file=sys.stdout)


if __name__ == "__main__":
    main()
