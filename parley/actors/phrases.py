"""Role phrases, bodies and metonyms: "the Kremlin spokesman", "Ukraine's foreign minister",
"the Ukrainian delegation", "a Ukrainian official", "the Trump administration", "the department";
"the Kremlin", "Kyiv said" (not "in Kyiv"), states and demonyms."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..model import Mention
from . import match as M
from .article import (_DEFINITE, _OTHER_ENTS, _POSS, _STOP_LEFT, _add, _Art, _body_of, _core, _covering,
                      _dateline, _free, _hits_in, _mention, _state_of, _trim_left)
from .kb import Actor, State, fold
from .roles import holders, is_place


def _np(art: _Art, h: M.Hit) -> tuple[int, int, Span]:
    """The noun phrase around a role word: determiners, states, possessors to the left; "of
    Ukraine" / "from Kyiv" to the right."""
    doc = art.doc
    span = doc[h.start:h.end]
    root = span.root
    left = max(root.left_edge.i, h.start - 7)
    while left < h.start and (doc[left].text in _STOP_LEFT or doc[left].is_space
                              or art.taken[left] > 0 and not _possessor(art, left, root)):
        left += 1
    for k in range(h.start - 1, left - 1, -1):  # nothing across punctuation
        if doc[k].text in _STOP_LEFT:
            left = k + 1
            break
    left = _trim_left(doc, left, h.start)
    right = h.end
    for child in [c for t in span for c in t.rights]:
        if child.dep_ == "prep" and child.lower_ in ("of", "from") and child.i >= h.end:
            obj = [c for c in child.children if c.dep_ == "pobj"]
            if obj and _hits_in(art, obj[0].left_edge.i, obj[0].right_edge.i + 1,
                                {M.STATE, M.CAPITAL, M.DEMONYM, M.ACTOR, M.TITLE, M.BODYTYPE}):
                right = max(right, obj[0].right_edge.i + 1)
    right = min(right, h.end + 10)
    return left, right, doc[left:right]


def _possessor(art: _Art, i: int, root) -> bool:
    """Token i is part of a mention that modifies the role word ("Trump administration",
    "Putin's envoy")."""
    tok = art.doc[i]
    return tok.head == root or tok.head.head == root or tok.dep_ in ("poss", "compound")


def _refs(art: _Art, s: int, e: int, skip: M.Hit) -> tuple[State | None, Actor | None, Actor | None]:
    """The state, body and person named inside doc[s:e] (outside the role word itself)."""
    state = body = person = None
    for h in _hits_in(art, s, e, {M.STATE, M.DEMONYM, M.CAPITAL, M.ACTOR}):
        if h.start >= skip.start and h.end <= skip.end:
            continue
        if h.label in (M.STATE, M.DEMONYM, M.CAPITAL) and state is None:
            state = _state_of(art, h)
        elif h.label == M.ACTOR:
            b = _body_of(art, h)
            if b is not None and body is None:
                body = b
    for s2, e2, m, _ in art.mentions:
        if s <= s2 and e2 <= e and m.kind == "person" and m.actor in art.kb.actors:
            person = art.kb.actors[m.actor]
    if state is None and body is not None and body.party in art.kb.states:
        state = art.kb.states[body.party]
    if state is None and person is not None:
        state = art.kb.states.get(person.party_on(art.day))
    return state, body, person


