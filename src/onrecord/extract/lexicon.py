"""Word lists shared by the NLP components, loaded once from the package's data files."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources


def _read_list(name: str) -> list[str]:
    text = resources.files("onrecord.extract").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


CUE_PHRASES: list[str] = _read_list("cues.txt")


@dataclass
class Cue:
    particles: set[str] = field(default_factory=set)  # "" among them: the plain verb is a cue by itself
    takes_object: bool = False
    kind: str = "speech"  # or "stance" (FORMAT.md `kind`)


CUES: dict[str, Cue] = {}
for _p in CUE_PHRASES:
    _markers = {w for w in _p.split() if w.startswith("+")}
    _w = [w for w in _p.split() if not w.startswith("+")]
    _kind = "stance" if "+stance" in _markers else "speech"
    _cue = CUES.get(_w[0])
    if _cue is not None and _cue.kind != _kind:
        raise ValueError(f"cues.txt: lines of {_w[0]!r} disagree on +stance")
    _cue = CUES.setdefault(_w[0], Cue(kind=_kind))
    _cue.particles.add(_w[1] if len(_w) > 1 else "")
    _cue.takes_object |= "+object" in _markers
SPEECH_VERBS: frozenset[str] = frozenset(CUES)

# Verbs outside the lexicon whose that-clause, with a person for subject, is still attributed
# (attributions._clause_by_someone): these report a view or a perception, so it is a stance;
# any other such verb ("insinuated that") reports speech.
STANCE_CLAUSE_VERBS = frozenset("""decide determine realize realise recognize recognise notice see sense perceive
assume presume suppose imagine consider judge discover wish""".split())

# Words before a name that are titles, not part of it
TITLES = frozenset("""mr mrs ms miss dr prof professor sir dame lord lady sen senator rep representative gov governor
president vice prime minister secretary gen general lt col colonel maj major capt captain adm admiral sgt
judge justice mayor chancellor king queen prince princess pope rev father sister brother sheikh ambassador
chairman chairwoman chair ceo director spokesman spokeswoman spokesperson commissioner former the""".split())

# Nouns that describe a person's role: "the analyst said" → the person introduced as one
ROLE_NOUNS = frozenset("""analyst expert official spokesman spokeswoman spokesperson minister president senator
congressman congresswoman lawmaker legislator governor mayor candidate nominee chairman chairwoman director
executive ceo founder professor scientist researcher economist strategist adviser advisor aide consultant
diplomat ambassador general commander officer colonel leader chief secretary judge lawyer attorney
prosecutor historian author writer journalist columnist reporter editor fellow activist campaigner
businessman businesswoman investor banker doctor physician owner manager coach player chancellor premier
politician representative delegate member woman man father mother son daughter wife husband witness
resident student teacher pollster observer commentator pundit critic veteran ex widow
mogul magnate tycoon billionaire""".split())

# People by what they do or side with, who hold views as a group ("voters are wary of …"); not
# roles that name one person's office, so they never resolve a speaker by themselves
PEOPLE_NOUNS = frozenset("""voter supporter loyalist opponent protester demonstrator worker employee parent
citizen donor ally fan customer consumer patient farmer fisherman nurse taxpayer immigrant refugee
american people public conservative liberal progressive democrat republican
believer skeptic sceptic insider lobbyist advocate backer""".split())

# Heads of "some of the voters", "dozens of newspapers": the group is what follows "of"
QUANTIFIERS = frozenset("""some many most all none few several half majority minority number dozens hundreds
thousands millions one two three plenty lot lots bulk share percent""".split())

ORG_NOUNS = frozenset("""kremlin government ministry department agency administration campaign committee party
company firm newspaper paper magazine network council commission office spokesman police army military
court white house embassy group organization organisation union institute university bank board""".split())

# Role nouns that name the same office in different words ("the minister" for "the secretary of
# the economy"); a role matches a description containing any word of its group.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {}
for _group in ("minister secretary", "lawmaker legislator congressman congresswoman senator representative member",
               "official officer administrator", "chief head director leader chairman chairwoman chair",
               "lawyer attorney counsel", "spokesman spokeswoman spokesperson", "adviser advisor aide counselor",
               "candidate nominee contender", "expert analyst specialist scholar fellow researcher economist strategist",
               "businessman businesswoman executive mogul magnate tycoon billionaire investor",
               "judge justice"):
    for _w in _group.split():
        ROLE_SYNONYMS[_w] = frozenset(_group.split())

# kinds of organisation whose names need not say their kind ("Reuters" is an agency, "Acme" a company)
GENERIC_ORG_NOUNS = {"company", "firm", "newspaper", "paper", "magazine", "network", "government", "administration",
                     "campaign", "agency", "group", "organization", "organisation", "business", "corporation"}
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")
HEAD_ENDS = {"of", "on", "at", "for", "in", "with", "from", "to", "who", "and"}
# abbreviated titles by the role they name, to compare with a role noun ("Rep." is a congressman)
TITLE_WORDS = {"rep": "representative", "sen": "senator", "gov": "governor", "gen": "general", "pres": "president",
               "amb": "ambassador", "sec": "secretary", "supt": "superintendent", "atty": "attorney"}
