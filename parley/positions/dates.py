"""When a stance was taken: the article's date unless the sentence dates it ("in October 2022",
"last month", "on Monday")."""
from __future__ import annotations

import datetime as _dt
import re

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], 1)}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday"])}
_MONTH_YEAR = re.compile(r"\b(?:in|since|from|early|late|mid-?|on)\s+(?:early\s+|late\s+|mid-?)?(" + "|".join(MONTHS)
                         + r")(?:\s+(\d{1,2}))?,?\s+((?:19|20)\d\d)\b", re.I)
_MONTH_ONLY = re.compile(r"\b(?:in|since|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?(" + "|".join(MONTHS) + r")\b(?!\s+\d)", re.I)
_LAST = re.compile(r"\blast\s+(month|year|week)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:on|last)\s+(" + "|".join(WEEKDAYS) + r")\b", re.I)


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def sentence_date(sentence: str, day: _dt.date | None) -> str | None:
    """ISO date of the stance: "YYYY-MM-DD", or "YYYY-MM" when the sentence gives only a month;
    None when neither the article nor the sentence dates it."""
    m = _MONTH_YEAR.search(sentence)
    if m:
        y, mo = int(m.group(3)), MONTHS[m.group(1).lower()]
        if day is None or (y, mo) != (day.year, day.month):
            return _month(y, mo)
    if day is None:
        return None
    m = _MONTH_ONLY.search(sentence)
    if m:
        mo = MONTHS[m.group(1).lower()]
        y = day.year if mo <= day.month else day.year - 1
        if (y, mo) != (day.year, day.month):
            return _month(y, mo)
    m = _LAST.search(sentence)
    if m:
        unit = m.group(1).lower()
        if unit == "month":
            prev = day.replace(day=1) - _dt.timedelta(days=1)
            return _month(prev.year, prev.month)
        if unit == "year":
            return f"{day.year - 1:04d}"
        prev = day - _dt.timedelta(days=7)
        return _month(prev.year, prev.month)
    m = _WEEKDAY.search(sentence)
    if m:
        back = (day.weekday() - WEEKDAYS[m.group(1).lower()]) % 7
        if m.group(0).lower().startswith("last") and back == 0:
            back = 7
        return (day - _dt.timedelta(days=back)).isoformat()
    return day.isoformat()


def parse_date(v) -> _dt.date | None:
    """A stored date ("YYYY-MM-DD", "YYYY-MM", "YYYY", date, datetime) as a date (first day of a
    month or year given alone); None if absent or unreadable."""
    if v is None or v == "":
        return None
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    s = str(v).strip()
    for n, fmt in ((10, "%Y-%m-%d"), (7, "%Y-%m"), (4, "%Y")):
        try:
            return _dt.datetime.strptime(s[:n], fmt).date()
        except ValueError:
            continue
    return None
