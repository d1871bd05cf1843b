"""People in the text: names from the base, spaCy PERSON entities, surnames of people already
named, close spellings; the titles around a name ("Ukrainian President …", "…, Ukraine's defense
minister") and the role conflicts they reveal."""
from __future__ import annotations

import datetime as _dt

from rapidfuzz import fuzz, process
from spacy.tokens import Doc

from . import match as M
from .article import _POSS, Title, _add, _Art, _body_of, _covering, _free, _hits_in, _person_mention, _state_of
from .kb import Actor, KnowledgeBase, fold
from .roles import conflict


def _clean_person(doc: Doc, s: int, e: int) -> tuple[int, int]:
    while e > s and (doc[e - 1].text in _POSS or doc[e - 1].is_punct and doc[e - 1].text not in "]."):
        e -= 1
    while s < e and doc[s].is_punct and doc[s].text != "[":
        s += 1
    # an editor's insertion "[Vladimir] Putin" is not part of the name as written
    if s < e and doc[s].text == "[":
        s += 1
    if s + 2 < e and doc[s + 1].text == "]" and s > 0 and doc[s - 1].text == "[":
        s += 2
    elif s >= 2 and doc[s - 1].text == "]" and doc[s - 2].is_title and (s < 3 or doc[s - 3].text != "["):
        s -= 2  # a stray bracket inside the name: "Vladimir] Putin"
    return s, e


def _people(art: _Art) -> None:
    doc, kb, day = art.doc, art.kb, art.day
    spans: list[tuple[int, int, Actor | None, str]] = []
    # 1. full names from the base
    for h in sorted(art.hits, key=lambda h: (h.start, -(h.end - h.start))):
        if h.label != M.ACTOR or (h.end - h.start) < 1:
            continue
        cands = [a for a in kb._names.get(h.key, []) if a.kind == "person"]
        if not cands or any(s <= h.start < e or s < h.end <= e for s, e, _, _ in spans):
            continue
        if any(x.label in (M.STATE, M.CAPITAL) and x.end >= h.end and (x.end - x.start) > (h.end - h.start)
               for x in _covering(art, h)):
            continue
        spans.append((h.start, h.end, kb.pick(cands, day), ""))
    full = [a for _, _, a, _ in spans if a is not None]
    # 2. spaCy PERSON entities not covered
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        s, e = _clean_person(doc, ent.start, ent.end)
        if s >= e or any(not (e <= a or b <= s) for a, b, _, _ in spans):
            continue
        text = doc[s:e].text
        if kb.state_ref(text) or any(a.kind != "person" for a in kb.candidates(text)):
            continue
        if not any(t.text[:1].isupper() for t in doc[s:e]):
            continue
        a = _name(art, text, full)
        if a is None and e - s < 2 and not (s > 0 and fold(doc[s - 1].text) in _honorifics(kb)):
            continue  # a lone unknown word tagged PERSON is more often noise than a person
        spans.append((s, e, a, text))
    # 3. surnames of people named in this article, and base surnames after a title or honorific
    known = {}
    for a in full + [a for _, _, a, _ in spans if a is not None]:
        for n in (a.name, *a.aliases):
            toks = fold(n).split()
            if toks:
                known.setdefault(toks[-1], a)
    for i, t in enumerate(doc):
        if not t.text[:1].isupper() or not t.is_alpha:
            continue
        if any(a <= i < b for a, b, _, _ in spans):
            continue
        key = fold(t.text)
        a = known.get(key)
        if a is None and i > 0 and fold(doc[i - 1].text) in _honorifics(kb):
            a = kb.pick([c for c in kb._surnames.get(key, []) if c.kind == "person"], day)
        if a is not None and not kb.state_ref(t.text):
            spans.append((i, i + 1, a, ""))
    art.person_toks = {i for s, e, _, _ in spans for i in range(s, e)}
    # titles, honorifics, conflicts
    for s, e, a, text in sorted(spans, key=lambda x: x[0]):
        if not _free(art, s, e):
            continue
        s2 = s
        if s > 0 and fold(doc[s - 1].text) in kb.words("honorifics_kept"):
            s2 = s - 1
        m = _person_mention(art, s2, e, a, text)
        title = _left_title(art, s2) or _appos_title(art, e)
        if title is not None:
            for i in range(title.start, title.end):
                if not art.taken[i]:
                    art.taken[i] = -1
            if a is not None and not title.not_current and title.typ:
                art.titled.append((a, title.typ))
            if a is not None and not title.not_current:
                exp = conflict(kb, a, title.typ, title.party, day)
                if exp:
                    m.role_conflict, m.expected_role = True, exp
            if a is None:
                m.party = title.party or (title.body.party if title.body else "")
                m.sector = title.sector or (title.body.sector if title.body else "")
        _add(art, s2, e, m, title.typ if title else "")


