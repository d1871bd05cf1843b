"""Conflict profiles: the parties and the negotiation issues of one conflict, as data.

A profile is a YAML file (see `parley/data/profiles/russia-ukraine.yaml` for every field): parties,
issues stated as propositions, cue phrases that put an issue in a sentence, phrases stating its
opposite, optional PA-X provision codes. `load(name_or_path)` reads a shipped profile by name, a
profile in a folder named by the PARLEY_PROFILE_PATH environment variable (folders separated by
os.pathsep), or a YAML file by path. A new conflict needs only a new file.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

__all__ = ["Profile", "Issue", "CueHit", "load", "validate", "available", "profile_dirs"]

YIELD_CHARS = 30  # an issue yields to another matched this close (same phrase: "truce in the Black Sea")
_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")


def _pattern(phrase: str) -> str:
    """A cue phrase as a regex: whole words, case-insensitive; '-', ' ' or nothing between the
    parts of a hyphenated word; a trailing '*' matches any word ending; a plain last word also
    matches its plural."""
    phrase = phrase.strip()
    star = phrase.endswith("*")
    phrase = phrase.rstrip("*")
    parts = []
    for word in phrase.split():
        pieces = [re.escape(p) for p in word.split("-")]
        parts.append(r"[-\s]?".join(pieces))
    body = r"\s+".join(parts)
    body = body.replace(r"\'", "['’]").replace("'", "['’]")
    if star:
        tail = r"\w*"
    elif phrase[-1:].isalpha():
        tail = r"(?:s|es)?"
    else:
        tail = ""
    lead = r"(?<![\w-])" if phrase[:1].isalnum() else ""
    return lead + body + tail + r"(?![\w])"


@dataclass
class CueHit:
    issue: str
    start: int  # offsets into the text that was matched
    end: int
    cue: str
    polarity: int = 1  # -1: the phrase states the opposite of the issue's proposition
    weak: bool = False  # a context cue (needs a story about the talks)


@dataclass
class Issue:
    id: str
    proposition: str
    cues: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    against: list[str] = field(default_factory=list)
    yields_to: list[str] = field(default_factory=list)
    pax: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._rx = [(re.compile(_pattern(c), re.I), c, pol, weak)
                    for group, pol, weak in ((self.against, -1, False), (self.cues, 1, False),
                                             (self.context, 1, True))
                    for c in group if c and str(c).strip()]

    def find(self, text: str, story: bool = True) -> list[CueHit]:
        """Cue hits in `text`; a phrase stating the opposite wins over a cue it contains."""
        hits: list[CueHit] = []
        for rx, cue, pol, weak in self._rx:
            if weak and not story:
                continue
            for m in rx.finditer(text):
                if any(h.start <= m.start() and m.end() <= h.end for h in hits):
                    continue
                hits.append(CueHit(self.id, m.start(), m.end(), cue, pol, weak))
        return hits


@dataclass
class Profile:
    name: str
    parties: list[str]
    issues: list[Issue]
    title: str = ""
    principals: list[str] = field(default_factory=list)
    story_cues: list[str] = field(default_factory=list)
    min_story_cues: int = 2
    aliases: dict[str, list[str]] = field(default_factory=dict)
    path: str = ""

    def __post_init__(self) -> None:
        self._story = [re.compile(_pattern(c), re.I) for c in self.story_cues]
        self._alias = {" ".join(a.lower().replace("’", "'").split()): p
                       for p, names in self.aliases.items() for a in names}

    def issue(self, issue_id: str) -> Issue | None:
        return next((i for i in self.issues if i.id == issue_id), None)

    @property
    def issue_ids(self) -> list[str]:
        return [i.id for i in self.issues]

    def is_story(self, text: str) -> bool:
        """Whether an article is about the talks (enough story cues in it)."""
        if not self._story:
            return True
        return sum(len(rx.findall(text)) for rx in self._story) >= self.min_story_cues

    def alias(self, name: str) -> str:
        """The party a body/metonym name stands for ("the Kremlin" → RUS), or ""."""
        n = " ".join(name.lower().replace("’", "'").split())
        return self._alias.get(n) or (self._alias.get(n[4:], "") if n.startswith("the ") else "")

    def find(self, text: str, story: bool = True) -> list[CueHit]:
        """Issue cues in a sentence; an issue that yields to another matched one is dropped."""
        hits = [h for i in self.issues for h in i.find(text, story)]
        yields = {i.id: set(i.yields_to) for i in self.issues if i.yields_to}

        def beaten(h: CueHit) -> bool:
            return any(g.issue in yields.get(h.issue, ()) and
                       max(g.start, h.start) - min(g.end, h.end) < YIELD_CHARS for g in hits)

        return sorted((h for h in hits if not beaten(h)), key=lambda h: (h.start, h.issue))


def _shipped_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "profiles"


def profile_dirs() -> list[Path]:
    """Folders searched for profiles by name: the user's (PARLEY_PROFILE_PATH) first, then shipped."""
    dirs = [Path(p) for p in os.environ.get("PARLEY_PROFILE_PATH", "").split(os.pathsep) if p]
    return [*dirs, _shipped_dir()]


