"""The actor knowledge base: size, spelling variants, dated roles, states, user files."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.actors import import_file, load_kb, show
from parley.actors.kb import KnowledgeBase

D = dt.date


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_size_and_coverage(kb):
    people = [a for a in kb.actors.values() if a.kind == "person"]
    assert len(people) >= 300
    parties = {a.party for a in people}
    for p in ("UKR", "RUS", "USA", "TUR", "SAU", "QAT", "ARE", "CHN", "BLR", "PRK", "IND", "ZAF", "BRA",
              "VAT", "DEU", "FRA", "GBR", "POL", "EU", "NATO", "UN"):
        assert p in parties, p
    for igo in ("EU", "NATO", "UN", "IAEA", "OSCE", "ICRC", "ICC", "G7"):
        assert any(a.party == igo and a.kind == "igo" for a in kb.actors.values()), igo


@pytest.mark.parametrize("variant,name", [
    ("Zelensky", "Volodymyr Zelenskyy"), ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy"),
    ("Зеленський", "Volodymyr Zelenskyy"), ("Dmitri Peskov", "Dmitry Peskov"),
    ("Andrii Yermak", "Andriy Yermak"), ("Rustem Umierov", "Rustem Umerov"),
    ("Sergei Lavrov", "Sergey Lavrov"), ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
    ("Mr. Rubio", "Marco Rubio"), ("President Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"),
    ("the Kremlin", "Kremlin"), ("Nato", "NATO"), ("the U.N.", "United Nations"),
])
def test_spelling_variants(kb, variant, name):
    a = kb.lookup(variant)
    assert a is not None and a.name == name


def test_roles_by_date(kb):
    nsa = lambda day: [a.name for a in kb.holders("nsa", day, "USA")]  # noqa: E731
    assert nsa(D(2022, 11, 7))[0] == "Jake Sullivan"
    assert nsa(D(2025, 3, 11))[0] == "Mike Waltz"
    assert nsa(D(2025, 8, 1))[0] == "Marco Rubio"
    fm = lambda day: [a.name for a in kb.holders("foreign_minister", day, "UKR")]  # noqa: E731
    assert fm(D(2023, 6, 1)) == ["Dmytro Kuleba"]
    assert fm(D(2025, 1, 1)) == ["Andrii Sybiha"]
    umerov = kb.lookup("Umerov")
    assert "Defence" in umerov.role_on(D(2024, 5, 1))
    assert "National Security" in umerov.role_on(D(2025, 10, 1))
    trump = kb.lookup("Donald Trump")
    assert trump.sector_on(D(2022, 6, 1)) == "PTY" and trump.sector_on(D(2025, 6, 1)) == "GOV"
    assert kb.lookup("Jens Stoltenberg").party_on(D(2020, 1, 1)) == "NATO"


def test_undated_role_is_unknown_not_current(kb):
    # a role with no dates never answers "who held it on that day" when a dated holder exists
    a = kb.lookup("Andrii Hnatov")
    assert a.roles and all(r.held_on(D(2025, 3, 1)) is None for r in a.roles)
    assert a.roles_possible(D(2025, 3, 1))


def test_states_demonyms_capitals(kb):
    assert kb.state("Türkiye").iso3 == "TUR"
    assert kb.state("the Russian Federation").iso3 == "RUS"
    assert kb.demonym("Ukrainians").iso3 == "UKR"
    assert kb.demonym("Emirati").iso3 == "ARE"
    assert kb.capital("Kiev").iso3 == "UKR" and kb.capital("Kyiv").iso3 == "UKR"
    assert kb.capital("Abu Dhabi").iso3 == "ARE"
    assert len(kb.states) >= 190
    assert kb.states["USA"].government_name == "United States government"
    assert kb.states["RUS"].government_name == "Government of Russia"
    assert kb.states["UKR"].delegation_name == "Ukrainian delegation"


def test_show(kb):
    info = show(kb, "Sullivan")
    assert info["name"] == "Jake Sullivan" and info["roles"][0]["start"] == "2021-01-20"
    assert show(kb, "Kiev")["iso3"] == "UKR"
    assert show(kb, "Nobody Atall") is None


def test_user_file_overrides_and_extends(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("people:\n  - {name: Ivan Testenko, party: UKR, sector: MIL, aliases: [Testenko],"
                 " roles: [[Commander of the Test Brigade, 2024-01-01]]}\n", encoding="utf-8")
    kb = load_kb(extra=[f])
    a = kb.lookup("Testenko", D(2024, 6, 1))
    assert a is not None and a.party == "UKR" and a.sector_on(D(2024, 6, 1)) == "MIL"
    assert kb.lookup("Volodymyr Zelenskyy") is not None  # the shipped base is still there
    assert load_kb().lookup("Testenko") is None  # other loads unchanged


def test_bad_file_names_itself(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("people:\n  - {name: X Y, roles: [[Office, not-a-date]]}\n", encoding="utf-8")
    kb = KnowledgeBase()
    with pytest.raises(ValueError, match="bad.yaml"):
        kb.add_file(f)


def test_import_petrarch(tmp_path):
    src = tmp_path / "actors.txt"
    src.write_text(
        "# a Phoenix-style actor dictionary\n"
        "VOLODYMYR_TESTYUK_  [UKRGOV 190520-]\n"
        "+TESTYUK_\n"
        "+V._TESTYUK_\n"
        "[UKRELI 140101-190519]\n"
        "OLGA_SAMPLEVA_ [RUSMIL]  # undated code: party and sector only\n", encoding="utf-8")
    out = tmp_path / "actors.yaml"
    assert import_file(src, out) == 2
    kb = load_kb(extra=[out])
    a = kb.lookup("Testyuk", D(2020, 1, 1))
    assert a.name == "Volodymyr Testyuk" and a.party_on(D(2020, 1, 1)) == "UKR"
    assert a.sector_on(D(2020, 1, 1)) == "GOV" and a.sector_on(D(2015, 1, 1)) == "PTY"
    b = kb.lookup("Olga Sampleva")
    assert b.party == "RUS" and b.sector == "MIL" and not b.roles


def test_import_wikidata(tmp_path):
    src = tmp_path / "wd.jsonl"
    src.write_text(
        '{"id": "Q1", "label": {"en": "Petra Exampleson"}, "aliases": {"en": ["P. Exampleson"]}, '
        '"gender": "female", "country": "EST", "positions": [{"label": "Minister of Foreign Affairs of '
        'Estonia", "start": "+2019-04-29T00:00:00Z", "end": "+2021-01-26T00:00:00Z"}, '
        '{"label": "Member of the Riigikogu", "start": "+2011-00-00T00:00:00Z"}]}\n', encoding="utf-8")
    out = tmp_path / "wd.yaml"
    assert import_file(src, out) == 1
    kb = load_kb(extra=[out])
    a = kb.lookup("P. Exampleson")
    assert a.name == "Petra Exampleson" and a.gender == "f" and a.party == "EST"
    r = a.roles[0]
    assert r.type == "foreign_minister" and r.start == D(2019, 4, 29) and r.end == D(2021, 1, 26)
    assert a.roles[1].start is None  # year precision only: no date rather than a guessed one
    assert [x.name for x in kb.holders("foreign_minister", D(2020, 1, 1), "EST")] == ["Petra Exampleson"]


def test_user_entry_merges_or_replaces(tmp_path):
    f = tmp_path / "more.yaml"
    f.write_text("people:\n  - {name: Dmitry Peskov, party: RUS, sector: GOV, aliases: [Peskoff]}\n"
                 "  - {name: Jake Sullivan, party: USA, sector: EDU, replace: true, aliases: [J. Sullivan]}\n",
                 encoding="utf-8")
    kb = load_kb(extra=[f])
    peskov = kb.lookup("Peskoff")
    assert peskov.name == "Dmitry Peskov" and peskov.roles and kb.lookup("Dmitri Peskov") is peskov
    sullivan = kb.lookup("J. Sullivan")
    assert not sullivan.roles and sullivan.sector == "EDU" and kb.lookup("Jacob Sullivan") is None
