"""quotes stage: direct, indirect and mixed quotes with their speakers.

Entry function: `extract(ctx) -> list[Quote]`; it also fills `ctx.attributions` (step 5).

1. `marks` pairs quotation marks paragraph by paragraph (every style; unclosed quotes run to the
   paragraph's end; odd marks never misalign later paragraphs).
2. `direct` keeps the quoted spans that are quotations and finds their cue and speaker on the
   dependency parse (nearest reporting verb outside the marks; "according to X"; a name signed
   after the quote, "“…” — Ann Lee"); `transcript` turns ("PUTIN: …") are quotes of the label.
3. `indirect` finds reported speech (a reporting verb with a clausal complement; "according to";
   "made clear that", "called for"); `combine` makes reported content holding a quotation one
   `mixed` quote.
4. `speakers` resolves each speaker mention to a name and party (actors stage first); a quote
   with no attribution (floating) takes the speaker the reader infers: the person who spoke or
   was a clause subject last. The words live in `parley/data/lexicons/quotes.yaml`.
5. `indirect.attributions`: what the learned cue model finds on the verbs left alone (beliefs,
   evidence, intentions: "analysts believe …") is attribution, not speech: `ctx.attributions`,
   outside every quote, with its source resolved like a speaker (never inferred).
Every quote's `quote` is `text[start:end]`; `speaker_start/end` is the speaker mention (the name),
`source_start/end` the whole source phrase (appositions and relative clauses too).
"""
from __future__ import annotations

import bisect
import logging

from ..context import Context
from ..model import Quote
from . import cue_model, direct, indirect, marks, transcript
from .content import Reported
from .combine import combine
from .lexicon import load as load_lexicon
from .speakers import Resolver, Speaker, not_a_speaker
from .syntax import PHRASE_STOP, char_span, np_bounds

__all__ = ["extract"]

log = logging.getLogger(__name__)


def extract(ctx: Context) -> list[Quote]:
    text, doc = ctx.text, ctx.doc
    if not text or doc is None or len(doc) == 0:
        return []
    lex = load_lexicon()
    cue_model.forget(doc)
    tix = direct.TokenIndex(doc)
    marked = marks.find(text)
    directs = direct.find(doc, text, marked, lex, tix)
    quoted = marks.mask(text, [d.mark.outer for d in directs])

    def inside(t) -> bool:
        return bool(quoted[t.idx])

    reported = indirect.find(doc, text, lex, inside)
    if not any("turn" in d.extra for d in directs):  # no dialogue: "Peskov: …" lines
        reported += _headlines(ctx, lex, tix)
    uniq = combine(text, directs, reported)

    sent_starts = [x.start_char for x in ctx.sentences()]
    resolver = Resolver(ctx, lex, quoted)
    resolver.quoted = marks.mask(text, [(s, e) for s, e, _, _ in uniq])
    # reported content before its cue ("Sullivan discussed …, the sources said.") reads as the
    # story itself: its subjects stay candidates for a later "he"
    resolver.fronted = marks.mask(text, [(s, e) for s, e, _, src in uniq if not isinstance(src, direct.Direct)
                                         and src.cue is not None and src.cue.idx > e])
    out: list[Quote] = []
    last: Speaker | None = None
    last_end: int | None = None  # where the last attributed quote ends
    for s, e, kind, src in uniq:
        since = None
        if isinstance(src, direct.Direct):
            a = src.attribution
            cue_tok, cue_text, who = (a.cue, a.cue_text, a.speaker) if a else (None, "", None)
            if a is not None and a.inherited and who is not None:
                since = resolver.named_since(max(who.idx, cue_tok.idx if cue_tok is not None else 0), s)
        else:
            cue_tok, cue_text, who = src.cue, src.cue_text, src.speaker
        if who is not None and not_a_speaker(who):
            who = None  # "WASHINGTON — …", "Thursday": the speaker the reader infers instead
        q = Quote(start=s, end=e, quote=text[s:e], kind=kind, cue=cue_text,
                  sentence=max(0, bisect.bisect_right(sent_starts, s) - 1))
        if since is not None:  # the paragraph's attribution, but someone else was named since
            sp = since
            q.floating, q.cue = True, ""
        elif who is not None:
            sp = _named(ctx, resolver, q, who)
        elif cue_tok is None and not cue_text:
            sp = resolver.floating(s, last, last_end)
            q.floating = True
        else:  # a cue without a subject ("Quote:", "adding …"): the speaker the reader infers
            sp = resolver.floating(s, last)
        q.speaker, q.party = sp.name, sp.party
        if sp.name or sp.party:
            resolver.note(sp)
            last, last_end = sp, e
        out.append(q)
    ctx.attributions = _attributions(ctx, lex, inside, reported, uniq, resolver, sent_starts)
    return out


def _headlines(ctx: Context, lex, tix) -> list[Reported]:
    """ "Peskov: Moscow stays open to talks" lines (`transcript.headlines`), the label a person
    the actor knowledge base knows at the article's date."""
    kb = ctx.kb
    if kb is None:
        return []

    def known(label: str) -> bool:
        a = kb.lookup(label, ctx.date)
        return a is not None and a.kind == "person"

    doc = ctx.doc
    out = []
    for s, e, head in transcript.headlines(doc, ctx.text, marks.paragraphs(ctx.text), tix.at, known, lex.promo):
        colon = doc[min(len(doc) - 1, head.i + 1)]
        out.append(Reported(s, e, colon, ":", head))
    return out


def _named(ctx: Context, resolver: Resolver, q: Quote, who) -> Speaker:
    """The speaker a mention names; sets the quote's speaker_mention and its offsets."""
    text, doc = ctx.text, ctx.doc
    first, lastt = np_bounds(who)
    ms, me = doc[first].idx, doc[lastt].idx + len(doc[lastt].text)
    try:
        sp = resolver.resolve(who, first, lastt)
    except Exception:  # noqa: BLE001 - one odd parse costs a speaker, not the article
        log.warning("article %s: speaker of %r not resolved", ctx.article.id, text[ms:me], exc_info=True)
        sp = Speaker("", "")
    ps, pe = char_span(doc, *np_bounds(who, PHRASE_STOP))
    if sp.span is not None:  # "the Kremlin's spokesman, Dmitry Peskov, said": the name
        ms, me = sp.span
    q.speaker_mention, q.speaker_start, q.speaker_end = text[ms:me], ms, me
    if ps <= ms and me <= pe and (pe <= q.start or q.end <= ps):
        q.source_start, q.source_end = ps, pe
    elif me <= q.start or q.end <= ms:
        q.source_start, q.source_end = ms, me
    return sp


def _attributions(ctx: Context, lex, inside, reported, quoted, resolver: Resolver, sent_starts) -> list[Quote]:
    """Attributions that are not reported speech (`indirect.attributions`), each outside every
    quote and quotation, with its source resolved like a quote's speaker (never inferred)."""
    text = ctx.text
    taken = [(s, e) for s, e, _, _ in quoted]
    out: list[Quote] = []
    for s, e, kind, src in combine(text, [], indirect.attributions(ctx.doc, text, lex, inside, reported)):
        if inside(src.cue) or any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        q = Quote(start=s, end=e, quote=text[s:e], kind=kind, cue=src.cue_text,
                  sentence=max(0, bisect.bisect_right(sent_starts, s) - 1),
                  confidence=None if src.p is None else round(src.p, 3))
        who = src.speaker
        if who is not None and not not_a_speaker(who):
            sp = _named(ctx, resolver, q, who)
            q.speaker, q.party = sp.name, sp.party
        out.append(q)
    return out
