"""The actor knowledge base: people with dated roles, bodies, metonyms, states, IGOs, and the
lexicon of titles and group nouns the resolver reads.

Loaded from the YAML files in `parley/data/actors/` plus any the user adds (`extra` paths or the
PARLEY_ACTORS environment variable, a list of files/folders separated by os.pathsep). A later entry
of the same name is merged into the earlier one (aliases and roles added; party, sector from the
later one), or replaces it when it says `replace: true`.

Dates: a role has a start and an end (ISO dates); an open end means still in office, no dates at
all means "held at some time, dates unknown" — such a role never decides a date question on its
own, and never makes a role conflict.
"""
from __future__ import annotations

import datetime as _dt
import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass
class Role:
    office: str
    party: str = ""
    sector: str = ""
    start: _dt.date | None = None
    end: _dt.date | None = None
    type: str = ""

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def held_on(self, day: _dt.date | None) -> bool | None:
        """True/False when the dates decide; None when the role has no dates (unknown)."""
        if not self.dated:
            return None
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Actor:
    name: str
    party: str = ""
    sector: str = ""
    kind: str = "person"  # person | body | metonym | igo | group
    gender: str = ""
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    out: str = ""  # sector when holding none of the listed roles
    actor: str = ""  # for a metonym: the body it stands for ("Foggy Bottom" → "U.S. State Department")
    place: bool = False  # a metonym that is also an ordinary place ("Brussels")

    @property
    def canonical(self) -> str:
        return self.actor or self.name

    def roles_on(self, day: _dt.date | None) -> list[Role]:
        """Roles whose dates cover `day` (with no day: the current ones, those with no end)."""
        if day is None:
            return [r for r in self.roles if r.dated and r.end is None]
        return [r for r in self.roles if r.held_on(day) is True]

    def roles_possible(self, day: _dt.date | None) -> list[Role]:
        """Roles that may have been held on `day`: dated ones covering it and undated ones."""
        if day is None:
            return list(self.roles)
        return [r for r in self.roles if r.held_on(day) is not False]

    def _current(self, day: _dt.date | None) -> Role | None:
        held = self.roles_on(day)
        if held:
            return max(held, key=lambda r: r.start or _dt.date.min)
        undated = [r for r in self.roles if not r.dated]
        if undated:
            return undated[-1]
        if day is None and self.roles:
            return max(self.roles, key=lambda r: r.end or r.start or _dt.date.min)
        return None

    def party_on(self, day: _dt.date | None) -> str:
        r = self._current(day)
        return (r.party if r and r.party else "") or self.party

    def sector_on(self, day: _dt.date | None) -> str:
        r = self._current(day)
        if r is not None:
            return r.sector or self.sector
        if self.roles and day is not None:
            return self.out or self.sector
        return self.sector

    def role_on(self, day: _dt.date | None) -> str:
        """The office(s) held on `day`, for display and `expected_role`."""
        held = self.roles_on(day) if day is not None else [r for r in self.roles if r.dated and r.end is None]
        if not held:
            held = [r for r in self.roles if not r.dated]
        if not held and self.roles:
            last = max(self.roles, key=lambda r: r.end or r.start or _dt.date.min)
            return f"former {last.office}"
        return "; ".join(dict.fromkeys(r.office for r in held))


@dataclass
class State:
    iso3: str
    name: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: str = ""
    capital_aliases: list[str] = field(default_factory=list)
    government: str = ""
    delegation: str = ""
    leader: str = ""  # role type of the state's leader when not the president

    @property
    def government_name(self) -> str:
        return self.government or f"Government of {self.name}"

    @property
    def delegation_name(self) -> str:
        if self.delegation:
            return self.delegation
        if self.iso3 == "USA":
            return "U.S. delegation"
        adj = self.demonyms[0] if self.demonyms else self.name
        return f"{adj} delegation"


def _date(v) -> _dt.date | None:
    if v in (None, "", "null"):
        return None
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    s = str(v)
    if re.fullmatch(r"\d{4}", s):  # a year alone is not a date we can judge by; keep it unknown
        return None
    return _dt.date.fromisoformat(s[:10])


@functools.lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Accent-, case-, punctuation- and whitespace-insensitive key of a name."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").replace("ı", "i").casefold()
    s = s.replace("'s ", "s ").replace(".", "").replace("-", " ").replace("‐", " ")
    s = re.sub(r"[^\w' ]+", " ", s)
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


