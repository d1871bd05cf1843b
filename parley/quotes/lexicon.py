"""The quote lexicon (`parley/data/lexicons/quotes.yaml`, or the file named by PARLEY_QUOTE_LEXICON)."""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]  # reporting verbs
    belief: frozenset[str]  # belief/intent verbs (indirect content only, off by default)
    objects: frozenset[str]  # verbs whose direct object is the content ("noted the importance")
    not_indirect: frozenset[str]  # cues that never take indirect content ("asked if …")
    phrases: dict  # verb → particles that make it a cue ("made clear", "called for")
    naming: frozenset[str]  # 'called the report "absurd"'
    evidence: frozenset[str]  # cues only with a subject that can speak ("the study suggests")
    statements: frozenset[str]  # "the statement said"
    bodies: frozenset[str]  # "the ministry said"
    anonymous: frozenset[str]  # "a senior official said"
    titles: frozenset[str]  # "the minister said"
    speakers: frozenset[str]  # all head nouns that can name a speaker
    pronouns: dict  # pronoun → gender/number
    honorifics: dict  # honorific → gender
    promo: tuple[str, ...]  # "READ MORE:" lines
    credits: tuple[str, ...]  # photo/agency credit words
    directives: dict  # "urged X to …": verb → prepositions naming the addressee ([] = an object)
    claims: frozenset[str]  # "his claim that …"


def default_path() -> Path:
    env = os.environ.get("PARLEY_QUOTE_LEXICON")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1] / "data" / "lexicons" / "quotes.yaml"


@functools.lru_cache(maxsize=4)
def raw(path: str) -> dict:
    """The lexicon file as parsed YAML, read once per path (libyaml when installed: the
    pure-Python parser takes ~0.1 s for this file)."""
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


@functools.lru_cache(maxsize=4)
def load(path: str | None = None) -> Lexicon:
    d = raw(str(path or default_path()))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in d.get(key) or [])

    def phrases(key: str) -> tuple[str, ...]:
        return tuple(str(w).lower() for w in d.get(key) or [])

    statements, bodies = words("statement_nouns"), words("body_nouns")
    anonymous, titles = words("anonymous_heads"), words("title_heads")
    return Lexicon(speech=words("speech_verbs"), belief=words("belief_verbs"), objects=words("object_verbs"),
                   not_indirect=words("not_indirect"),
                   phrases={str(k).lower(): [str(x).lower() for x in v]
                            for k, v in (d.get("phrase_verbs") or {}).items()},
                   naming=words("naming_verbs"), evidence=words("evidence_verbs"),
                   statements=statements, bodies=bodies, anonymous=anonymous, titles=titles,
                   speakers=statements | bodies | anonymous | titles,
                   pronouns=dict(d.get("pronouns") or {}), honorifics=dict(d.get("honorifics") or {}),
                   promo=phrases("promo_labels"), credits=phrases("credit_words"),
                   directives=_directives(d.get("directive_verbs")), claims=words("claim_nouns"))


def _directives(d) -> dict[str, list[str]]:
    if isinstance(d, list):
        d = {w: [] for w in d}
    return {str(k).lower(): [str(x).lower() for x in (v or [])] for k, v in (d or {}).items()}
