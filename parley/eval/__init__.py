"""Evaluation: score `parley extract` output against a gold set.

    evaluate(set_name, gold_path, pred_path) -> dict      # the figures below
    inputs(set_name, gold_path) -> Iterator[dict]         # extract input lines for a gold set
    format_report(scores) -> str                          # readable tables

Sets: `indomain` (gold in SCHEMA.md form, texts inside), `ggt` (Gender Gap Tracker quotes),
`polnear` (PolNeAR attributions), `plover` (PLOVER gold-standard sentences). Predictions are
`parley extract` JSON lines (SCHEMA.md form) matched to gold by `id`; a gold record with no
prediction is scored as an empty prediction; predictions without gold are ignored (counted).
Ratios with a zero denominator are None ("n/a"). All P/R/F1 are micro-averaged over the set.

Quotes (all sets but plover)
  * Spans: gold and predicted quote spans are put in the schema's form before matching
    (`spans.trim_quote`): surrounding whitespace and quotation marks (double marks alone,
    single marks only as a pair), trailing , . ; : and — when the span does not open with a
    quotation mark — a leading lower-case "that " are removed (idempotent). GGT and PolNeAR
    spans include the marks of direct quotes and the "that" of indirect ones; the schema
    excludes both.
  * overlap(g, p) = |g ∩ p| / max(|g|, |p|) in characters. Gold and predicted quotes of an
    article are matched one-to-one, greedily by best overlap. P/R/F1 count matches with
    overlap ≥ 0.3, ≥ 0.8 and = 1 ("exact").
  * Speaker accuracy: over pairs matched at ≥ 0.3 whose gold has a speaker. indomain: strict
    (names equal after case/accent/space folding; "A|B" compares as a set). GGT: the gold speaker
    is `reference` (the resolved full name), compared leniently (equal, or same last token, not a
    pronoun), with the predicted `speaker_mention` used when the predicted `speaker` is empty.
    PolNeAR has no speaker names: n/a.
  * Recall by kind (r@0.3, r@0.8): indomain gold `kind`; GGT/PolNeAR kind from the raw gold span:
    opens with a quotation mark → direct, contains a double mark or an opening ‘ → mixed,
    else indirect.
  * Source (GGT `speaker_span`, PolNeAR `source`): predicted (speaker_start, speaker_end) vs gold,
    on pairs matched at ≥ 0.3; correct at overlap ≥ 0.5 and exact. P = correct / predicted quotes
    with a speaker span, R = correct / gold quotes with a source. PolNeAR's source is the whole
    source phrase (appositions, relative clauses), so there the prediction's (source_start,
    source_end) is used where given. source_spans: the article's distinct source spans, gold vs
    predicted, matched one-to-one by overlap (≥ 0.5, exact) whatever content they go with — how
    span-extraction systems (CofeNet) score sources.
  * PolNeAR annotates attribution at large (beliefs, evidence, intentions too), not only speech:
    its "attribution" section scores the prediction's quotes and attributions together; "quotes"
    scores quotes alone.
  * GGT: quotes without `quote_span` are left out (one, its text misplaced in `verb`).
  * PolNeAR: an attribution's content pieces separated only by ≤ 3 whitespace/punctuation
    characters are merged; each remaining piece is one gold quote (the schema splits a quote
    interrupted by "he said"), all sharing the attribution's source = hull of its source spans.
    Documents annotated several times (in dev: 2 documents, 10 extra annotations) keep the
    first annotation in the file.

Mentions (indomain): each gold mention is matched one-to-one to a predicted mention by span
  overlap ≥ 0.5 (greedy, so an identical span wins). coverage = matched / gold; actor (party)
  accuracy = matched with equal folded actor (party) / gold, and "_found" / matched. Named
  persons: gold mentions whose actor has no body word (government, ministry, delegation,
  Kremlin, house…) and whose text has a capitalised token that is a token of the actor name
  or a spelling variant of one (similarity ≥ 0.7, ≥ 4 letters: "Zelensky" ~ "Zelenskyy").
  role_conflict P/R/F1: predicted vs gold `role_conflict` on matched mentions.

Events (indomain): per article, multiset match of (type, {source parties}, {target parties});
  type per sentence: unique (type, evidence sentence) items, matched one-to-one when the type is
  equal and the sentences are equal up to whitespace or their located spans overlap ≥ 0.5.
  Negation: gold negated / hypothetical counts, predicted negated-or-hypothetical events, and how
  many of those match (type, sentence) a gold event coded negated.
Positions (indomain): per article sets of (party, issue, stance) and (party, issue).
Stories (indomain): pairwise P/R/F1 over the gold file's articles: pairs sharing a gold
  `event_group` vs pairs sharing a predicted `story`; no group / no story = singleton.
PLOVER: one gold sentence per record, old names mapped (DEMAND→REQUEST, DISAPPROVE→ACCUSE,
  INVESTIGATE→ACCUSE, FIGHT→ASSAULT). type accuracy = share of sentences whose predicted event
  types include the gold type; strict = the type of the first predicted event in output order
  (events carry no confidence; the first is taken as the main reading) is the gold type; recall per gold type, macro recall = their mean;
  confusions = first predicted type (or "(none)") of each missed sentence. A repeated gold id
  gets "#2" (inputs() uses the same ids).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from . import events, mentions, plover, positions, quotes, stories
from .adapters import SETS, load, read_pred
from .adapters import inputs as _inputs
from .report import format_report

__all__ = ["evaluate", "inputs", "format_report", "SETS"]

SPEAKER_COMPARE = {"indomain": "strict", "ggt": "lenient", "polnear": "none", "plover": "none"}


def inputs(set_name: str, gold_path) -> Iterator[dict]:
    """`parley extract` input lines ({"id","text","published","url","title","outlet"}) for a gold set."""
    return _inputs(set_name, gold_path)


def evaluate(set_name: str, gold_path, pred_path) -> dict:
    """Scores of a `parley extract` output file against a gold set (see the module docstring)."""
    gold = load(set_name, gold_path)
    pred = read_pred(pred_path)
    pairs = [(g, pred.get(g["id"]) or {}) for g in gold]
    found = sum(1 for g in gold if g["id"] in pred)
    gold_ids = {g["id"] for g in gold}
    out: dict = {"set": set_name, "gold_file": str(Path(gold_path)), "pred_file": str(Path(pred_path)),
                 "articles": {"gold": len(gold), "predicted": found, "missing": len(gold) - found,
                              "unmatched_predictions": sum(1 for i in pred if i not in gold_ids)}}
    if set_name == "plover":
        out["plover"] = plover.score(pairs)
        return out
    phrase = set_name == "polnear"  # PolNeAR's source is the whole phrase, appositions too
    out["quotes"] = quotes.score(pairs, compare=SPEAKER_COMPARE[set_name], phrase=phrase)
    if set_name == "polnear":  # PolNeAR annotates attribution at large: quotes and attributions
        out["attribution"] = quotes.score(pairs, compare="none", layers=("quotes", "attributions"), phrase=True)
    if set_name == "indomain":
        out["mentions"] = mentions.score(pairs)
        out["events"] = events.score(pairs)
        out["positions"] = positions.score(pairs)
        out["stories"] = stories.score(pairs)
    return out
