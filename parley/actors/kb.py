"""The actor knowledge base: people with dated roles, bodies, metonyms, states, IGOs.

Loaded from the YAML files in `parley/data/actors/` plus any the user adds (`extra` paths or the
PARLEY_ACTORS environment variable, a list of files/folders separated by os.pathsep).
"""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml


@dataclass
class Role:
    office: str
    party: str = ""
    sector: str = ""
    start: _dt.date | None = None
    end: _dt.date | None = None

    def held_on(self, day: _dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Actor:
    name: str
    party: str = ""
    sector: str = ""
    kind: str = "person"  # person | body | state | igo
    gender: str = ""
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def roles_on(self, day: _dt.date | None) -> list[Role]:
        return [r for r in self.roles if r.held_on(day)]

    def party_on(self, day: _dt.date | None) -> str:
        for r in self.roles_on(day):
            if r.party:
                return r.party
        return self.party


@dataclass
class State:
    iso3: str
    name: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: str = ""
    capital_aliases: list[str] = field(default_factory=list)


def _date(v) -> _dt.date | None:
    if v in (None, ""):
        return None
    if isinstance(v, _dt.date):
        return v
    return _dt.date.fromisoformat(str(v))


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace(".", "").lower().strip()
    for prefix in ("the ",):
        if s.startswith(prefix):
            s = s[len(prefix):]
    return " ".join(s.split())


class KnowledgeBase:
    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.states: dict[str, State] = {}
        self._names: dict[str, list[Actor]] = {}
        self._state_names: dict[str, State] = {}
        self._demonyms: dict[str, State] = {}
        self._capitals: dict[str, State] = {}

    # -- loading ---------------------------------------------------------------------------
    def add_file(self, path: Path | str) -> None:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
        for st in data.get("states", []):
            self.add_state(State(iso3=st["iso3"], name=st["name"], aliases=list(st.get("aliases", [])),
                                 demonyms=list(st.get("demonyms", [])), capital=st.get("capital", ""),
                                 capital_aliases=list(st.get("capital_aliases", []))))
        for kind, key in (("person", "people"), ("body", "bodies"), ("igo", "igos")):
            for a in data.get(key, []):
                roles = [Role(office=r.get("office", ""), party=r.get("party", a.get("party", "")),
                              sector=r.get("sector", a.get("sector", "")), start=_date(r.get("start")),
                              end=_date(r.get("end"))) for r in a.get("roles", [])]
                self.add_actor(Actor(name=a["name"], party=a.get("party", ""), sector=a.get("sector", ""),
                                     kind=a.get("kind", kind), gender=a.get("gender", ""),
                                     aliases=list(a.get("aliases", [])), roles=roles))

    def add_actor(self, actor: Actor) -> None:
        self.actors[actor.name] = actor
        for n in {actor.name, *actor.aliases}:
            lst = self._names.setdefault(_norm(n), [])
            if actor not in lst:
                lst.append(actor)

    def add_state(self, st: State) -> None:
        self.states[st.iso3] = st
        for n in {st.name, *st.aliases}:
            self._state_names[_norm(n)] = st
        for n in st.demonyms:
            self._demonyms[_norm(n)] = st
        for n in {st.capital, *st.capital_aliases} - {""}:
            self._capitals[_norm(n)] = st

    # -- look-ups --------------------------------------------------------------------------
    def lookup(self, name: str, day: _dt.date | None = None) -> Actor | None:
        """The actor a name or alias stands for; with several candidates, one holding a role on `day`."""
        cands = self._names.get(_norm(name), [])
        if len(cands) > 1 and day is not None:
            active = [a for a in cands if a.roles_on(day)]
            if active:
                cands = active
        return cands[0] if cands else None

    def state(self, name: str) -> State | None:
        return self._state_names.get(_norm(name))

    def demonym(self, word: str) -> State | None:
        return self._demonyms.get(_norm(word))

    def capital(self, name: str) -> State | None:
        return self._capitals.get(_norm(name))

    def holders(self, office: str, day: _dt.date | None) -> list[Actor]:
        """Who held an office (exact office name, case-insensitive) on a day."""
        o = office.lower()
        return [a for a in self.actors.values()
                if any(r.office.lower() == o and r.held_on(day) for r in a.roles)]


def default_paths() -> list[Path]:
    base = resources.files("parley") / "data" / "actors"
    paths = sorted(Path(str(base)).glob("*.yaml"))
    for extra in filter(None, os.environ.get("PARLEY_ACTORS", "").split(os.pathsep)):
        p = Path(extra)
        paths.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    return paths


_CACHE: dict[tuple, KnowledgeBase] = {}


def load_kb(extra: list[str | Path] | None = None) -> KnowledgeBase:
    paths = tuple(str(p) for p in [*default_paths(), *(extra or [])])
    if paths not in _CACHE:
        kb = KnowledgeBase()
        for p in paths:
            kb.add_file(p)
        _CACHE[paths] = kb
    return _CACHE[paths]
