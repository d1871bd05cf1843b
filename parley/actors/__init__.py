"""actors stage: resolve people, bodies, states and metonyms to an actor, party and sector at the
article's date. Entry function: `resolve(ctx) -> list[Mention]`.

Also: `load_kb(extra=None)` (the knowledge base), `show(kb, name)` (what the base knows about a
name), `import_file(path, out_path)` (PETRARCH/Phoenix dictionaries and Wikidata JSON lines to a
YAML file the base loads), `conflicts(results)` (role conflicts found in results).
"""
from __future__ import annotations

from ..context import Context
from ..model import Mention
from .importers import conflicts, import_file, show
from .kb import Actor, KnowledgeBase, Role, State, load_kb
from .resolve import resolve_doc

__all__ = ["resolve", "load_kb", "KnowledgeBase", "Actor", "Role", "State", "show", "import_file",
           "conflicts"]


def resolve(ctx: Context) -> list[Mention]:
    """Mentions of actors in the article, resolved at `ctx.date` (lenient when it is None)."""
    kb = ctx.kb if ctx.kb is not None else load_kb()
    doc = ctx.doc
    sent_of = [0] * len(doc)
    for i, s in enumerate(ctx.sentences()):
        for t in range(s.start, s.end):
            sent_of[t] = i
    mentions = resolve_doc(doc, kb, ctx.date, sent_of)
    text = ctx.text
    # spans are verbatim offsets into the article text (the parse may be of a cut text)
    return [m for m in mentions if text[m.start:m.end] == m.text]
