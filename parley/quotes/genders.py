"""Genders of the people an article names: given names (data), gendered nouns ("the father"),
the knowledge base, honorifics and the he/she pronouns that follow a person's mentions. Also
the YAML word lists the speaker resolver reads (`lexicon_words`, possessive pronouns)."""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from .lexicon import raw

_GIVEN: dict[int, dict[str, str]] = {}


@functools.lru_cache(maxsize=2)
def given_name_genders(path: str | None = None) -> dict[str, str]:
    """Given name (lower case) → "m"/"f", from `parley/data/names/given_names.yaml` (or the file
    named by PARLEY_GIVEN_NAMES): names used for one gender only."""
    d = _yaml(path or _names_path())
    out: dict[str, str] = {}
    for key, g in (("male", "m"), ("female", "f")):
        for n in d.get(key) or []:
            n = str(n).lower()
            out[n] = "" if out.get(n, g) != g else g
    return {n: g for n, g in out.items() if g}


def _given_names(kb) -> dict[str, str]:
    """Given name → gender, from the knowledge base's people (names used for one gender only)."""
    if kb is None:
        return {}
    if id(kb) not in _GIVEN:
        seen: dict[str, set] = {}
        for a in getattr(kb, "actors", {}).values():
            if getattr(a, "kind", "") == "person" and getattr(a, "gender", "") and " " in a.name:
                seen.setdefault(a.name.split()[0], set()).add(a.gender)
        _GIVEN[id(kb)] = {n: next(iter(g)) for n, g in seen.items() if len(g) == 1}
    return _GIVEN[id(kb)]


@functools.lru_cache(maxsize=8)
def _yaml(path: str) -> dict:
    """A YAML file as parsed by the quote lexicon's reader (the quote lexicon is then parsed once);
    {} when it cannot be read."""
    try:
        return raw(path)
    except OSError:
        return {}


@functools.lru_cache(maxsize=64)
def _words(path: str, key: str) -> frozenset[str]:
    """A word list of a YAML file ("generic_bodies" of the quote lexicon…), lower case."""
    v = _yaml(path)
    for k in key.split("."):
        v = v.get(k) or {} if isinstance(v, dict) else {}
    return frozenset(str(w).lower() for w in v or [])


def _names_path() -> str:
    return os.environ.get("PARLEY_GIVEN_NAMES") or str(
        Path(__file__).resolve().parents[1] / "data" / "names" / "given_names.yaml")


def lexicon_words(key: str) -> frozenset[str]:
    """Words of the quote lexicon read by the resolver only: "generic_bodies", "document_nouns"."""
    return _words(_lexicon_path(), key)


def _lexicon_path() -> str:
    env = os.environ.get("PARLEY_QUOTE_LEXICON")
    return env or _default_lexicon()


@functools.lru_cache(maxsize=1)
def _default_lexicon() -> str:
    from .lexicon import default_path
    return str(default_path())


def _possessives() -> dict[str, str]:
    return _possessive_map(_lexicon_path())


@functools.lru_cache(maxsize=4)
def _possessive_map(path: str) -> dict[str, str]:
    """`possessive_pronouns` of the quote lexicon (built once per file, not per pronoun)."""
    d = _yaml(path).get("possessive_pronouns") or {}
    return {str(k).lower(): str(v) for k, v in d.items()}


def noun_gender(lemma: str) -> str:
    """"m"/"f" for a noun describing a person of one gender ("the father", "the woman")."""
    if lemma in _words(_names_path(), "gendered_nouns.male"):
        return "m"
    return "f" if lemma in _words(_names_path(), "gendered_nouns.female") else ""


def kin_nouns() -> frozenset[str]:
    """Nouns of kinship ("the father", "the widow"): a definite one names someone's relative,
    not the person named before; from `gendered_nouns.kin` of the names file."""
    return _words(_names_path(), "gendered_nouns.kin")


_NOUN_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[A-Z][\w'’-]*['’]s)\s+"
                          r"(?:[a-z-]+\s+)?([a-z]+),?\s*$")
_NOUN_AFTER = re.compile(r"^,\s+(?:his|her|their|the|a|an)\s+(?:[a-z-]+\s+)?([a-z]+)\b")


def _described_gender(text: str, s: int, e: int) -> str:
    """The gender a noun describing the person in place gives: "her son Kody Cook", "Trudeau's
    wife, Sophie", "Kody Cook, her son," ("m"/"f", or "" with none)."""
    m = _NOUN_BEFORE.search(text[max(0, s - 40):s])
    g = noun_gender(m.group(1)) if m else ""
    if not g:
        m = _NOUN_AFTER.match(text[e:e + 40])
        g = noun_gender(m.group(1)) if m else ""
    return g


def kin_named(text: str, s: int) -> bool:
    """The name at `s` follows a noun of kinship: "his father, Joseph", "her son Kody"."""
    m = re.search(r"\b([a-z]+),?\s+$", text[max(0, s - 30):s])
    return m is not None and m.group(1) in kin_nouns()


class GenderVotes:
    """Mixin of the speaker resolver (needs ctx, kb, lex, direct, _lookup)."""

    def _genders(self, persons) -> dict[str, str]:
        """Gender from the knowledge base, an honorific, or a vote of the subject pronouns
        (he/she) that follow the person's mentions before another person is named."""
        out: dict[str, str] = {}
        votes: dict[str, list[int]] = {}
        text = self.ctx.text
        for i, (s, e, name, _, _) in enumerate(persons):
            if name not in out:
                a = self._lookup(name, self.ctx.date) if self.kb is not None else None
                if a is not None and getattr(a, "gender", "") and a.name == name:
                    out[name] = a.gender
            before = text[max(0, s - 6):s].lower().strip().rstrip(".")
            for h, g in self.lex.honorifics.items():
                if before.endswith(h):
                    out.setdefault(name, g)
            described = _described_gender(text, s, e)
            if described:  # "her son Kody Cook", "Kody Cook, her son,"
                out.setdefault(name, described)
            nxt = next((p[0] for p in persons[i + 1:] if p[2] != name), len(text))
            window = text[e:min(nxt, e + 600)]
            v = votes.setdefault(name, [0, 0])
            sent_end = text.find("\n", e)
            sent_end = len(text) if sent_end < 0 else sent_end
            for m in re.finditer(r"\b(he|she|his|her)\b", window, re.IGNORECASE):
                if self.direct[e + m.start()]:
                    continue
                w = 2 if m.group(1).lower() in ("he", "she") else 1
                if e + m.start() < sent_end and m.start() < 40:
                    w *= 3  # "Cerato said she had just passed …"
                v[0 if m.group(1).lower() in ("he", "his") else 1] += w
        given = _given_names(self.kb)
        names = given_name_genders()
        for name, (m_, f_) in votes.items():
            first = name.split()[0]
            if name not in out and first.lower() in names:
                out[name] = names[first.lower()]
            elif name not in out and first in given and (m_ if given[first] == "m" else f_) >= \
                    (f_ if given[first] == "m" else m_):
                # the knowledge base's people give "Lee" a gender; the article's own pronouns
                # ("Lee Finell … said she") know better
                out[name] = given[first]
            elif name not in out and m_ != f_:
                out[name] = "m" if m_ > f_ else "f"
        return out
