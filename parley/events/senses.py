"""Which sense a trigger word has in its frame: "called X" a phone call, "called X Y" a naming
(criticism), a call "for" something an appeal (REQUEST); an event noun after "the possibility of"
a prospect; a possessed agreement named without its content a reference."""
from __future__ import annotations

from .clauses import _actor_like1
from .lexicon import Entry, Lexicon


def _named_other(o) -> bool:
    """The named thing is not the namer's own ('called its actions defensive' describes itself)."""
    return not any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our", "my") for c in o.children)


NAMING = Entry("ACCUSE", "disapprove", "111", "v", "call")


def _call(tok, e: Entry, lex: Lexicon) -> Entry | None:
    """'called X' is a phone call only with a person or party called and nothing said of them.
    Naming ('called the deal "lousy"', 'called the envoy a stupid guy') is a criticism (ACCUSE
    disapprove, CAMEO 111) unless the name is praise ('called the talks constructive'); 'were
    called to join' is an invitation of no known caller: no event."""
    if e.type != "CONSULT" or e.lemma != "call" or e.extra or tok.pos_ not in ("VERB", "AUX"):
        return e
    kids = list(tok.children)
    passive = any(c.dep_ == "auxpass" for c in kids)
    called = [c for c in kids if c.dep_ == ("nsubjpass" if passive else "dobj")]
    epithet = [c for c in kids if c.dep_ in ("ccomp", "oprd", "acomp")]
    if not called and not passive and epithet and epithet[0].dep_ == "oprd" and _person(epithet[0], lex):
        called, epithet = epithet[:1], []  # "called Sudanese President Omar al-Bashir": the parser's oprd is the callee
    if called and not passive:
        epithet += [c for c in called[0].children if c.i > called[0].i and (
            c.dep_ in ("amod", "acomp") or c.pos_ == "ADJ" and c.dep_ != "compound"
            or c.dep_ == "appos" and c.pos_ == "NOUN" and any(d.lower_ in ("a", "an") for d in c.children))]
    if epithet:
        praise = lex.words("praise_words")
        if passive or (called and not _named_other(called[0])) or any(
                t.lemma_.lower() in praise for p in epithet for t in p.subtree):
            return None
        return NAMING
    if passive and any(c.dep_ == "xcomp" for c in kids):
        return None  # "were called to join"
    if not called:
        return e  # "the two leaders called" / an object the parser lost: left to the parties
    return e if _person(called[0], lex) else None


def _person(o, lex: Lexicon) -> bool:
    return o.pos_ in ("PROPN", "PRON") or o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") \
        or _actor_like1(o, suffix=False) or o.lemma_.lower() in lex.words("visitor_nouns")


def _appeal(tok, e: Entry, lex: Lexicon) -> Entry:
    """A call 'for' something, 'on' someone or asking them to act is an appeal (REQUEST), not a phone
    call: "renewed its call for sanctions", "joined the calls by officials asking the US to waive"."""
    if e.type != "CONSULT" or e.lemma != "call" or not any(
            c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") or c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
            and c.lower_ != "made" for c in tok.children):
        return e
    return next((x for x in lex.entries.get(("n", "call"), []) if x.type == "REQUEST"), e)


def _prospect_of(tok, lex: Lexicon) -> bool:
    """'the possibility of negotiations', 'prospects for a ceasefire', 'hopes of a deal': a prospect."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in ("of", "for") and t.head.head.pos_ == "NOUN" \
        and t.head.head.lemma_.lower() in lex.words("prospect_nouns")


def _owned_act(tok, e: Entry) -> bool:
    """A possessed noun is the possessor's act ("Russia's demand that ...") unless it is an agreement
    named without its content: "May's negotiated Brexit agreement" is a document referred to, not
    an agreement reported ("Russia's agreement to a truce" is one)."""
    if e.type != "AGREE" or e.lemma not in ("agreement", "deal", "accord", "treaty", "pact"):
        return True
    return any(c.dep_ in ("acl", "ccomp") or c.dep_ == "prep" and c.lower_ in ("to", "on", "with")
               for c in tok.children)
