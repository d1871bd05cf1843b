"""Where an event took place: places named in the sentence (gazetteer cities, venues, countries),
the event's own place, and the CONSULT mode that follows from it (visit, third-party,
multilateral, phone)."""
from __future__ import annotations

from bisect import bisect_left

from .lexicon import norm

LOC_PREPS = {"in", "at", "near", "inside", "outside", "from"}


def sent_ents(sent) -> list:
    """The sentence's entities; the doc's entity spans are built once per doc (Span.ents rebuilds
    them at every call)."""
    doc = sent.doc
    cached = doc.user_data.get("parley_ents")
    if cached is None or len(cached) != 3 or cached[0] != len(doc):
        ents = list(doc.ents)
        cached = (len(doc), ents, [e.start for e in ents])
        doc.user_data["parley_ents"] = cached
    _, ents, starts = cached
    i = bisect_left(starts, sent.start)  # entities are in text order: those from the sentence's start on
    out = []
    for e in ents[i:]:
        if e.start >= sent.end:
            break
        if e.end <= sent.end:
            out.append(e)
    return out


def _places(sent, res, gaz):
    """(name, country, is_city, token index) for each place in the sentence."""
    out = []
    seen = set()
    for ent in sent_ents(sent):
        if ent.label_ not in ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"):
            continue
        cands = [ent.text]
        toks = list(ent)
        # "the Ritz-Carlton hotel in the city of Jeddah": the city, not the hotel
        cands += [" ".join(t.text for t in toks[i:]) for i in range(1, len(toks))]
        for c in cands:
            hit = gaz.place(c)
            if hit is None:
                continue
            name, code = hit
            is_city = norm(name) != norm(gaz.country_names.get(code, ""))
            root = ent.root
            attached = root.dep_ == "pobj" and root.head.lower_ in LOC_PREPS | {"of", "to"} \
                or root.dep_ in ("compound", "poss", "npadvmod", "appos") or ent.label_ == "FAC"
            if not attached:
                break
            if name not in seen:
                seen.add(name)
                out.append((name, code, is_city, ent.start))
            break
    return out


def _location(tr, places, state) -> str:
    if not places:
        return ""
    cities = [p for p in places if p[2]]
    if cities:
        sub = {t.i for t in tr.tok.subtree}
        inside = [p for p in cities if p[3] in sub]
        return (inside or cities)[0][0]
    name, code = places[0][0], places[0][1]
    return state.cities.get(code, name)


def _consult_mode(parties: list[str], loc_code: str, tr, entry_mode: str, igos: set[str]) -> str:
    if entry_mode in ("phone", "visit"):
        return entry_mode
    words = {t.lower_ for t in tr.tok.sent}
    if words & {"phone", "telephone", "video", "videoconference", "call"}:
        return "phone"
    if words & {"trilateral", "multilateral", "summit"} or set(parties) & igos:
        return "multilateral"
    if loc_code:
        if loc_code in parties:
            return "third-party" if len(parties) >= 3 else "visit"
        return "multilateral" if len(parties) >= 3 else "third-party"
    return ""
