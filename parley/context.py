"""What the stages share while one article goes through the pipeline."""
from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .model import Article, Event, Mention, Position, Quote

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span


@dataclass
class Context:
    """One article in flight: its text, its spaCy parse and what earlier stages found.

    Stages run in order actors → quotes → events → positions; each reads what the earlier ones
    filled in and returns its own records (the pipeline stores them here).
    """
    article: Article
    doc: "Doc"
    kb: Any = None  # parley.actors.kb.KnowledgeBase
    profile: Any = None  # parley.profiles.Profile
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Quote] = field(default_factory=list)  # filled by the quotes stage
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def date(self) -> _dt.date | None:
        """The article's date (publication), used to judge roles and resolve relative dates."""
        return self.article.date

    def sentences(self) -> list["Span"]:
        if not hasattr(self, "_sents"):
            self._sents = list(self.doc.sents)
            self._starts = [s.start_char for s in self._sents]
        return self._sents

    def sentence_index(self, char: int) -> int:
        """Index of the sentence holding character offset `char` (-1 if none)."""
        sents = self.sentences()
        i = bisect.bisect_right(self._starts, char) - 1
        return i if i >= 0 and char < sents[i].end_char else -1

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The resolved mention that best overlaps [start, end), if any."""
        best, best_ov = None, 0
        for m in self.mentions:
            ov = min(end, m.end) - max(start, m.start)
            if ov > best_ov:
                best, best_ov = m, ov
        return best
