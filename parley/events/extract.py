"""events stage: PLOVER events from the parse, the resolved actors and the quotes.

For each sentence: find triggers (triggers.py), then for each trigger its source (the clause's
subject, the speaker for "we", the possessor of a noun), its target (object, "with"/"to"/"against"
phrases), symmetric participants for meetings and joint agreements, the mode, the CAMEO code,
the markers negated / future / hypothetical from the parse, the date and the place.

The work is spread over modules named for what they do: triggers.py and filters.py (candidates;
lookup.py reads a word in the lexicon, senses.py tells a phone call from a naming or an appeal),
roles.py (sources and targets; consult.py for meetings), retype.py (the type once parties are
known), demands.py (reported demands and obligations), clauses.py, speakers.py, targets.py,
sides.py, markers.py, places.py, record.py (dates, Event records, and acts dated years before the
report, which are background).
"""
from __future__ import annotations

import re

from ..model import Event
from . import filters, obligations, triggers
from .demands import _demands, _obliged
from .lexicon import gazetteer, load
from .parties import Resolver
from .places import _places
from .record import ArticleState, historical
from .roles import events_for

_WORDS = re.compile(r"\w+")


def extract(ctx) -> list[Event]:
    lex = load()
    gaz = gazetteer()
    res = Resolver(ctx)
    state = ArticleState()
    igos = {"EU", "NATO", "UN", "G7", "G20", "OSCE", "AU", "ASEAN"}
    events: list[Event] = []
    text = ctx.text
    said: set[str] = set()
    for sent in ctx.sentences():
        words = " ".join(_WORDS.findall(text[sent.start_char:sent.end_char].lower()))
        if words in said:
            continue  # a line repeated in the text (a title printed twice) reports nothing new
        said.add(words)
        if filters.label_line(sent, lex, text):
            continue  # "Source: ...", "Background: ...": a credit or a recap, no news of its own
        places = _places(sent, res, gaz)
        for name, code, is_city, _ in places:
            if is_city:
                state.cities.setdefault(code, name)
        seen: set[tuple] = set()
        sent_events: list[Event] = []
        frames = obligations.frames(sent)
        demanded = {t.i for _, act in frames for t in act.subtree}
        for tr in triggers.find(sent, lex):
            if filters.not_an_event(tr, lex) or tr.tok.i in demanded or historical(tr, ctx):
                continue  # ("it is up to Moscow to sign ...": the act is demanded, not done)
            depth = triggers._depth(tr.tok if tr.light is None else tr.light)
            for ev in events_for(tr, ctx, res, lex, gaz, state, places, igos):
                key = (ev.type, tuple(sorted(ev.source)), tuple(sorted(ev.target)))
                if key in seen:
                    continue
                seen.add(key)
                ev.sentence = text[sent.start_char:sent.end_char]
                ev.sentence_start, ev.sentence_end = sent.start_char, sent.end_char
                sent_events.append((depth, len(sent_events), ev))
        for ev, tok in _demands(sent, ctx, res, lex, seen, text) + _obliged(sent, frames, ctx, res, lex, seen, text):
            sent_events.append((triggers._depth(tok), len(sent_events), ev))
        # the main clause's event first (readers and the PLOVER scorer take the first as the main one)
        events.extend(ev for _, _, ev in sorted(sent_events, key=lambda x: (x[0], x[1])))
    return events

