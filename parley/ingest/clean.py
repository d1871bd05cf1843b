"""Text normalisation and the line-level junk filter.

`normalise(text)`: Unicode NFC, unusual spaces and zero-width characters made plain, runs of spaces
collapsed, lines trimmed, at most one blank line between paragraphs (line breaks are kept: they end
sentences for the nlp stage).

`clean(text)`: `normalise` + the scraper's "date YYYY-MM-DD" prefix taken off + junk lines dropped
(share/comment/ad/"Read more"/newsletter lines, tickers, view counters, paywall and footer text) as
listed in `parley/data/lexicons/junk.yaml` + a line that repeats the line before it dropped.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

JUNK_FILE = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "junk.yaml"
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANKS = re.compile(r"\n{3,}")
_DATE_PREFIX = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?:\s+\d{1,2}:\d{2})?[ \t]*")
_BULLET = re.compile(r"^[-•·*▪►]\s+")
_TRAILING_PUNCT = re.compile(r"[\s:.!?…|»>-]+$")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ZERO_WIDTH.sub("", _CONTROL.sub("", text))
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    lines = [ln.strip() for ln in _SPACES.sub(" ", text).split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


@dataclass
class JunkRules:
    lines: frozenset
    patterns: list
    long_patterns: list
    tickers: frozenset
    tokens: frozenset
    max_words: int

    @classmethod
    def from_yaml(cls, path: str | Path | None = None) -> "JunkRules":
        if path is None:
            path = JUNK_FILE
        raw = Path(path).read_text(encoding="utf-8")
        d = yaml.safe_load(raw) or {}
        comp = lambda xs: [re.compile(x, re.I) for x in xs or []]  # noqa: E731
        return cls(lines=frozenset(_key(x) for x in d.get("lines") or []),
                   patterns=comp(d.get("patterns")), long_patterns=comp(d.get("long_patterns")),
                   tickers=frozenset(_key(x) for x in d.get("tickers") or []),
                   tokens=frozenset(str(x).lower() for x in d.get("token_lines") or []),
                   max_words=int(d.get("max_words", 12)))

    def is_junk(self, line: str) -> bool:
        s = _BULLET.sub("", line.strip())
        if not s:
            return False
        k = _key(s)
        if k in self.lines or k in self.tickers:
            return True
        if any(p.search(s) for p in self.long_patterns):
            return True
        words = s.split()
        if len(words) <= self.max_words and any(p.search(s) for p in self.patterns):
            return True
        return all(w.lower().strip(",;") in self.tokens for w in words)

    def is_ticker_header(self, line: str) -> bool:
        return _key(_BULLET.sub("", line.strip())) in self.tickers


def _key(s: str) -> str:
    return _TRAILING_PUNCT.sub("", str(s).strip().lower().replace("’", "'")).strip()


@functools.lru_cache(maxsize=1)
def rules() -> JunkRules:
    return JunkRules.from_yaml()


def strip_date_prefix(text: str) -> tuple[str, str | None]:
    """Remove a scraper's leading "date 2025-05-16 [22:45]" marker; returns (text, the date or None)."""
    m = _DATE_PREFIX.match(text)
    if not m:
        return text, None
    return text[m.end():], m.group(1)


def _is_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?…\"”]\s*$", line)) and len(line.split()) >= 6


def drop_junk(text: str, junk: JunkRules | None = None) -> str:
    junk = junk or rules()
    out: list[str] = []
    prev = None
    skip_ticker = False
    for line in text.split("\n"):
        s = line.strip()
        if skip_ticker and s:
            skip_ticker = False
            if not _is_sentence(s):  # the run-on line of headlines after a "Breaking News" header
                continue
        if s and junk.is_ticker_header(s):
            skip_ticker = True
            continue
        if s and junk.is_junk(s):
            continue
        if s and s == prev:  # a headline or caption repeated on the next line
            continue
        out.append(line)
        if s:
            prev = s
    return _BLANKS.sub("\n\n", "\n".join(out)).strip()


def clean(text: str) -> tuple[str, str | None]:
    """Normalised text without junk lines; also returns the date of a leading "date …" marker."""
    text, date = strip_date_prefix(normalise(text))
    return drop_junk(text), date
