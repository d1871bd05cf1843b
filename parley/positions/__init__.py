"""positions stage: each party's stance on each negotiation issue of the conflict profile.

Entry function: `extract(ctx) -> list[Position]`. For every sentence holding an issue cue of
`ctx.profile` (parley.profiles), the parse is read from the cue up to the words that take a side
(parley.positions.stance): support, oppose or conditional (condition kept), hedged when reported
second-hand. Holders come from the resolved mentions, quotes' speakers and the knowledge base
(parley.positions.holders). PLOVER events between identified parties on an issue add what the
parse missed. Dates: the article's, unless the sentence dates the stance (parley.positions.dates).

History and gap analysis over stored positions: parley.positions.history, parley.positions.gaps.
"""
from __future__ import annotations

import logging

from ..context import Context
from ..model import Position
from . import lexicon as _lexicon
from .dates import sentence_date
from .holders import FIRST_PERSON, Holder, Resolver
from .stance import TEMPORAL_CONDITIONS, SentenceReader

__all__ = ["extract"]

log = logging.getLogger(__name__)

QUOTE_CHARS = "\"“”«»"
EVENT_STANCE = {"AGREE": "support", "REQUEST": "support", "REJECT": "oppose"}
RANK = {"conditional": 3, "oppose": 2, "support": 1}
USE_EVENTS = True
EVENT_REACH = 2  # an event's trigger word must govern the issue cue within this many steps up the parse


def extract(ctx: Context) -> list[Position]:
    from .. import profiles

    profile = ctx.profile if ctx.profile is not None else profiles.load()
    if isinstance(profile, str):
        profile = profiles.load(profile)
    if ctx.kb is None:
        from ..actors import load_kb

        ctx.kb = load_kb()
    lex = _lexicon.load()
    resolver = Resolver(ctx, profile, lex)
    speakers = Speakers(ctx, resolver, lex)
    reader = SentenceReader(resolver, lex, speakers.of)
    story = profile.is_story(ctx.text)
    found: dict[tuple, Position] = {}
    for sent in ctx.sentences():
        hits = profile.find(sent.text, story)
        if not hits:
            continue
        text = sent.text
        s0 = sent.start_char + len(text) - len(text.lstrip())
        s1 = sent.end_char - (len(text) - len(text.rstrip()))
        evidence = ctx.text[s0:s1]
        date = sentence_date(evidence, ctx.date)
        try:
            read = reader.read(sent, hits)
        except Exception:  # noqa: BLE001 - one odd parse must not cost the article its positions
            log.exception("article %s: positions failed on sentence at %d", ctx.article.id, sent.start_char)
            continue
        for f in read:
            issue = next(h.issue for h in hits if h.cue == f.cue)
            _keep(found, Position(party=f.holder.party, issue=issue, stance=f.stance, sentence=evidence,
                                  actor=f.holder.actor, condition=f.condition, date=date, hedged=f.hedged,
                                  cue=f.cue, sentence_start=s0, sentence_end=s1))
    for p in (_from_events(ctx, profile, story, reader) if USE_EVENTS else []):
        if not any(k[0] == p.party and k[1] == p.issue and k[3] == p.sentence_start for k in found):
            _keep(found, p)
    return list(found.values())


def _keep(found: dict, p: Position) -> None:
    """One position per (party, issue, sentence): the most specific stance (a conditional wins);
    a named actor wins over none."""
    key = (p.party, p.issue, p.stance, p.sentence_start)
    same = [k for k in found if k[0] == p.party and k[1] == p.issue and k[3] == p.sentence_start]
    for k in same:
        old = found[k]
        if RANK[old.stance] >= RANK[p.stance]:
            if not old.actor and p.actor and old.stance == p.stance:
                old.actor = p.actor
            return
        del found[k]
    found[key] = p


