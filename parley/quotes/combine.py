"""Direct and reported quotes → one list of quote spans.

Reported content that holds a quotation becomes one `mixed` quote (the quotation is not kept on
its own); content that is only the quotation keeps the direct quote (and lends it its cue);
content that runs into a quotation stops before it. Every span is reported once.
"""
from __future__ import annotations

import re

from . import direct
from .indirect import Reported

_WORD = re.compile(r"\w+")


def _strip_comma(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in ", \n\t":
        e -= 1
    return s, e


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def combine(text: str, directs: list[direct.Direct], reported: list[Reported]) -> list[tuple[int, int, str, object]]:
    """(start, end, kind, source) in text order; source is a `direct.Direct` or a `Reported`."""
    items: list[tuple[int, int, str, object]] = []  # (start, end, kind, source)
    dropped: set[int] = set()
    for r in reported:
        kind, s, e = "indirect", r.start, r.end
        keep = True
        for k, d in enumerate(directs):
            o_s, o_e = d.mark.outer
            if e <= o_s or o_e <= s:
                continue
            if s <= o_s and o_e <= e + 1:  # the quote lies inside the content
                rest = text[s:o_s] + text[o_e:e]
                if d.fragment or _words(rest) >= 2:
                    kind = "mixed"
                    dropped.add(k)
                    e = max(e, o_e)  # its closing mark too
                else:  # the content is the quotation itself: keep the direct quote
                    keep = False
                    if d.attribution is None or d.attribution.inherited:
                        d.attribution = direct.Attribution(r.cue, r.cue_text, r.speaker)
            elif o_s < s:  # content starts inside a quotation: not reported speech of its own
                keep = False
            elif d.fragment:  # a quoted fragment closes after the clause: take it in
                kind = "mixed"
                dropped.add(k)
                e = max(e, d.mark.close + 1 if d.mark.close is not None else d.mark.end)
            else:  # runs into a quotation: stop before it
                e = o_s
                s, e = _strip_comma(text, s, e)
                if _words(text[s:e]) < 2:
                    keep = False
        if keep and e > s:
            items.append((s, e, kind, r))
    for k, d in enumerate(directs):
        if k in dropped or (d.fragment and d.attribution is None):
            continue
        s, e = _strip_comma(text, d.mark.start, d.mark.end)
        if e > s:
            items.append((s, e, "direct", d))
    items.sort(key=lambda x: (x[0], x[1]))
    # one record per span
    uniq, seen = [], set()
    for it in items:
        if (it[0], it[1]) not in seen:
            seen.add((it[0], it[1]))
            uniq.append(it)
    return uniq
