"""The type an event takes once its parties are known: supporting a proposal is agreeing to it, a
reported demand is the speaker's REQUEST, "no longer attacking" is a RETREAT, ordering a conflict
act is the act, a negated cooperation is a refusal (REJECT), a conflict act announced or an
ultimatum is a THREATEN, promised material cooperation is an intention (AGREE); and the markers
negated / future / hypothetical."""
from __future__ import annotations

from dataclasses import dataclass

from .clauses import _no_longer
from .lexicon import Lexicon
from .markers import _demanded, _markers, _may, _unless, _verbal_negation, _will
from .parties import Party
from .speakers import _unknown_speaker
from .demands import _mode_from_content

FUTURE_AGREE = {"AID", "SUPPORT", "COOPERATE", "RETREAT", "CONCEDE"}


def _deescalation(tok, lex: Lexicon) -> bool:
    """The verb's object is the subject's own military engagement ('its military activity', 'their
    forces', 'military operations'), not aid, trade or ties."""
    own = ("its", "their", "his", "her", "our")
    for o in tok.children:
        if o.dep_ not in ("dobj", "nsubjpass") or o.lemma_.lower() not in lex.words("deescalation_objects"):
            continue
        words = {t.lower_ for t in o.subtree}
        if words & lex.words("aid_objects") - lex.words("deescalation_objects") - {"military", "security"}:
            return False  # "cut military aid", "reduce weapons deliveries"
        if any(c.dep_ == "poss" and c.lower_ in own for c in o.children) or "military" in words:
            return True
    return False


def _in_words(tok, lex: Lexicon) -> bool:
    """What is attacked is a statement, decision or policy (the object, or 'on X' of the noun), or the
    attack is one of words ("a scathing attack on the government")."""
    words = lex.words("verbal_targets")
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + [
        g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against") for g in c.children
        if g.dep_ == "pobj"]
    if any(c.dep_ == "amod" and c.lower_ in lex.words("verbal_attack_modifiers") for c in tok.children):
        return True  # "launched a scathing attack on the government"
    return any(o.lemma_.lower() in words or o.lower_ in words for o in objs)


def _addressed(tok) -> bool:
    """The request names whom it asks to act ('asked Zelensky to investigate', 'called on the EU to
    impose sanctions'): an object or 'on X' and an infinitive of what they are asked to do."""
    kids = list(tok.children)
    asked = any(c.dep_ in ("dobj", "dative") for c in kids) or any(
        c.dep_ == "prep" and c.lower_ in ("on", "upon") and any(g.dep_ == "pobj" for g in c.children) for c in kids)
    todo = any(c.dep_ in ("xcomp", "ccomp") for c in kids) or any(
        g.dep_ in ("xcomp", "acl") for c in kids if c.dep_ in ("dobj", "prep") for g in c.subtree)
    return asked and todo


@dataclass
class Draft:
    """An event being typed: type, mode, CAMEO code, the source/target Parties (`src`, `tgt`) and
    codes (`source`, `target`), the clause's speaker, and the markers."""
    etype: str
    mode: str
    code: str
    src: list
    tgt: list
    source: list
    target: list
    speaker: Party | None
    neg: bool = False
    fut: bool = False
    hyp: bool = False