def _infer_day(art: _Art) -> _dt.date | None:
    """An undated article's reference day for roles named alone ("the U.S. secretary of state"):
    the middle of the period in which every titled person held the title given ("Secretary of
    State Antony Blinken" → 2021-01-26…2025-01-20). None when the titles give no common period."""
    lo, hi, seen = _dt.date.min, _dt.date.max, False
    for a, typ in art.titled:
        spans = [(r.start or _dt.date.min, r.end or _dt.date.max) for r in a.roles
                 if r.dated and art.kb.compatible(typ, r.type)]
        if not spans:
            continue
        s0, e0 = min(x[0] for x in spans), max(x[1] for x in spans)
        lo, hi, seen = max(lo, s0), min(hi, e0), True
    if not seen or lo > hi or lo == _dt.date.min:
        return None
    if hi == _dt.date.max:
        return None  # still in office: the base's current holders already answer
    return lo + (hi - lo) / 2


def _honorifics(kb: KnowledgeBase) -> frozenset[str]:
    return kb.words("honorifics_kept") | kb.words("honorifics_skipped")


def _name(art: _Art, text: str, full: list[Actor]) -> Actor | None:
    """A PERSON entity not found as a full base name: an alias with titles stripped, a surname of
    someone named in the article, a base surname, or a close spelling of a base name."""
    kb, day = art.kb, art.day
    a = kb.lookup(text, day)
    if a is not None and a.kind == "person":
        # a surname alone names someone the article named in full, or someone in office that day
        if len(fold(text).split()) > 1 or a in full or (a.roles_on(day) if day else a.roles):
            return a
    key = fold(text).split()
    if key:
        for p in reversed(full):
            if key[-1] in {fold(n).split()[-1] for n in (p.name, *p.aliases) if fold(n)}:
                return p
    if len(key) >= 2:
        return _fuzzy(kb, key, day)
    return None


def _fuzzy(kb: KnowledgeBase, toks: list[str], day) -> Actor | None:
    """A close spelling of a base name ("Volodimir Zelenskyi", "Sergei Lavrof", "Ras Umerov"): the
    surname within 80% and the first name within 70% (or a first name of ≤ 3 letters with the same
    initial and the surname within 95%: "J. Sullivan"). Several candidates: the one holding a role on the day, else none."""
    keys, names = _fuzzy_names(kb)
    first, last = toks[0], toks[-1]
    found: list[Actor] = []
    for _, score, i in process.extract(last, keys, scorer=fuzz.ratio, score_cutoff=80, limit=12):
        a = kb.actors.get(names[i])
        if a is None or a in found:
            continue
        for n in (a.name, *a.aliases):
            nt = fold(n).split()
            if len(nt) < 2 or fuzz.ratio(nt[-1], last) < 80:
                continue
            if fuzz.ratio(nt[0], first) >= 70 or len(first) <= 3 and nt[0][:1] == first[:1] \
                    and fuzz.ratio(nt[-1], last) >= 95:
                found.append(a)
                break
    return kb.pick(found, day) if len(found) == 1 or any(a.roles_on(day) for a in found) else None


_FUZZ: dict[tuple, tuple[list[str], list[str]]] = {}


