"""Speaker and actor name comparison."""
from __future__ import annotations

import re

from .metrics import fold, labels

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}
PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her", "them", "you"}


def tokens(name: str) -> list[str]:
    return _TOKEN.findall(fold(name))


def last_token(name: str) -> str:
    toks = [t for t in tokens(name) if t not in _SUFFIX]
    return toks[-1] if toks else ""


def same_strict(gold: str, pred: str) -> bool:
    """Equal after folding; "A|B" fields compare as sets."""
    g, p = labels(gold), labels(pred)
    return bool(g) and g == p


def _letters(name: str) -> str:
    return re.sub(r"[\W_]+", "", name)


def same_lenient(gold: str, pred: str) -> bool:
    """Same person if some name of gold and some name of pred ("A|B" lists) are equal after
    folding and ignoring spaces, hyphens and dots ("Kim Jong-un" ~ "Kim Jong Un"), or have the
    same last token (not a pronoun): "Trudeau" ~ "Justin Trudeau"."""
    for g in labels(gold):
        for p in labels(pred):
            if g == p or _letters(g) and _letters(g) == _letters(p):
                return True
            lg, lp = last_token(g), last_token(p)
            if lg and lg == lp and lg not in PRONOUNS:
                return True
    return False
