"""Queries over the store. Quotes and events are deduplicated per story: the same quote or event
carried by several outlets is one row with a `count` and every source in `evidence`."""
from __future__ import annotations

import datetime as _dt


def _since(clauses: list[str], params: list, col: str, since, until) -> None:
    if since:
        clauses.append(f"{col} >= ?")
        params.append(_dt.date.fromisoformat(str(since)[:10]))
    if until:
        clauses.append(f"{col} <= ?")
        params.append(_dt.date.fromisoformat(str(until)[:10]))


def _where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def quotes(self, speaker: str | None = None, party: str | None = None, issue: str | None = None,
           since=None, until=None, kind: str | None = None, limit: int = 1000,
           attributions: bool = False, min_confidence: float | None = None) -> list[dict]:
    """Quotes (or, with `attributions`, the attributions that are not speech), one per story,
    speaker and wording; each with its date, the outlets that reported it and its evidence.
    `min_confidence` keeps the records the learned cue model found only at that probability or
    above (rule-found records have none and are kept)."""
    table = "attributions" if attributions else "quotes"
    clauses, params = [], []
    if speaker:
        clauses.append("(q.speaker ILIKE ? OR q.speaker_mention ILIKE ?)")
        params += [f"%{speaker}%", f"%{speaker}%"]
    if party:
        clauses.append("list_contains(string_split(q.party, '|'), ?)")
        params.append(party.upper())
    if kind:
        clauses.append("q.kind = ?")
        params.append(kind)
    if min_confidence is not None:
        clauses.append("coalesce(q.confidence, 1.0) >= ?")
        params.append(float(min_confidence))
    if issue:
        clauses.append("EXISTS (SELECT 1 FROM positions p WHERE p.article_id = q.article_id AND "
                       "p.issue LIKE ? AND q.start >= p.sentence_start AND q.start < p.sentence_end)")
        params.append(issue.rstrip("*") + "%")
    _since(clauses, params, "d.date", since, until)
    sql = f"""
      SELECT any_value(q.speaker) AS speaker, any_value(q.party) AS party, any_value(q.kind) AS kind,
             arg_min(q.quote, coalesce(d.date, DATE '9999-12-31')) AS quote,
             min(d.date) AS date, count(DISTINCT q.article_id) AS count,
             list(DISTINCT coalesce(a.outlet, a.url, a.id)) AS sources,
             list({{'article_id': q.article_id, 'start': q.start, 'end': q."end", 'url': a.url}}) AS evidence
      FROM {table} q JOIN articles a ON a.id = q.article_id JOIN article_dates d ON d.id = a.id {_where(clauses)}
      GROUP BY coalesce(a.story, a.id), lower(q.speaker), regexp_replace(lower(q.quote), '[^a-z0-9]+', ' ', 'g')
      ORDER BY date NULLS LAST, speaker LIMIT {int(limit)}"""
    return self.rows(sql, params)


def events(self, type: str | None = None, party: str | None = None, since=None, until=None,
           include_negated: bool = False, limit: int = 1000) -> list[dict]:
    clauses, params = [], []
    if type:
        clauses.append("e.type = ?")
        params.append(type.upper())
    if party:
        clauses.append("(list_contains(e.source, ?) OR list_contains(e.target, ?))")
        params += [party.upper(), party.upper()]
    if not include_negated:
        clauses.append("NOT e.negated")
    _since(clauses, params, "coalesce(e.date, d.date)", since, until)
    sql = f"""
      SELECT e.type, any_value(e.mode) AS mode, list_sort(e.source) AS source, list_sort(e.target) AS target,
             any_value(e.source_actor) AS source_actor, any_value(e.target_actor) AS target_actor,
             any_value(e.location) AS location, min(coalesce(e.date, d.date)) AS date,
             any_value(e.cameo) AS cameo, bool_or(e.future) AS future, bool_or(e.hypothetical) AS hypothetical,
             arg_min(e.sentence, coalesce(d.date, DATE '9999-12-31')) AS sentence,
             count(DISTINCT e.article_id) AS count,
             list(DISTINCT coalesce(a.outlet, a.url, a.id)) AS sources,
             list({{'article_id': e.article_id, 'start': e.sentence_start, 'end': e.sentence_end, 'url': a.url}}) AS evidence
      FROM events e JOIN articles a ON a.id = e.article_id JOIN article_dates d ON d.id = a.id {_where(clauses)}
      GROUP BY coalesce(a.story, a.id), e.type, list_sort(e.source), list_sort(e.target), e.negated
      ORDER BY date NULLS LAST, e.type LIMIT {int(limit)}"""
    return self.rows(sql, params)


def positions(self, party: str | None = None, issue: str | None = None, at=None,
              profile: str | None = None) -> list[dict]:
    """Position records (one per evidence sentence) with their article's url/outlet/story."""
    clauses, params = [], []
    if party:
        clauses.append("p.party = ?")
        params.append(party.upper())
    if issue:
        clauses.append("p.issue LIKE ?")
        params.append(issue.rstrip("*") + "%")
    if profile:
        clauses.append("p.profile = ?")
        params.append(profile)
    _since(clauses, params, "coalesce(p.date, d.date)", None, at)
    sql = f"""
      SELECT p.party, p.actor, p.issue, p.stance, p.condition, coalesce(p.date, d.date) AS date,
             (p.date IS NULL AND d.date_estimated) AS date_estimated,
             p.hedged, p.cue, p.sentence, p.sentence_start, p.sentence_end, p.article_id,
             a.url, a.outlet, a.story
      FROM positions p JOIN articles a ON a.id = p.article_id JOIN article_dates d ON d.id = a.id {_where(clauses)}
      ORDER BY date NULLS FIRST, p.party, p.issue"""
    return self.rows(sql, params)


def stories(self, altered: bool = False, limit: int = 1000) -> list[dict]:
    return self.rows(f"SELECT * FROM stories ORDER BY articles DESC, first NULLS LAST LIMIT {int(limit)}")


def summary(self, top: int = 10) -> dict:
    out = {t: self.count(t) for t in ("articles", "mentions", "quotes", "attributions", "events", "positions",
                                     "errors")}
    out["stories"] = self.con.execute("SELECT count(*) FROM stories").fetchone()[0]
    out["top_speakers"] = self.rows(
        f"""SELECT speaker, any_value(party) AS party, count(*) AS quotes,
                   arg_max(quote, length(quote) * (kind = 'direct')::INT) AS sample
            FROM quotes WHERE speaker <> '' GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT {int(top)}""")
    out["events_by_type"] = self.rows(
        "SELECT type, count(*) AS n FROM events WHERE NOT negated GROUP BY type ORDER BY n DESC, type")
    return out
