"""Mention scores: coverage, actor and party accuracy (all and named persons), role-conflict P/R/F1."""
from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from .metrics import fold, labels, prf, ratio
from .spans import greedy_match

MATCH_AT = 0.5
# Words that make an actor name a body rather than a person ("Government of Russia",
# "Ukrainian delegation", "Ministry of Foreign Affairs (Turkey)", "Kremlin", "White House").
BODY_WORDS = {
    "government", "ministry", "department", "delegation", "kremlin", "house", "council", "congress",
    "parliament", "party", "office", "committee", "administration", "agency", "service", "embassy",
    "forces", "army", "navy", "command", "union", "nations", "organization", "organisation", "team",
    "federation", "republic", "court", "bank", "commission", "staff", "states", "kingdom", "cabinet",
    "duma", "rada", "senate", "assembly", "group", "company", "media", "news", "mission", "alliance",
}
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'’.][^\W_]+)*")


def _same_token(a: str, b: str) -> bool:
    """Equal, or a spelling variant of a name of ≥ 4 letters ("Zelensky" ~ "Zelenskyy",
    "Gnatov" ~ "Hnatov"): character similarity ≥ 0.7."""
    return a == b or (min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= 0.7)


def is_named_person(text: str, actor: str) -> bool:
    """A gold mention names a person when its actor has no body word and the mention text has a
    capitalised token that is a token of the actor name or a spelling variant of one
    ("Mr. Rubio" → "Marco Rubio", "Zelensky" → "Volodymyr Zelenskyy" yes; "he", "the Russian
    leader", "Moscow" → "Government of Russia", "the Kremlin" → "Kremlin" no)."""
    actor_toks = {fold(t) for t in _WORD.findall(actor or "")}
    if not actor_toks or actor_toks & BODY_WORDS:
        return False
    caps = [fold(t) for t in _WORD.findall(text or "") if t[0].isupper()]
    return any(_same_token(t, a) for t in caps for a in actor_toks)


def _spans(mentions: list[dict]) -> list[tuple[int, int]]:
    return [(m["start"], m["end"]) for m in mentions]


def _valid(m: dict, text_len: int) -> bool:
    s, e = m.get("start"), m.get("end")
    return isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= max(text_len, e)


def score(pairs: list[tuple[dict, dict]]) -> dict:
    c: Counter = Counter()
    for gold, rec in pairs:
        n = len(gold["text"])
        gm = [m for m in gold["mentions"] if _valid(m, n)]
        pm = [m for m in rec.get("mentions") or [] if _valid(m, n)]
        person = [is_named_person(m.get("text", ""), m.get("actor", "")) for m in gm]
        c["gold"] += len(gm)
        c["gold_person"] += sum(person)
        c["gold_rc"] += sum(1 for m in gm if m.get("role_conflict"))
        c["pred_rc"] += sum(1 for m in pm if m.get("role_conflict"))
        for gi, pi, _ in greedy_match(_spans(gm), _spans(pm), MATCH_AT):
            g, p = gm[gi], pm[pi]
            actor_ok = labels(g.get("actor")) == labels(p.get("actor"))
            party_ok = labels(g.get("party")) == labels(p.get("party"))
            for pre in ("", "person_") if person[gi] else ("",):
                c[pre + "found"] += 1
                c[pre + "actor_ok"] += actor_ok
                c[pre + "party_ok"] += party_ok
            c["rc_tp"] += bool(g.get("role_conflict")) and bool(p.get("role_conflict"))

    def block(pre: str, gold: int) -> dict:
        return {"gold": gold, "found": c[pre + "found"], "coverage": ratio(c[pre + "found"], gold),
                "actor_accuracy": ratio(c[pre + "actor_ok"], gold),
                "party_accuracy": ratio(c[pre + "party_ok"], gold),
                "actor_accuracy_found": ratio(c[pre + "actor_ok"], c[pre + "found"]),
                "party_accuracy_found": ratio(c[pre + "party_ok"], c[pre + "found"])}

    return {"all": block("", c["gold"]), "named_person": block("person_", c["gold_person"]),
            "role_conflict": prf(c["rc_tp"], c["pred_rc"], c["gold_rc"])}
