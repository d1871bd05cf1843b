"""The one data model every stage reads and writes.

Records mirror the gold schema (`shared/gold/SCHEMA.md`): `to_json()` of each record gives exactly
the schema's fields (plus a few optional extras such as `id`, `sentence_start`), so `parley extract`
output is scored by the same evaluation as the gold. Every record carries its evidence: the
article id, the sentence index and character offsets into the article text.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def stable_id(*parts: Any, n: int = 16) -> str:
    """Content-hash id: the same inputs give the same id on every machine and run."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:n]


@dataclass
class Article:
    text: str
    id: str = ""
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" or None; never invented
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    origin: str | None = None  # where it came from: "path" or "path:line"
    story: str | None = None  # story cluster id (independent reports of one event)
    copy_of: str | None = None  # canonical article of its copy group (None if it is canonical)
    raw_html: str | None = None
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = "a-" + stable_id(" ".join(self.text.split()))

    @property
    def date(self) -> _dt.date | None:
        if not self.published:
            return None
        try:
            return _dt.date.fromisoformat(str(self.published)[:10])
        except ValueError:
            return None


@dataclass
class Mention:
    """A person, body, state or metonym in the text, resolved to an actor at the article's date."""
    start: int
    end: int
    text: str
    actor: str = ""  # canonical English Wikipedia title, a body name, or ""
    party: str = ""  # ISO3 or IGO code, "" if unknown
    sector: str = ""  # GOV MIL LEG JUD PTY SPY REB IGO NGO MED EDU BUS CVL
    kind: str = ""  # person | body | metonym | state | group | pronoun
    role_conflict: bool = False
    expected_role: str = ""  # with role_conflict: the role the actor held at that date
    sentence: int = -1

    def to_json(self) -> dict:
        d = {"start": self.start, "end": self.end, "text": self.text, "actor": self.actor,
             "party": self.party, "sector": self.sector}
        if self.kind:
            d["kind"] = self.kind
        if self.role_conflict:
            d["role_conflict"] = True
            d["expected_role"] = self.expected_role
        return d


@dataclass
class Quote:
    start: int
    end: int
    quote: str
    kind: str  # direct | indirect | mixed
    speaker_mention: str = ""
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str = ""
    party: str = ""  # "A|B" when several
    cue: str = ""
    floating: bool = False
    sentence: int = -1
    # the whole source phrase, appositions and relative clauses too ("Ann Lee, a professor at
    # X who studies Y,"); the speaker mention lies inside it
    source_start: int | None = None
    source_end: int | None = None
    confidence: float | None = None  # an attribution's probability under the learned cue model

    def to_json(self) -> dict:
        d = {k: getattr(self, k) for k in ("start", "end", "quote", "kind", "speaker_mention",
                                           "speaker_start", "speaker_end", "speaker", "party", "cue")}
        if self.floating:
            d["floating"] = True
        if self.source_start is not None:
            d["source_start"], d["source_end"] = self.source_start, self.source_end
        if self.confidence is not None:
            d["confidence"] = self.confidence
        return d


@dataclass
class Event:
    type: str  # PLOVER 2.0 type
    source: list[str]
    target: list[str]
    sentence: str  # verbatim evidence sentence
    mode: str = ""
    context: str = ""
    source_actor: str = ""  # "A|B" when several
    target_actor: str = ""
    location: str = ""
    date: str | None = None
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    cameo: str = ""
    trigger: str = ""
    sentence_start: int = -1
    sentence_end: int = -1

    def to_json(self) -> dict:
        d = {k: getattr(self, k) for k in ("type", "mode", "source", "target", "source_actor",
                                           "target_actor", "location", "date", "negated", "future",
                                           "hypothetical", "sentence")}
        d.update(cameo=self.cameo, context=self.context, trigger=self.trigger,
                 sentence_start=self.sentence_start, sentence_end=self.sentence_end)
        return d


@dataclass
class Position:
    party: str
    issue: str
    stance: str  # support | oppose | conditional
    sentence: str
    actor: str = ""
    condition: str = ""
    date: str | None = None
    hedged: bool = False
    cue: str = ""
    sentence_start: int = -1
    sentence_end: int = -1

    def to_json(self) -> dict:
        d = {k: getattr(self, k) for k in ("party", "actor", "issue", "stance", "condition", "date",
                                           "sentence")}
        if self.hedged:
            d["hedged"] = True
        d.update(cue=self.cue, sentence_start=self.sentence_start, sentence_end=self.sentence_end)
        return d


@dataclass
class Result:
    """One article after the whole pipeline."""
    article: Article
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    attributions: list[Quote] = field(default_factory=list)  # not speech: beliefs, evidence, …

    def to_json(self, with_text: bool = False) -> dict:
        a = self.article
        d: dict[str, Any] = {"id": a.id, "url": a.url, "outlet": a.outlet, "published": a.published,
                             "title": a.title, "story": a.story}
        if a.copy_of:
            d["copy_of"] = a.copy_of
        if with_text:
            d["text"] = a.text
        d["mentions"] = [m.to_json() for m in self.mentions]
        d["quotes"] = [q.to_json() for q in self.quotes]
        d["events"] = [e.to_json() for e in self.events]
        d["positions"] = [p.to_json() for p in self.positions]
        d["attributions"] = [q.to_json() for q in self.attributions]
        return d


@dataclass
class IngestError:
    """Bad input: names the file (and line/record) and what is wrong; the batch goes on."""
    origin: str
    message: str
    record_id: str | None = None  # the input record's id, when it has one

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def as_dict(obj: Any) -> dict:
    return asdict(obj)


def jsonable(obj: Any) -> Any:
    """Query rows made JSON-ready: dates as ISO strings, tuples as lists (for the API and exports)."""
    if isinstance(obj, dict):
        return {k: jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    if isinstance(obj, (_dt.date, _dt.datetime)):
        return obj.isoformat()
    return obj
