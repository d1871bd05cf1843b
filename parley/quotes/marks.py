"""Quotation marks → quoted spans, one paragraph at a time.

Every style is read: straight " (and ＂), curly “ ”, low „ (closed by “ or ”), guillemets « »,
two single marks standing for one double mark ('' … '', ‘‘ … ’’, as in the New York Times'
archive), and single ‘ ’ / ' used as primary marks. Single marks inside a double-quoted span are part of it
(nested quotes). A paragraph whose quotation is not closed runs to the paragraph's end (the
convention for a quotation continued over paragraphs: the next paragraph reopens the mark). Because
marks are paired within a paragraph only, an odd number of marks never shifts the spans found in
later paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“„«‟〝"
CLOSERS = "”»〞"
STRAIGHT = '"＂'
DOUBLE = OPENERS + CLOSERS + STRAIGHT
SINGLE_OPEN = "‘‛"
SINGLE_ANY = "'"
SINGLE_CLOSE = "’"
# two single marks written for one double mark: straight quotes whose direction comes from pairing
_DOUBLED = re.compile(r"''|’’|‘‘|‘’|``")
_OPEN_LEFT = set(" \t\n\u00a0([{—–-/:;,")
_CLOSE_RIGHT = set(" \t\n\u00a0.,;:!?)]}—–-/…")


@dataclass
class Marked:
    """A quoted span: content [start, end) without the marks; `open`/`close` are the mark
    offsets (close None when the quotation runs to the paragraph's end)."""
    start: int
    end: int
    open: int
    close: int | None
    single: bool = False

    @property
    def outer(self) -> tuple[int, int]:
        """The span with its marks."""
        return self.open, (self.close + 1 if self.close is not None else self.end)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def _left(text: str, i: int, lo: int) -> str:
    return text[i - 1] if i > lo else " "


def _right(text: str, i: int, hi: int) -> str:
    return text[i + 1] if i + 1 < hi else " "


def _open_ctx(text: str, i: int, lo: int, hi: int) -> bool:
    return _left(text, i, lo) in _OPEN_LEFT and not _right(text, i, hi).isspace()


def _close_ctx(text: str, i: int, lo: int, hi: int) -> bool:
    return not _left(text, i, lo).isspace() and (_right(text, i, hi) in _CLOSE_RIGHT
                                                  or _right(text, i, hi) in DOUBLE + "'’")


def _content(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _doubles(text: str, lo: int, hi: int) -> list[Marked]:
    out: list[Marked] = []
    open_at: int | None = None
    low = False  # opened by „ (closed by “ or ”)
    for i in range(lo, hi):
        c = text[i]
        if c not in DOUBLE:
            continue
        if c in STRAIGHT and text[i - 1:i].isdigit() and open_at is None:
            continue  # inch mark: 5'10"
        if open_at is None:
            if c in CLOSERS and not _open_ctx(text, i, lo, hi):
                continue  # stray closing mark
            open_at, low = i, c == "„"
            continue
        closes = (c in CLOSERS or c in STRAIGHT or (c == "“" and (low or _close_ctx(text, i, lo, hi))))
        if closes:
            s, e = _content(text, open_at + 1, i)
            if e > s:
                out.append(Marked(s, e, open_at, i))
            open_at = None
        else:  # a new opening mark while open: the previous quotation was never closed
            s, e = _content(text, open_at + 1, i)
            if e > s:
                out.append(Marked(s, e, open_at, None))
            open_at, low = i, c == "„"
    if open_at is not None:
        s, e = _content(text, open_at + 1, hi)
        if e > s:
            out.append(Marked(s, e, open_at, None))
    return out


def _singles(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[Marked]:
    """‘…’ or '…' used as primary marks, outside double-quoted spans."""
    def free(i: int) -> bool:
        return not any(a <= i < b for a, b in taken)

    out: list[Marked] = []
    i = lo
    while i < hi:
        c = text[i]
        if c in SINGLE_OPEN + SINGLE_ANY and free(i) and _open_ctx(text, i, lo, hi) \
                and text[i + 1:i + 2].isalnum() and not text[i - 1:i].isalnum():
            j = i + 1
            found = None
            while j < hi and free(j):
                d = text[j]
                if d in SINGLE_CLOSE + SINGLE_ANY and not text[j + 1:j + 2].isalnum() \
                        and _close_ctx(text, j, lo, hi) and text[j - 1] != "s":
                    found = j
                    break
                j += 1
            if found is not None and " " in text[i + 1:found]:
                s, e = _content(text, i + 1, found)
                out.append(Marked(s, e, i, found, single=True))
                i = found + 1
                continue
        i += 1
    return out


def _undouble(text: str) -> tuple[str, set[int]]:
    """The text with each doubled single mark ('') read as one straight double mark: its first
    character becomes \" and its second a space (offsets unchanged); also the offsets of those
    first characters."""
    firsts = {m.start() for m in _DOUBLED.finditer(text)}
    if not firsts:
        return text, firsts
    chars = list(text)
    for i in firsts:
        chars[i], chars[i + 1] = '"', " "
    return "".join(chars), firsts


def find(text: str) -> list[Marked]:
    """All quoted spans of a text, in order."""
    norm, doubled = _undouble(text)
    out: list[Marked] = []
    for lo, hi in paragraphs(norm):
        dbl = _doubles(norm, lo, hi)
        for m in dbl:  # a doubled closing mark: both characters are the mark
            if m.close in doubled:
                m.close += 1
        sgl = _singles(norm, lo, hi, [m.outer for m in dbl])
        out.extend(sorted(dbl + sgl, key=lambda m: m.open))
    return out


def mask(text: str, spans: list[tuple[int, int]]) -> bytearray:
    """1 for every character inside one of the spans."""
    m = bytearray(len(text) + 1)
    for a, b in spans:
        m[a:b] = b"\x01" * (b - a)
    return m
