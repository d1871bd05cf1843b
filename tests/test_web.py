"""The web dashboard over a small store built from real articles."""
import json

import pytest
from conftest import jsonl
from starlette.testclient import TestClient

from parley.cli import main
from parley.web import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    d = tmp_path_factory.mktemp("web")
    src = d / "in.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for a in jsonl("corpus/diplomacy/articles.jsonl")[:5]:
            fh.write(json.dumps(a) + "\n")
    db = str(d / "p.duckdb")
    assert main(["ingest", str(src), "--db", db, "--quiet"]) == 0
    return TestClient(create_app(db))


def test_pages_render(client):
    for path in ("/", "/quotes", "/events", "/positions", "/stories", "/quotes?party=RUS", "/positions?at=2025-03-11"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "parley" in r.text and "/static/parley.css" in r.text
    assert client.get("/static/parley.css").status_code == 200


def test_article_page_and_api(client):
    quotes = client.get("/api/quotes").json()
    assert isinstance(quotes, list)
    if quotes:
        aid = quotes[0]["evidence"][0]["article_id"]
        page = client.get(f"/article/{aid}")
        assert page.status_code == 200 and quotes[0]["quote"][:20] in page.text.replace("&#39;", "'").replace("&#34;", '"')
    assert client.get("/article/nope").status_code == 404
    other = client.get("/api/attributions").json()
    assert other and all(r["evidence"] for r in other)
    assert len(client.get("/api/attributions?min_confidence=0.9").json()) <= len(other)
    page = client.get("/quotes?attributions=1&min_confidence=0.1")
    assert page.status_code == 200 and "Attributions" in page.text and other[0]["quote"][:15] in page.text
    assert client.get("/api/nothing").status_code == 404
