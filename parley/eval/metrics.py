"""Counting helpers shared by the scorers."""
from __future__ import annotations

import unicodedata
from typing import Iterable


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Micro precision/recall/F1 from counts. Undefined ratios (0/0) are None, never guessed."""
    return {
        "tp": tp, "pred": n_pred, "gold": n_gold,
        "p": tp / n_pred if n_pred else None,
        "r": tp / n_gold if n_gold else None,
        "f1": 2 * tp / (n_pred + n_gold) if n_pred + n_gold else None,
    }


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def fold(s: str | None) -> str:
    """Case-, accent- and whitespace-insensitive form of a name or label."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().replace("ı", "i").split())


def labels(s: str | Iterable[str] | None) -> frozenset[str]:
    """A party/speaker field as a set: "A|B" and ["A", "B"] both give {a, b}; empty parts dropped."""
    if s is None:
        return frozenset()
    parts = s.split("|") if isinstance(s, str) else list(s)
    return frozenset(f for f in (fold(str(p)) for p in parts) if f)
