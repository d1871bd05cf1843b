"""Who holds a stance: resolve a holder token (subject, possessor, pronoun) to parties and actors.

Sources, in order: the resolved mentions of the actors stage (`ctx.mentions`), the profile's
aliases ("the Kremlin" → RUS), the knowledge base's states, demonyms and capitals, collective
phrases ("both sides" → the parties named nearby), and for pronouns the speaker of the sentence or
the most recent party named before it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..context import Context
from .lexicon import Lexicon

FIRST_PERSON = {"i", "we", "me", "us", "our", "my", "ours", "myself", "ourselves"}
THIRD_PERSON = {"he", "she", "it", "they", "his", "her", "its", "their", "him", "them", "theirs"}
PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
EXPLETIVE_HEADS = {"be", "fall", "seem", "appear", "remain", "look", "become"}
PLACE_PREPS = {"in", "at", "near", "from", "into", "across", "around", "outside", "inside", "to", "via"}
MODIFIER_DEPS = {"poss", "compound", "amod", "nmod"}


@dataclass(frozen=True)
class Holder:
    party: str
    actor: str = ""
    person: bool = False


class Resolver:
    def __init__(self, ctx: Context, profile, lex: Lexicon) -> None:
        self.ctx, self.profile, self.lex = ctx, profile, lex
        self.kb = ctx.kb
        self.doc = ctx.doc
        self.mentions = sorted((m for m in ctx.mentions if m.party), key=lambda m: m.start)
        self.named = self._named_parties()  # (start, end, Holder) for every party named in the text

    # -- names -----------------------------------------------------------------------------
    def _lookup_name(self, text: str) -> Holder | None:
        name = text.strip().strip("'’\"“”").removesuffix("'s").removesuffix("’s").strip()
        if not name:
            return None
        p = self.profile.alias(name) if self.profile is not None else ""
        if p:
            return Holder(p, name.removeprefix("the ").removeprefix("The "))
        kb = self.kb
        if kb is None:
            return None
        for fn in (kb.state, kb.demonym, kb.capital):
            st = fn(name)
            if st is not None:
                return Holder(st.iso3)
        if name.lower().startswith("the "):
            return self._lookup_name(name[4:])
        return None

    def _named_parties(self) -> list[tuple[int, int, Holder]]:
        out = [(m.start, m.end, Holder(m.party, m.actor if m.kind in ("person", "body", "") and m.sector
                                       else "", m.kind == "person")) for m in self.mentions]
        taken = [(s, e) for s, e, _ in out]
        for ent in self.doc.ents:
            if ent.label_ not in ("GPE", "NORP", "ORG", "LOC", "FAC", "PERSON"):
                continue
            if any(s < ent.end_char and ent.start_char < e for s, e in taken):
                continue
            root = ent.root
            if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS and self.kb is not None \
                    and self.kb.capital(ent.text) is not None:
                continue  # "talks in Riyadh": a place, not the government
            h = self._lookup_name(ent.text)
            if h is not None:
                out.append((ent.start_char, ent.end_char, h))
        return sorted(out, key=lambda x: x[0])

    def named_in(self, start: int, end: int) -> list[Holder]:
        return [h for s, e, h in self.named if start <= s and e <= end]

    # -- tokens ----------------------------------------------------------------------------
    def of_token(self, tok, speaker: list[Holder] | None = None, depth: int = 0) -> list[Holder]:
        """Parties a holder token stands for (with its conjuncts: "Russia and Ukraine")."""
        out: list[Holder] = []
        for t in [tok, *tok.conjuncts]:
            for h in self._one(t, speaker or [], depth):
                if h.party and h not in out:
                    out.append(h)
        return out

    def _one(self, t, speaker: list[Holder], depth: int) -> list[Holder]:
        low = t.lower_
        if low in FIRST_PERSON:
            return list(speaker)
        if low in THIRD_PERSON:
            return self.pronoun(t, speaker)
        # collective: "both sides", "the parties"
        phrase = self.doc[t.left_edge.i: t.i + 1].text.lower()
        if any(phrase.endswith(c) or phrase == c for c in self.lex.collective) or (
                low in ("sides", "parties", "countries", "nations", "delegations")
                and any(c.lower_ in ("both", "two") for c in t.children)):
            return self.collective(t)
        # a dateline parsed as the subject ("ISTANBUL, Türkiye — Russia and Ukraine are …")
        if t.text.isupper() and len(t.text) > 2 and depth == 0:
            dash = [x.i for x in t.subtree if x.text in ("—", "–", "--", "-") and x.i > t.i]
            if dash:
                out: list[Holder] = []
                for x in t.subtree:
                    if x.i > dash[0] and x.pos_ in ("PROPN", "NOUN") and x.dep_ in ("conj", "appos", "nsubj"):
                        out += [h for h in self._one(x, speaker, depth + 1) if h not in out]
                if out:
                    return out
        # the profile's own names first (a profile may split a party the KB lumps together)
        left0 = min([t.i] + [c.i for c in t.children if c.dep_ == "compound" and c.i < t.i])
        p = self.profile.alias(self.doc[left0: t.i + 1].text) if self.profile is not None else ""
        if p:
            return [Holder(p, self.doc[left0: t.i + 1].text)]
        # a resolved mention or a named party over this token
        for s, e, h in self.named:
            if s <= t.idx < e:
                return [h]
        # the whole compound name ("United States" headed by "States")
        left = min([t.i] + [c.i for c in t.children if c.dep_ in ("compound", "amod") and c.i < t.i])
        h = self._lookup_name(self.doc[left: t.i + 1].text)
        if h is not None:
            return [h]
        # modifiers: "Russia's demands", "the US proposal", "the Ukrainian delegation", "President of Russia"
        if depth < 2:
            for c in t.children:
                if c.dep_ in MODIFIER_DEPS:
                    found = self.of_token(c, speaker, depth + 1)
                    if found:
                        return found
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "for") and t.pos_ in ("NOUN", "PROPN"):
                    for o in c.children:
                        if o.dep_ == "pobj":
                            found = self.of_token(o, speaker, depth + 1)
                            if found:
                                return found
        return []

    def collective(self, t) -> list[Holder]:
        sent = t.sent
        names = [h for h in self.named_in(sent.start_char, sent.end_char)]
        parties = []
        for h in names:
            if h.party in (self.profile.parties if self.profile is not None else []) and h.party not in parties:
                parties.append(h.party)
        if len(parties) < 2:
            parties = list(self.profile.principals) if self.profile is not None else []
        return [Holder(p) for p in parties]

    def pronoun(self, t, speaker: list[Holder]) -> list[Holder]:
        """A third-person pronoun: the subject of the verb that reports or governs it ("Moscow said
        it was open"), else the last party named before it."""
        person = t.lower_ in PERSON_PRONOUNS
        if t.lower_ == "it" and t.head.lemma_ in EXPLETIVE_HEADS and any(
                c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > t.i for c in t.head.children):
            return []  # "it now falls on Russia to accept": nobody
        a = t.head
        steps = 0
        while a is not None and steps < 6:
            for c in a.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i != t.i and c.lower_ not in THIRD_PERSON | FIRST_PERSON \
                        and c.i < t.i:
                    found = self.of_token(c, speaker, 1)
                    if found and (not person or any(h.person for h in found)):
                        return found
            if a.head.i == a.i:
                break
            a, steps = a.head, steps + 1
        if person and speaker and any(h.person for h in speaker):
            return list(speaker)
        for s, e, h in reversed(self.named):
            if e <= t.idx and (h.person or not person):
                if t.idx - e < 600:
                    return [h]
                break
        return []
