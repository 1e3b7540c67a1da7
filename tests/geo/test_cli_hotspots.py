from __future__ import annotations

import argparse
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from geo import cli_hotspots
from geo.cli_hotspots import (
    LEVEL_CHOICES,
    NEIGHBOUR_RULES,
    RegionInputs,
    add_parser,
    hotspot_report,
    report_lines,
    report_payload,
)
from geo.errors import GeoInputError
from geo.hotspots import DEFAULT_PERMUTATIONS, DEFAULT_SEED, LEVELS, WEIGHT_METHODS

DATES = ["2020-09-23", "2020-09-30", "2020-10-07"]


@pytest.fixture
def inputs() -> RegionInputs:
    """Eight 1 km cells in two kecamatan, three cumulative dates, one unknown row."""
    cells, kode = [], []
    for index in range(8):
        row, col = divmod(index, 4)
        cells.append(box(col * 1e3, row * 1e3, (col + 1) * 1e3, (row + 1) * 1e3))
        kode.append(f"33.71.0{row + 1}.100{col + 1}")  # 33.71.01.1001 ...
    layer = gpd.GeoDataFrame(
        {
            "kode": kode,
            "nama": ["Ana", "Bela", "Cika", "Dewi", "Eka", "Fajar", "Gita", "Hadi"],
            "kode_kecamatan": ["33.71.01"] * 4 + ["33.71.02"] * 4,
            "nama_kecamatan": ["Utara"] * 4 + ["Selatan"] * 4,
        },
        geometry=cells,
        crs="EPSG:32749",
    ).to_crs("EPSG:4326")
    cumulative = {
        kode[0]: [1, 3, 9],
        kode[1]: [2, 2, 4],
        kode[2]: [0, 1, 1],
        kode[3]: [5, 9, 20],
        kode[4]: [1, 1, 1],
        kode[5]: [3, 4, 8],
        kode[6]: [0, 0, 0],
        kode[7]: [2, 6, 7],
    }
    rows = [
        {"kode": code, "keterangan": pd.NA, "tanggal": pd.Timestamp(day),
         "positif": value}
        for code, series in cumulative.items()
        for day, value in zip(DATES, series, strict=True)
    ]  # fmt: skip
    rows.append({"kode": pd.NA, "keterangan": "BELUM DIKETAHUI",
                 "tanggal": pd.Timestamp(DATES[-1]), "positif": 4})  # fmt: skip
    return RegionInputs("33.71", layer, pd.DataFrame(rows), None, "EPSG:32749")


def test_report_computes_new_cases_hotspots_and_emerging(inputs):
    report = hotspot_report(
        inputs, tanggal="2020-10-07", window_days=14, permutations=99, seed=1
    )

    table = report.hotspots.table
    # new cases over 14 days are the last minus the first cumulative count
    # differences of whole counts are exact
    assert table["value"].tolist() == pytest.approx([8, 2, 1, 15, 0, 5, 0, 5], abs=0)
    assert table["emerging_class"].notna().all()
    assert report.hotspots.settings.permutations == 99
    assert any("Hanya 8 kelurahan" in note for note in report.notes)
    assert any("2 langkah waktu" in note for note in report.notes)
    assert len(report.notes) == len(set(report.notes))


# what the summary must say was tested, 14 days up to 2020-10-07
TESTED = {
    "baru": "kasus baru 14 hari terakhir (sampai 2020-10-07)",
    "insidens": (
        "insidens kasus baru per 10.000 penduduk (mentah), 14 hari terakhir "
        "(sampai 2020-10-07)"
    ),
    "insidens_eb": (
        "insidens kasus baru per 10.000 penduduk (empirical Bayes), 14 hari "
        "terakhir (sampai 2020-10-07)"
    ),
    "insidens_seb": (
        "insidens kasus baru per 10.000 penduduk (empirical Bayes spasial), 14 "
        "hari terakhir (sampai 2020-10-07)"
    ),
}


@pytest.mark.parametrize("indikator", list(TESTED))
def test_summary_and_labels_name_the_tested_value(inputs, indikator):
    population = pd.Series(
        [5_000, 8_000, 2_500, 12_000, 4_000, 6_000, 3_000, 9_000],
        index=inputs.kelurahan["kode"],
    )
    with_population = RegionInputs(
        "33.71", inputs.kelurahan, inputs.cases, population, "EPSG:32749"
    )

    report = hotspot_report(
        with_population,
        tanggal="2020-10-07",
        window_days=14,
        indikator=indikator,
        permutations=99,
    )
    payload = json.loads(json.dumps(report_payload(report)))

    expected = TESTED[indikator]
    assert report.hotspots.settings.tested_label == expected
    assert f"untuk {expected}" in report.summary
    assert payload["pengaturan"]["tested_label"] == expected
    assert f"untuk {expected}" in payload["ringkasan"]
    assert f"untuk {expected}" in report_lines(report)[0]
    assert f"Nilai yang diuji: {expected}." in report.notes
    # the counts shown beside the classes stay new cases, whatever is tested
    assert payload["pengaturan"]["value_label"] == TESTED["baru"]
    if indikator != "baru":
        assert f"untuk {TESTED['baru']}" not in report.summary