def _fuzzy_names(kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    key = (id(kb), kb.version)
    if key not in _FUZZ:
        keys, names = [], []
        for a in kb.actors.values():
            if a.kind == "person":
                for n in {fold(x).split()[-1] for x in (a.name, *a.aliases) if " " in fold(x)}:
                    keys.append(n)
                    names.append(a.name)
        _FUZZ.clear()
        _FUZZ[key] = (keys, names)
    return _FUZZ[key]


def _title_from(art: _Art, s: int, e: int, head: M.Hit | None = None) -> Title:
    """Read a title phrase doc[s:e]: the role type of its head title word (default: the last),
    the party of a state or body before it or in an "of" phrase right after it ("Ukrainian
    President", "Minister of Foreign Affairs of Ukraine"; not "envoy for Ukraine negotiations"),
    past/future modifiers."""
    kb, doc = art.kb, art.doc
    t = Title(start=s, end=e)
    notcur = kb.words("not_current")
    titles = sorted(_hits_in(art, s, e, {M.TITLE}), key=lambda h: (h.end, h.end - h.start))
    if head is None and titles:
        head = titles[-1]
    if head is not None:
        t.typ = kb._title_index.get(head.key, "")
        limit = head.start
        if head.end < e and doc[head.end].lower_ == "of":
            objs = [c for c in doc[head.end].children if c.dep_ == "pobj"]
            of_end = objs[0].i + 1 if objs else head.end + 2
            party_zone = [(s, head.start), (head.end, min(e, of_end))]
        else:
            party_zone = [(s, limit)]
    else:
        party_zone = [(s, e)]
    for a, b in party_zone:
        for h in sorted(_hits_in(art, a, b, {M.STATE, M.DEMONYM, M.CAPITAL}), key=lambda h: h.start):
            st = _state_of(art, h)
            if st is not None:
                t.party = st.iso3  # the nearest to the title word wins
    for h in _hits_in(art, s, e, {M.ACTOR}):
        b = _body_of(art, h)
        if b is not None:
            t.body = t.body or b
            t.party = t.party or b.party
        else:
            for p in art.kb.candidates(doc[h.start:h.end].text):
                if p.kind == "person" and not t.party:  # "Putin's adviser"
                    t.party = p.party_on(art.day)
    for tok in doc[s:e]:
        if fold(tok.text) in notcur or tok.lower_ in ("ex", "former"):
            t.not_current = True
    t.sector = kb.lexicon.get("title_sector", {}).get(t.typ, "GOV" if t.typ else "")
    if not t.typ:
        for tok in doc[s:e]:
            t.sector = kb.group_sector(tok.text) or t.sector
    return t


def _left_title(art: _Art, s: int) -> Title | None:
    """A title right before a name: "Ukrainian President", "U.S. National Security Advisor",
    "Kremlin spokesman", "UAE Foreign Minister Sheikh"."""
    doc, kb = art.doc, art.kb
    skip = kb.words("honorifics_skipped")
    i = s
    while i > 0 and fold(doc[i - 1].text) in skip:
        i -= 1
    ends = [h for h in art.by_end.get(i, ()) if h.label == M.TITLE]
    if not ends:
        return None
    start = min(h.start for h in ends)
    notcur = kb.words("not_current")
    mods = {"top", "senior", "chief", "deputy", "first", "acting", "new", "current", "special",
            "presidential", "and", "&", "-", "’s", "'s", "interim", "foreign", "national", "security",
            "general", "staff", "of", "the", "defence", "defense", "state", "affairs", "foreign", "vice",
            "federal", "regional", "main", "head", "chair", "chairman", "chairwoman", "director", "minister",
            "executive", "assistant", "associate", "lead", "leading", "principal", "senior", "veteran"}
    while start > 0 and start > s - 14:
        j = start - 1
        tok = doc[j]
        prev = [h for h in art.by_end.get(start, ()) if (
            h.label in (M.TITLE, M.STATE, M.DEMONYM, M.CAPITAL) or h.label == M.ACTOR and _body_of(art, h))]
        if prev:
            start = min(h.start for h in prev)
            continue
        if tok.lower_ in ("and", "&"):  # "Crown Prince and Prime Minister", not "Zelensky and"
            if any(h.label == M.TITLE for h in art.by_end.get(j, ())):
                start = j
                continue
            break
        if fold(tok.text) in notcur or tok.lower_ in mods or tok.text in ("-", "’s", "'s"):
            start = j
            continue
        break
    while start < i and doc[start].lower_ in ("the", "and", "of", "-", "’s", "'s"):
        start += 1
    return _title_from(art, start, i)


def _appos_title(art: _Art, e: int) -> Title | None:
    """An apposition after a name: "Rustem Umerov, Ukraine's defense minister,",
    "Andriy Yermak, the Ukrainian president's chief of staff"."""
    doc = art.doc
    if e >= len(doc) or doc[e].text != ",":
        return None
    j = e + 1
    stop = min(len(doc), j + 14)
    k = j
    while k < stop and doc[k].text not in (",", ".", ";", ":", "\"", "“", "”", "(", ")") \
            and not (doc[k].pos_ in ("VERB", "AUX") and doc[k].dep_ not in ("amod", "compound")
                     and doc[k].tag_ not in ("VBN", "VBG")) and doc[k].text != "\n":
        k += 1
    if k == j or not _hits_in(art, j, k, {M.TITLE, M.GROUP}):
        return None
    if any(x in art.person_toks for x in range(j, k)) or any(doc[x].lower_ in ("and", "or", "&") for x in range(j, k)):
        return None  # a list of names, not an apposition
    if k + 1 < len(doc) and doc[k].text == "," and (k + 1) in art.person_toks:
        return None  # "…, the Kremlin's aide, Yuri Ushakov": the title of the next name
    if doc[j].pos_ in ("CCONJ", "SCONJ", "ADV", "PRON", "VERB", "AUX", "ADP", "PART") \
            or doc[j].lower_ in ("and", "or", "but", "who", "which"):
        return None
    root = doc[j:k].root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    at_root = [h for h in art.hits if h.label in (M.TITLE, M.GROUP) and h.start <= root.i < h.end and j <= h.start]
    if not at_root:
        return None
    h = max(at_root, key=lambda h: h.end - h.start)
    if h.end < len(doc) and doc[h.end].text in _POSS:
        return None  # "the President's son-in-law": a possessor, not the title
    t = _title_from(art, j, k, h)
    t.typ = art.kb._title_index.get(h.key, "") if h.label == M.TITLE else ""
    t.sector = art.kb.lexicon.get("title_sector", {}).get(t.typ, "GOV" if t.typ else t.sector)
    if h.end < k and doc[h.end].lower_ == "of":
        objs = [c for c in doc[h.end].children if c.dep_ == "pobj"]
        if not objs or not _hits_in(art, objs[0].left_edge.i, objs[0].i + 1, {M.STATE, M.CAPITAL, M.DEMONYM}):
            t.typ = ""  # "president of the majority group": an office of an organisation, not of a state
    # a body the person works at ("an analyst at Chatham House") gives the party first
    if t.body is not None and any(doc[x].lower_ in ("at", "of", "with", "from") for x in range(j, k)):
        t.party = t.body.party or t.party
    t.start, t.end = e, e  # the apposition stays free for its own mentions
    return t
