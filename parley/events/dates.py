"""An event's own date from the temporal words of its sentence, resolved against the article date.

"on Tuesday" -> the last Tuesday on or before the article date; "yesterday"; "last week" / "last
month" / "in early October" / "in June" -> the month ("YYYY-MM"); "February 28", "28 February",
"March 23-25" -> the day (the year of the article, or the year before when the date would be in the
future); "in 2022" -> "2022". Without an article date, only absolute dates resolve. Unresolved: None.
"""
from __future__ import annotations

import datetime as _dt
import re

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
DAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_RX_MD = re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?", re.I)
_RX_DM = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"(?:,?\s+(\d{4}))?", re.I)
_RX_M = re.compile(r"\b(?:in|since|during|of|until|by|early|late|mid-?|end of|beginning of)\s+(?:early\s+|late\s+|mid-?)?" + _MON + r"(?:\s+(\d{4}))?\b", re.I)
_RX_MY = re.compile(_MON + r"\s+(\d{4})\b", re.I)
_RX_Y = re.compile(r"\b(?:in|since|of|during|by)\s+((?:19|20)\d{2})\b", re.I)
_RX_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")


def _year_for(month: int, day: int | None, ref: _dt.date | None) -> int | None:
    if ref is None:
        return None
    y = ref.year
    try:
        cand = _dt.date(y, month, day or 1)
    except ValueError:
        return y
    if cand > ref + _dt.timedelta(days=7 if day else 31):
        y -= 1
    return y


def _month(s: str) -> int | None:
    return MONTHS.get(s.lower().rstrip(".")[:4]) or MONTHS.get(s.lower().rstrip(".")[:3])


def resolve(text: str, ref: _dt.date | None) -> str | None:
    """The date a sentence (or a clause of it) gives for its event, as ISO text, or None."""
    t = text
    m = _RX_ISO.search(t)
    if m:
        return m.group(0)
    for rx, order in ((_RX_MD, "md"), (_RX_DM, "dm")):
        m = rx.search(t)
        if m:
            if order == "md":
                mon, day, year = _month(m.group(1)), int(m.group(2)), m.group(3)
            else:
                day, mon, year = int(m.group(1)), _month(m.group(2)), m.group(3)
            if mon and 1 <= day <= 31:
                y = int(year) if year else _year_for(mon, day, ref)
                if y:
                    try:
                        return _dt.date(y, mon, day).isoformat()
                    except ValueError:
                        pass
    low = t.lower()
    if ref is not None:
        if re.search(r"\btoday\b|\bthis morning\b|\bthis afternoon\b|\bthis evening\b|\btonight\b", low):
            return ref.isoformat()
        if re.search(r"\byesterday\b", low):
            return (ref - _dt.timedelta(days=1)).isoformat()
        m = re.search(r"\b(?:on|last|this past)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", low) \
            or re.search(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", low)
        if m:
            back = (ref.weekday() - DAYS[m.group(1)]) % 7
            if "last " + m.group(1) in low and back == 0:
                back = 7
            return (ref - _dt.timedelta(days=back)).isoformat()
        if re.search(r"\blast week\b|\bearlier this week\b|\bthis week\b|\bover the weekend\b|\blast weekend\b", low):
            d = ref - _dt.timedelta(days=7 if "last week" in low else (ref.weekday() + 2 if "weekend" in low else 0))
            return f"{d.year:04d}-{d.month:02d}"
        if re.search(r"\blast month\b", low):
            d = ref.replace(day=1) - _dt.timedelta(days=1)
            return f"{d.year:04d}-{d.month:02d}"
        if re.search(r"\bthis month\b|\bearlier this month\b", low):
            return f"{ref.year:04d}-{ref.month:02d}"
        if re.search(r"\blast year\b", low):
            return f"{ref.year - 1:04d}"
    m = _RX_MY.search(t)
    if m and _month(m.group(1)):
        return f"{int(m.group(2)):04d}-{_month(m.group(1)):02d}"
    m = _RX_M.search(t)
    if m and _month(m.group(1)):
        mon = _month(m.group(1))
        y = int(m.group(2)) if m.group(2) else _year_for(mon, None, ref)
        if y:
            return f"{y:04d}-{mon:02d}"
    m = _RX_Y.search(t)
    if m:
        return m.group(1)
    return None