def adjust(d: Draft, tr, subj, lex: Lexicon) -> None:
    """Re-type the draft (in place) by the rules above and set its markers."""
    e = tr.entry
    tok = tr.tok
    etype, mode, code = d.etype, d.mode, d.code
    src, tgt, source, target, speaker = d.src, d.tgt, d.source, d.target, d.speaker
    # retype: supporting a proposal is agreeing to it
    for rule in lex.retype:
        if etype in rule.get("from", []) and e.pos == "v" and tok.lemma_.lower() in rule.get("verbs", []):
            objs = {w.lower() for w in rule.get("objects", [])}
            if any(t.lemma_.lower() in objs or t.lower_ in objs for c in tok.children if c.dep_ in ("dobj", "prep")
                   for t in c.subtree):
                etype, code, mode = rule["to"], rule.get("cameo", ""), rule.get("mode", "")
    if etype == "SANCTION" and e.pos == "v" and _deescalation(tok, lex):
        # "reduce its military activity around Kyiv": de-escalating one's own force (CAMEO 087, RETREAT),
        # not reducing relations with another
        etype, code, mode = "RETREAT", "087", ""
    if etype == "ASSAULT" and tok.lemma_.lower() in ("attack", "assail", "assault") and _in_words(tok, lex):
        etype, code, mode = "ACCUSE", "", "disapprove"  # "attacked the proclamation": criticism
    demanded = _demanded(tr, lex)
    if demanded and speaker is None:
        speaker = _unknown_speaker(tok, lex)
    if demanded and speaker is not None and etype not in ("REQUEST",) and (
            speaker.code not in source or (subj is not None and subj.pos_ != "PRON"
                                           and speaker.start != (src[0].start if src else -2))):
        content = lex.request_modes.get(tok.lemma_.lower()) or _mode_from_content(tr, lex, subj)
        etype, mode, code = "REQUEST", content, ""
        source, target = [speaker.code] if speaker.code else [], source
        src, tgt = [speaker], src
    if etype in ("REQUEST", "REJECT"):
        mode = mode or _mode_from_content(tr, lex, subj)
    if etype == "AGREE" and not code:
        code = "030"
    if etype == "AGREE" and _mode_from_content(tr, lex, subj) == "meet":
        code = "036"
    neg, fut, hyp = _markers(tr, lex)
    refused = False
    if etype in ("ASSAULT", "COERCE") and _no_longer(tr):
        # "Russia is no longer attacking energy facilities": the attacks stopped (PLOVER RETREAT ceasefire)
        etype, mode, code, neg = "RETREAT", "ceasefire", "", False
    ordered = [c for c in tr.content if c.lower() in lex.words("conflict_types")]
    if etype == "REQUEST" and tok.lemma_.lower() in ("order", "instruct", "command") and ordered:
        etype, code, mode = ordered[0], "", ""  # "ordered the newspaper to suspend publication": the act
    elif etype == "AID" and "ACCUSE" in tr.content:
        etype, code, mode = "ACCUSE", "", "investigate"  # "sent inspectors to investigate"
    elif etype == "REQUEST" and ("SANCTION" in tr.content or "ACCUSE" in tr.content) and not _addressed(tok):
        etype, code, mode = "ACCUSE", "", "disapprove"  # "called for sanctions against X"
        # (but "asked Zelensky to investigate Biden" asks the addressee to act: a REQUEST)
    if neg and etype in ("AGREE", "CONSULT", "CONCEDE", "RETREAT", "AID", "SUPPORT", "COOPERATE") \
            and _verbal_negation(tr):
        # "could not hold peace talks", "will not accept": a refusal (PLOVER REJECT)
        mode = "meet" if etype == "CONSULT" or "CONSULT" in tr.content else \
            {"RETREAT": "yield", "CONCEDE": "yield", "AID": "assist", "COOPERATE": "assist"}.get(etype, "")
        etype, code, neg = "REJECT", "", False
        refused = True  # "will not lift the embargo until ...": a refusal with its condition, no ultimatum
        if len(source) > 1:
            source, target = source[:1], [c for c in source[1:] if c not in target] + target
    if tr.light is not None:
        for rule in lex.retype_light:
            if tr.light.lemma_.lower() in rule["verbs"] and etype in rule["from"]:
                etype, code, mode = rule["to"], rule.get("cameo", ""), ""
                break
    intent = tok.lemma_.lower() in lex.words("intention_verbs") or (
        tr.light is not None and tr.light.lemma_.lower() in lex.words("intention_verbs"))
    conflict = lex.words("conflict_types")
    if etype == "AGREE" and intent and any(c.lower() in conflict for c in tr.content):
        etype, code, mode = "THREATEN", "", ""  # "prepared to impose martial law"
    elif etype.lower() in conflict and fut and not hyp and _will(tr):
        etype, code, mode = "THREATEN", "", ""  # "would tighten the blockade"
    elif etype == "REJECT" and tok.lemma_.lower() == "boycott" and fut and not hyp and _will(tr):
        etype, code, mode = "THREATEN", "1312", ""  # "said they would boycott the elections" (CAMEO 1312)
    elif (fut or _may(tr)) and _unless(tr, with_if=etype.lower() in conflict) and not refused \
            and etype not in ("REQUEST", "ACCUSE", "THREATEN"):
        etype, code, mode, hyp = "THREATEN", "", "", False  # "will withdraw ... unless": an ultimatum
    if fut and not hyp and etype in FUTURE_AGREE and _will(tr) and tr.frame != "subject" \
            and " ".join((e.lemma, *e.extra)) not in lex.words("solidarity"):
        # PLOVER: promised material cooperation is an intention to cooperate (AGREE); a scheduled
        # event ("an exchange of prisoners will take place") is no party's promise, and "will stand
        # with Ukraine" is solidarity stated now (SUPPORT)
        etype, code, mode = "AGREE", lex.default_cameo.get(("AGREE", ""), "030"), ""
    d.etype, d.mode, d.code = etype, mode, code
    d.src, d.tgt, d.source, d.target, d.speaker = src, tgt, source, target, speaker
    d.neg, d.fut, d.hyp = neg, fut, hyp
