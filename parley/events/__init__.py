"""events stage: PLOVER 2.0 events (who did what to whom, when, where) with CAMEO codes.

Entry function: `extract(ctx) -> list[Event]`. Exports (PLOVER JSON, GDELT-like CSV) are in
`parley.events.export`; story-level merging in `parley.events.story`.
"""
from __future__ import annotations

from ..context import Context
from ..model import Event
from .extract import extract as _extract
from .story import merge_story_events

__all__ = ["extract", "merge_story_events"]


def extract(ctx: Context) -> list[Event]:
    return _extract(ctx)
