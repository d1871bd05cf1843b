"""Descriptions of speakers: documents ("her statement", "the Kremlin's statement"), bodies
("the company", "the ministry" → the organisation named before), titles ("the minister" → the
person named with that title), descriptions of a person named before ("the 32-year-old", "the
proprietor") and anonymous sources ("a senior Ukrainian official": no name, a party)."""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import LEMMA
from spacy.tokens import Token

from .genders import kin_nouns, lexicon_words, noun_gender
from .people import Speaker, _clean_name
from .syntax import np_bounds

_AGE = re.compile(r"\b\d{1,3}-year-old\b")
_INITIALS = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")


PAIR_NOUNS = ("couple", "pair", "duo")  # "the couple said": the two people named before
PAIR_SIDES = ("party", "side")  # "the parties stated", "both sides said"
PAIR_REACH = 4  # sentences of text back to the pair


def _names_pair(head: Token, det: str, plural: bool, lemma: str, document: bool) -> bool:
    """A description of two speakers named before: "the couple", "the pair", "the two countries",
    "both leaders", "the parties", "a joint statement"."""
    kids = {c.lower_ for c in head.children if c.dep_ in ("nummod", "det", "predet", "amod")}
    if document:
        return "joint" in kids
    if not plural:
        return lemma in PAIR_NOUNS and det in ("the", "this")
    return "two" in kids or "both" in kids or (lemma in PAIR_SIDES and det == "the")


