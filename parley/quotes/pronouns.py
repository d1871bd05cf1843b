"""Pronouns and salience: "he"/"she" → the most recent person of that gender who spoke or was a
clause subject; "they"/"it" → the body that spoke last (or the salient organisation)."""
from __future__ import annotations

from .genders import _possessives, lexicon_words
from .people import Speaker
from .syntax import np_bounds

GENDER_REACH = 300  # characters: a person of the pronoun's gender this close beats a nearer unknown
INTRO_REACH = 3  # sentences of text (not "." lines): how long a person introduced outside a
# subject stays salient


class Pronouns:
    """Mixin of the speaker resolver (needs history, subjects, quoted, _gender, lex, party_of,
    _salient_org)."""

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
            prev = self._previous(lambda sp: not sp.person or (sp.guess and g == "n"))
            group = self._plural_subject(pos) if g == "p" and low in ("they", "their") else None
            if group is not None and (prev is None or prev.pos < group.pos):
                return group
            if prev is not None and g == "n" and not prev.anonymous:
                # "EDC declined to answer. "…," it said.": a body that was the subject of a
                # sentence since the last body spoke
                near = self._subject_org(pos, prev.pos)
                if near and near != prev.name:
                    return Speaker(near, self.party_of(near), "n", False, low, pos=pos)
            if prev is not None:
                return Speaker(prev.name, prev.party, prev.gender, False, low, prev.anonymous, pos)
            org = self._salient_org(pos) if g == "n" else ""
            if org:  # "it said": the body named last
                return Speaker(org, self.party_of(org), "n", False, low, pos=pos)
        return Speaker("", "", g, False, low, pos=pos)

    def _recent_person(self, pos: int, g: str):
        """(pos, name, party, gender) of the most recent person before `pos` who spoke or was a
        clause subject, of gender `g` (or unknown). A person of unknown gender named since wins
        only if much closer, or if that person spoke last ("Chief Na'moks said …. "…," he said.")."""
        cands = [(sp.pos, sp.name, sp.party, sp.gender or self._gender.get(sp.name, ""), True)
                 for sp in self.history if sp.person and sp.name]
        cands += [(*c, False) for c in self.subjects
                  if c[0] < pos and (not self.quoted[c[0]] or self.fronted[c[0]])]
        si = self._text_sentence(pos)
        cands += [(*c[1:], False) for c in self.introduced if c[1] < pos
                  and 0 <= si - self._text_sentence(c[1]) <= INTRO_REACH and not self.quoted[c[1]]]
        cands.sort(key=lambda c: c[0])
        prior = [c for c in cands if c[0] < pos]
        if g and prior and not prior[-1][3] and not prior[-1][4] and self._opens_sentence(pos) \
                and si - self._text_sentence(prior[-1][0]) == 1:
            return prior[-1][:4]  # "Police chief Jane Roe warned …. She was quoted as saying …"
        unknown, latest = None, None
        for c in reversed(cands):
            if c[0] >= pos:
                continue
            latest = latest or c
            if not g or c[3] == g:
                if unknown is None or (unknown[0] - c[0] < GENDER_REACH and not (unknown is latest and unknown[4])):
                    return c[:4]
                return unknown[:4]
            if c[3] == "" and unknown is None:
                unknown = c
        return unknown[:4] if unknown else None

    def _subject_org(self, pos: int, after: int, sentences: int = 2) -> str:
        """The organisation that is the clause subject (outside quotes) nearest before `pos`, in
        its sentence or the `sentences` before and after the sentence of offset `after`."""
        si = self.ctx.sentence_index(pos)
        lo = max(self.ctx.sentence_index(after) + 1, si - sentences)
        best = ""
        for start, root, name in self._org_names():
            if start >= pos:
                break
            if root.dep_ in ("nsubj", "nsubjpass") and not self.quoted[start] \
                    and self.ctx.sentence_index(start) >= lo:
                best = name
        return best

    def _opens_sentence(self, pos: int) -> bool:
        """The pronoun at `pos` is the first word of its sentence (of text)."""
        si = self.ctx.sentence_index(pos)
        if si < 0:
            return False
        first = next((t for t in self.ctx.sentences()[si] if t.is_alpha), None)
        return first is not None and first.idx == pos

    def _text_sentence(self, pos: int) -> int:
        """Number of sentences with words before the one holding `pos` (lines of punctuation, as
        in ".\n" paragraph separators, do not count)."""
        if getattr(self, "_wordy", None) is None:
            self._wordy, n = [], 0
            for sent in self.ctx.sentences():
                self._wordy.append(n)
                n += any(t.is_alpha for t in sent)
        si = self.ctx.sentence_index(pos)
        return self._wordy[si] if si >= 0 else -1

    def _plural_subject(self, pos: int, sentences: int = 2) -> Speaker | None:
        """"They said" after "Protesters blocked the road.": the nearest plural noun phrase that
        was a clause subject in the sentence of `pos` (before it) or the `sentences` before,
        outside quotes; named as written ("Protesters"), or resolved when it names a body."""
        si = self.ctx.sentence_index(pos)
        if si < 0:
            return None
        sents = self.ctx.sentences()
        for k in range(si, max(-1, si - sentences - 1), -1):
            best = None
            for t in sents[k]:
                if t.idx >= pos:
                    break
                if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS") and self._group(t) \
                        and not self.quoted[t.idx] and not self.direct[t.idx]:
                    best = t
            if best is not None:
                first, last = np_bounds(best)
                sp = self._resolve(best, first, last)
                if not sp.name:
                    words = self.ctx.text[self.doc[first].idx:best.idx + len(best.text)].split()
                    if words and words[0].lower() in ("the", "these", "those", "some", "many", "several"):
                        words = words[1:]
                    sp.name = " ".join(words)
                return Speaker(sp.name, sp.party, "p", False, best.lemma_.lower(), sp.anonymous,
                               self.doc[first].idx)
        return None

    def _group(self, t) -> bool:
        """A plural head that can speak: a party or people's name ("Liberals", "Ukrainians"), a
        speaker noun of the lexicon ("officials", "members") or a noun of agent ("protesters",
        "residents", "senators")."""
        lemma = t.lemma_.lower()
        if t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "ORG"):
            return t.text[:1].isupper()
        return t.pos_ == "NOUN" and (lemma in self.lex.speakers or lemma in lexicon_words("group_nouns")
                                     or lemma.endswith(("er", "or", "ist", "ian", "ant", "ent", "ive")))