def _from_events(ctx: Context, profile, story: bool, reader: SentenceReader) -> list[Position]:
    """Positions from PLOVER events whose sentence names an issue: the source parties' stance.
    An event inside a condition clause ("as soon as Ukraine announces its refusal to join NATO")
    is what someone else asks for, not its source's stance."""
    out: list[Position] = []
    for e in ctx.events or []:
        stance = EVENT_STANCE.get(e.type)
        if stance is None or e.hypothetical or not e.sentence or e.sentence_start < 0:
            continue
        if e.negated:
            stance = "oppose" if stance == "support" else "support"
        hits = [h for h in profile.find(e.sentence, story) if not h.weak and _governs(ctx, e, h)]
        if not hits or _conditional(ctx, e, hits[0], reader):
            continue
        for party in e.source:
            if not party or party not in profile.parties:
                continue
            for issue in dict.fromkeys(h.issue for h in hits):
                h = next(x for x in hits if x.issue == issue)
                st = stance if h.polarity > 0 else ("oppose" if stance == "support" else "support")
                out.append(Position(party=party, issue=issue, stance=st, sentence=e.sentence,
                                    actor=e.source_actor if "|" not in e.source_actor and len(e.source) == 1 else "",
                                    date=sentence_date(e.sentence, ctx.date), cue=h.cue,
                                    sentence_start=e.sentence_start, sentence_end=e.sentence_end))
    return out


def _trigger_token(ctx: Context, e, hit):
    """The event's trigger word when it governs the issue cue in the parse (is its ancestor)."""
    if not e.trigger:
        return None
    span = ctx.doc.char_span(e.sentence_start + hit.start, e.sentence_start + hit.end, alignment_mode="expand")
    if span is None or ctx.text[e.sentence_start:e.sentence_end] != e.sentence:
        return None
    first = e.trigger.split()[0].lower()
    for depth, anc in enumerate(span.root.ancestors):
        if depth >= EVENT_REACH:
            break
        if anc.lower_ == first or anc.lemma_.lower() == first:
            return anc
    return None


def _governs(ctx: Context, e, hit) -> bool:
    return _trigger_token(ctx, e, hit) is not None


def _conditional(ctx: Context, e, hit, reader: SentenceReader) -> bool:
    tok = _trigger_token(ctx, e, hit)
    sent = tok.sent if tok is not None else None
    return sent is not None and any(tok.i in idx and mark not in TEMPORAL_CONDITIONS
                                    for _, idx, _, mark in reader.condition_clauses(sent))


class Speakers:
    """Who speaks in a sentence: the quote covering the words, a reporting verb's subject in the
    sentence, or (for quoted or first-person words with no attribution) one on the same line."""

    def __init__(self, ctx: Context, resolver: Resolver, lex) -> None:
        self.ctx, self.r, self.lex = ctx, resolver, lex
        self._cache: dict[int, tuple[list[Holder], bool]] = {}

    def of(self, sent, char: int) -> tuple[list[Holder], bool]:
        for q in self.ctx.quotes or []:
            if q.start <= char < q.end and q.party:
                hs = [Holder(p, q.speaker if "|" not in q.party else "", True) for p in q.party.split("|") if p]
                anon = any(w in self.lex.hedge_sources for w in (q.speaker_mention or "").lower().split())
                return hs, anon
        if sent.start not in self._cache:
            self._cache[sent.start] = self._attribution(sent, near=True)
        return self._cache[sent.start]

    def _attribution(self, sent, near: bool) -> tuple[list[Holder], bool]:
        for t in sent:
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.lex.reporting:
                subj = [c for c in t.children if c.dep_ in ("nsubj",)]
                if subj and subj[0].lower_ not in FIRST_PERSON:
                    hs = self.r.of_token(subj[0])
                    anon = any(x.lower_ in self.lex.hedge_sources for x in subj[0].subtree)
                    if hs or anon:
                        return hs, anon
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
                objs = [o for o in t.nbor(1).children if o.dep_ == "pobj"]
                if objs:
                    hs = self.r.of_token(objs[0])
                    anon = any(x.lower_ in self.lex.hedge_sources for x in objs[0].subtree)
                    if hs or anon:
                        return hs, anon
        if not near:
            return [], False
        quoted = any(c in sent.text for c in QUOTE_CHARS) or any(t.lower_ in FIRST_PERSON for t in sent)
        if not quoted:
            return [], False
        sents = self.ctx.sentences()
        i = next((k for k, s in enumerate(sents) if s.start == sent.start), -1)
        text = self.ctx.text
        # forward along the same paragraph ("We are ready … - Umerov said."), then one back
        for j in [*range(i + 1, min(i + 8, len(sents))), i - 1]:
            if j < 0 or j == i:
                continue
            lo, hi = min(sent.end_char, sents[j].end_char), max(sent.start_char, sents[j].start_char)
            if "\n" in text[lo:hi]:
                if j > i:
                    continue
                break
            hs, anon = self._attribution(sents[j], near=False)
            if hs or anon:
                return hs, anon
        return [], False
