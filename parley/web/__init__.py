"""Web dashboard: `parley serve --db FILE` — overview, quotes (and attributions), events, positions matrix, stories.

Server-rendered (FastAPI + Jinja2), with its own stylesheet: no CDN, works offline. The store is
opened read-only per request, so ingestion can go on beside it."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..model import jsonable
from ..store import Store

HERE = Path(__file__).parent


def create_app(db: str, profile: str = "russia-ukraine") -> FastAPI:
    app = FastAPI(title="parley", docs_url="/api/docs", redoc_url=None)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    tpl = Jinja2Templates(directory=HERE / "templates")

    def store() -> Store:
        return Store(db, read_only=True)

    def page(request: Request, name: str, **ctx) -> HTMLResponse:
        return tpl.TemplateResponse(request, name, {"db": db, **ctx})

    def args(request: Request, *names: str) -> dict:
        return {n: (request.query_params.get(n) or None) for n in names}

    @app.get("/", response_class=HTMLResponse)
    def overview(request: Request):
        with store() as s:
            return page(request, "overview.html", s=s.summary(), stories=s.stories(limit=15))

    @app.get("/quotes", response_class=HTMLResponse)
    def quotes(request: Request):
        f = args(request, "speaker", "party", "issue", "since", "until", "kind", "min_confidence")
        other = bool(request.query_params.get("attributions"))  # beliefs, evidence: not speech
        with store() as s:
            return page(request, "quotes.html", rows=s.quotes(**f, limit=500, attributions=other), f=f,
                        attributions=other)

    @app.get("/events", response_class=HTMLResponse)
    def events(request: Request):
        f = args(request, "type", "party", "since", "until")
        with store() as s:
            return page(request, "events.html", rows=s.events(**f, limit=500), f=f)

    @app.get("/positions", response_class=HTMLResponse)
    def positions(request: Request):
        from ..cli.commands import matrix_rows
        from ..positions import gaps as g
        from ..profiles import load

        f = args(request, "at", "issue", "party")
        prof = load(profile)
        with store() as s:
            rows = s.positions(at=f["at"], issue=f["issue"], party=f["party"])
        matrix = matrix_rows(g.matrix(rows, at=f["at"], profile=prof), prof)
        return page(request, "positions.html", matrix=matrix, evidence=rows, f=f,
                    gaps=g.gaps(rows, at=f["at"], profile=prof, issue=f["issue"]))

    @app.get("/stories", response_class=HTMLResponse)
    def stories(request: Request):
        with store() as s:
            return page(request, "stories.html", rows=s.stories())

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: str):
        with store() as s:
            arts = s.rows("SELECT id, title, published, url, outlet, story, text FROM articles WHERE id = ?",
                          [article_id])
            if not arts:
                return HTMLResponse("<h1>No such article</h1>", status_code=404)
            q = s.rows('SELECT start, "end", speaker, party, kind FROM quotes WHERE article_id = ? ORDER BY start',
                       [article_id])
        return page(request, "article.html", a=arts[0], quotes=q)

    @app.get("/api/{what}")
    def api(request: Request, what: str):
        qp = dict(request.query_params)
        with store() as s:
            fn = {"quotes": s.quotes, "events": s.events, "positions": s.positions, "stories": s.stories,
                  "attributions": lambda **kw: s.quotes(**kw, attributions=True)}.get(what)
            if fn is None:
                return JSONResponse({"error": f"unknown endpoint {what!r}"}, status_code=404)
            try:
                rows = fn(**qp)
            except TypeError as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(jsonable(rows))

    return app