_norm = fold  # kept for callers of the starter API


_NO_SURNAME = {"bin", "bint", "ibn", "of", "pope", "king", "queen", "al", "el", "emir", "sheikh",
               "prince", "princess", "crown", "cardinal", "archbishop"}
_FAMILY_FIRST = {"CHN", "PRK", "KOR", "TWN", "VNM", "HUN"}


def _surname(name: str, party: str) -> str:
    """The key a person is called by alone ("Zelenskyy"); "" when the name has none that is safe
    (Arabic patronymic chains, regnal names)."""
    toks = fold(re.sub(r"\s*\(.*\)$", "", name)).split()
    toks = [t for t in toks if t not in ("jr", "sr", "ii", "iii", "iv")]
    if len(toks) < 2 or set(toks) & _NO_SURNAME:
        return ""
    if party in _FAMILY_FIRST and party != "HUN":
        return toks[0]
    return toks[-1]


def _plurals(words: list[str]) -> list[str]:
    out = list(words)
    for w in words:
        if w and w[-1] in "ni" and w.isalpha() and not w.isupper():
            out.append(w + "s")
    return out


class KnowledgeBase:
    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.states: dict[str, State] = {}
        self._names: dict[str, list[Actor]] = {}
        self._surnames: dict[str, list[Actor]] = {}
        self._state_names: dict[str, State] = {}
        self._demonyms: dict[str, State] = {}
        self._capitals: dict[str, State] = {}
        self.lexicon: dict = {"titles": {}, "checked": [], "compatible": {}, "groups": {},
                              "not_current": [], "title_sector": {}, "delegation": [],
                              "government": [], "body_types": {}, "honorifics_kept": [],
                              "honorifics_skipped": [], "motion": [], "place_preps": [],
                              "voice_nouns": [], "body_anaphors": [],
                              "person_noun_endings": []}
        self._title_index: dict[str, str] = {}
        self.version = 0  # bumped on every change (caches key on it)

    # -- loading ---------------------------------------------------------------------------
    def add_file(self, path: Path | str) -> None:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
        try:
            self.add_data(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: bad actor data: {exc}") from exc

    def add_data(self, data: dict) -> None:
        defaults = data.get("defaults") or {}
        for st in data.get("states") or []:
            self.add_state(State(iso3=st["iso3"], name=st["name"], aliases=list(st.get("aliases") or []),
                                 demonyms=list(st.get("demonyms") or []), capital=st.get("capital", ""),
                                 capital_aliases=list(st.get("capital_aliases") or []),
                                 government=st.get("government", ""), delegation=st.get("delegation", ""),
                                 leader=st.get("leader", "")))
        for kind, key in (("person", "people"), ("body", "bodies"), ("igo", "igos")):
            for a in data.get(key) or []:
                self.add_actor(self._actor(a, kind, defaults), replace=bool(a.get("replace")))
        lex = data.get("lexicon") if "lexicon" in data else data
        for k in self.lexicon:
            if k in lex and k not in ("states", "people", "bodies"):
                v = lex[k]
                if isinstance(self.lexicon[k], dict) and isinstance(v, dict):
                    self.lexicon[k].update(v)
                elif isinstance(self.lexicon[k], list) and isinstance(v, list):
                    self.lexicon[k].extend(x for x in v if x not in self.lexicon[k])
        if "titles" in lex:
            self._index_titles()
        self.version += 1

    def _actor(self, a: dict, kind: str, defaults: dict) -> Actor:
        party = a.get("party", defaults.get("party", ""))
        sector = a.get("sector", defaults.get("sector", ""))
        roles = []
        for r in a.get("roles") or []:
            if isinstance(r, (list, tuple)):
                r = dict(zip(("office", "start", "end", "sector", "party"), r))
            office = r.get("office") or ""
            roles.append(Role(office=office, party=r.get("party") or party,
                              sector=r.get("sector") or sector, start=_date(r.get("start")),
                              end=_date(r.get("end")), type=r.get("type") or ""))
        return Actor(name=a["name"], party=party or "", sector=sector or "", kind=a.get("kind", kind),
                     gender=a.get("gender", ""), aliases=[str(x) for x in a.get("aliases") or []],
                     roles=roles, out=a.get("out", ""), actor=a.get("actor", ""),
                     place=bool(a.get("place", False)))

    def add_actor(self, actor: Actor, replace: bool = False) -> None:
        """Add an actor; one already known by that name is merged (aliases and roles added) unless
        `replace` (a file entry with `replace: true`) asks to override it."""
        old = self.actors.get(actor.name)
        if old is not None and not replace:
            actor.aliases = list(dict.fromkeys([*old.aliases, *actor.aliases]))
            seen = {(r.office, r.start, r.end) for r in old.roles}
            actor.roles = old.roles + [r for r in actor.roles if (r.office, r.start, r.end) not in seen]
            actor.gender = actor.gender or old.gender
            actor.party = actor.party or old.party
            actor.sector = actor.sector or old.sector
            actor.out = actor.out or old.out
        if old is not None:  # drop the old names
            for lst in (*self._names.values(), *self._surnames.values()):
                if old in lst:
                    lst.remove(old)
        for r in actor.roles:
            if not r.type:
                r.type = self.title_type(r.office)
        self.actors[actor.name] = actor
        for n in {actor.name, *actor.aliases}:
            key = fold(n)
            if not key:
                continue
            index = self._names if (" " in key or actor.kind != "person") else self._surnames
            lst = index.setdefault(key, [])
            if actor not in lst:
                lst.append(actor)
        if actor.kind == "person":
            for n in {actor.name, *actor.aliases}:
                key = _surname(n, actor.party)
                if key:
                    lst = self._surnames.setdefault(key, [])
                    if actor not in lst:
                        lst.append(actor)
        self.version += 1

    def add_state(self, st: State) -> None:
        st.demonyms = _plurals(st.demonyms)
        self.states[st.iso3] = st
        for n in {st.name, *st.aliases}:
            self._state_names[fold(n)] = st
        for n in st.demonyms:
            self._demonyms.setdefault(fold(n), st)
        for n in {st.capital, *st.capital_aliases} - {""}:
            self._capitals[fold(n)] = st
        self.version += 1

    def _index_titles(self) -> None:
        self._title_index = {}
        for typ, words in (self.lexicon.get("titles") or {}).items():
            for w in words:
                self._title_index.setdefault(fold(w), typ)
        self._title_re = None
        for a in self.actors.values():
            for r in a.roles:
                r.type = r.type or self.title_type(r.office)

    # -- look-ups --------------------------------------------------------------------------
    def title_type(self, phrase: str) -> str:
        """The role type of a title or office name: the longest lexicon phrase in it
        ("Minister of Foreign Affairs of Ukraine" → foreign_minister; "Vice President" →
        vice_president)."""
        toks = fold(phrase).split()
        best, best_len = "", 0
        for i in range(len(toks)):
            for j in range(len(toks), i, -1):
                if j - i <= best_len:
                    break
                typ = self._title_index.get(" ".join(toks[i:j]))
                if typ:
                    best, best_len = typ, j - i
                    break
        return best

    def candidates(self, name: str) -> list[Actor]:
        key = fold(name)
        return list(self._names.get(key, [])) or list(self._surnames.get(key, []))

    def lookup(self, name: str, day: _dt.date | None = None) -> Actor | None:
        """The actor a name or alias stands for; with several candidates, one holding a role on
        `day`. Leading titles and honorifics are skipped ("President Kassym-Jomart Tokayev")."""
        cands = self._names.get(fold(name), [])
        if not cands:
            toks = name.split()
            skip = self.words("honorifics_kept") | self.words("honorifics_skipped")
            i = 0
            while i < len(toks) - 1 and (fold(toks[i]) in skip or fold(toks[i]) in self._title_index
                                         or fold(" ".join(toks[:i + 1])) in self._title_index):
                i += 1
            if i:
                cands = self._names.get(fold(" ".join(toks[i:])), [])
            if not cands and len(toks[i:]) == 1:
                cands = self._surnames.get(fold(toks[-1]), [])
        return self.pick(cands, day)

    @staticmethod
    def pick(cands: list[Actor], day: _dt.date | None) -> Actor | None:
        if len(cands) > 1:
            active = [a for a in cands if a.roles_on(day)]
            if len(active) >= 1:
                cands = active
        return cands[0] if cands else None

    def state(self, name: str) -> State | None:
        st = self._state_names.get(fold(name))
        if st is None and re.fullmatch(r"[A-Z]{3}", name or ""):
            st = self.states.get(name)
        return st

    def demonym(self, word: str) -> State | None:
        return self._demonyms.get(fold(word))

    def capital(self, name: str) -> State | None:
        return self._capitals.get(fold(name))

    def state_ref(self, text: str) -> State | None:
        """A state named by its name, demonym, capital or a possessive of one ("Ukraine's")."""
        t = re.sub(r"[’']s?$", "", text.strip())
        return self.state(t) or self.demonym(t) or self.capital(t)

    def holders(self, office: str, day: _dt.date | None, party: str = "") -> list[Actor]:
        """Who held an office (a role type or an office name) on a day; see `holder_roles`."""
        out: list[Actor] = []
        for a, _ in self.holder_roles(office, day, party):
            if a not in out:
                out.append(a)
        return out

    def holder_roles(self, office: str, day: _dt.date | None, party: str = "") -> list[tuple[Actor, Role]]:
        """Who held an office on a day: `office` is a role type ("foreign_minister") or an office
        name ("President of Ukraine"); `party` narrows to one state/IGO. Dated roles covering the
        day come first (latest start first); with no dated holder, undated ones."""
        typ = office if office in self.lexicon.get("titles", {}) else ""
        o = fold(office)
        dated, undated = [], []
        for a in self.actors.values():
            for r in a.roles:
                if typ and r.type != typ or not typ and fold(r.office) != o:
                    continue
                if party and (r.party or a.party) != party:
                    continue
                h = r.held_on(day) if day is not None else (r.end is None if r.dated else None)
                if h is True:
                    dated.append((a, r))
                elif h is None:
                    undated.append((a, r))
        dated.sort(key=lambda ar: ar[1].start or _dt.date.min, reverse=True)
        return dated or undated

    def words(self, key: str) -> frozenset[str]:
        """A lexicon list as a set of folded words (cached until the base changes)."""
        cache = self.__dict__.setdefault("_words", {})
        hit = cache.get(key)
        if hit is None or hit[0] != self.version:
            v = self.lexicon.get(key) or []
            if isinstance(v, dict):  # {sector: [words]} → all words
                v = [w for ws in v.values() for w in (ws if isinstance(ws, list) else ws.get("words", []))]
            hit = (self.version, frozenset(fold(w) for w in v))
            cache[key] = hit
        return hit[1]

    def group_sector(self, word: str) -> str | None:
        """The sector of a group noun ("troops" → MIL), None when not listed."""
        cache = self.__dict__.setdefault("_groups", {})
        if cache.get("\x00v") != self.version:
            cache.clear()
            for sec, ws in (self.lexicon.get("groups") or {}).items():
                for w in ws:
                    cache.setdefault(fold(w), sec)
            cache["\x00v"] = self.version
        return cache.get(fold(word))

    def compatible(self, title: str, role_type: str) -> bool:
        if not title or not role_type:
            return False
        comp = self.lexicon.get("compatible", {}).get(title)
        return role_type == title or (comp is not None and role_type in comp)


def user_dir() -> Path:
    """The user's actors folder ($XDG_DATA_HOME/parley/actors, ~/.local/share/parley/actors):
    `parley actors import` writes there by default and `load_kb` reads it."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "parley" / "actors"


def default_paths() -> list[Path]:
    base = Path(__file__).resolve().parents[1] / "data" / "actors"
    paths = sorted(base.glob("*.yaml"))
    # the lexicon first: office types are read from it while people are loaded
    paths.sort(key=lambda p: (p.name != "lexicon.yaml", p.name))
    if user_dir().is_dir():
        paths.extend(sorted(user_dir().glob("*.yaml")))
    for extra in filter(None, os.environ.get("PARLEY_ACTORS", "").split(os.pathsep)):
        p = Path(extra)
        paths.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    return paths


_CACHE: dict[tuple, KnowledgeBase] = {}


def load_kb(extra: list[str | Path] | None = None) -> KnowledgeBase:
    """The knowledge base from the package data, PARLEY_ACTORS and `extra` files (cached)."""
    paths = tuple(str(p) for p in [*default_paths(), *(extra or [])])
    if paths not in _CACHE:
        kb = KnowledgeBase()
        for p in paths:
            kb.add_file(p)
        _CACHE[paths] = kb
    return _CACHE[paths]