def _role_phrases(art: _Art) -> None:
    kb, doc, day = art.kb, art.doc, art.day
    order = {M.DELEG: 0, M.GOVT: 1, M.BODYTYPE: 2, M.TITLE: 3, M.GROUP: 4}
    hits = [h for h in art.hits if h.label in order]
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), order[h.label]))
    done_heads: set[int] = set()
    for h in hits:
        if not _free(art, h.start, h.end) or h.start in done_heads:
            continue
        if any(x.label in order and x.end >= h.end and (x.end - x.start) > (h.end - h.start)
               for x in _covering(art, h)):
            continue  # a longer role phrase covers this one
        root = doc[h.start:h.end].root
        if root.dep_ == "compound" and root.head.i >= h.end:
            continue  # "delegation members", a title before a name: read elsewhere
        s, e, span = _np(art, h)
        if not _free(art, h.start, e) and e > h.end:
            e = h.end
        if _appositive(art, s, root):
            continue  # "Umerov, Ukraine's defense minister": the title of the name before it
        if h.label != M.GOVT:
            for s2, e2, m2, _ in art.mentions:  # "Putin's adviser": the phrase starts after the name
                if s <= s2 < h.start and m2.kind == "person":
                    s = e2 + (1 if e2 < len(doc) and doc[e2].text in _POSS else 0)
            s = _trim_left(doc, s, h.start)
        state, body, person = _refs(art, s, e, h)
        det = doc[s].lower_ if s < h.start else ""
        definite = det in _DEFINITE or doc[s].tag_ == "POS" or (s < h.start and doc[s:h.start][-1].tag_ == "POS") \
            or state is not None and s < h.start
        m = None
        typ = ""
        if h.label == M.DELEG:
            if state is not None and root.lower_ not in ("delegations",) and not _plural_both(doc, s, h.start):
                m = _mention(doc, s, e, actor=state.delegation_name, party=state.iso3, sector="GOV", kind="group")
            elif definite and root.lower_ == "delegation":
                m = _antecedent_body(art, s, e, "delegation")
        elif h.label == M.GOVT:
            if state is not None:
                m = _mention(doc, s, e, actor=state.government_name, party=state.iso3, sector="GOV", kind="body")
            elif definite and root.lower_ in ("government", "administration"):
                m = _antecedent_body(art, s, e, root.lower_)
        elif h.label == M.BODYTYPE:
            text = doc[s:e].text
            a = kb.lookup(text, day)
            if a is not None and a.kind != "person":
                m = _mention(doc, s, e, actor=a.canonical, party=a.party, sector=a.sector, kind="body")
            elif state is not None:
                bt = next((v for v in kb.lexicon.get("body_types", {}).values()
                           if h.key in {fold(w) for w in v.get("words", [])}), None)
                if bt is not None:
                    m = _mention(doc, s, e, actor=bt["name"].format(state=state.name), party=state.iso3,
                                 sector=bt.get("sector", "GOV"), kind="body")
            elif definite:
                m = _antecedent_body(art, s, e, root.lower_)
        elif h.label == M.TITLE:
            typ = kb._title_index.get(h.key, "")
            m = _role_mention(art, s, e, typ, state, body, definite)
        elif h.label == M.GROUP and state is not None and not any(t.text in _POSS for t in doc[s:h.start]):
            sec = kb.group_sector(h.key) or ""
            m = _mention(doc, s, e, actor=body.canonical if body is not None else "", party=state.iso3,
                         sector=sec, kind="group")
        if m is not None:
            # the role phrase replaces the person/state mentions inside it ("the Trump administration")
            art.mentions = [x for x in art.mentions if not (s <= x[0] and x[1] <= e)]
            art.taken = [-1 if x == -1 else 0 for x in art.taken]
            for k, (s2, e2, _, _) in enumerate(art.mentions):
                for i in range(s2, e2):
                    art.taken[i] = k + 1
            _add(art, s, e, m, typ)
            done_heads.add(h.start)


def _appositive(art: _Art, s: int, root) -> bool:
    doc = art.doc
    if root.dep_ == "poss" or root.i + 1 < len(doc) and doc[root.i + 1].text in _POSS:
        return False
    if s >= 2 and doc[s - 1].text == "," and art.taken[s - 2] > 0:
        m = art.mentions[art.taken[s - 2] - 1][2] if art.taken[s - 2] - 1 < len(art.mentions) else None
        if m is not None and m.kind == "person":
            return True
    return root.dep_ == "appos" and art.taken[root.head.i] > 0 and any(
        m.kind == "person" and s2 <= root.head.i < e2 for s2, e2, m, _ in art.mentions)


def _plural_both(doc: Doc, s: int, e: int) -> bool:
    return any(t.lower_ in ("both", "two", "all", "three") for t in doc[s:e])


def _antecedent_body(art: _Art, s: int, e: int, word: str) -> Mention | None:
    """"the department" → the last body mention whose name or text has that word."""
    w = word.rstrip("s")
    for s2, e2, m, _ in reversed(art.mentions):
        if e2 <= s and m.kind in ("body", "group", "metonym") and (w in m.actor.lower() or w in m.text.lower()):
            return _mention(art.doc, s, e, actor=m.actor, party=m.party, sector=m.sector, kind=m.kind)
    return None


def _role_mention(art: _Art, s: int, e: int, typ: str, state: State | None, body: Actor | None,
                  definite: bool) -> Mention | None:
    kb, doc = art.kb, art.doc
    day = art.day or art.ref_day
    if not typ:
        return None
    group_like = typ in ("official",) or doc[e - 1].lower_.endswith("s") and doc[e - 1].tag_ in ("NNS", "NNPS")
    sector = kb.lexicon.get("title_sector", {}).get(typ, "GOV")
    party = state.iso3 if state is not None else (body.party if body is not None else "")
    if body is not None and definite and not group_like or typ == "official" and body is not None \
            and definite and doc[e - 1].tag_ in ("NN", "NNP"):
        for p in reversed(art.people):
            if any(fold(body.name) in fold(r.office) for r in p.roles_possible(day)):
                return _mention(doc, s, e, actor=p.canonical, party=p.party_on(day), sector=p.sector_on(day),
                                kind="person")
    if group_like:
        if not party:
            return None
        return _mention(doc, s, e, actor=body.canonical if body is not None else "", party=party,
                        sector=sector, kind="group")
    if party or body is not None:
        # the holder: someone already named in the article who holds it, else the base's holder
        cands = holders(kb, typ, day, party, body)
        named = [p for p in art.people if p in cands]
        if not named:
            for p in reversed(art.people):
                if party and p.party_on(day) != party:
                    continue
                if any(kb.compatible(typ, r.type) and (body is None or fold(body.name) in fold(r.office))
                       for r in p.roles_possible(day)):
                    named = [p]
                    break
        who = named[-1] if named else (cands[0] if cands and (day is not None or len(cands) == 1
                                                               or typ in ("president", "leader"))
                                       else None)
        if who is None and body is not None and definite and typ in ("official", "spokesperson", "aide"):
            return None
        if who is not None:
            return _mention(doc, s, e, actor=who.canonical, party=who.party_on(day) or party,
                            sector=who.sector_on(day) or sector, kind="person")
        if not definite and doc[s].lower_ in ("a", "an") or party:
            return _mention(doc, s, e, actor="", party=party, sector=sector, kind="person")
        return None
    if not definite or typ in ("leader", "official") or typ == "minister" and doc[s].lower_ != "the":
        return None
    # "the president", "the minister": the last person named with such a role
    for s2, e2, m, t2 in reversed(art.mentions):
        if e2 > s or m.kind != "person":
            continue
        a = kb.actors.get(m.actor)
        ok = t2 and kb.compatible(typ, t2) or a is not None and any(
            kb.compatible(typ, r.type) for r in (a.roles_on(day) or a.roles_possible(day)))
        if ok:
            return _mention(doc, s, e, actor=m.actor, party=m.party, sector=m.sector, kind="person")
    return None


