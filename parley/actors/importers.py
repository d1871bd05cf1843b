"""Growing the knowledge base: import actor dictionaries, show what the base knows, list role
conflicts.

* PETRARCH/Phoenix actor dictionaries: an entry line `NAME_WORDS_ [CODE date-range]`, synonyms on
  `+OTHER_NAME_` lines, further dated codes on lines of their own `[CODE 120507-]`, comments after
  `#`. A code is a CAMEO actor code: its first three letters the country (ISO3) or IGO, the next
  three the sector (GOV, MIL, LEG, …; ELI/PTY = out of office). Dates are YYMMDD; `>D` / `D-` mean
  from D, `<D` / `-D` until D.
* Wikidata JSON lines (one person per line): `label` (string or {lang: string}), `aliases` (list
  or {lang: [..]}), `gender`, `country`/`citizenship` (ISO3), `positions` (or `position_held`):
  [{`label`/`position`, `start`/`start_time`, `end`/`end_time`, `country`/`of`}].
Both give a YAML file with `people:` that `load_kb(extra=[path])` or PARLEY_ACTORS reads.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from pathlib import Path
from typing import Any, Iterable

import yaml

from .kb import Actor, KnowledgeBase, user_dir

_SECTORS = {"GOV", "MIL", "LEG", "JUD", "PTY", "SPY", "REB", "IGO", "NGO", "MED", "EDU", "BUS", "CVL",
            "COP", "ELI", "OPP", "LAB", "HLH", "AGR", "REF", "CRM", "UAF", "INS", "SEP", "MOD", "RAD"}
_IGOS = {"IGO", "UNO", "NGO", "NGM", "MNC", "EUR"}


# -- PETRARCH / Phoenix -------------------------------------------------------------------------

def _yymmdd(s: str) -> str | None:
    s = s.strip()
    if not re.fullmatch(r"\d{6}|\d{8}", s):
        return None
    if len(s) == 6:
        yy = int(s[:2])
        s = ("19" if yy > 50 else "20") + s
    try:
        return _dt.date(int(s[:4]), int(s[4:6]), int(s[6:8])).isoformat()
    except ValueError:
        return None


def _code(code: str) -> tuple[str, str]:
    """CAMEO code → (party, sector): "RUSGOV" → ("RUS", "GOV"); "IGOUNO" → ("UN", "IGO")."""
    code = code.strip().upper()
    country, rest = code[:3], code[3:]
    sector = next((rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3] in _SECTORS), "")
    if country in _IGOS:
        party = {"UNO": "UN", "EUR": "EU"}.get(country, "")
        if "NATO" in code or rest.startswith("NAT"):
            party = "NATO"
        elif "UNO" in rest:
            party = "UN"
        elif "EUR" in rest or rest.startswith("EU"):
            party = "EU"
        return party, sector or ("IGO" if country == "IGO" else "NGO" if country == "NGO" else sector)
    if sector in ("ELI", "OPP"):
        sector = "PTY"
    return country, sector


def _dated(spec: str) -> tuple[str, str | None, str | None]:
    """"RUSGOV 000507-" → code and dates."""
    parts = spec.split()
    code = parts[0] if parts else ""
    start = end = None
    for p in parts[1:]:
        if p.startswith(">"):
            start = _yymmdd(p[1:])
        elif p.startswith("<"):
            end = _yymmdd(p[1:])
        elif "-" in p:
            a, _, b = p.partition("-")
            start, end = _yymmdd(a) if a else None, _yymmdd(b) if b else None
    return code, start, end


def _petrarch_name(raw: str) -> str:
    words = [w for w in raw.strip().strip("+").split("_") if w]
    return " ".join(w if w in ("US", "UN", "EU") else w.capitalize() for w in words)


def parse_petrarch(lines: Iterable[str]) -> list[dict]:
    people: list[dict] = []
    cur: dict | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith(("!", "<", "=")):
            continue
        s = line.strip()
        if s.startswith("+"):
            if cur is not None:
                cur["aliases"].append(_petrarch_name(s.split("[", 1)[0]))
            continue
        codes = re.findall(r"\[([^\]]+)\]", s)
        name_part = s.split("[", 1)[0].strip()
        if name_part:
            cur = {"name": _petrarch_name(name_part), "aliases": [], "roles": []}
            people.append(cur)
        if cur is None:
            continue
        for spec in codes:
            code, start, end = _dated(spec)
            if not code or code.startswith("~"):
                continue
            party, sector = _code(code)
            role = {"office": f"{code}", "party": party, "sector": sector}
            if start:
                role["start"] = start
            if end:
                role["end"] = end
            cur["roles"].append(role)
    out = []
    for p in people:
        if not p["roles"]:
            continue
        undated = [r for r in p["roles"] if "start" not in r and "end" not in r]
        base = (undated or p["roles"])[-1]
        p["party"], p["sector"] = base["party"], base["sector"]
        if len(p["roles"]) == 1 and not ({"start", "end"} & set(p["roles"][0])):
            p["roles"] = []  # a plain code: party/sector only, no office
        p["aliases"] = sorted(set(p["aliases"]) - {p["name"]})
        out.append(p)
    return out


# -- Wikidata ----------------------------------------------------------------------------------

def _first(d: dict, *keys: str) -> Any:
    for k in keys:
        if d.get(k) not in (None, "", []):
            return d[k]
    return None


def _text(v: Any) -> str:
    if isinstance(v, dict):
        v = v.get("en") or next(iter(v.values()), "")
        if isinstance(v, dict):
            v = v.get("value", "")
    return str(v or "").strip()


def _wd_date(v: Any) -> str | None:
    if not v:
        return None
    s = str(v).lstrip("+")
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if not m or m.group(2) == "00" or m.group(3) == "00":
        return None  # year or month precision only: not a date we can judge by
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"


def parse_wikidata(lines: Iterable[str]) -> list[dict]:
    out = []
    for raw in lines:
        raw = raw.strip()
        if not raw:
            continue
        rec = json.loads(raw)
        name = _text(_first(rec, "label", "labels", "name"))
        if not name:
            continue
        al = _first(rec, "aliases", "alias") or []
        if isinstance(al, dict):
            al = al.get("en") or []
        aliases = sorted({_text(a) for a in al} - {name, ""})
        party = str(_first(rec, "country", "citizenship", "party") or "")
        roles = []
        for p in _first(rec, "positions", "position_held", "positions_held") or []:
            office = _text(_first(p, "label", "position", "office", "name"))
            if not office:
                continue
            r = {"office": office}
            rp = _first(p, "country", "of", "party", "jurisdiction")
            if rp:
                r["party"] = str(rp)
            for k, keys in (("start", ("start", "start_time", "from")), ("end", ("end", "end_time", "to"))):
                d = _wd_date(_first(p, *keys))
                if d:
                    r[k] = d
            if p.get("sector"):
                r["sector"] = p["sector"]
            roles.append(r)
        person = {"name": name, "aliases": aliases, "party": party or next((r.get("party") for r in roles
                                                                            if r.get("party")), ""),
                  "sector": rec.get("sector", "GOV" if roles else ""), "roles": roles}
        g = str(rec.get("gender") or "").lower()
        if g in ("male", "m", "female", "f"):
            person["gender"] = g[0]
        if rec.get("id"):
            person["wikidata"] = rec["id"]
        out.append(person)
    return out


def import_file(path: str | Path, out_path: str | Path | None = None) -> int:
    """Convert a PETRARCH/Phoenix dictionary or Wikidata JSON lines to a YAML file of people the
    knowledge base loads; returns the number of actors written. Default output: the user's actors
    folder (`kb.user_dir()`, read by every later `load_kb`), as STEM.yaml."""
    path = Path(path)
    if out_path:
        out = Path(out_path)
    else:
        user_dir().mkdir(parents=True, exist_ok=True)
        out = user_dir() / (path.stem + ".yaml")
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().splitlines()
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    people = parse_wikidata(lines) if first.startswith("{") else parse_petrarch(lines)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(f"# imported from {path.name} by parley actors import\n")
        yaml.safe_dump({"people": people}, fh, allow_unicode=True, sort_keys=False, width=120)
    return len(people)


# -- show / conflicts --------------------------------------------------------------------------

def show(kb: KnowledgeBase, name: str, day: _dt.date | str | None = None) -> dict | None:
    """What the base knows about a name: the actor (roles with dates, the role held on `day`),
    or the state; None when unknown."""
    if isinstance(day, str):
        day = _dt.date.fromisoformat(day)
    a: Actor | None = kb.lookup(name, day)
    if a is not None:
        return {"name": a.name, "kind": a.kind, "party": a.party_on(day), "sector": a.sector_on(day),
                "gender": a.gender, "aliases": a.aliases, "stands_for": a.actor or None,
                "role_now" if day is None else "role_on_day": a.role_on(day) or None,
                "roles": [{"office": r.office, "type": r.type, "party": r.party, "sector": r.sector,
                           "start": r.start.isoformat() if r.start else None,
                           "end": r.end.isoformat() if r.end else None} for r in a.roles]}
    st = kb.state(name) or kb.demonym(name) or kb.capital(name)
    if st is not None:
        return {"name": st.name, "kind": "state", "iso3": st.iso3, "aliases": st.aliases,
                "demonyms": st.demonyms, "capital": st.capital, "government": st.government_name,
                "delegation": st.delegation_name}
    return None


def conflicts(results: Iterable) -> list[dict]:
    """Role conflicts in pipeline results (Result objects or their JSON dicts): one row per
    mention flagged, with the article and the role the actor held."""
    rows = []
    for r in results:
        d = r.to_json() if hasattr(r, "to_json") else r
        for m in d.get("mentions") or []:
            if m.get("role_conflict"):
                rows.append({"article": d.get("id"), "published": d.get("published"), "url": d.get("url"),
                             "text": m.get("text"), "actor": m.get("actor"),
                             "expected_role": m.get("expected_role", ""), "start": m.get("start"),
                             "end": m.get("end")})
    return rows
