"""DuckDB tables of the data model. Every extracted record keeps its evidence: the article id,
sentence index and character offsets (or the verbatim sentence with its offsets)."""

TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [("id", "VARCHAR PRIMARY KEY"), ("title", "VARCHAR"), ("published", "DATE"),
                 ("url", "VARCHAR"), ("outlet", "VARCHAR"), ("author", "VARCHAR"), ("origin", "VARCHAR"),
                 ("story", "VARCHAR"), ("copy_of", "VARCHAR"), ("text", "VARCHAR"), ("raw_html", "VARCHAR"),
                 ("ingested_at", "TIMESTAMP")],
    "mentions": [("id", "VARCHAR"), ("article_id", "VARCHAR"), ("sentence", "INTEGER"), ("start", "INTEGER"),
                 ("end", "INTEGER"), ("text", "VARCHAR"), ("actor", "VARCHAR"), ("party", "VARCHAR"),
                 ("sector", "VARCHAR"), ("kind", "VARCHAR"), ("role_conflict", "BOOLEAN"),
                 ("expected_role", "VARCHAR")],
    "quotes": [("id", "VARCHAR"), ("article_id", "VARCHAR"), ("sentence", "INTEGER"), ("start", "INTEGER"),
               ("end", "INTEGER"), ("quote", "VARCHAR"), ("kind", "VARCHAR"), ("speaker_mention", "VARCHAR"),
               ("speaker_start", "INTEGER"), ("speaker_end", "INTEGER"), ("speaker", "VARCHAR"),
               ("party", "VARCHAR"), ("cue", "VARCHAR"), ("floating", "BOOLEAN"), ("source_start", "INTEGER"),
               ("source_end", "INTEGER"), ("confidence", "DOUBLE")],
    "events": [("id", "VARCHAR"), ("article_id", "VARCHAR"), ("type", "VARCHAR"), ("mode", "VARCHAR"),
               ("context", "VARCHAR"), ("source", "VARCHAR[]"), ("target", "VARCHAR[]"),
               ("source_actor", "VARCHAR"), ("target_actor", "VARCHAR"), ("location", "VARCHAR"),
               ("date", "DATE"), ("negated", "BOOLEAN"), ("future", "BOOLEAN"), ("hypothetical", "BOOLEAN"),
               ("cameo", "VARCHAR"), ("trigger", "VARCHAR"), ("sentence", "VARCHAR"),
               ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER")],
    "positions": [("id", "VARCHAR"), ("article_id", "VARCHAR"), ("profile", "VARCHAR"), ("party", "VARCHAR"),
                  ("actor", "VARCHAR"), ("issue", "VARCHAR"), ("stance", "VARCHAR"), ("condition", "VARCHAR"),
                  ("date", "DATE"), ("hedged", "BOOLEAN"), ("cue", "VARCHAR"), ("sentence", "VARCHAR"),
                  ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER")],
    "errors": [("origin", "VARCHAR"), ("message", "VARCHAR"), ("at", "TIMESTAMP")],
}
# attribution that is not reported speech (beliefs, evidence, evaluations), kept like quotes
TABLES["attributions"] = TABLES["quotes"]

RECORD_TABLES = ("mentions", "quotes", "events", "positions", "attributions")


def ddl() -> list[str]:
    out = []
    for name, cols in TABLES.items():
        body = ", ".join(f'"{c}" {t}' for c, t in cols)
        out.append(f"CREATE TABLE IF NOT EXISTS {name} ({body})")
        # a store made by an earlier version gets the columns added since
        out += [f'ALTER TABLE {name} ADD COLUMN IF NOT EXISTS "{c}" {t}' for c, t in cols if "PRIMARY" not in t]
    out.append("CREATE OR REPLACE VIEW stories AS SELECT coalesce(story, id) AS story, count(*) AS articles, "
               "count(DISTINCT outlet) AS outlets, list(DISTINCT outlet) FILTER (WHERE outlet IS NOT NULL) AS outlet_list, "
               "min(published) AS first, max(published) AS last, "
               "arg_min(coalesce(title, left(text, 80)), coalesce(published, DATE '9999-12-31')) AS title "
               "FROM articles GROUP BY 1")
    # An undated article of a story with dated reports takes the story's first date, flagged as
    # estimated: the same meeting reported by five outlets happened on one day.
    out.append("CREATE OR REPLACE VIEW article_dates AS SELECT a.id, coalesce(a.published, s.first) AS date, "
               "(a.published IS NULL AND s.first IS NOT NULL) AS date_estimated "
               "FROM articles a LEFT JOIN stories s ON s.story = coalesce(a.story, a.id)")
    return out
