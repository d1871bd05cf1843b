"""Publication dates as ISO "YYYY-MM-DD", from metadata, the URL or the head of the text.

Only explicit dates count: a date needs a year, a month and a day written out (or a year-month-day
path in a URL). Relative words ("today", "yesterday", "Tuesday") are never resolved, so a missing
date stays None and is never "today".
"""
from __future__ import annotations

import datetime as _dt
import re

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)")
_DMY_NUM = re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)(?!\d)")
_DMY = re.compile(r"(?<!\w)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I)
_MDY = re.compile(r"(?<!\w)" + _MON + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,\s*(?P<y>(?:19|20)\d\d)(?!\d)", re.I)
_URL_YMD = re.compile(r"/(?P<y>(?:19|20)\d\d)[/_-](?P<m>[01]?\d|[a-z]{3,9})[/_-](?P<d>[0-3]?\d)(?=[/_.-]|$)", re.I)
_URL_COMPACT = re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?=[/_.-])")

EARLIEST = _dt.date(1990, 1, 1)


def _make(y, m, d, latest: _dt.date | None = None) -> str | None:
    try:
        key = str(m).lower().rstrip(".")
        mon = int(key) if key.isdigit() else _MONTHS.get(key) or _MONTHS[key[:3]]
        date = _dt.date(int(y), mon, int(d))
    except (ValueError, KeyError):
        return None
    latest = latest or (_dt.date.today() + _dt.timedelta(days=2))
    return date.isoformat() if EARLIEST <= date <= latest else None


def parse_date(value) -> str | None:
    """A metadata value (ISO string, "12 March 2025", datetime, …) → "YYYY-MM-DD" or None."""
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return (value.date() if isinstance(value, _dt.datetime) else value).isoformat()
    s = str(value).strip()
    for rx in (_ISO, _DMY, _MDY, _DMY_NUM):
        m = rx.search(s)
        if m:
            g = m.groupdict()
            out = _make(g["y"], g.get("m") or g.get("mon"), g["d"])
            if out:
                return out
    try:  # other explicit forms and languages; relative words are refused by REQUIRE_PARTS
        import dateparser

        dt = dateparser.parse(s[:100], settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                                  "PREFER_DATES_FROM": "past", "STRICT_PARSING": True})
    except Exception:  # noqa: BLE001 - an unparseable value is simply no date
        return None
    if dt is None or not re.search(r"(19|20)\d\d", s):
        return None
    return _make(dt.year, dt.month, dt.day)


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.split("?")[0], flags=re.I)
    for rx in (_URL_YMD, _URL_COMPACT):
        m = rx.search(path)
        if m:
            out = _make(m["y"], m["m"], m["d"])
            if out:
                return out
    return None


def date_from_text(text: str, head_lines: int = 6, max_words: int = 10) -> str | None:
    """An explicit date on a date line or byline in the head of the text. Dates inside sentences
    (captions, the lead) are not taken: they are usually the dates of the events reported."""
    for line in text.split("\n")[:head_lines]:
        short = len(line.split()) <= max_words
        for rx in (_ISO, _DMY, _MDY, _DMY_NUM):
            m = rx.search(line)
            if m and (short or m.start() < 3):
                g = m.groupdict()
                out = _make(g["y"], g.get("m") or g.get("mon"), g["d"])
                if out:
                    return out
    return None
