"""Speaker mention → speaker name and party.

Named people resolve through the actors stage's mentions (then the knowledge base); a surname
alone goes to the earliest full-name mention of the article; a title before an unknown name is
dropped ("Hereditary Chief Na'moks" → "Na'moks"); pronouns to the nearest compatible person
(gender, number; the last speaker, clause subjects and people a sentence introduces), "they" to
a plural subject just before; definite descriptions ("the official", "the minister", "the
company", "the statement") to the previous speaker, titled person, salient organisation or
document author they fit; "the couple", "the two countries", "a joint statement" to the pair
named just before; anonymous sources ("a senior Ukrainian official") keep no name but get their
party from a demonym or state name.

The resolver is assembled from mixins, one module per mechanism: `people` (the article's people
and names, subjects, captions), `genders`, `pronouns` (and salience), `descriptions` (documents,
bodies, titles, anonymous sources) and `floating` (quotes with no attribution).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..context import Context
from .descriptions import Descriptions
from .floating import Floating
from .genders import GenderVotes, given_name_genders, kin_nouns, lexicon_words, noun_gender
from .lexicon import Lexicon
from .people import People, Speaker, _clean_name, doc_pos
from .pronouns import GENDER_REACH, Pronouns
from .syntax import np_bounds

# Words that make a title another office: "the minister" is not "Prime Minister X", nor is "the
# president" "Vice-President X"; "the prime minister" is.
PARTICULAR_TITLES = ("prime", "vice", "deputy", "acting", "former", "interim", "first")

__all__ = ["Resolver", "Speaker", "not_a_speaker", "given_name_genders", "noun_gender", "lexicon_words", "GENDER_REACH"]


def not_a_speaker(tok: Token) -> bool:
    """A subject token that cannot name who spoke: a date, time or number ("Thursday said"), a
    stray possessive or punctuation, a dateline ("WASHINGTON — Obama said …" parsed with the
    city as subject)."""
    if tok.is_punct or tok.lower_ in ("'s", "’s", "'", "’") or (tok.ent_type_ in ("DATE", "TIME")
                                                               and tok.lower_ in TIME_WORDS):
        return True
    doc = tok.doc
    return (tok.text.isupper() and len(tok.text) > 2 and (tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws)
            and tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("—", "–", "--", "-"))


def mistagged_name(tok: Token) -> bool:
    """A name the tagger took for an adverb or adjective ("Axios has since claimed …"): a
    capitalised subject of one word that no other tag explains (not "Many said")."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("ADV", "ADJ", "X", "INTJ") \
        and tok.text[:1].isupper() and tok.is_alpha and len(tok.text) > 2 and not tok.is_stop \
        and not any(c.dep_ in ("det", "amod", "compound") for c in tok.children) \
        and tok.lower_ not in TIME_WORDS


TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday
tomorrow tonight morning afternoon evening night week weekend month year january february march
april may june july august september october november december""".split())


class Resolver(People, GenderVotes, Pronouns, Descriptions, Floating):
    def __init__(self, ctx: Context, lex: Lexicon, direct: bytearray | None = None) -> None:
        self.direct = direct if direct is not None else bytearray(len(ctx.text) + 1)
        self.ctx, self.lex, self.doc = ctx, lex, ctx.doc
        self.kb = ctx.kb
        self.history: list[Speaker] = []
        self._cache: dict[str, object] = {}
        self.quoted = bytearray(len(ctx.text) + 1)  # reported content: its people are not speakers
        self.fronted = bytearray(len(ctx.text) + 1)  # … unless it comes before its cue
        self.ents = list(ctx.doc.ents)
        self.persons = self._persons()

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
                    # the apposition's own phrase: not a name in its relative clause ("Roman, a
                    # resident who runs tours to Anak Krakatau, said")
                    a_lo, a_hi = np_bounds(c)
                    a_s, a_e = self.doc[a_lo].idx, self.doc[a_hi].idx + len(self.doc[a_hi].text)
                    clauses = [(d.left_edge.idx, d.right_edge.idx + len(d.right_edge.text))
                               for d in c.subtree if d.dep_ in ("relcl", "acl") and d.i != c.i]
                    found = [p for p in self.persons if a_s <= p[0] and p[1] <= a_e
                             and not any(x <= p[0] < y for x, y in clauses)]
                    if len({p[2] for p in found}) > 1:
                        names = list(dict.fromkeys(p[2] for p in found))
                        parties = "|".join(dict.fromkeys(p[3] for p in found if p[3]))
                        return Speaker(" and ".join(names), parties, "p", False, lemma, pos=s,
                                       span=(found[0][0], found[-1][1]))
                    if found:
                        hold = found[:1]
                        break
                    given = self._given_appos(c, lemma, s)
                    if given is not None:  # "Wise's dad, Darrin," (a name the tagger took for a place)
                        return given
        if hold:
            ps, pe, name, party, gender = hold[0]
            return Speaker(name, party or self.party_of(name), gender, True, lemma, pos=s,
                           span=None if s <= ps and pe <= e else (ps, pe))
        if not hold and doc[first].lower_ == "the" and head.pos_ == "NOUN" and head.tag_ == "NN" \
                and lemma in self.lex.titles and lemma not in kin_nouns():
            mods = [t.lower_ for t in doc[first + 1:head.i] if t.dep_ in ("compound", "amod")
                    and t.head.i == head.i and t.lower_ in PARTICULAR_TITLES]
            best = self._titled(" ".join(mods + [head.lower_]), s)
            if best is not None:  # "the minister said": the person named with that title
                return Speaker(best[2], best[3] or self.party_of(best[2]), best[4], True, lemma, pos=s)
        m = self.ctx.mention_at(head.idx, head.idx + len(head.text))
        if m is not None and m.actor and m.start <= head.idx < m.end:
            person = m.kind == "person"
            return Speaker(m.actor, m.party, "" if person else "n", person, lemma, pos=s)
        plural = head.tag_ in ("NNS", "NNPS")
        if head.pos_ == "PROPN" or (head.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")
                                    and head.text[:1].isupper()) or mistagged_name(head):
            name = _clean_name(self.ctx.text[s:e], self.lex)
            ent_the = doc[first].lower_ == "the" and doc[first].ent_type_ == head.ent_type_ != ""
            if name.split()[:1] and name.split()[0].lower() in ("the", "both", "all") and not ent_the:
                name = name.split(None, 1)[1] if " " in name else name
            key = name.split()[-1].lower() if name.split() else ""
            known = self._full.get(key) if " " in name else (
                self._full.get(key) or (self._first.get(key) if key not in given_name_genders() else None))
            if known and (" " not in name or name.split()[0].lower() in known[0].lower().split()):
                full, party = known
                return Speaker(full, party or self.party_of(full), self._gender.get(full, ""), True,
                               lemma, pos=s)
            a = self._lookup(name, self.ctx.date) if self.kb is not None and (
                " " in name or name.lower() not in given_name_genders()) else None
            if a is not None:
                return Speaker(a.name, a.party_on(self.ctx.date), "n", a.kind == "person", lemma, pos=s)
            party = self._np_party(toks)
            if self.kb is not None:
                st = self.kb.state(name) or self.kb.capital(name)
                if st is not None:
                    return Speaker(f"Government of {st.name}", st.iso3, "n", False, lemma, pos=s)
            ent = head.ent_type_
            words = name.split()
            titled = [i for i, w in enumerate(words[:-1]) if w.lower().strip(".,") in self.lex.titles]
            if titled and not plural and lemma not in self.lex.bodies \
                    and lemma not in lexicon_words("generic_bodies") \
                    and all(w[:1].isupper() for w in words[titled[-1] + 1:]):
                # "Hereditary Chief Na'moks", "Coach Smith" (whatever the tagger made of it): the
                # person named after the title
                name, ent = " ".join(words[titled[-1] + 1:]), "PERSON"
            if not ent and name.isupper() and len(name) > 1 and self._expand_org(name, s) != name:
                ent = "ORG"  # the initials of an organisation spelt out before: "EDC says"
            if (ent in ("PERSON", "WORK_OF_ART") or name.split()[0].lower() in given_name_genders()) \
                    and " of " in name \
                    and len(name.split(" of ")[0].split()) > 1 and name.split(" of ")[1][:1].isupper():
                name, ent = name.split(" of ")[0], "PERSON"  # "Jingyi Pan of IG said"
            if ent == "PERSON" or (not ent and not plural and name[:1].isupper()
                                   and (" " in name or head.dep_ in ("nsubj", "nsubjpass"))):
                return Speaker(name, party, "", True, lemma, pos=s,
                               guess=ent != "PERSON" and " " not in name)  # "Facebook said"
            name = self._expand_org(name, s)
            return Speaker(name, party or self.party_of(name), "p" if plural else "n", False, lemma, pos=s)
        if head.text[:1].isupper() and first == last and self.kb is not None:
            # a surname the tagger took for a common noun ("Sybiha: Ukraine is ready …"): a
            # person the knowledge base knows
            a = self._lookup(head.text, self.ctx.date)
            if a is not None and a.kind == "person":
                return Speaker(a.name, a.party_on(self.ctx.date), self._gender.get(a.name, ""), True, lemma, pos=s)
        return self._describe(head, first, last)

    def _given_appos(self, c: Token, lemma: str, s: int) -> Speaker | None:
        """A person named in apposition by a common given name alone (or with a surname) that the
        tagger did not take for a person: "His father, Joseph, says"."""
        if c.pos_ != "PROPN" or c.ent_type_ in ("ORG", "PERSON") or lemma in self.lex.bodies:
            return None
        lo, hi = np_bounds(c)
        words = [t for t in self.doc[lo:hi + 1] if t.pos_ == "PROPN"]
        if not words or len(words) > 2 or words[0].lower_ not in given_name_genders():
            return None
        name = " ".join(t.text for t in words)
        return Speaker(name, "", given_name_genders()[words[0].lower_], True, lemma, pos=s,
                       span=(words[0].idx, words[-1].idx + len(words[-1].text)))

    def note(self, sp: Speaker) -> None:
        self.history.append(sp)
