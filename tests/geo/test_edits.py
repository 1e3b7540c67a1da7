"""Table edits of facilities and resources: each change stored and logged."""

from __future__ import annotations

import pandas as pd
import pytest

from geo import edits, store
from geo.errors import GeoInputError

MAGELANG = "33.71"


def test_facility_edit_is_written_and_logged(magelang_store):
    engine, _ = magelang_store
    before = edits.facility_table(engine, MAGELANG)
    after = before.copy()
    after.loc[0, "tempat_tidur_isolasi"] = 12

    outcome = edits.apply_facility_edits(engine, before, after, "Sari")

    assert (outcome.changed, outcome.problems) == (1, ())
    stored = edits.facility_table(engine, MAGELANG)
    assert stored.loc[0, "tempat_tidur_isolasi"] == 12
    entry = store.audit_log(engine, table_name="facility").iloc[0]
    assert (entry["who"], entry["action"]) == ("Sari", "update")
    assert entry["after"]["tempat_tidur_isolasi"] == 12


def test_facility_moved_out_of_the_region_is_refused(magelang_store):
    engine, _ = magelang_store
    before = edits.facility_table(engine, MAGELANG)
    after = before.copy()
    after.loc[0, "lat"] = -6.2  # Jakarta's latitude: outside Kota Magelang

    outcome = edits.apply_facility_edits(engine, before, after, "Sari")

    assert outcome.changed == 0
    assert "di luar" in outcome.problems[0]
    assert edits.facility_table(engine, MAGELANG).loc[0, "lat"] == pytest.approx(
        before.loc[0, "lat"], abs=1e-12
    )  # unchanged, read back as stored


def test_resources_added_changed_and_deleted(magelang_store):
    engine, _ = magelang_store
    before = edits.resource_table(engine, MAGELANG)
    after = before.copy()
    after.loc[0, "jumlah"] = 9
    after = after.drop(index=1)
    new = {"id": pd.NA, "jenis": "Tim lapangan", "nama": "Tim Uji", "jumlah": 4}
    new.update({"lat": -7.47, "lon": 110.22, "contoh": False})
    after = pd.concat([after, pd.DataFrame([new])], ignore_index=True)

    outcome = edits.apply_resource_edits(engine, MAGELANG, before, after, "Sari")

    assert (outcome.changed, outcome.added, outcome.deleted) == (1, 1, 1)
    stored = store.resources(engine, MAGELANG)
    assert len(stored) == len(before)
    assert stored.set_index("nama").loc["Tim Uji", "jenis"] == "tim_lapangan"
    actions = store.audit_log(engine, table_name="resource")["action"].head(3)
    assert sorted(actions) == ["delete", "insert", "update"]


def test_edit_without_a_name_is_refused(magelang_store):
    engine, _ = magelang_store
    table = edits.facility_table(engine, MAGELANG)

    with pytest.raises(GeoInputError, match="Isi nama Anda"):
        edits.apply_facility_edits(engine, table, table, " ")
