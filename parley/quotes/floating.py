"""Floating quotes (no attribution in their sentence): the speaker the reader infers."""
from __future__ import annotations

from .people import Speaker


class Floating:
    """Mixin of the speaker resolver (needs ctx, _recent_person, party_of)."""

    def _adjacent_paragraph(self, end: int, pos: int) -> bool:
        """Nothing but the rest of the paragraph ending at `end` (and empty or "." lines) lies
        between `end` and `pos`."""
        lines = self.ctx.text[end:pos].split("\n")
        return len(lines) > 1 and all(not ln.strip(" \t.\u00a0\"“”‘’«»„'") for ln in lines[1:])

    def floating(self, pos: int, last: Speaker | None, last_end: int | None = None) -> Speaker:
        """The speaker a reader infers for a quote with no attribution: the person who spoke or
        was the subject last (the previous quote's speaker unless someone was named since)."""
        if last is not None and last_end is not None and self._adjacent_paragraph(last_end, pos):
            return last  # the previous paragraph's quote goes on: its speaker goes on speaking
        c = self._recent_person(pos, "")
        if c is not None and (last is None or c[0] > last.pos):
            return Speaker(c[1], c[2] or self.party_of(c[1]), c[3], True, "", pos=c[0])
        return last if last is not None else Speaker("", "")