def _read(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a profile is a YAML mapping")
    return data


def _is_profile(path: Path) -> bool:
    try:
        return "issues" in _read(path)
    except (OSError, ValueError, yaml.YAMLError):
        return False


def available() -> list[str]:
    """Names of the profiles found (user folders and shipped)."""
    names: list[str] = []
    for d in profile_dirs():
        if d.is_dir():
            for p in sorted(d.glob("*.y*ml")):
                if p.stem not in names and _is_profile(p):
                    names.append(p.stem)
    return names


def _locate(name_or_path: str) -> Path:
    p = Path(name_or_path)
    if p.suffix.lower() in (".yaml", ".yml") or p.exists():
        if not p.exists():
            raise FileNotFoundError(f"no profile file {name_or_path}")
        return p
    for d in profile_dirs():
        for ext in (".yaml", ".yml"):
            if (d / f"{name_or_path}{ext}").exists():
                return d / f"{name_or_path}{ext}"
    raise FileNotFoundError(f"no profile named {name_or_path!r}; available: {', '.join(available())}")


def _from_dict(data: dict, path: str = "") -> Profile:
    issues = [Issue(id=str(i["id"]), proposition=str(i.get("proposition", "")),
                    cues=[str(c) for c in i.get("cues") or []], context=[str(c) for c in i.get("context") or []],
                    against=[str(c) for c in i.get("against") or []],
                    yields_to=[str(c) for c in i.get("yields_to") or []], pax=[str(c) for c in i.get("pax") or []])
              for i in data.get("issues") or []]
    return Profile(name=str(data.get("name") or data.get("conflict") or Path(path).stem),
                   parties=[str(p) for p in data.get("parties") or []], issues=issues,
                   title=str(data.get("title", "")), principals=[str(p) for p in data.get("principals") or []],
                   story_cues=[str(c) for c in data.get("story_cues") or []],
                   min_story_cues=int(data.get("min_story_cues", 2)),
                   aliases={str(k): [str(x) for x in v or []] for k, v in (data.get("aliases") or {}).items()},
                   path=path)


@functools.lru_cache(maxsize=16)
def _load_path(path: str, mtime: float) -> Profile:
    problems = validate(path)
    if problems:
        raise ValueError(f"invalid profile {path}: " + "; ".join(problems))
    return _from_dict(_read(Path(path)), path)


def load(name_or_path: str = "russia-ukraine") -> Profile:
    """A profile by name (user folders, then shipped) or by YAML path."""
    if isinstance(name_or_path, Profile):
        return name_or_path
    p = _locate(str(name_or_path or "russia-ukraine"))
    return _load_path(str(p.resolve()), p.stat().st_mtime)


def validate(path: str | Path) -> list[str]:
    """Problems found in a profile file (empty list: valid)."""
    try:
        data = _read(Path(path))
    except FileNotFoundError:
        return [f"no such file: {path}"]
    except (ValueError, yaml.YAMLError) as exc:
        return [f"not valid YAML: {exc}"]
    problems: list[str] = []
    if not (data.get("name") or data.get("conflict")):
        problems.append("missing 'name'")
    parties = data.get("parties")
    if not isinstance(parties, list) or not parties or not all(isinstance(p, str) and p for p in parties):
        problems.append("'parties' must be a non-empty list of party codes")
        parties = []
    for key in ("principals",):
        for p in data.get(key) or []:
            if p not in parties:
                problems.append(f"{key}: {p!r} is not one of the parties")
    if not isinstance(data.get("aliases", {}) or {}, dict):
        problems.append("'aliases' must map a party code to a list of names")
    issues = data.get("issues")
    if not isinstance(issues, list) or not issues:
        return problems + ["'issues' must be a non-empty list"]
    ids: set[str] = set()
    for n, issue in enumerate(issues, 1):
        where = f"issue #{n}"
        if not isinstance(issue, dict):
            problems.append(f"{where}: must be a mapping")
            continue
        iid = issue.get("id")
        if not isinstance(iid, str) or not _ID.match(iid):
            problems.append(f"{where}: 'id' must look like 'group.name' (lower case), got {iid!r}")
        else:
            where = f"issue {iid}"
            if iid in ids:
                problems.append(f"{where}: duplicate id")
            ids.add(iid)
        if not str(issue.get("proposition", "")).strip():
            problems.append(f"{where}: missing 'proposition'")
        cues = issue.get("cues")
        if not isinstance(cues, list) or not cues:
            problems.append(f"{where}: 'cues' must be a non-empty list of phrases")
        for key in ("cues", "context", "against", "pax", "yields_to"):
            val = issue.get(key, [])
            if val is not None and not isinstance(val, list):
                problems.append(f"{where}: '{key}' must be a list")
            elif any(not isinstance(c, (str, int)) or not str(c).strip() for c in val or []):
                problems.append(f"{where}: '{key}' has an empty or non-text entry")
        for c in (issue.get("cues") or []) + (issue.get("context") or []) + (issue.get("against") or []):
            try:
                re.compile(_pattern(str(c)))
            except re.error as exc:  # pragma: no cover - _pattern escapes everything
                problems.append(f"{where}: cue {c!r} cannot be matched: {exc}")
    for issue in issues:
        if isinstance(issue, dict):
            for y in issue.get("yields_to") or []:
                if y not in ids:
                    problems.append(f"issue {issue.get('id')}: yields_to names unknown issue {y!r}")
    return problems
