"""Speaker mention → speaker name and party.

Named people resolve through the actors stage's mentions (then the knowledge base); a surname
alone goes to the earliest full-name mention of the article; pronouns to the nearest compatible
person (gender, number; earlier speakers first); definite descriptions ("the official", "the
minister") to the previous speaker they fit; anonymous sources ("a senior Ukrainian official")
keep no name but get their party from a demonym or state name.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from spacy.tokens import Token

from ..context import Context
from .lexicon import Lexicon
from .syntax import np_bounds

_POSS = re.compile(r"(?:'s|’s|'|’)$")


_GIVEN: dict[int, dict[str, str]] = {}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
GENDER_REACH = 300  # characters: a person of the pronoun's gender this close beats a nearer unknown
_AGE = re.compile(r"\b\d{1,3}-year-old\b")


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
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LOADER) or {}
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
    from .lexicon import default_path
    return str(default_path())


def _possessives() -> dict[str, str]:
    d = _yaml(_lexicon_path()).get("possessive_pronouns") or {}
    return {str(k).lower(): str(v) for k, v in d.items()}


def noun_gender(lemma: str) -> str:
    """"m"/"f" for a noun describing a person of one gender ("the father", "the woman")."""
    if lemma in _words(_names_path(), "gendered_nouns.male"):
        return "m"
    return "f" if lemma in _words(_names_path(), "gendered_nouns.female") else ""


def doc_pos(doc, i: int) -> int:
    return doc[i].idx


@dataclass
class Speaker:
    name: str
    party: str
    gender: str = ""  # m f p(lural) n(euter/body) or ""
    person: bool = False
    head: str = ""  # head lemma of the mention that named it ("official", "minister")
    anonymous: bool = False
    pos: int = 0  # character offset where it was named
    span: tuple[int, int] | None = None  # the name, when given apart from the subject (apposition)


def _clean_name(s: str, lex: Lexicon) -> str:
    s = _POSS.sub("", s.strip())
    words = s.split()
    while words and words[0].lower().rstrip(".") in lex.honorifics:
        words = words[1:]
    return " ".join(words)


class Resolver:
    def __init__(self, ctx: Context, lex: Lexicon, direct: bytearray | None = None) -> None:
        self.direct = direct if direct is not None else bytearray(len(ctx.text) + 1)
        self.ctx, self.lex, self.doc = ctx, lex, ctx.doc
        self.kb = ctx.kb
        self.history: list[Speaker] = []
        self._cache: dict[str, object] = {}
        self.quoted = bytearray(len(ctx.text) + 1)  # reported content: its people are not speakers
        self.ents = list(ctx.doc.ents)
        self.persons = self._persons()

    def _lookup(self, name: str, day=None):
        """The knowledge base's actor for a name (memoised per article)."""
        if name not in self._cache:
            self._cache[name] = self.kb.lookup(name, self.ctx.date) if self.kb is not None else None
        return self._cache[name]

    # -- people of the article -------------------------------------------------------------
    def _persons(self) -> list[tuple[int, int, str, str, str]]:
        """(start, end, full name, party, gender) of every person named, in order; a surname
        alone takes the earliest full name it ends."""
        ents = []
        for m in self.ctx.mentions:
            if m.kind == "person":
                actor = _clean_name(m.actor, self.lex) if m.actor == m.text else m.actor
                ents.append((m.start, m.end, m.text, actor, m.party))
        have = {(s, e) for s, e, *_ in ents}
        for ent in self.ents:
            if ent.label_ == "PERSON" and (ent.start_char, ent.end_char) not in have:
                ents.append((ent.start_char, ent.end_char, ent.text, "", ""))
        ents += self._missed_names(ents)
        ents.sort()
        full: dict[str, tuple[str, str]] = {}
        first: dict[str, tuple[str, str]] = {}
        for _ in range(2):  # a surname before the full name still takes the full name
            out = []
            for s, e, text, actor, party in ents:
                name = _clean_name(text, self.lex)
                unknown = not actor or actor == text or actor == name
                if " of " in name and unknown and len(name.split(" of ")[0].split()) > 1:
                    name, actor = name.split(" of ")[0], ""  # "Jingyi Pan of IG": the name before "of"
                if name.split() and name.split()[-1].lower().strip(".") in self.lex.titles and unknown:
                    continue  # a title tagged as a name: "Yellowhead MP"
                if not name or "/" in name or any(ch.isdigit() for ch in name) or self._credit(s, e):
                    continue
                words = name.split()
                if len(words) == 1 and (words[0].lower() in full or words[0].lower() in first):
                    actor, party = full.get(words[0].lower()) or first[words[0].lower()]
                elif len(words) == 1 and actor and actor != text and not self._plausible(actor):
                    actor, party = name, ""
                elif (not actor or actor == text) and self.kb is not None:
                    a = self._lookup(name, self.ctx.date)
                    if a is not None and (len(words) > 1 or self._plausible(a.name)):
                        actor, party = a.name, party or a.party_on(self.ctx.date)
                if actor and actor != text and " " in actor:
                    best = actor
                elif len(words) > 1:
                    best = actor if actor and " " in actor else name
                else:
                    key = words[-1].lower()
                    best = full.get(key, first.get(key, (actor or name, party)))[0]
                if len(words) > 1 or (best and " " in best):
                    full.setdefault(words[-1].lower(), (best, party))
                    full.setdefault(best.split()[-1].lower(), (best, party))
                    first.setdefault(best.split()[0].lower(), (best, party))
                out.append((s, e, best, party or full.get(words[-1].lower(), ("", ""))[1], ""))
        self._full, self._first = full, first
        genders = self._genders(out)
        self._gender = genders
        self.subjects = [(s, n, p, genders.get(n, "")) for s, e, n, p, _ in out if self._is_subject(s, e)]
        return [(s, e, n, p, genders.get(n, "")) for s, e, n, p, _ in out]

    def _missed_names(self, ents) -> list[tuple[int, int, str, str, str]]:
        """A person's surname the tagger missed at one place but tagged elsewhere in the article
        ("Niederreiter has four goals …" before "… for Niederreiter"): one name, one sense per
        article. Only a proper noun heading a clause subject, outside any other entity."""
        surnames = {}
        for s, e, text, actor, party in ents:
            words = self.ctx.text[s:e].split()
            if len(words) > 1 and words[-1][:1].isupper() and len(words[-1]) > 2:
                surnames[words[-1]] = True
        if not surnames:
            return []
        covered = bytearray(len(self.ctx.text) + 1)
        for s, e, *_ in ents:
            covered[s:e] = b"\x01" * (e - s)
        out = []
        text = self.ctx.text
        pat = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(n) for n in sorted(surnames, key=len, reverse=True))
                         + r")(?![\w-])")
        for m in pat.finditer(text):
            if covered[m.start()] or self.direct[m.start()]:
                continue
            span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            t = span.root
            if t.pos_ != "PROPN" or t.ent_type_ not in ("", "PERSON", "ORG") or t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            out.append((m.start(), m.end(), m.group(0), "", ""))
        return out

    def _credit(self, s: int, e: int) -> bool:
        """A photo or agency credit: "(Tijana Martin / The Canadian Press)", "Jane Doe/Reuters"."""
        text = self.ctx.text
        if "/" in text[max(0, s - 2):s] + text[e:e + 2]:
            return True
        o, c = text.rfind("(", max(0, s - 60), s), text.find(")", e, e + 60)
        if o >= 0 and c >= 0 and "\n" not in text[o:c]:
            inner = text[o:c].lower()
            return "/" in inner or any(w in inner for w in self.lex.credits)
        return False

    def _is_subject(self, s: int, e: int) -> bool:
        """The name heads (or sits in) a clause subject, or opens its sentence."""
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0 or self._caption(s):
            return False
        if self._next_to_cue(span):
            return True
        t = span.root
        for _ in range(6):
            if t.dep_ in ("nsubj", "nsubjpass"):
                return True
            if t.head.i == t.i or t.head.pos_ in ("VERB", "AUX") or t.dep_ in ("pobj", "dobj", "poss"):
                break
            t = t.head
        return span[0].is_sent_start or (span.start > 0 and span.doc[span.start - 1].is_sent_start
                                           and span.doc[span.start - 1].is_punct)

    def _caption(self, pos: int) -> bool:
        """`pos` is in a photo caption: a paragraph holding a credit in parentheses ("… at
        Windsor station. ( THE CANADIAN PRESS FILE PHOTO )"). Its people are pictured, not
        speaking."""
        text = self.ctx.text
        lo = text.rfind("\n", 0, pos) + 1
        hi = text.find("\n", pos)
        hi = len(text) if hi < 0 else hi
        for m in re.finditer(r"\(([^()\n]{3,80})\)", text[lo:hi]):
            inner = m.group(1).lower()
            if "/" in inner or any(re.search(r"\b" + re.escape(w) + r"\b", inner) for w in self.lex.credits):
                return True
        return False

    def _next_to_cue(self, span) -> bool:
        """A name right before a reporting verb ("Josh Matlow told HuffPost …", "Eglinski, an MP,
        said"), or right after one in an inverted attribution ("…," said Hadwin): the speaker,
        whatever the parse made of it."""
        doc, speech = span.doc, self.lex.speech
        j = span.end
        if j < len(doc) and doc[j].text in (",", "—", "–"):  # an apposition: "Eglinski, Yellowhead MP, said"
            k = j + 1
            while k < min(len(doc), j + 12) and doc[k].text not in (",", "—", "–") and "\n" not in doc[k].text:
                k += 1
            j = k + 1 if k < len(doc) and doc[k].text == doc[j].text else j
        while j < len(doc) and doc[j].pos_ in ("AUX", "ADV", "PART") and j < span.end + 4:
            j += 1  # "has said", "also said", "later told"
        if j < len(doc) and doc[j].lemma_.lower() in speech and doc[j].tag_.startswith("VB"):
            return True
        k = span.start - 1
        return (k >= 0 and doc[k].lemma_.lower() in speech and doc[k].tag_.startswith("VB")
                and k >= 1 and doc[k - 1].text in (",", "”", '"', "’", "'"))

    def _plausible(self, actor: str) -> bool:
        """A surname alone stands for a known actor only if the article names that actor in
        full or names the actor's state (so "Kim" in a Canadian story is not Kim Jong Un)."""
        text = self.ctx.text
        if actor in text:
            return True
        if self.kb is None:
            return False
        a = self._lookup(actor, self.ctx.date)
        if a is None:
            return False
        st = self.kb.states.get(a.party_on(self.ctx.date) or a.party)
        if st is None:
            return False
        names = [st.name, *st.aliases, *st.demonyms, st.capital]
        return any(n and re.search(r"\b" + re.escape(n) + r"\b", text) for n in names)

    def _expand_org(self, name: str, pos: int) -> str:
        """A short or initialled body name → its earlier full name ("EDC" → "Export Development
        Canada", "Samsung" → "Samsung Electronics Co.")."""
        for ent in self.ents:
            if ent.start_char >= pos:
                break
            if ent.label_ not in ("ORG", "GPE", "NORP") or ent.text == name:
                continue
            t = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w’'-]*", t) if w[0].isupper())
            if t.startswith(name + " ") or (len(name) >= 2 and name.isupper() and initials == name):
                return t
        return name

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
            if name not in out and first in given:
                out[name] = given[first]
            elif name not in out and first.lower() in names:
                out[name] = names[first.lower()]
            elif name not in out and m_ != f_:
                out[name] = "m" if m_ > f_ else "f"
        return out

    def party_of(self, name: str) -> str:
        if self.kb is None or not name:
            return ""
        a = self._lookup(name, self.ctx.date)
        return a.party_on(self.ctx.date) if a is not None else ""

    def _np_party(self, tokens: list[Token]) -> str:
        """Party named inside an anonymous description: demonym or state ("a senior Ukrainian
        official", "U.S. officials", "a source in Ukrainian diplomatic circles")."""
        if self.kb is None:
            return ""
        for t in tokens:
            st = self.kb.demonym(t.text) or self.kb.state(t.text)
            if st is not None:
                return st.iso3
            m = self.ctx.mention_at(t.idx, t.idx + len(t.text))
            if m is not None and m.party and m.start <= t.idx < m.end and m.kind in ("state", "metonym"):
                return m.party
        return ""

    # -- resolution ------------------------------------------------------------------------
    def resolve(self, head: Token, first: int, last: int) -> Speaker:
        """The speaker named by the phrase doc[first:last+1] headed by `head`; conjoined
        subjects ("Ukraine and the United States") give "A and B" with parties "A|B"."""
        if head.lower_ in ("who", "that") and head.head.dep_ == "relcl" and head.head.head.pos_ in ("PROPN", "NOUN"):
            # "… by Bortis, who noted that …": the relative pronoun's antecedent
            ante = head.head.head
            if ante.dep_ == "appos" and ante.head.pos_ == "PROPN":
                ante = ante.head  # "Nunes, the ferocious brawler who calls herself …"
            lo, hi = np_bounds(ante)
            sp = self.resolve(ante, lo, hi)
            sp.span = None  # the mention stays "who" (SCHEMA: the words of the attribution)
            return sp
        conj = [c for c in head.conjuncts if c.i > head.i and c.pos_ in ("PROPN", "NOUN")
                and (c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or c.pos_ == "NOUN")]
        if conj and head.pos_ in ("PROPN", "NOUN"):
            parts = []
            for t in [head, *conj]:
                lo = t.left_edge.i if t.i != head.i else first
                hi = t.i
                parts.append(self._resolve(t, max(first, min(lo, hi)), hi))
            states = self.kb.states if self.kb is not None else {}
            names = [states[p.party].name if not p.person and p.party in states else p.name
                     for p in parts if p.name]
            parties = []
            for p in parts:
                for x in p.party.split("|"):
                    if x and x not in parties:
                        parties.append(x)
            joined = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
            return Speaker(joined, "|".join(parties), "p", False, head.lemma_.lower(),
                           False, doc_pos(self.doc, first))
        return self._resolve(head, first, last)

    def _resolve(self, head: Token, first: int, last: int) -> Speaker:
        doc = self.doc
        toks = list(doc[first:last + 1])
        s, e = doc[first].idx, doc[last].idx + len(doc[last].text)
        low = head.lower_
        lemma = head.lemma_.lower()
        if head.pos_ == "PRON" or low in self.lex.pronouns:
            return self._pronoun(low, s)
        if doc[first].lower_ == "the" and head.ent_type_ == "NORP" and head.tag_ == "NNP" \
                and self._describes_person(head, toks):  # "the Kentucky Republican said"
            best = self._recent_person(s, "")
            if best is not None:
                return Speaker(best[1], best[2] or self.party_of(best[1]), best[3], True, lemma, pos=s)
        if head.pos_ == "PROPN" and self.kb is not None:
            name = _clean_name(self.ctx.text[s:e], self.lex)
            if name.split()[:1] and name.split()[0].lower() in ("the", "both", "all") and " " in name:
                name = name.split(None, 1)[1]
            st = self.kb.state(name) or self.kb.capital(name)
            if st is not None and (head.ent_type_ in ("GPE", "NORP", "LOC") or name.lower() not in self._first):
                return Speaker(f"Government of {st.name}", st.iso3, "n", False, lemma, pos=s)
        # a person named inside the phrase ("Secretary of State Marco Rubio"), or in an
        # apposition ("His father, Ernie LeBlanc, says")
        inner = [p for p in self.persons if s <= p[0] and p[1] <= e]
        hold = [p for p in inner if p[0] <= head.idx < p[1] and self.ctx.text[p[0]:p[0] + 1].isupper()]
        if not hold and head.pos_ == "PROPN" and inner:
            hold = inner[-1:]
        if not hold or head.pos_ != "PROPN":
            # a name given in apposition beats a description ("the head of the delegation,
            # Vladimir Medinsky, said")
            for c in [c for t in [head, *toks] for c in t.children]:
                if c.dep_ == "appos":
                    a_s, a_e = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
                    found = [p for p in self.persons if a_s <= p[0] and p[1] <= a_e]
                    if len({p[2] for p in found}) > 1:
                        names = list(dict.fromkeys(p[2] for p in found))
                        parties = "|".join(dict.fromkeys(p[3] for p in found if p[3]))
                        return Speaker(" and ".join(names), parties, "p", False, lemma, pos=s,
                                       span=(found[0][0], found[-1][1]))
                    if found:
                        hold = found[:1]
                        break
        if hold:
            ps, pe, name, party, gender = hold[0]
            return Speaker(name, party or self.party_of(name), gender, True, lemma, pos=s,
                           span=None if s <= ps and pe <= e else (ps, pe))
        if not hold and doc[first].lower_ == "the" and head.pos_ == "NOUN" and head.tag_ == "NN" \
                and lemma in self.lex.titles:
            best = self._titled(lemma, s)
            if best is not None:  # "the minister said": the person named with that title
                return Speaker(best[2], best[3] or self.party_of(best[2]), best[4], True, lemma, pos=s)
        m = self.ctx.mention_at(head.idx, head.idx + len(head.text))
        if m is not None and m.actor and m.start <= head.idx < m.end:
            person = m.kind == "person"
            return Speaker(m.actor, m.party, "" if person else "n", person, lemma, pos=s)
        det = next((t.lower_ for t in head.children if t.dep_ in ("det", "poss")), "")
        plural = head.tag_ in ("NNS", "NNPS")
        if head.pos_ == "PROPN" or (head.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")
                                    and head.text[:1].isupper()):
            name = _clean_name(self.ctx.text[s:e], self.lex)
            ent_the = doc[first].lower_ == "the" and doc[first].ent_type_ == head.ent_type_ != ""
            if name.split()[:1] and name.split()[0].lower() in ("the", "both", "all") and not ent_the:
                name = name.split(None, 1)[1] if " " in name else name
            key = name.split()[-1].lower() if name.split() else ""
            known = self._full.get(key) if " " in name else (self._full.get(key) or self._first.get(key))
            if known and (" " not in name or name.split()[0].lower() in known[0].lower().split()):
                full, party = known
                return Speaker(full, party or self.party_of(full), self._gender.get(full, ""), True,
                               lemma, pos=s)
            a = self._lookup(name, self.ctx.date) if self.kb is not None else None
            if a is not None:
                return Speaker(a.name, a.party_on(self.ctx.date), "n", a.kind == "person", lemma, pos=s)
            party = self._np_party(toks)
            if self.kb is not None:
                st = self.kb.state(name) or self.kb.capital(name)
                if st is not None:
                    return Speaker(f"Government of {st.name}", st.iso3, "n", False, lemma, pos=s)
            ent = head.ent_type_
            if ent == "PERSON" or (not ent and not plural and name[:1].isupper()
                                   and (" " in name or head.dep_ in ("nsubj", "nsubjpass"))):
                return Speaker(name, party, "", True, lemma, pos=s)
            name = self._expand_org(name, s)
            return Speaker(name, party or self.party_of(name), "p" if plural else "n", False, lemma, pos=s)
        party = self._np_party(toks)
        poss = next((t for t in head.children if t.dep_ == "poss"), None)
        document = lemma in self.lex.statements or lemma in lexicon_words("document_nouns")
        if poss is not None and (document or lemma in self.lex.bodies):
            # "her statement", "Trudeau's office", "the Kremlin's statement"
            p_first, p_last = poss.left_edge.i, poss.i
            sp = self.resolve(poss, p_first, p_last)
            if sp.person and not document:  # "Trudeau's office": the office, on his side
                return Speaker("", sp.party, "n", False, lemma, True, s)
            if sp.name or sp.party:
                return Speaker(sp.name, sp.party, sp.gender, sp.person, lemma, sp.anonymous, s)
        if poss is not None and not party and (lemma in self.lex.anonymous or lemma in self.lex.titles):
            # "Putin's spokesman", "his adviser": not the owner, but the owner's side
            sp = self.resolve(poss, poss.left_edge.i, poss.i)
            if sp.party:
                return Speaker("", sp.party, "", True, lemma, True, s)
        if document:
            named = [t for t in head.subtree if t.i != head.i and t.pos_ == "PROPN"
                     and (t.dep_ == "compound" and t.head.i == head.i or t.dep_ == "pobj" and t.head.lower_ == "by")]
            if named:
                t = named[-1] if named[-1].dep_ == "pobj" else named[0]
                while t.dep_ == "compound" and t.head.pos_ == "PROPN" and t.head.i != head.i:
                    t = t.head
                lo = t.left_edge.i
                hi = t.i
                sp = self._resolve(t, lo, hi)
                if sp.name or sp.party:
                    return Speaker(sp.name, sp.party, sp.gender, sp.person, lemma, sp.anonymous, s)
        if det in ("the", "this", "that", "its") and not plural:
            prev = self._previous(lambda sp: sp.head == lemma or (
                not sp.person and lemma in sp.name.lower().split()))
            if prev is None and lemma in self.lex.statements:
                prev = self._previous(lambda sp: not sp.person and bool(sp.name))
            generic = det in ("the", "its") and lemma in lexicon_words("generic_bodies")
            if prev is None and (lemma in self.lex.bodies or generic):
                org = self._recent_org(s, lemma) or (self._salient_org(s) if generic else "")
                if not org:  # the body as described: "the commission", "the Ukrainian delegation"
                    org = self.ctx.text[toks[1].idx:e] if len(toks) > 1 and toks[0].dep_ == "det" else ""
                if org:
                    return Speaker(org, party or self.party_of(org), "n", False, lemma, pos=s)
            if prev is None and lemma in self.lex.titles and lemma not in self.lex.anonymous:
                best = self._recent_person(s, noun_gender(lemma))
                if best is not None:
                    return Speaker(best[1], best[2] or self.party_of(best[1]), best[3], True, lemma, pos=s)
            if prev is None and lemma in self.lex.titles and lemma not in self.lex.anonymous:
                prev = self._previous(lambda sp: sp.person and (not party or sp.party == party))
            if prev is not None and (not party or not prev.party or prev.party == party):
                return Speaker(prev.name, prev.party or party, prev.gender, prev.person, lemma,
                               prev.anonymous, s)
        if det == "the" and plural:
            prev = self._previous(lambda sp: sp.head == lemma)
            if prev is not None:
                return Speaker(prev.name, prev.party or party, "p", False, lemma, prev.anonymous, s)
        if det == "the" and not plural and self._describes_person(head, toks):
            best = self._recent_person(s, noun_gender(lemma))
            if best is not None:  # "the 26-year-old right wing said", "the affable proprietor"
                return Speaker(best[1], best[2] or self.party_of(best[1]), best[3], True, lemma, pos=s)
        return Speaker("", party, "p" if plural else "", lemma in self.lex.anonymous, lemma, True, s)

    def _describes_person(self, head: Token, toks: list[Token]) -> bool:
        """A definite description of a person named before: an age ("the 32-year-old labourer"),
        a title or a noun of agent ("the proprietor", "the Kentucky Republican"); never a
        document, a body or an anonymous source."""
        lemma = head.lemma_.lower()
        if lemma in self.lex.statements or lemma in self.lex.bodies or lemma in self.lex.anonymous \
                or lemma in lexicon_words("document_nouns") or lemma in lexicon_words("generic_bodies"):
            return False
        if any(t.ent_type_ in ("ORG", "PERSON", "GPE", "FAC") and t.i < head.i and t.dep_ != "compound"
               for t in toks):
            return False
        if _AGE.search(self.ctx.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]) or lemma in self.lex.titles or noun_gender(lemma):
            return True
        if head.ent_type_ == "NORP" and head.tag_ == "NNP":
            return True
        return head.pos_ == "NOUN" and len(lemma) > 4 and lemma.endswith(
            ("er", "or", "ist", "ian", "ant", "ent", "ee"))

    def _titled(self, word: str, pos: int, reach: int = 3000):
        """The person named last before `pos` (within `reach` characters) with the title `word`:
        in the words just before the name ("Foreign Minister Andrii Sybiha") or in the office
        the knowledge base gives for the article's date."""
        text = self.ctx.text
        pat = re.compile(r"\b" + re.escape(word) + r"\b", re.IGNORECASE)
        for p in reversed(self.persons):
            if p[0] >= pos:
                continue
            if pos - p[0] > reach:
                break
            if self.quoted[p[0]] or self.direct[p[0]] or self._caption(p[0]):
                continue
            lo = max([text.rfind("\n", 0, p[0]) + 1, p[0] - 50]
                     + [q[1] for q in self.persons if q[1] <= p[0]])
            if pat.search(text[lo:p[0]]) or pat.search(text[p[1]:p[1] + 40].split(".")[0].split(";")[0]
                                                       if text[p[1]:p[1] + 2].startswith(",") else ""):
                return p  # "Foreign Minister Andrii Sybiha", "Andrii Sybiha, the foreign minister,"
            a = self._lookup(p[2], self.ctx.date) if self.kb is not None and " " in p[2] else None
            if a is not None and a.kind == "person" and pat.search(a.role_on(self.ctx.date) or ""):
                return p
        return None

    def _previous(self, ok) -> Speaker | None:
        for sp in reversed(self.history[-8:]):
            if ok(sp):
                return sp
        return None

    def _pronoun(self, low: str, pos: int) -> Speaker:
        """he/she: the most recent person of that gender who spoke or was a clause subject
        before; they/it: the most recent body or group that spoke."""
        g = self.lex.pronouns.get(low, "") or _possessives().get(low, "")
        if g in ("m", "f"):
            best = self._recent_person(pos, g)
            if best is not None:
                return Speaker(best[1], best[2] or self.party_of(best[1]), g, True, low, pos=pos)
            return Speaker("", "", g, True, low, pos=pos)
        if g in ("p", "n"):
            prev = self._previous(lambda sp: not sp.person)
            if prev is not None:
                return Speaker(prev.name, prev.party, prev.gender, False, low, prev.anonymous, pos)
            org = self._salient_org(pos) if g == "n" else ""
            if org:  # "it said": the body named last
                return Speaker(org, self.party_of(org), "n", False, low, pos=pos)
        return Speaker("", "", g, False, low, pos=pos)

    def _recent_person(self, pos: int, g: str):
        """(pos, name, party, gender) of the most recent person before `pos` who spoke or was a
        clause subject, of gender `g` (or unknown)."""
        cands = [(sp.pos, sp.name, sp.party, sp.gender or self._gender.get(sp.name, ""))
                 for sp in self.history if sp.person and sp.name]
        cands += [c for c in self.subjects if c[0] < pos and not self.quoted[c[0]]]
        cands.sort(key=lambda c: c[0])
        unknown = None
        for c in reversed(cands):
            if c[0] >= pos:
                continue
            if not g or c[3] == g:
                # an unknown-gender person named since wins only if much closer
                return c if unknown is None or unknown[0] - c[0] < GENDER_REACH else unknown
            if c[3] == "" and unknown is None:
                unknown = c
        return unknown

    def _recent_org(self, pos: int, word: str) -> str:
        """The organisation named last before `pos` whose name holds `word` ("the diocese" →
        "Roman Catholic Diocese of Covington")."""
        best = ""
        for ent in self.ents:
            if ent.start_char >= pos:
                break
            if ent.label_ == "ORG" and (word in ent.text.lower().split() if word else
                                        not self.direct[ent.start_char] and not self._credit(ent.start_char, ent.end_char)):
                best = _clean_name(ent.text, self.lex)
                if best.lower().startswith("the "):
                    best = best[4:]
        return best

    def _salient_org(self, pos: int, sentences: int = 3) -> str:
        """The organisation a reader takes "the company" / "the agency" for: a body named in
        the sentence of `pos` or the `sentences` before it (outside quotes and credits): the
        clause subject or earlier speaker of the nearest sentence first, else the most recent."""
        si = self.ctx.sentence_index(pos)
        sents = self.ctx.sentences()
        lo = sents[max(0, si - sentences)].start_char if si >= 0 else max(0, pos - 600)
        spoke = {sp.name for sp in self.history if not sp.person and sp.pos < pos}
        best = None
        for m in self.ctx.mentions:
            if lo <= m.start < pos and m.kind == "body" and m.actor and not self.direct[m.start]:
                cand = (self.ctx.sentence_index(m.start) * 2 + 1, m.start, m.actor)
                best = max(best or cand, cand)
        for sp in self.history:
            if not sp.person and sp.name and not sp.anonymous and lo <= sp.pos < pos and sp.name[:1].isupper():
                cand = (self.ctx.sentence_index(sp.pos) * 2 + 1, sp.pos, sp.name)
                best = max(best or cand, cand)
        for ent in self.ents:
            if ent.start_char >= pos:
                break
            if ent.start_char < lo or ent.label_ != "ORG" or self.direct[ent.start_char] \
                    or self._credit(ent.start_char, ent.end_char):
                continue
            name = _clean_name(ent.text, self.lex)
            if name.lower().startswith("the "):
                name = name[4:]
            if not name or not name[:1].isupper():
                continue
            name = self._expand_org(name, ent.start_char)
            subj = ent.root.dep_ in ("nsubj", "nsubjpass") or name in spoke
            sent = self.ctx.sentence_index(ent.start_char)
            cand = (sent * 2 + subj, ent.start_char, name)
            best = max(best or cand, cand)
        return best[2] if best else ""

    def _adjacent_paragraph(self, end: int, pos: int) -> bool:
        """Nothing but the rest of the paragraph ending at `end` (and empty or "." lines) lies
        between `end` and `pos`."""
        lines = self.ctx.text[end:pos].split("\n")
        return len(lines) > 1 and all(not ln.strip(" \t.\u00a0\"“”‘’«»„'") for ln in lines[1:])

    def floating(self, pos: int, last: Speaker | None, last_end: int | None = None) -> Speaker:
        """The speaker a reader infers for a quote with no attribution: the person who spoke or
        was the subject last (the previous quote's speaker unless someone was named since)."""
        if last is not None and last_end is not None and self._adjacent_paragraph(last_end, pos):
            return last  # the previous paragraph's quote goes on: its speaker goes on speaking
        c = self._recent_person(pos, "")
        if c is not None and (last is None or c[0] > last.pos):
            return Speaker(c[1], c[2] or self.party_of(c[1]), c[3], True, "", pos=c[0])
        return last if last is not None else Speaker("", "")

    def note(self, sp: Speaker) -> None:
        self.history.append(sp)
