"""Stances in one sentence: from an issue cue up the dependency parse to the words that take a side.

For each cue of an issue in a sentence, walk from the cue's head up to the sentence root. On the way:
* stance words (lexicon) — "accept", "Russia's demand", "open to" — say who holds a stance (their
  subject, possessor, or the subject of "be") and on which side; the side is the product of every
  stance and reversing word passed ("rejected a proposal for a cease-fire" = oppose; "agreed to lift
  the suspension of aid" = support) and of negation;
* a clause opened by "if", "unless", "as long as", "subject to"… attached on the way makes the stance
  conditional, the clause kept as the condition; a cue inside such a clause is what the holder of the
  stance outside it asks for ("open to talks as long as Kyiv recognises the gains" → recognition);
* a reporting verb ("said", "told") names the speaker: a stance its speaker attributes to another
  party, or one from unnamed sources or analysts, is hedged; "we" is the speaker;
* an obligation ("Ukraine would have to make concessions") reported by a speaker is the speaker's.
"""
from __future__ import annotations

from dataclasses import dataclass

from .holders import Holder, Resolver
from .lexicon import Lexicon

MODALS = {"can", "could", "will", "would", "shall", "should", "must", "may", "might", "wo", "ca"}
TEMPORAL_CONDITIONS = {"before", "until", "till"}
KIND = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}
MAX_DEPTH = 12
WEAK_REACH = 3  # a context cue ("land") needs its stance word this close
CLAUSE_EDGES = {"conj", "advcl", "parataxis", "relcl"}


def _outermost(found: list[Found]) -> list[Found]:
    """Per holder, the stance of the outermost word ("agreed to lift its suspension of aid": the
    agreement, not the suspension)."""
    best: dict[str, Found] = {}
    for f in found:
        b = best.get(f.holder.party)
        if b is None or f.level >= b.level:
            if b is not None and not f.actor_set() and b.holder.actor and b.holder.party == f.holder.party:
                f.holder = b.holder
            best[f.holder.party] = f
    return list(best.values())


@dataclass
class Found:
    holder: Holder
    stance: str
    cue: str
    condition: str = ""
    hedged: bool = False
    level: int = 0  # how far up the parse the stance word was (outermost wins)
    trigger: str = ""

    def actor_set(self) -> bool:
        return bool(self.holder.actor)


