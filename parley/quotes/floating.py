"""Floating quotes (no attribution in their sentence): the speaker the reader infers."""
from __future__ import annotations

from .people import Speaker


class Floating:
    """Mixin of the speaker resolver (needs ctx, subjects, quoted, direct, _recent_person,
    party_of)."""

    def _adjacent_paragraph(self, end: int, pos: int) -> bool:
        """Nothing but the rest of the paragraph ending at `end` (and empty or "." lines) lies
        between `end` and `pos`."""
        lines = self.ctx.text[end:pos].split("\n")
        return len(lines) > 1 and all(not ln.strip(" \t.\u00a0\"“”‘’«»„'") for ln in lines[1:])

    def named_since(self, after: int, pos: int) -> Speaker | None:
        """A person named as a clause subject (outside quotes) between `after` and `pos`: a quote
        of the paragraph after "…," says House. … Durning did not need much coaxing. "…" is
        Durning's, not House's."""
        best = None
        si = self.ctx.sentence_index(after)
        for c in self.subjects:
            if after < c[0] < pos and not self.quoted[c[0]] and not self.direct[c[0]] \
                    and self.ctx.sentence_index(c[0]) > si and self._main_subject(c[0]):
                best = c
        if best is None:
            return None
        return Speaker(best[1], best[2] or self.party_of(best[1]), best[3], True, "", pos=best[0])

    def _main_subject(self, pos: int) -> bool:
        """The name at `pos` is (in) the subject of its sentence's main verb."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        t = span[0]
        while t.dep_ in ("compound", "flat") and t.head.i != t.i:
            t = t.head
        return t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"

    def floating(self, pos: int, last: Speaker | None, last_end: int | None = None) -> Speaker:
        """The speaker a reader infers for a quote with no attribution: the person who spoke or
        was the subject last (the previous quote's speaker unless someone was named since)."""
        if last is not None and last_end is not None and self._adjacent_paragraph(last_end, pos):
            return last  # the previous paragraph's quote goes on: its speaker goes on speaking
        c = self._recent_person(pos, "")
        if c is not None and (last is None or c[0] > last.pos):
            return Speaker(c[1], c[2] or self.party_of(c[1]), c[3], True, "", pos=c[0])
        return last if last is not None else Speaker("", "")
