"""Conflict profiles: loading, validation, cue matching."""
from __future__ import annotations

from pathlib import Path

import pytest

from parley import profiles


def test_shipped_profiles_load_and_validate():
    names = profiles.available()
    assert {"russia-ukraine", "israel-hamas"} <= set(names)
    for name in names:
        prof = profiles.load(name)
        assert prof.name == name and prof.parties and prof.issues
        assert profiles.validate(prof.path) == []


def test_russia_ukraine_keeps_the_reference_issue_ids(tmp_path):
    from conftest import shared
    import yaml

    ref = yaml.safe_load(shared("reference/issues-ukraine.yaml").read_text(encoding="utf-8"))
    prof = profiles.load("russia-ukraine")
    assert [i["id"] for i in ref["issues"]] == prof.issue_ids
    assert {"UKR", "RUS", "USA"} <= set(prof.parties)


def test_cues_match_spelling_variants_and_opposites():
    prof = profiles.load()
    found = {(h.issue, h.polarity) for h in prof.find("Both sides discussed a cease fire and a ceasefire.")}
    assert found == {("ceasefire.full", 1)}
    hits = prof.find("Moscow wants a pledge that Kyiv will never join NATO.")
    assert [(h.issue, h.polarity) for h in hits] == [("alliance.nato", -1)]
    # the partial truce wins over the generic word in the same phrase, not across the sentence
    assert {h.issue for h in prof.find("a truce in the Black Sea")} == {"ceasefire.partial"}
    assert {h.issue for h in prof.find("a 30-day truce now, and later talks on shipping in the Black Sea")} >= \
        {"ceasefire.full", "ceasefire.partial"}


def test_context_cues_need_a_story_about_the_talks():
    prof = profiles.load()
    assert not prof.find("Farmers sold the land.", story=False)
    assert {h.issue for h in prof.find("Russia wants the land.", story=True)} == {"territory.recognition"}
    assert prof.is_story("Talks in Jeddah on a cease-fire and peace.")
    assert not prof.is_story("The harvest was good this year.")


def test_aliases_stand_for_parties():
    prof = profiles.load()
    assert prof.alias("the Kremlin") == "RUS" and prof.alias("White House") == "USA"
    assert profiles.load("israel-hamas").alias("Hamas") == "HAMAS"


def test_validate_reports_problems(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nparties: [A]\nprincipals: [B]\nissues:\n  - id: Bad Id\n    cues: []\n"
                   "  - id: a.b\n    proposition: p\n    cues: [c]\n    yields_to: [z.z]\n", encoding="utf-8")
    problems = profiles.validate(bad)
    text = "\n".join(problems)
    assert "principals" in text and "Bad Id" in text and "proposition" in text and "z.z" in text
    assert profiles.validate(tmp_path / "none.yaml") == [f"no such file: {tmp_path / 'none.yaml'}"]
    (tmp_path / "junk.yaml").write_text("[1, 2", encoding="utf-8")
    assert profiles.validate(tmp_path / "junk.yaml")[0].startswith("not valid YAML")
    with pytest.raises(ValueError):
        profiles.load(str(bad))


def test_user_profile_folder(tmp_path, monkeypatch):
    src = Path(profiles.load("israel-hamas").path).read_text(encoding="utf-8")
    (tmp_path / "my-talks.yaml").write_text(src.replace("name: israel-hamas", "name: my-talks"), encoding="utf-8")
    monkeypatch.setenv("PARLEY_PROFILE_PATH", str(tmp_path))
    assert "my-talks" in profiles.available()
    assert profiles.load("my-talks").name == "my-talks"
    assert profiles.load(str(tmp_path / "my-talks.yaml")).name == "my-talks"
    with pytest.raises(FileNotFoundError):
        profiles.load("no-such-profile")
