from __future__ import annotations

import pandas as pd
import pytest

from geo import scenario
from geo.crs import UTM_49S
from geo.distribution import distribute_by_need
from geo.errors import GeoInputError
from tests.geo.allocation_data import one_site_for_two_kelurahan


def _situation_table(values: list[float | None]) -> pd.DataFrame:
    codes = [f"K{i}" for i in range(len(values))]
    return pd.DataFrame(
        {
            "kode": codes,
            "nama": [f"Kel {code}" for code in codes],
            "positif": [5.0] * len(values),
            "aktif": values,
            "value": values,
        }
    )


def test_need_weights_count_missing_kelurahan_as_zero_and_say_so():
    weights = scenario.need_weights(_situation_table([4.0, None, 2.0]), "aktif")

    assert weights.values.tolist() == [4.0, 0.0, 2.0]
    assert weights.label == "Kasus aktif"
    assert weights.notes == ("1 kelurahan tanpa data pada tanggal ini diberi bobot 0.",)


def test_population_weight_without_population_is_refused():
    with pytest.raises(GeoInputError, match="tidak punya data penduduk"):
        scenario.need_weights(_situation_table([1.0]), "penduduk")


def test_weight_choices_follow_the_data(magelang, jakarta):
    dates = [pd.Timestamp("2020-09-23"), pd.Timestamp("2020-10-06")]

    without = scenario.weight_choices(dates, dates[-1], has_population=False)
    with_population = scenario.weight_choices(dates, dates[-1], has_population=True)

    assert "penduduk" not in without and "insidens" not in without
    assert with_population[0] == "penduduk" and "insidens" in with_population
    assert "cfr" not in with_population  # a death rate is not a need
    assert "dirawat" in without


def test_candidates_from_facilities_centres_and_added_points(magelang):
    facilities = scenario.facility_candidates(magelang.facilities.valid, ["RS"])
    centres = scenario.kelurahan_centres(magelang.kelurahan, UTM_49S)
    added = pd.DataFrame(
        {"nama": ["Gedung A", None], "lat": [-7.47, None], "lon": [110.22, None]}
    )

    table, notes = scenario.candidate_sites(
        facilities, centres, added, keep_facilities=True
    )

    assert len(table) == 7 + 17 + 1
    assert table.loc[table["asal"] == "fasilitas", "tetap"].all()
    assert not table.loc[table["asal"] != "fasilitas", "tetap"].any()
    assert table["id"].is_unique
    assert notes == ("1 baris titik tambahan tanpa koordinat dilewati.",)


def test_an_added_point_with_a_bad_latitude_is_named():
    added = pd.DataFrame({"nama": ["Salah"], "lat": [110.2], "lon": [-7.4]})

    with pytest.raises(GeoInputError, match="Salah"):
        scenario.candidate_sites(
            scenario.facility_candidates(None), None, added, keep_facilities=False
        )


def test_no_candidate_at_all_says_what_to_do():
    with pytest.raises(GeoInputError, match="Tidak ada kandidat lokasi"):
        scenario.candidate_sites(
            scenario.facility_candidates(None), None, None, keep_facilities=False
        )


def test_hospital_beds_are_never_invented():
    hospitals = pd.DataFrame(
        {"id": ["RS A", "RS B"], "lat": [-7.4, -7.5], "lon": [110.2, 110.2]}
    )

    with pytest.raises(GeoInputError, match="Belum ada kapasitas"):
        scenario.hospital_beds(hospitals.assign(kapasitas=float("nan")))
    kept, notes = scenario.hospital_beds(hospitals.assign(kapasitas=[12, None]))

    assert kept["id"].tolist() == ["RS A"]
    assert kept["kapasitas"].tolist() == [12]
    assert "RS B" in notes[0]


def test_a_saved_distribution_reads_back_with_its_kpis():
    result = distribute_by_need(pd.Series({"A": 1.0, "B": 3.0}), 10)

    record = scenario.results_record("distribusi", {"distribusi": result})
    parts = scenario.results_from_record(record)
    kpi = scenario.scenario_kpi("distribusi", parts).kpi

    assert parts["distribusi"].table["allocated"].tolist() == [
        2,
        8,
    ]  # 2,5 → 2 / 7,5 → 8
    assert kpi["stock"] == pytest.approx(10.0, abs=0)
    assert kpi["kelurahan_served"] == pytest.approx(2.0, abs=0)


def test_a_record_from_elsewhere_is_refused():
    with pytest.raises(GeoInputError, match="tidak bisa dibaca"):
        scenario.results_from_record({"hasil": []})


def test_missing_capacities_mean_no_limit_with_a_note():
    result = one_site_for_two_kelurahan()

    # X holds 1 of the 4 needed: only Y (no limit) can serve everyone
    assert result.sites.loc[result.sites["is_chosen"], "id"].tolist() == ["Y"]
    assert any("tanpa kapasitas dianggap tanpa batas" in n for n in result.notes)
    kpi = scenario.scenario_kpi("lokasi", {"lokasi": result}).kpi
    assert kpi["covered_pct"] == pytest.approx(25.0, abs=1e-9)  # only B within 500 m


@pytest.mark.parametrize("typed", ["-5", "banyak"], ids=["negatif", "teks"])
def test_a_capacity_that_is_not_a_number_is_named(typed):
    added = pd.DataFrame(
        {
            "nama": ["Gedung B"],
            "lat": ["-7.47"],
            "lon": ["110.22"],
            "kapasitas": [typed],
        }
    )

    with pytest.raises(GeoInputError, match=f"Gedung B.*'{typed}'"):
        scenario.candidate_sites(
            scenario.facility_candidates(None), None, added, keep_facilities=False
        )


def test_whole_counts_summed_from_float_weights_show_no_decimal():
    from geo.scenario import kpi_text

    assert kpi_text("tak_terpenuhi", 10_264_432.000000002, "m") == "10.264.432"
    assert kpi_text("dilayani", 12.5, "m") == "12,5"