class SentenceReader:
    def __init__(self, resolver: Resolver, lex: Lexicon, speaker_of) -> None:
        self.r, self.lex = resolver, lex
        self.speaker_of = speaker_of  # (sentence span, char offset) -> (list[Holder], hedged_source: bool)

    # -- word tests --------------------------------------------------------------------------
    def polarity(self, t, via=None) -> int:
        kind = KIND.get(t.pos_)
        if kind is None:
            return 0
        lemma = t.lemma_.lower()
        s = self.lex.stance_of(kind, lemma)
        if kind == "verb" and s == 0 and t.lower_ in ("agreed",):
            s = 1
        if not s:
            return 0
        if s < 0 and self._stops_hostilities(t, via):
            return 1  # "cease combat", "a ban on strikes": for the truce
        need = self.lex.with_particle.get(lemma)
        if kind == "verb" and need:
            kids = {c.lower_ for c in t.children if c.dep_ in ("prt", "prep", "dobj", "advmod")}
            if not kids & need:
                return 0
        return s

    def _stops_hostilities(self, t, via=None) -> bool:
        """An oppose word whose object is fighting ("halt the strikes", "cessation of hostilities")."""
        for c in t.children:
            objs = [c] if c.dep_ in ("dobj", "nsubjpass") else \
                [o for o in c.children if o.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("of", "on", "to") else []
            if via is not None and (c.i == via.i or any(o.i == via.i for o in objs)):
                continue  # the walk came through the fighting itself: already turned round
            if any(self.hostile(o) for o in objs):
                return True
        return False

    def hostile(self, t) -> bool:
        """Fighting words ("strikes", "military actions")."""
        lemma = t.lemma_.lower()
        if lemma in self.lex.hostile:
            return True
        return any(f"{c.lower_} {lemma}" in self.lex.hostile for c in t.children if c.dep_ in ("amod", "compound"))

    def needs_modal_ok(self, t) -> int:
        """Verbs like "hold (talks)" take a side only with a modal, an intention or a negation."""
        if t.lemma_.lower() not in self.lex.needs_modal or t.pos_ not in ("VERB", "AUX"):
            return 0
        return 1 if self._has_modal(t) else 0

    def _has_modal(self, t) -> bool:
        """A modal on the verb or on the verb it is coordinated with ("would cease fire and begin talks")."""
        for v in (t, t.head if t.dep_ == "conj" else None):
            if v is not None and any(c.dep_ == "aux" and c.lower_ in MODALS for c in v.children):
                return True
        return False

    def negated(self, t) -> bool:
        for c in t.children:
            if c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det", "neg")):
                return True
        if t.dep_ in ("acomp", "attr", "xcomp") and t.pos_ == "ADJ":
            return any(c.dep_ == "neg" for c in t.head.children)
        return False

    def reverses(self, t) -> bool:
        kind = KIND.get(t.pos_)
        return bool(kind) and self.lex.reverses(kind, t.lemma_)

    def is_reporting(self, t) -> bool:
        return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.lex.reporting

    def obligation(self, t) -> bool:
        if t.pos_ not in ("VERB", "AUX"):
            return False
        if any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in t.children):
            return True
        return t.lemma_.lower() in ("have", "need") and any(c.dep_ == "xcomp" for c in t.children) and \
            any(c.lower_ == "to" for c in t.subtree)

    def hedge_word(self, t) -> bool:
        return t.lemma_.lower() in self.lex.hedge_words or t.lower_ in self.lex.hedge_words

    # -- holders -------------------------------------------------------------------------------
    def subjects(self, t):
        return [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")
                and c.dep_ != "expl"]

    def holders_of(self, t, speaker: list[Holder]) -> list[Holder]:
        kind = KIND.get(t.pos_)
        if kind == "verb":
            agent = [o for c in t.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            subj = agent or [c for c in self.subjects(t) if c.dep_ != "nsubjpass"] or []
            if subj:
                return self.r.of_token(subj[0], speaker)
            if t.dep_ in ("xcomp", "conj", "advcl", "pcomp") and t.head.i != t.i:
                return self.holders_of(t.head, speaker)
            if t.dep_ in ("relcl", "acl") and t.head.i != t.i:
                return self.r.of_token(t.head, speaker)
            return []
        if kind == "noun":
            own = self.r.of_token(t, speaker, depth=0) if any(
                c.dep_ in ("poss", "compound", "amod", "nmod", "prep") for c in t.children) else []
            if own:
                return own
            if t.dep_ in ("dobj", "attr", "nsubjpass", "appos", "conj") and t.head.pos_ in ("VERB", "AUX", "NOUN"):
                return self.holders_of(t.head, speaker) if t.dep_ != "conj" else self.holders_of(t.head, speaker)
            if t.dep_ == "pobj" and t.head.head.pos_ in ("VERB", "AUX"):
                return self.holders_of(t.head.head, speaker)
            return []
        if kind == "adj":
            if t.dep_ in ("acomp", "attr", "xcomp", "ROOT", "ccomp", "conj"):
                h = t.head if t.dep_ != "ROOT" else t
                subj = self.subjects(h) or self.subjects(t)
                if subj:
                    return self.r.of_token(subj[0], speaker)
                if h.dep_ in ("conj", "xcomp") and h.head.i != h.i:
                    return self.holders_of(h.head, speaker)
            if t.dep_ == "amod":
                return self.r.of_token(t.head, speaker)
            return []
        return []

    def _own_holders(self, t, speaker):
        """A noun's own possessor or modifier only ("the Ukrainian proposal"), nothing inherited."""
        if KIND.get(t.pos_) != "noun":
            return []
        if not any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in t.children):
            return []
        return self.r.of_token(t, speaker, depth=0)

    # -- conditions ----------------------------------------------------------------------------
    def condition_clauses(self, sent) -> list[tuple[int, set[int], str, str]]:
        """(attachment token index, token indices of the clause, clause text, marker) for each
        conditional clause of the sentence (set phrases like "as long as it takes" left out)."""
        found = self._condition_clauses(sent)
        low = sent.text.lower()
        fixed = [p for p in self.lex.not_condition if p in low]
        return [c for c in found if not any(c[2].lower() in p or p.endswith(c[2].lower()) for p in fixed)]

    def _condition_clauses(self, sent) -> list[tuple[int, set[int], str, str]]:
        out = []
        text_low = sent.text.lower()
        for t in sent:
            low = t.lower_
            before = t.doc[max(sent.start, t.i - 4): t.i + 1].text.lower()
            phrase = t.dep_ == "mark" and any(before.endswith(p) for p in self.lex.condition_phrases)
            if t.dep_ == "mark" and (low in self.lex.condition_marks or low in TEMPORAL_CONDITIONS or phrase):
                clause = t.head
                idx = {x.i for x in clause.subtree}
                attach = clause.head
                while attach.lower_ in ("long", "soon", "only", "as", "just") and attach.head.i != attach.i:
                    attach = attach.head
                out.append((attach.i, idx, self._span_text(clause, skip=t), low))
            elif t.dep_ == "prep" and low in TEMPORAL_CONDITIONS and t.head.i != t.i and \
                    any(c.dep_ == "pcomp" for c in t.children):
                # "before halting the war" (an act), not "before the talks" (a time)
                idx = {x.i for x in t.subtree}
                if len(idx) > 1:
                    out.append((t.head.i, idx, self._span_text(t, skip=t), low))
            elif low == "as" and t.nbor(1).lower_ == "long" if t.i + 1 < len(t.doc) else False:
                # "as long as X": the clause is the verb the second "as" marks
                j = t.i + 2
                if j < len(t.doc) and t.doc[j].lower_ == "as":
                    clause = t.doc[j].head if t.doc[j].dep_ == "mark" else t.nbor(1).head
                    if clause.i != t.i:
                        idx = {x.i for x in clause.subtree} - {t.i, t.i + 1}
                        attach = clause.head
                        while attach.lower_ in ("long", "as") and attach.head.i != attach.i:
                            attach = attach.head
                        out.append((attach.i, idx, self._span_text(clause, skip=t.doc[j]), "as long as"))
            elif low == "but" and t.i + 1 < sent.end and t.nbor(1).dep_ == "prep" and \
                    t.nbor(1).lower_ in ("with", "on", "under", "only"):
                # "ready for dialogue, but with another president": a restriction is a condition
                p = t.nbor(1)
                words = list(p.subtree)
                out.append((p.head.i, {x.i for x in words}, t.doc[words[0].i: words[-1].i + 1].text.strip(" ,."), "but"))
            elif low == "subject" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
                idx = {x.i for x in t.subtree}
                words = [x for x in t.subtree if x.i > t.i + 1]
                if words:
                    out.append((t.head.i, idx, t.doc[words[0].i: words[-1].i + 1].text.strip(" ,."), "subject to"))
            elif low in ("condition", "exchange", "return") and t.head.lower_ in ("on", "in"):
                idx = {x.i for x in t.head.subtree}
                words = [x for x in t.subtree if x.i > t.i]
                if words and (low == "condition" or " in exchange for" in text_low or " in return for" in text_low):
                    out.append((t.head.head.i, idx, t.doc[words[0].i: words[-1].i + 1].text.strip(" ,."), low))
        return out

    @staticmethod
    def _span_text(head, skip=None) -> str:
        toks = [x for x in head.subtree if skip is None or x.i != skip.i]
        if not toks:
            return ""
        return head.doc[toks[0].i: toks[-1].i + 1].text.strip(" ,.;:")

    # -- the walk --------------------------------------------------------------------------------
    def read(self, sent, hits) -> list[Found]:
        doc = sent.doc
        conds = self.condition_clauses(sent)
        results: list[Found] = []
        for hit in hits:
            span = doc.char_span(sent.start_char + hit.start, sent.start_char + hit.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            same = set()
            for other in hits:
                if other.issue == hit.issue and other is not hit:
                    o = doc.char_span(sent.start_char + other.start, sent.start_char + other.end,
                                      alignment_mode="expand")
                    if o is not None:
                        same |= set(range(o.start, o.end))
            results.extend(self._walk(sent, span, hit, conds, same))
        return results

    def _walk(self, sent, span, hit, conds, same_issue: set[int] = frozenset()) -> list[Found]:
        cue_idx = set(range(span.start, span.end)) | set(same_issue)
        speaker, source_hedge = self.speaker_of(sent, span.start_char)
        pol = hit.polarity
        found: list[Found] = []
        trig_level: dict[int, int] = {}  # id(Found) -> path position of its stance word
        inside = [c for c in conds if span.root.i in c[1]]  # condition clauses holding the cue
        t, level, prev = span.root, 0, None
        hedged = source_hedge
        path: list[int] = []
        report_level = None
        root = span.root
        if KIND.get(root.pos_) == "verb" and any((c.dep_ == "neg" or c.lower_ == "never") and c.i not in cue_idx
                                                 for c in root.children):
            pol = -pol  # "commit never to join NATO"
        if KIND.get(root.pos_) == "verb" and self._has_modal(root) and not any(root.i in c[1] for c in inside):
            # a cue that is itself a verb phrase ("Moscow would cease fire"): its subject's intent
            for h in self.holders_of(root, speaker):
                found.append(Found(h, "support" if pol > 0 else "oppose", hit.cue, "", hedged, 0, root.text))
                trig_level[id(found[-1])] = 0
        closed = False  # crossed into another clause ("…, while X agreed"): no more stance words

        def add(h: Holder, stance: str, word, cond: str = "") -> None:
            f = Found(h, stance, hit.cue, cond, hedged, level, word.text)
            found.append(f)
            trig_level[id(f)] = len(path) - 1

        via_conj = False
        while level < MAX_DEPTH:
            path.append(t.i)
            scene = t.lower_ in self.lex.circumstance or (t.lower_ in TEMPORAL_CONDITIONS and t.dep_ == "prep" and not any(
                c.dep_ == "pcomp" for c in t.children))
            if scene and t.i not in cue_idx and t.dep_ in ("prep", "mark", "pcomp", "advcl", "acl"):
                break  # "talks following negotiations in Riyadh", "demanded before the talks": scene, not stance
            crossing = [c for c in inside if prev is not None and prev.i in c[1] and t.i not in c[1]]
            if crossing:
                # leaving a condition clause: the holder of the stance outside asks for what is inside
                c = crossing[0]
                holders, trig = self._outer_holder(t, speaker)
                if c[3] in TEMPORAL_CONDITIONS and trig is not None and not self.polarity(trig):
                    break  # "said before the talks began": a time, not a condition
                if holders:
                    if c[3] not in TEMPORAL_CONDITIONS:  # the clause is what they ask of others
                        found[:] = [f for f in found if f.holder.party in {h.party for h in holders}]
                    for h in holders:
                        if c[3] in TEMPORAL_CONDITIONS:
                            add(h, "conditional", trig, self._outer_object(trig, c[1]))
                        else:
                            add(h, "support" if pol > 0 else "oppose", trig)
                    return self._conditions(_outermost(found), trig_level, path, conds, cue_idx)
                inside = [x for x in inside if x is not c]
            in_clause = any(t.i in c[1] for c in inside)
            if t.i not in cue_idx and via_conj:
                pass  # a coordinated sibling ("a guarantee …, a retreat … and limits to …") takes no side for it
            elif t.i not in cue_idx:
                if t.pos_ == "NOUN" and self.hostile(t):
                    pol = -pol  # halting *strikes* is for the cease-fire
                if self.hedge_word(t):
                    hedged = True
                s = 0 if closed else (self.polarity(t, prev) or self.needs_modal_ok(t) or (-1 if self.reverses(t) else 0))
                if s and hit.weak and level > WEAK_REACH:
                    s = 0
                if s:
                    pol = pol * s * (-1 if self.negated(t) else 1)
                    if not (in_clause and KIND.get(t.pos_) == "verb"):
                        holders = self.holders_of(t, speaker) if not in_clause else self._own_holders(t, speaker)
                        if self.obligation(t) and speaker and holders and not set(holders) & set(speaker):
                            holders = list(speaker)
                        if holders and self._directs(t, prev):
                            parties = {h.party for h in holders}
                            found[:] = [f for f in found if f.holder.party in parties]
                        for h in holders:
                            add(h, "support" if pol > 0 else "oppose", t)
                elif self.negated(t) and KIND.get(t.pos_) == "verb" and not self.is_reporting(t):
                    pol = -pol
                elif self.obligation(t) and speaker and not self.is_reporting(t):
                    subj = self.subjects(t)
                    subj_h = self.r.of_token(subj[0], speaker) if subj else []
                    if not {h.party for h in subj_h} & {h.party for h in speaker}:
                        found[:] = [f for f in found if f.holder.party in {h.party for h in speaker}]
                        for h in speaker:
                            add(h, "support" if pol > 0 else "oppose", t)
                if not closed and KIND.get(t.pos_) == "verb" and prev is not None and prev.dep_ == "prep":
                    for c in t.children:
                        if c.dep_ == "dobj" and c.i not in cue_idx and KIND.get(c.pos_) == "noun" \
                                and self.polarity(c) > 0:
                            for h in self.r.of_token(c, speaker, depth=0):
                                add(h, "support" if pol > 0 else "oppose", c)
                if self.is_reporting(t) and report_level is None:
                    report_level = len(path) - 1
                    self._reported(t, found, speaker)
                    if self._anonymous_subject(t):
                        hedged = True
            if t.head.i == t.i:
                break
            if t.dep_ in CLAUSE_EDGES and (found or (KIND.get(t.pos_) == "verb" and self.subjects(t))):
                closed = True  # the clause above does not govern this one
            via_conj = t.dep_ == "conj"
            prev, t, level = t, t.head, level + 1
        return self._conditions(_outermost(found), trig_level, path, conds, cue_idx)

    def _directs(self, t, prev) -> bool:
        """A directive verb reached from its clausal complement: the stances met inside are what
        its holder asks of others ("demands that Ukraine abandon its bid"), not their own."""
        return prev is not None and KIND.get(t.pos_) == "verb" and t.lemma_.lower() in self.lex.directive \
            and prev.dep_ in ("ccomp", "xcomp") and any(c.dep_ in ("nsubj", "nsubjpass") for c in prev.children)

    def _reported(self, verb, found: list[Found], speaker: list[Holder]) -> None:
        """A reporting verb over stances: hedge those it attributes to another party (or to
        unnamed sources); give the speaker's name to its own party's stances."""
        subj = self.subjects(verb)
        if not subj:
            return
        rep = self.r.of_token(subj[0], speaker)
        anon = self._anonymous(subj[0])
        for f in found:
            if anon or (rep and f.holder.party not in {h.party for h in rep}):
                f.hedged = True
            elif rep and not f.holder.actor:
                person = next((h for h in rep if h.party == f.holder.party and h.actor), None)
                if person:
                    f.holder = Holder(f.holder.party, person.actor, person.person)

    def _anonymous_subject(self, verb) -> bool:
        subj = self.subjects(verb)
        return bool(subj) and self._anonymous(subj[0])

    def _conditions(self, found, trig_level, path, conds, cue_idx) -> list[Found]:
        """A condition clause makes a stance conditional when it hangs on the path below the
        stance word, on the stance word's clause head (the "be" of "open to talks as long as…"),
        or anywhere under a stance verb — and does not hold the cue itself."""
        doc = None
        for f in found:
            if f.stance == "conditional":
                continue
            lvl = trig_level.get(id(f), -1)
            if lvl < 0:
                continue
            doc = doc or self.r.doc
            trig = doc[path[lvl]]
            below = set(path[: lvl + 1])
            if trig.pos_ in ("ADJ", "NOUN") and trig.dep_ in ("acomp", "attr", "dobj") and trig.head.i != trig.i:
                below.add(trig.head.i)
            if trig.dep_ == "conj" and KIND.get(trig.pos_) == "verb":
                below.add(trig.head.i)  # coordinated verbs share the condition ("would cease fire and begin talks if")
            under = {x.i for x in trig.subtree} if KIND.get(trig.pos_) == "verb" else set()
            for attach, idx, text, mark in conds:
                if mark in TEMPORAL_CONDITIONS or not text or (idx & cue_idx) or trig.i in idx:
                    continue
                if attach in below or (under and idx <= under):
                    f.stance, f.condition = "conditional", text
                    break
        # the main clause's stance takes a condition left dangling later in the sentence
        if found and doc is not None and not any(f.stance == "conditional" for f in found):
            top = max(found, key=lambda f: f.level)
            lvl = trig_level.get(id(top), -1)
            trig = doc[path[lvl]] if lvl >= 0 else None
            if trig is not None:
                for attach, idx, text, mark in conds:
                    if mark in TEMPORAL_CONDITIONS or not text or (idx & cue_idx) or trig.i in idx:
                        continue
                    if min(idx) > max(cue_idx) and not any(path[trig_level.get(id(f), 0)] in idx for f in found) \
                            and self._same_clause(doc[attach], trig):
                        top.stance, top.condition = "conditional", text
                        break
        return found

    @staticmethod
    def _same_clause(a, trig) -> bool:
        """Whether `a` hangs under `trig` without a coordinated clause between ("did not accept X,
        and said Y could begin once Z": Z does not condition the refusal)."""
        steps = 0
        while a.i != trig.i and steps < 12:
            if a.dep_ in ("conj", "parataxis") and KIND.get(a.pos_) == "verb":
                return False
            if a.head.i == a.i:
                return True  # reached the root without crossing into a coordinated clause
            a, steps = a.head, steps + 1
        return True

    def _outer_holder(self, t, speaker):
        """The first stance word at or above `t` with a holder (for a condition clause's cue)."""
        a, steps = t, 0
        while steps < 6:
            if self.polarity(a) or self.needs_modal_ok(a) or self.is_reporting(a):
                hs = self.holders_of(a, speaker)
                if hs:
                    return hs, a
            if KIND.get(a.pos_) == "verb" and not self.is_reporting(a):
                subj = self.subjects(a)
                if subj:
                    hs = self.r.of_token(subj[0], speaker)
                    if hs:
                        return hs, a
            if a.head.i == a.i:
                break
            a, steps = a.head, steps + 1
        return [], None

    @staticmethod
    def _outer_object(t, clause_idx: set[int]) -> str:
        toks = [x for x in t.subtree if x.i > t.i and x.dep_ not in ("punct",)]
        if not toks:
            return ""
        return t.doc[toks[0].i: toks[-1].i + 1].text.strip(" ,.;:")

    def _anonymous(self, tok) -> bool:
        words = {x.lower_ for x in tok.subtree} | {tok.lemma_.lower()}
        return bool(words & self.lex.hedge_sources)