def test_each_permutation_caveat_once_and_about_its_own_analysis(inputs):
    report = hotspot_report(inputs, window_days=7, permutations=99)

    hotspot = [note for note in report.notes if "koreksi FDR atas" in note]
    emerging = [note for note in report.notes if "dikoreksi FDR" in note]
    # 99 draws give p >= 0.03: 8 tests under FDR need a note for each analysis
    assert len(hotspot) == 1
    assert hotspot[0].startswith("Hotspot dan klaster LISA: dengan 99 permutasi")
    assert "atas 8 kelurahan yang diuji" in hotspot[0]
    assert len(emerging) == 1
    assert emerging[0].startswith("Pola hotspot dari waktu ke waktu: Gi* tiap")
    assert "paling banyak 8 kelurahan" in emerging[0]


def test_payload_is_json_with_data_field_names(inputs):
    report = hotspot_report(inputs, window_days=7, permutations=99)

    payload = json.loads(json.dumps(report_payload(report)))

    first = payload["wilayah"][0]
    for name in ("kode", "nama", "value", "gi_z", "gi_p", "gi_p_fdr",
                 "hotspot_class", "lisa_class", "emerging_class"):  # fmt: skip
        assert name in first
    assert payload["jendela"] == {"mulai": "2020-09-30", "sampai": "2020-10-07",
                                  "hari": 7}  # fmt: skip
    assert payload["pengaturan"]["seed"] == report.hotspots.settings.seed
    assert payload["ringkasan"].startswith(report.hotspots.summary)
    assert payload["ringkasan"].endswith(report.emerging.summary)
    assert payload["catatan"] == list(report.notes)


def test_kecamatan_level_with_two_kecamatan_is_refused_in_words(inputs):
    with pytest.raises(GeoInputError, match="Hanya 2 kecamatan memiliki data"):
        hotspot_report(inputs, level="kecamatan", permutations=99)


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"indikator": "kematian"}, "Indikator 'kematian' tidak tersedia"),
        ({"indikator": "insidens"}, "memerlukan data penduduk"),
        ({"tanggal": "2021-01-01"}, "Tidak ada data untuk tanggal 2021-01-01"),
    ],
    ids=["unknown", "needs-population", "date"],
)
def test_report_rejects_bad_options(inputs, options, match):
    with pytest.raises(GeoInputError, match=match):
        hotspot_report(inputs, permutations=99, **options)


def test_lines_for_people_say_no_data_not_nan(inputs):
    cases = inputs.cases
    cases = cases[cases["kode"] != "33.71.01.1003"]
    report = hotspot_report(
        RegionInputs("33.71", inputs.kelurahan, cases, None, "EPSG:32749"),
        permutations=99,
    )

    lines = report_lines(report)

    cika = next(line for line in lines if "Cika" in line)
    assert "tidak ada data" in cika
    assert "nan" not in " ".join(lines).lower().replace("kecamatan", "")


def test_parser_registers_hotspots_and_runs_with_region_glue(
    inputs, monkeypatch, capsys
):
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers(dest="command"))
    monkeypatch.setattr(cli_hotspots, "load_region_inputs", lambda kode: inputs)

    args = parser.parse_args(
        ["hotspots", "--wilayah", "33.71", "--jendela-hari", "14",
         "--permutasi", "99", "--json"]
    )  # fmt: skip
    exit_code = args.func(args)

    assert exit_code == 0
    payload = json.loads(capsys.readouterr().out)
    assert len(payload["wilayah"]) == 8
    assert np.isfinite([row["gi_z"] for row in payload["wilayah"]]).all()


def test_neighbour_rule_and_fdr_from_the_command_line(inputs, monkeypatch, capsys):
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers(dest="command"))
    monkeypatch.setattr(cli_hotspots, "load_region_inputs", lambda kode: inputs)

    args = parser.parse_args(
        ["hotspots", "--wilayah", "33.71", "--permutasi", "99", "--tetangga", "knn",
         "--k", "2", "--tanpa-fdr", "--json"]
    )  # fmt: skip
    assert args.func(args) == 0

    settings = json.loads(capsys.readouterr().out)["pengaturan"]
    assert (settings["weights"], settings["k"], settings["fdr"]) == ("knn", 2, False)

    args = parser.parse_args(
        ["hotspots", "--wilayah", "33.71", "--tetangga", "distance"]
    )
    with pytest.raises(GeoInputError, match="memerlukan --jarak-m"):
        args.func(args)


def test_parser_choices_match_the_statistics_module():
    assert NEIGHBOUR_RULES == WEIGHT_METHODS
    assert LEVEL_CHOICES == LEVELS
    assert DEFAULT_PERMUTATIONS == 999  # the parser help says "bawaan 999"
    assert DEFAULT_SEED == 20201006  # the parser help names this seed


def test_report_passes_the_neighbour_rule_and_fdr_to_both_analyses(inputs):
    report = hotspot_report(
        inputs, permutations=99, weights="knn", k=2, fdr=False, window_days=7
    )

    assert report.hotspots.settings.weights == "knn"
    assert report.hotspots.settings.k == 2
    assert report.hotspots.settings.fdr is False
    assert report.emerging is not None and report.emerging.fdr is False
    assert "2 tetangga terdekat" in report.notes[0]
    # every unit has exactly k neighbours under k-nearest
    assert report.hotspots.table["n_neighbours"].eq(2).all()
