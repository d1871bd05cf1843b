"""The events stage's data: trigger lexicon, CAMEO crosswalk and gazetteer (all under parley/data/).

Users can add trigger files through PARLEY_EVENT_LEXICON (files separated by os.pathsep); they are
merged over the shipped lexicon.
"""
from __future__ import annotations

import csv
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

POS_KEYS = {"verbs": "v", "nouns": "n", "adjs": "a"}


@dataclass(frozen=True)
class Entry:
    type: str
    mode: str
    cameo: str
    pos: str  # v | n | a
    lemma: str
    extra: tuple[str, ...] = ()  # further words of a multi-word key


@dataclass
class Lexicon:
    entries: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    lists: dict[str, set[str]] = field(default_factory=dict)
    request_modes: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, list[dict]] = field(default_factory=dict)
    retype: list[dict] = field(default_factory=list)
    retype_light: list[dict] = field(default_factory=list)
    stop_objects: dict[str, set[str]] = field(default_factory=dict)
    cameo: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    default_cameo: dict[tuple[str, str], str] = field(default_factory=dict)

    def words(self, name: str) -> set[str]:
        return self.lists.get(name, set())

    def cameo_for(self, etype: str, mode: str, code: str = "") -> str:
        """A CAMEO code for the event: the entry's own code if the crosswalk maps it to the type,
        else the first crosswalk code of the type and mode, else the type's root."""
        if code and code in self.cameo and self.cameo[code][0] == etype:
            return code
        return (self.default_cameo.get((etype, mode)) or self.default_cameo.get((etype, ""))
                or code or "")

    def context_for(self, code: str) -> str:
        return self.cameo.get(code, ("", "", "", ""))[2]


def _data() -> Path:
    return Path(__file__).resolve().parent.parent / "data"


def _add_file(lex: Lexicon, path: Path) -> None:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    for etype, groups in (data.get("types") or {}).items():
        for gname, items in (groups or {}).items():
            pos = POS_KEYS.get(gname)
            if pos is None or not isinstance(items, dict):
                continue
            for key, val in items.items():
                mode, _, code = str(val or "").partition("@")
                words = str(key).lower().split()
                if pos == "n" and "of" in words:  # "state of emergency": the head is the first word
                    head, extra = words[0], tuple(w for w in words[1:] if w != "of")
                elif pos == "n":  # a noun compound is found by its head, the last word
                    head, extra = words[-1], tuple(words[:-1])
                else:
                    head, extra = words[0], tuple(words[1:])
                e = Entry(etype, mode.strip(), code.strip(), pos, head, extra)
                lst = lex.entries.setdefault((pos, head), [])
                if e not in lst:
                    lst.append(e)
    for name, val in data.items():
        if name in ("types",):
            continue
        if name == "request_modes":
            for mode, words in val.items():
                for w in words:
                    lex.request_modes.setdefault(str(w).lower(), mode)
        elif name == "ambiguous":
            lex.ambiguous.update({str(k).lower(): v for k, v in val.items()})
        elif name == "retype":
            lex.retype.extend(val)
        elif name == "light_retype":
            lex.retype_light.extend(val)
        elif name == "stop_objects":
            for k, v in val.items():
                lex.stop_objects[str(k).lower()] = {str(x).lower() for x in (v or [])}
        elif isinstance(val, list):
            lex.lists.setdefault(name, set()).update(str(x).lower() for x in val)


def _load_cameo(lex: Lexicon, path: Path) -> None:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    for code, (etype, mode, ctx, desc) in data.get("codes", {}).items():
        code = str(code)
        lex.cameo[code] = (etype, mode, ctx, desc)
        if len(code) >= 3:
            lex.default_cameo.setdefault((etype, mode), code)
    for code, (etype, *_rest) in data.get("codes", {}).items():
        lex.default_cameo.setdefault((etype, ""), str(code))


@functools.lru_cache(maxsize=2)
def load(extra: tuple[str, ...] = ()) -> Lexicon:
    lex = Lexicon()
    base = _data() / "lexicons"
    paths = [base / "events.yaml"]
    env = [p for p in os.environ.get("PARLEY_EVENT_LEXICON", "").split(os.pathsep) if p]
    for p in [*paths, *map(Path, env), *map(Path, extra)]:
        _add_file(lex, p)
    _load_cameo(lex, base / "events_cameo.yaml")
    return lex


@dataclass
class Gazetteer:
    countries: dict[str, str] = field(default_factory=dict)  # normalised name/demonym -> code
    country_names: dict[str, str] = field(default_factory=dict)  # code -> first name
    places: dict[str, tuple[str, str]] = field(default_factory=dict)  # norm name -> (name, code)

    def country(self, text: str) -> str:
        return self.countries.get(norm(text), "")

    def place(self, text: str) -> tuple[str, str] | None:
        return self.places.get(norm(text))


def norm(s: str) -> str:
    s = s.replace("’", "'").replace(".", "").strip().lower()
    if s.startswith("the "):
        s = s[4:]
    if s.endswith("'s"):
        s = s[:-2]
    return " ".join(s.split())


def _rows(path: Path):
    with open(path, encoding="utf-8") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    base = _data()
    for row in _rows(base / "gazetteer_countries.csv"):
        code = row["code"].strip()
        names = [n for n in row["names"].split("|") if n]
        g.country_names.setdefault(code, names[0] if names else code)
        for n in names + [d for d in (row.get("demonyms") or "").split("|") if d]:
            g.countries.setdefault(norm(n), code)
    for row in _rows(base / "gazetteer_places.csv"):
        name, code = row["name"].strip(), row["country"].strip()
        shown = (row.get("city") or "").strip() or name
        for n in [name, *[a for a in (row.get("aliases") or "").split("|") if a]]:
            g.places.setdefault(norm(n), (shown, code))
    for code, name in g.country_names.items():
        g.places.setdefault(norm(name), (name, code))
    return g