class Descriptions:
    """Mixin of the speaker resolver (needs ctx, doc, lex, persons, history, quoted, direct, ents,
    resolve, _resolve, _np_party, party_of, _previous, _recent_person, _lookup, _caption,
    _credit, _expand_org)."""

    def _describe(self, head: Token, first: int, last: int) -> Speaker:
        """A common-noun speaker phrase doc[first:last+1] headed by `head` (no name in it)."""
        doc = self.doc
        toks = list(doc[first:last + 1])
        s, e = doc[first].idx, doc[last].idx + len(doc[last].text)
        lemma = head.lemma_.lower()
        det = next((t.lower_ for t in head.children if t.dep_ in ("det", "poss")), "")
        plural = head.tag_ in ("NNS", "NNPS")
        party = self._np_party(toks)
        poss = next((t for t in head.children if t.dep_ == "poss"), None)
        document = lemma in self.lex.statements or lemma in lexicon_words("document_nouns")
        if _names_pair(head, det, plural, lemma, document):
            pair = self._pair(s)
            if pair is not None:  # "the couple", "the two countries", "a joint statement"
                return Speaker(pair.name, pair.party, "p", False, lemma, pos=s)
        if poss is not None and (document or lemma in self.lex.bodies):
            # "her statement", "Trudeau's office", "the Kremlin's statement"
            p_first, p_last = poss.left_edge.i, poss.i
            sp = self.resolve(poss, p_first, p_last)
            if sp.person and not document:  # "Trudeau's office": the office, on his side
                return Speaker("", sp.party, "n", False, lemma, True, s)
            if sp.name or sp.party:
                return Speaker(sp.name, sp.party, sp.gender, sp.person, lemma, sp.anonymous, s)
        if det in ("his", "her", "their") and not plural and lemma in kin_nouns():
            prev = self._previous(lambda sp: sp.head == lemma and sp.person and bool(sp.name))
            if prev is not None:  # "Spindler's father, Joseph, says …. His father said …"
                return Speaker(prev.name, prev.party, prev.gender, True, lemma, pos=s)
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
        if document and det in ("the", "this", "that") and not plural:
            author = self._author(lemma, s)
            if author is not None:  # "X said in a statement …. The statement also said"
                return Speaker(author.name, author.party, author.gender, author.person, lemma,
                               author.anonymous, s)
        if det in ("the", "this", "that", "its") and not plural:
            prev = self._previous(lambda sp: sp.head == lemma or (
                not sp.person and lemma in sp.name.lower().split()))
            if prev is None and lemma in self.lex.statements:
                prev = self._previous(lambda sp: not sp.person and bool(sp.name))
            generic = det in ("the", "its") and lemma in lexicon_words("generic_bodies")
            if prev is not None and generic and not prev.person:
                # "the company" said before stands for the company then; one named since as a
                # clause subject (or speaker) is the company now
                near = self._salient_org(s, subject_after=prev.pos)
                if near and near != prev.name:
                    return Speaker(near, party or self.party_of(near), "n", False, lemma, pos=s)
            if prev is None and (lemma in self.lex.bodies or generic):
                org = self._recent_org(s, lemma) or (self._salient_org(s, topic=True) if generic else "")
                if not org:  # the body as described: "the commission", "the Ukrainian delegation"
                    org = self.ctx.text[toks[1].idx:e] if len(toks) > 1 and toks[0].dep_ == "det" else ""
                if org:
                    return Speaker(org, party or self.party_of(org), "n", False, lemma, pos=s)
            kin = lemma in kin_nouns()  # "the father repeated": someone's relative, unnamed
            if prev is None and lemma in self.lex.titles and lemma not in self.lex.anonymous and not kin:
                best = self._recent_person(s, noun_gender(lemma))
                if best is not None:
                    return Speaker(best[1], best[2] or self.party_of(best[1]), best[3], True, lemma, pos=s)
            if prev is None and lemma in self.lex.titles and lemma not in self.lex.anonymous and not kin:
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
        if not plural and lemma not in self.lex.anonymous and self._person_noun(head) and (
                det in ("a", "an") or any(c.lower_ == "one" for c in head.children)):
            named = self._named_next(s)
            if named is not None:  # "A hockey coach says …. Stephen Gillis said …"
                return Speaker(named[2], named[3] or self.party_of(named[2]), named[4], True, lemma, pos=s)
        return Speaker("", party, "p" if plural else "", lemma in self.lex.anonymous, lemma, True, s)

    def _pair(self, pos: int) -> Speaker | None:
        """The latest pair named before `pos` (within PAIR_REACH sentences): a speaker "A and B",
        or a conjoined clause subject ("Kim and Clark Moran received …", "the United States and
        Ukraine took …")."""
        si = self._text_sentence(pos)
        best = next((sp for sp in reversed(self.history) if " and " in sp.name and sp.pos < pos
                     and si - self._text_sentence(sp.pos) <= PAIR_REACH), None)
        k = self.ctx.sentence_index(pos)
        sents = self.ctx.sentences()
        while k >= 0 and si - self._text_sentence(sents[k].start_char) <= PAIR_REACH:
            if best is not None and sents[k].end_char <= best.pos:
                break
            subj = [t for t in sents[k] if t.dep_ in ("nsubj", "nsubjpass") and t.idx < pos
                    and t.pos_ in ("PROPN", "NOUN") and not self.quoted[t.idx]
                    and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in t.children)]
            for t in reversed(subj):
                if best is not None and t.idx <= best.pos:
                    break
                first, last = np_bounds(t)
                sp = self.resolve(t, first, last)
                if " and " in sp.name:
                    return sp
            named = [x for x in self._entity_pairs() if sents[k].start_char <= x.pos < min(pos, sents[k].end_char)
                     and (best is None or x.pos > best.pos)]
            if named:
                return named[-1]
            k -= 1
        return best

    def _entity_pairs(self) -> list[Speaker]:
        """Two states or bodies named as a pair ("the United States and Ukraine"), whatever the
        parse made of it."""
        if "_entity_pairs" not in self._cache:
            out = []
            ms = [m for m in self.ctx.mentions if m.actor]
            for a, b in zip(ms, ms[1:]):
                gap = self.ctx.text[a.end:b.start].lower().split()
                if a.kind == b.kind != "person" and a.actor != b.actor and gap in (["and"], ["and", "the"]):
                    out.append(Speaker(f"{a.actor} and {b.actor}", "|".join(dict.fromkeys(
                        x for x in (a.party, b.party) if x)), "p", False, "", pos=a.start))
            self._cache["_entity_pairs"] = out
        return self._cache["_entity_pairs"]

    def _named_next(self, pos: int):
        """The person an indefinite description introduces before naming ("One former director
        indicated …. Joseph Manzoli told the Globe …"): the clause subject of the next sentence
        with words, named there for the first time in the article, and no other person named in
        between."""
        si = self._text_sentence(pos)
        firsts: dict[str, int] = {}
        for p in self.persons:
            if not self._caption(p[0]):
                firsts.setdefault(p[2], p[0])
        for p in self.persons:
            if p[0] <= pos or self.direct[p[0]] or self._caption(p[0]):
                continue
            if self._text_sentence(p[0]) - si != 1 or firsts[p[2]] != p[0] or len(p[2].split()) < 2:
                return None
            if any(c[0] == p[0] for c in self.subjects):
                return p
            return None
        return None

    def _author(self, lemma: str, pos: int) -> Speaker | None:
        """Who "the statement" / "the report" / "the complaint" speaks for: the document named
        before with its author, the nearest first: a speaker whose attribution named it ("X
        said in a statement"), or its author in the parse ("a report by X", "X's report", "X
        released a report", "X filed a complaint")."""
        doc = self.doc
        wanted = [doc.vocab.strings[w] for w in {lemma, lemma.capitalize()} if w in doc.vocab.strings]
        hits = np.flatnonzero(np.isin(doc.to_array([LEMMA]), wanted)) if wanted else []
        before = [doc[int(i)] for i in hits]
        before = [t for t in before if t.idx < pos and t.pos_ == "NOUN" and not self.direct[t.idx]]
        for t in reversed(before[-4:]):
            si = self.ctx.sentence_index(t.idx)
            for sp in reversed(self.history):
                if (sp.name or sp.party) and sp.pos < pos and self.ctx.sentence_index(sp.pos) == si \
                        and sp.head != lemma:
                    return sp
            owner = None
            for c in t.children:
                if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                    owner = c
                elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                    owner = next((p for p in c.children if p.dep_ == "pobj"), owner)
            verb = t.head
            if t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.pos_ == "VERB":
                verb = t.head.head  # "X said in a statement"
            if owner is None and (t.dep_ in ("dobj", "nsubjpass") or verb is not t.head) and verb.pos_ == "VERB":
                owner = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            if owner is not None and owner.lemma_.lower() != lemma:
                lo, hi = np_bounds(owner)
                sp = self._resolve(owner, lo, hi)
                if sp.name or sp.party:
                    return Speaker(sp.name, sp.party, sp.gender, sp.person, lemma, sp.anonymous, pos)
        return None

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
        if lemma in kin_nouns():  # "the father repeated": someone's relative, rarely named before
            return False
        if _AGE.search(self.ctx.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]) or lemma in self.lex.titles or noun_gender(lemma):
            return True
        if head.ent_type_ == "NORP" and head.tag_ == "NNP":
            return True
        if head.pos_ != "NOUN" or head.ent_type_:
            return False
        if len(lemma) > 4 and lemma.endswith(("er", "or", "ist", "ian", "ant", "ent", "ee")):
            return True
        # "the bow-tied maverick says": a noun no list knows, described by an adjective, that
        # speaks; unless it names a thing that can "say" ("the new law says", "the Russian side")
        return any(c.dep_ == "amod" and c.ent_type_ == "" for c in head.children) \
            and lemma not in lexicon_words("speaking_things")

    def _titled(self, word: str, pos: int, reach: int = 3000):
        """The person named last before `pos` (within `reach` characters) with the title `word`:
        in the words just before the name ("Foreign Minister Andrii Sybiha") or in the office
        the knowledge base gives for the article's date."""
        text = self.ctx.text
        words = word.split()
        other = "" if len(words) > 1 else r"(?<!prime )(?<!vice )(?<!vice-)(?<!deputy )(?<!acting )(?<!former )(?<!interim )"
        pat = re.compile(r"\b" + other + r"[\s-]".join(re.escape(w) for w in words) + r"\b", re.IGNORECASE)
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

    def _salient_org(self, pos: int, sentences: int = 3, topic: bool = False,
                     subject_after: int | None = None) -> str:
        """The organisation a reader takes "the company" / "the agency" for: a body named in
        the sentence of `pos` or the `sentences` before it (outside quotes and credits): the
        clause subject or earlier speaker of the nearest sentence first, else the most recent.
        A name tagged as an organisation anywhere counts wherever it recurs untagged, and a
        one-word speaker taken for a person only by guess ("Facebook said") counts too. With
        `topic`, when none is that near: the body named most often before `pos`. With
        `subject_after`: only a subject or speaker of a sentence after that offset's."""
        si = self.ctx.sentence_index(pos)
        sents = self.ctx.sentences()
        lo = sents[max(0, si - sentences)].start_char if si >= 0 else max(0, pos - 600)
        cands = self._org_candidates(pos)
        best = None
        for sent_subj, start, name in cands:
            if subject_after is not None and (sent_subj % 2 == 0 or sent_subj // 2 <= self.ctx.sentence_index(subject_after)):
                continue
            if start >= lo:
                cand = (sent_subj, start, name)
                best = max(best or cand, cand)
        if best is None and topic and cands:
            count: dict[str, list[int]] = {}
            for _, start, name in cands:
                c = count.setdefault(name, [0, 0])
                c[0], c[1] = c[0] + 1, start
            name, (n, _) = max(count.items(), key=lambda kv: kv[1])
            return name if n > 1 else ""
        return best[2] if best else ""

    def _org_candidates(self, pos: int) -> list[tuple[int, int, str]]:
        """(sentence * 2 + subject, start, name) of every body named before `pos`: the actors
        stage's bodies, bodies that spoke, organisation entities and their untagged repeats."""
        spoke = {sp.name for sp in self.history if (not sp.person or sp.guess) and sp.pos < pos}
        out = []
        for m in self.ctx.mentions:
            if m.start < pos and m.kind == "body" and m.actor and not self.direct[m.start]:
                out.append((self.ctx.sentence_index(m.start) * 2 + 1, m.start, m.actor))
        for sp in self.history:
            if (not sp.person or sp.guess) and sp.name and not sp.anonymous and sp.pos < pos \
                    and sp.name[:1].isupper():
                out.append((self.ctx.sentence_index(sp.pos) * 2 + 1, sp.pos, sp.name))
        for start, root, name in self._org_names():
            if start >= pos:
                break
            # a subject inside reported content ("Google said Apple had revoked …") is no topic
            subj = (root.dep_ in ("nsubj", "nsubjpass") and not self.quoted[start]) or name in spoke
            out.append((self.ctx.sentence_index(start) * 2 + subj, start, name))
        return out

    def _org_names(self) -> list[tuple[int, object, str]]:
        """(start, root token, name) of every organisation entity outside quotes and credits,
        and of each untagged repeat of such a name ("TransLink" tagged once, then not), in
        order. Memoised per article."""
        if getattr(self, "_orgs", None) is not None:
            return self._orgs
        text, found = self.ctx.text, {}
        for ent in self.ents:
            if ent.label_ != "ORG" or self.direct[ent.start_char] or self._credit(ent.start_char, ent.end_char):
                continue
            name = _clean_name(ent.text, self.lex)
            if name.lower().startswith("the "):
                name = name[4:]
            if not name or not name[:1].isupper():
                continue
            found[ent.start_char] = (ent.start_char, ent.root, self._expand_org(name, ent.start_char))
        for m in _INITIALS.finditer(text):  # initials the tagger missed, spelt out before: "EDC declined"
            if m.start() in found or self.direct[m.start()]:
                continue
            span = self.doc.char_span(m.start(), m.end())
            if span is None or len(span) != 1 or span[0].pos_ != "PROPN" or span[0].ent_type_ not in ("", "ORG"):
                continue
            full = self._expand_org(m.group(0), m.start())
            if full != m.group(0):
                found[m.start()] = (m.start(), span[0], full)
        names = {n for _, _, n in found.values() if len(n) > 2}
        if names:
            pat = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                             + r")(?![\w-])")
            tagged = bytearray(len(text) + 1)
            for ent in self.ents:
                tagged[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
            for m in pat.finditer(text):
                if m.start() in found or self.direct[m.start()] or tagged[m.start()]:
                    continue
                span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and len(span):
                    found[m.start()] = (m.start(), span.root, m.group(0))
        self._orgs = sorted(found.values(), key=lambda x: x[0])
        return self._orgs