def _bodies(art: _Art) -> None:
    kb, doc = art.kb, art.doc
    prio = {M.ACTOR: 0, M.CAPITAL: 1, M.STATE: 2, M.DEMONYM: 3}
    hits = [h for h in art.hits if h.label in prio]
    hits.sort(key=lambda h: (-(h.end - h.start), prio[h.label], h.start))
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    for h in hits:
        s, e = h.start, h.end
        if not _free(art, s, e):
            continue
        # a longer named entity around it is something else ("The Washington Post", "Moscow Oblast")
        if any(a <= s and e <= b and _core(doc, a, b) > (e - s) and lab in _OTHER_ENTS
               and not _hits_in(art, a, b, {M.ACTOR, M.TITLE, M.GROUP, M.DELEG, M.GOVT, M.BODYTYPE})
               for a, b, lab in ents):
            continue
        span = doc[s:e]
        root = span.root
        if h.label == M.ACTOR:
            a = _body_of(art, h)
            if a is None:
                continue
            if a.kind == "metonym" and is_place(root, kb):
                continue
            # keep a leading "the"
            s2 = s - 1 if s > 0 and doc[s - 1].lower_ == "the" and _free(art, s - 1, s) else s
            _add(art, s2, e, _mention(doc, s2, e, actor=a.canonical, party=a.party, sector=a.sector,
                                      kind=a.kind if a.kind in ("metonym", "group") else "body"))
        elif h.label == M.CAPITAL:
            st = kb.capital(span.text)
            if st is None or is_place(root, kb) or span.text.isupper() and len(span.text) > 3 and _dateline(doc, s):
                continue
            _add(art, s, e, _mention(doc, s, e, actor=st.government_name, party=st.iso3, sector="GOV",
                                     kind="metonym"))
        elif h.label == M.STATE:
            st = kb.state(span.text)
            if st is None:
                continue
            _add(art, s, e, _mention(doc, s, e, actor=st.name, party=st.iso3, sector="", kind="state"))
        elif h.label == M.DEMONYM:
            st = kb.demonym(span.text)
            if st is None:
                continue
            if root.dep_ in ("amod", "compound") and root.head.pos_ == "NOUN":
                g = _people_group(art, root.head, st)
                if g is not None:
                    _add(art, *g)
                continue
            if root.pos_ not in ("NOUN", "PROPN"):
                continue
            s2 = s - 1 if s > 0 and doc[s - 1].lower_ == "the" and _free(art, s - 1, s) else s
            _add(art, s2, e, _mention(doc, s2, e, actor="", party=st.iso3, sector="", kind="group"))


def _people_group(art: _Art, head, st: State):
    """"four Saudi men", "a Belarusian protester", "Ukrainian agricultural workers": a group
    of the demonym's party when the noun names people (listed, or with a person-noun ending)."""
    kb, doc = art.kb, art.doc
    lemma = fold(head.lemma_)
    sector = kb.group_sector(lemma) or kb.group_sector(head.text)
    if sector is None and not any(lemma.endswith(x) for x in kb.words("person_noun_endings")):
        return None
    s, e = _trim_left(doc, head.left_edge.i, head.i), head.i + 1
    if s > head.i or not _free(art, s, e):
        return None
    return s, e, _mention(doc, s, e, actor="", party=st.iso3, sector=sector or "", kind="group")


def _anaphors(art: _Art) -> None:
    """"the department", "the ministry": the body last named with that word."""
    doc = art.doc
    words = art.kb.words("body_anaphors")
    for i in range(1, len(doc)):
        if doc[i].lower_ in words and doc[i - 1].lower_ == "the" and _free(art, i - 1, i + 1) \
                and doc[i].dep_ != "compound" and not (i + 1 < len(doc) and doc[i + 1].lower_ == "of"):
            m = _antecedent_body(art, i - 1, i + 1, doc[i].lower_)
            if m is not None:
                _add(art, i - 1, i + 1, m)
