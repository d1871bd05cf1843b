"""The stance vocabulary (parley/data/profiles/lexicon/stance.yaml), loaded once."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass
class Lexicon:
    polarity: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, lemma) → +1 / -1
    reverse: dict[str, set[str]] = field(default_factory=dict)  # kind → lemmas
    with_particle: dict[str, set[str]] = field(default_factory=dict)
    needs_modal: set[str] = field(default_factory=set)
    hedge_words: set[str] = field(default_factory=set)
    hedge_sources: set[str] = field(default_factory=set)
    reporting: set[str] = field(default_factory=set)
    obligation: set[str] = field(default_factory=set)
    condition_marks: set[str] = field(default_factory=set)
    condition_phrases: list[str] = field(default_factory=list)
    collective: list[str] = field(default_factory=list)
    negation: set[str] = field(default_factory=set)
    hostile: set[str] = field(default_factory=set)
    not_condition: list[str] = field(default_factory=list)
    circumstance: set[str] = field(default_factory=set)
    directive: set[str] = field(default_factory=set)

    def stance_of(self, kind: str, lemma: str) -> int:
        """+1 support word, -1 oppose word, 0 neither (kind: verb | noun | adj)."""
        return self.polarity.get((kind, lemma.lower()), 0)

    def reverses(self, kind: str, lemma: str) -> bool:
        return lemma.lower() in self.reverse.get(kind, set())


def _path() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "profiles" / "lexicon" / "stance.yaml"


@functools.lru_cache(maxsize=4)
def load(path: str | None = None) -> Lexicon:
    with open(path or _path(), encoding="utf-8") as fh:
        d = yaml.safe_load(fh)
    lex = Lexicon()
    for sign, key in ((1, "support"), (-1, "oppose")):
        for kind, words in (d.get(key) or {}).items():
            for w in words or []:
                lex.polarity.setdefault((kind, str(w).lower()), sign)
    lex.reverse = {k: {str(w).lower() for w in v or []} for k, v in (d.get("reverse") or {}).items()}
    lex.with_particle = {str(k): {str(w).lower() for w in v or []} for k, v in (d.get("with_particle") or {}).items()}
    lex.needs_modal = {str(w).lower() for w in d.get("needs_modal") or []}
    h = d.get("hedge") or {}
    lex.hedge_words = {str(w).lower() for k in ("verb", "adv", "adj") for w in h.get(k) or []}
    lex.hedge_sources = {str(w).lower() for w in h.get("source") or []}
    lex.reporting = {str(w).lower() for w in d.get("reporting") or []}
    lex.obligation = {str(w).lower() for w in d.get("obligation") or []}
    c = d.get("condition") or {}
    lex.condition_marks = {str(w).lower() for w in c.get("mark") or []}
    lex.condition_phrases = sorted((str(w).lower() for w in c.get("phrase") or []), key=len, reverse=True)
    lex.collective = sorted((str(w).lower() for w in d.get("collective") or []), key=len, reverse=True)
    lex.not_condition = [str(w).lower() for w in d.get("not_condition") or []]
    lex.hostile = {str(w).lower() for w in d.get("hostile") or []}
    lex.circumstance = {str(w).lower() for w in d.get("circumstance") or []}
    lex.negation = {str(w).lower() for w in d.get("negation") or []}
    lex.directive = {str(w).lower() for w in d.get("directive") or []}
    return lex
