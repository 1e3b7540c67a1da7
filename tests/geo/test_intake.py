from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from shapely.geometry import Polygon, box

from geo import text
from geo.errors import GeoInputError
from geo.intake import (
    import_cases,
    import_facilities,
    import_line_list,
    import_population,
    import_resources,
    quarantined_csv,
    read_boundaries,
)
from geo.text import fmt_int

pytest_plugins = ("tests.geo.intake_fixtures",)

REPO_DATA = Path(__file__).resolve().parent.parent.parent / "data"
JAKARTA_RAW = sorted((REPO_DATA / "jakarta" / "covid" / "raw").glob("*.xlsx"))
JSON_KEYS = {
    "rows_read",
    "accepted",
    "quarantined",
    "problems",
    "dates",
    "totals",
    "quarantined_totals",
    "discarded_columns",
    "questions",
    "notes",
}

# file, reader, rows read, accepted, quarantined, messages (in row order)
CORPUS = [
    ("semicolon_cp1252.csv", import_cases, 4, 4, []),
    ("bom_tab.csv", import_cases, 2, 2, []),
    ("pipe_title_total.csv", import_cases, 3, 3, []),
    ("two_row_header.csv", import_cases, 2, 2, []),
    (
        "duplicates.csv",
        import_cases,
        5,
        3,
        [
            "baris 3: sama persis dengan baris 2 (duplikat)",
            "baris 5: kelurahan 33.71.02.1005 tanggal 2020-09-23 sudah ada di baris 4 "
            "dengan nilai lain",
        ],
    ),
    (
        "ambiguous_dates.csv",
        import_cases,
        3,
        0,
        [
            f"baris {row}: tanggal '{text}' bisa dibaca hari/bulan atau bulan/hari; "
            "pilih urutan tanggal untuk seluruh kolom"
            for row, text in [(2, "03/04/2020"), (3, "04/04/2020"), (4, "05/04/2020")]
        ],
    ),
    (
        "indonesian_dates.csv",
        import_cases,
        9,
        7,
        ["baris 9: tanggal '31/02/2020' tidak terbaca", "baris 10: tanggal kosong"],
    ),
    ("excel_serial.csv", import_cases, 3, 3, []),
    (
        "codes_no_dots.csv",
        import_cases,
        6,
        4,
        [
            "baris 5: kode '3371999999' tidak ada di wilayah ini",
            "baris 6: kode kelurahan kosong; baris tanpa kode tidak digabung ke "
            "kelurahan mana pun",
        ],
    ),
    (
        "misspelt_names.csv",
        import_cases,
        6,
        3,
        [
            "baris 2: kelurahan 'Kedungsarii' tidak dikenal; mungkin 'Kedungsari'?",
            "baris 5: nama kelurahan 'Sukamaju' ada di lebih dari satu kecamatan: "
            "Sukamaju (33.71.03.1004), Sukamaju (33.71.02.1010); tambahkan kolom "
            "kecamatan atau kode",
            "baris 7: kelurahan 'Zzyzx' tidak dikenal",
        ],
    ),
    ("ambiguous_name_kecamatan.csv", import_cases, 2, 2, []),
    (
        "counts_bad_numbers.csv",
        import_cases,
        6,
        1,
        [
            "baris 3: jumlah '3,5' bukan bilangan bulat",
            "baris 4: jumlah '-2' negatif",
            "baris 5: jumlah positif kosong",
            "baris 6: jumlah positif kosong",
            "baris 7: nilai 'abc' bukan angka",
        ],
    ),
    ("daily_counts.csv", import_cases, 6, 6, []),
    (
        "line_list_personal.csv",
        import_cases,
        8,
        5,
        [
            "baris 5: orang yang sama sudah ada di baris 2",
            "baris 6: kelurahan 'Kedungsarii' tidak dikenal; mungkin 'Kedungsari'?",
            "baris 8: status 'entah' tidak dikenal; pakai positif, dirawat, isolasi, "
            "sembuh atau meninggal",
        ],
    ),
    (
        "population.csv",
        import_population,
        5,
        3,
        [
            "baris 4: jumlah penduduk kosong",
            "baris 6: baris tanpa kelurahan ('LUAR KOTA') tidak dipakai untuk data "
            "penduduk",
        ],
    ),
    (
        "resources.csv",
        import_resources,
        8,
        3,
        [
            "baris 5: di luar batas wilayah (lintang 7.485, bujur 110.215); mungkin "
            "tanda lintang salah (lintang -7.485): periksa lalu perbaiki sendiri",
            "baris 6: jenis sumber daya 'helikopter' tidak dikenal; pilih salah satu: "
            "ambulans, tim lapangan, kit tes, APD, dosis vaksin, paket bantuan",
            "baris 7: jumlah '2,5' bukan bilangan bulat",
            "baris 8: tidak ada koordinat maupun fasilitas asal",
            "baris 9: koordinat tidak valid (lintang 110.215, bujur -7.485); mungkin "
            "lintang dan bujur tertukar (lintang -7.485, bujur 110.215): periksa lalu "
            "perbaiki sendiri",
        ],
    ),
]


@pytest.mark.parametrize(
    ("name", "reader", "rows_read", "accepted", "messages"),
    CORPUS,
    ids=[entry[0] for entry in CORPUS],
)
def test_corpus_file_counts_and_messages(
    intake_file, kelurahan_uji, name, reader, rows_read, accepted, messages
):
    result = reader(intake_file(name), kelurahan_uji)

    assert result.rows_read == rows_read
    assert result.accepted_rows == accepted
    assert len(result.quarantined) == rows_read - accepted
    assert list(result.messages) == messages


def test_semicolon_file_reads_thousands(intake_file, kelurahan_uji):
    result = import_cases(intake_file("semicolon_cp1252.csv"), kelurahan_uji)

    assert result.totals == {"positif": 2498, "sembuh": 2019}
    assert result.accepted["kode"].tolist()[-1] == "33.71.02.1005"


def test_accepted_cases_have_the_tidy_contract_shape(intake_file, kelurahan_uji):
    accepted = import_cases(intake_file("codes_no_dots.csv"), kelurahan_uji).accepted

    assert list(accepted.columns) == [
        "kode",
        "keterangan",
        "tanggal",
        "positif",
        "dirawat",
        "isolasi",
        "sembuh",
        "meninggal",
    ]
    assert str(accepted["kode"].dtype) == "string"
    assert str(accepted["positif"].dtype) == "Int64"
    assert accepted["tanggal"].dtype.kind == "M"
    label_row = accepted[accepted["keterangan"] == "BELUM DIKETAHUI"]
    assert label_row["kode"].isna().all()
    assert label_row["positif"].tolist() == [6]


def test_rows_without_kelurahan_are_kept_with_keterangan(intake_file, kelurahan_uji):
    result = import_cases(intake_file("codes_no_dots.csv"), kelurahan_uji)

    assert result.totals == {"positif": 33}
    assert result.quarantined_totals == {"positif": 9}
    assert "BELUM DIKETAHUI" in " ".join(result.notes)


def test_total_row_is_checked_against_accepted(intake_file, kelurahan_uji):
    result = import_cases(intake_file("pipe_title_total.csv"), kelurahan_uji)

    assert "Baris 7 adalah baris jumlah/total dan tidak diimpor." in result.notes
    assert (
        "Jumlah positif yang diterima (27) cocok dengan baris total berkas (27)."
        in result.notes
    )


def test_ambiguous_dates_ask_and_the_answer_reads_them(intake_file, kelurahan_uji):
    asked = import_cases(intake_file("ambiguous_dates.csv"), kelurahan_uji)
    answered = import_cases(
        intake_file("ambiguous_dates.csv"), kelurahan_uji, date_order="bh"
    )

    assert [question.kind for question in asked.questions] == ["urutan_tanggal"]
    assert answered.accepted_rows == 3
    assert answered.dates == ("2020-03-04", "2020-04-04", "2020-05-04")


def test_unknown_date_order_is_refused(intake_file, kelurahan_uji):
    with pytest.raises(GeoInputError, match="Urutan tanggal 'dmy'"):
        import_cases(
            intake_file("ambiguous_dates.csv"), kelurahan_uji, date_order="dmy"
        )


def test_excel_serial_dates(intake_file, kelurahan_uji):
    result = import_cases(intake_file("excel_serial.csv"), kelurahan_uji)

    assert result.dates == ("2020-09-23", "2020-09-24", "2020-09-25")


def test_indonesian_month_names(intake_file, kelurahan_uji):
    result = import_cases(intake_file("indonesian_dates.csv"), kelurahan_uji)

    assert result.dates == (
        "2020-08-23",
        "2020-09-13",
        "2020-09-23",
        "2020-10-01",
        "2020-10-02",
        "2020-10-05",
        "2020-12-01",
    )


def test_daily_counts_detected_and_made_cumulative(intake_file, kelurahan_uji):
    result = import_cases(intake_file("daily_counts.csv"), kelurahan_uji)

    question = result.questions[-1]
    magersari = result.accepted[result.accepted["kode"] == "33.71.01.1007"]
    assert (question.kind, question.detected) == ("kumulatif", "harian")
    assert magersari["positif"].tolist() == [5, 7, 10]
    assert result.totals == {"positif": 15}


def test_user_can_overrule_daily_detection(intake_file, kelurahan_uji):
    result = import_cases(
        intake_file("daily_counts.csv"), kelurahan_uji, is_daily=False
    )

    magersari = result.accepted[result.accepted["kode"] == "33.71.01.1007"]
    assert magersari["positif"].tolist() == [5, 2, 3]


def test_one_correction_does_not_make_a_cumulative_series_daily(kelurahan_uji):
    days = pd.date_range("2020-09-01", periods=30).strftime("%Y-%m-%d")
    values = list(range(30))
    values[15] = 13  # a case moved to another kelurahan: one step down
    body = "".join(
        f"Magersari,{day},{value}\n" for day, value in zip(days, values, strict=True)
    )

    result = import_cases(
        ("kelurahan,tanggal,positif\n" + body).encode(), kelurahan_uji
    )

    assert result.questions[-1].detected == "kumulatif"
    assert result.accepted["positif"].tolist() == values


def test_cumulative_counts_detected(intake_file, kelurahan_uji):
    result = import_cases(intake_file("semicolon_cp1252.csv"), kelurahan_uji)

    assert result.questions[-1].detected == "kumulatif"


def test_confirmed_name_is_applied(intake_file, kelurahan_uji):
    result = import_cases(
        intake_file("misspelt_names.csv"),
        kelurahan_uji,
        confirmed_names={"Kedungsarii": "33.71.02.1005"},
    )

    assert result.accepted_rows == 4
    assert any("Kedungsarii" in note for note in result.notes)


def test_suggestion_is_a_question(intake_file, kelurahan_uji):
    result = import_cases(intake_file("misspelt_names.csv"), kelurahan_uji)

    question = result.questions[0]
    assert (question.kind, question.value, question.options) == (
        "kelurahan",
        "Kedungsarii",
        ("33.71.02.1005",),
    )


def test_kecamatan_column_resolves_shared_names(intake_file, kelurahan_uji):
    result = import_cases(intake_file("ambiguous_name_kecamatan.csv"), kelurahan_uji)

    assert result.accepted["kode"].tolist() == ["33.71.02.1010", "33.71.03.1004"]


def test_split_code_columns_join_f06(intake_file, kelurahan_jakarta_uji):
    result = import_cases(
        intake_file("split_codes_f06.csv"), kelurahan_jakarta_uji, tanggal="2020-09-23"
    )

    assert result.accepted_rows == 2
    assert sorted(result.accepted["kode"]) == ["31.01.01.0001", "31.71.01.0002"]


def test_xlsx_code_column_with_empty_cell_f06(tmp_path, kelurahan_jakarta_uji):
    book = openpyxl.Workbook()
    for row in [["kode_kel_full", "positif"], [3171010002, 12], [None, 3]]:
        book.active.append(row)
    path = tmp_path / "kasus_2020-09-23.xlsx"
    book.save(path)

    result = import_cases(path, kelurahan_jakarta_uji)

    assert result.accepted["kode"].tolist() == ["31.71.01.0002"]
    assert result.messages == (
        "baris 3: kode kelurahan kosong; baris tanpa kode tidak digabung ke "
        "kelurahan mana pun",
    )


def test_exported_codes_survive_a_round_trip(intake_file, kelurahan_uji, tmp_path):
    accepted = import_cases(intake_file("codes_no_dots.csv"), kelurahan_uji).accepted
    path = tmp_path / "ekspor.csv"
    accepted.to_csv(path, index=False)

    again = import_cases(path, kelurahan_uji)

    assert again.accepted["kode"].tolist() == accepted["kode"].tolist()


def test_line_list_drops_personal_data(intake_file, kelurahan_uji):
    result = import_line_list(intake_file("line_list_personal.csv"), kelurahan_uji)

    kept = set(result.quarantined.columns) | set(result.accepted.columns)
    assert result.discarded_columns == (
        "NIK",
        "Nama",
        "Alamat",
        "No HP",
        "Tanggal Lahir",
    )
    assert not kept & set(result.discarded_columns)
    assert "Budi" not in quarantined_csv(result).decode()


def test_line_list_is_summed_per_kelurahan_and_date(intake_file, kelurahan_uji):
    result = import_line_list(intake_file("line_list_personal.csv"), kelurahan_uji)

    tidy = result.accepted.set_index(["kode", "tanggal"])
    magersari = tidy.loc[("33.71.01.1007", pd.Timestamp("2020-09-25"))]
    outside = result.accepted[result.accepted["keterangan"] == "LUAR KOTA MAGELANG"]
    assert magersari[["positif", "dirawat", "isolasi"]].tolist() == [2, 1, 1]
    assert outside["positif"].tolist() == [0, 0, 1]
    assert result.totals == {
        "positif": 5,
        "dirawat": 1,
        "isolasi": 1,
        "sembuh": 1,
        "meninggal": 1,
    }
    # every kelurahan of the region gets a row per date (3 dates)
    assert len(result.accepted) == (6 + 1) * 3


def test_quarantine_downloads_and_reimports_with_fixes(intake_file, kelurahan_uji):
    first = import_cases(intake_file("misspelt_names.csv"), kelurahan_uji)
    fixed = quarantined_csv(first).decode().replace("Kedungsarii", "Kedungsari")

    second = import_cases(fixed.encode(), kelurahan_uji, name="karantina.csv")

    assert second.rows_read == 3
    assert second.accepted_rows == 1
    assert second.messages[0].startswith("baris 5: nama kelurahan 'Sukamaju'")


def test_to_json_has_exactly_the_command_line_fields(intake_file, kelurahan_uji):
    result = import_cases(intake_file("duplicates.csv"), kelurahan_uji)

    payload = json.loads(json.dumps(result.to_json()))

    assert set(payload) == JSON_KEYS
    assert payload["rows_read"] == payload["accepted"] + payload["quarantined"]
    assert payload["problems"][0] == {
        "row": 3,
        "column": "",
        "value": "",
        "reason": "sama persis dengan baris 2 (duplikat)",
    }
    assert payload["dates"] == ["2020-09-23"]


def test_counts_file_without_count_column_is_refused(kelurahan_uji):
    with pytest.raises(GeoInputError, match="Kolom jumlah kasus tidak ditemukan"):
        import_cases(b"kelurahan,tanggal\nMagersari,2020-09-23\n", kelurahan_uji)


def test_subtotal_row_in_the_middle_is_quarantined_not_counted(kelurahan_uji):
    data = (
        b"kode,tanggal,positif\n"
        + b"33.71.01.1003,2020-09-23,1\n" * 6
        + b"Jumlah,2020-09-23,6\n"
        + b"33.71.01.1007,2020-09-23,2\n" * 6
    )

    result = import_cases(data, kelurahan_uji, name="subtotal.csv")

    assert "baris 8: kode 'Jumlah' tidak ada di wilayah ini" in result.messages


def test_file_without_date_needs_one(kelurahan_uji):
    with pytest.raises(GeoInputError, match="tidak punya kolom tanggal"):
        import_cases(b"kelurahan,positif\nMagersari,3\n", kelurahan_uji, name="a.csv")


def test_facilities_f05(intake_file, kelurahan_jakarta_uji):
    result = import_facilities(intake_file("facilities_f05.csv"), kelurahan_jakarta_uji)

    assert result.accepted["nama"].tolist() == ["RS Uji A", "Puskesmas Uji B"]
    assert result.accepted.crs == "EPSG:4326"
    assert result.totals["tempat_tidur"] == 120
    assert result.quarantined_totals["tempat_tidur"] == 80
    assert "80 tempat tidur dari 1 baris karantina tidak dihitung." in result.notes
    assert result.messages[0] == (
        "baris 4: di luar batas wilayah (lintang -0.0263, bujur 109.3425)"
    )
    assert "koordinat tidak valid" in result.messages[1]
    assert "mungkin lintang dan bujur tertukar" in result.messages[1]


def test_facility_kinds_are_normalised(intake_file, kelurahan_jakarta_uji):
    result = import_facilities(intake_file("facilities_f05.csv"), kelurahan_jakarta_uji)

    assert result.accepted["jenis"].tolist() == ["RS", "Puskesmas"]


def test_facilities_need_geometry(intake_file, kelurahan_uji):
    with pytest.raises(GeoInputError, match="tidak punya geometri"):
        import_facilities(
            intake_file("facilities_f05.csv"),
            pd.DataFrame(kelurahan_uji.drop(columns="geometry")),
        )


def test_population_accepted_is_the_shared_series(intake_file, kelurahan_uji):
    result = import_population(intake_file("population.csv"), kelurahan_uji)

    series = result.accepted.set_index("kode")["penduduk"]
    assert series.to_dict() == {
        "33.71.01.1003": 12345,
        "33.71.01.1007": 9876,
        "33.71.02.1005": 8000,
    }


def test_resources_accepted(intake_file, kelurahan_uji):
    result = import_resources(intake_file("resources.csv"), kelurahan_uji)

    assert result.accepted["jenis"].tolist() == ["ambulans", "tim lapangan", "kit tes"]
    assert result.accepted["jumlah"].tolist() == [1, 2, 1500]


# --- the real files -------------------------------------------------------


@pytest.fixture(scope="module")
def jakarta_kelurahan() -> gpd.GeoDataFrame:
    return gpd.read_file(REPO_DATA / "jakarta" / "kelurahan.geojson")


@pytest.fixture(scope="module")
def magelang_kelurahan() -> gpd.GeoDataFrame:
    return gpd.read_file(REPO_DATA / "magelang" / "kelurahan.geojson")


@pytest.mark.parametrize("path", JAKARTA_RAW, ids=[p.stem[-10:] for p in JAKARTA_RAW])
def test_every_jakarta_file_reconciles_with_its_total_row(jakarta_kelurahan, path):
    result = import_cases(path, jakarta_kelurahan)

    accepted = result.accepted
    total = fmt_int(result.totals["positif"])
    assert (result.rows_read, result.accepted_rows) == (269, 269)
    assert accepted["kode"].notna().sum() == 267
    assert accepted["keterangan"].notna().sum() == 2
    assert "Baris 2 adalah baris jumlah/total dan tidak diimpor." in result.notes
    assert (
        f"Jumlah positif yang diterima ({total}) cocok dengan baris total berkas "
        f"({total})." in result.notes
    )


def test_jakarta_kelurahan_sums_match_the_readme(jakarta_kelurahan):
    first = import_cases(JAKARTA_RAW[0], jakarta_kelurahan).accepted
    last = import_cases(JAKARTA_RAW[-1], jakarta_kelurahan).accepted

    assert len(JAKARTA_RAW) == 17
    # data/README: kelurahan positives 534 (2020-03-31) and 686,684 (2021-07-31)
    assert first.loc[first["kode"].notna(), "positif"].sum() == 534
    assert last.loc[last["kode"].notna(), "positif"].sum() == 686_684


def test_jakarta_last_file_labels_and_total(jakarta_kelurahan):
    result = import_cases(JAKARTA_RAW[-1], jakarta_kelurahan)

    labels = result.accepted.set_index("keterangan")["positif"]
    assert labels["LUAR DKI JAKARTA"] == 79_988
    assert labels["PROSES UPDATE DATA"] == 47_981
    assert result.totals["positif"] == 686_684 + 79_988 + 47_981
    assert result.dates == ("2021-07-31",)


def test_jakarta_names_differing_from_their_codes_are_noted(jakarta_kelurahan):
    result = import_cases(JAKARTA_RAW[-1], jakarta_kelurahan)

    assert (
        "3 nama kelurahan di berkas berbeda dengan nama untuk kodenya; kode yang "
        "dipakai: HALIM PERDANA KUSUMAH → Halim Perdana Kusuma (31.75.08.1004); "
        "KAMPUNG TENGAH → Tengah (31.75.04.1002); KERENDANG → Krendang "
        "(31.73.04.1005)." in result.notes
    )


def test_jakarta_early_file_total_row_matches(jakarta_kelurahan):
    result = import_cases(JAKARTA_RAW[0], jakarta_kelurahan)

    assert (
        "Jumlah positif yang diterima (794) cocok dengan baris total berkas (794)."
        in (result.notes)
    )
    assert set(result.accepted["keterangan"].dropna()) == {
        "BELUM DIKETAHUI",
        "LUAR DKI JAKARTA",
    }


def test_jakarta_population(jakarta_kelurahan):
    result = import_population(
        REPO_DATA
        / "jakarta"
        / "population"
        / "kelurahan_population_dukcapil_2019-12.csv",
        jakarta_kelurahan,
    )

    assert (result.rows_read, result.accepted_rows) == (267, 267)
    # data/README: total 11,011,862
    assert result.totals == {"penduduk": 11_011_862}


def test_magelang_scrape(magelang_kelurahan):
    result = import_cases(
        REPO_DATA / "magelang" / "covid" / "3371_kota_magelang_covid_scrape.csv",
        magelang_kelurahan,
    )

    last = result.accepted[result.accepted["tanggal"] == "2020-10-06"]
    assert (result.rows_read, result.accepted_rows) == (170, 170)
    assert result.discarded_columns == ("user_pic",)
    assert len(result.dates) == 10
    assert result.questions[-1].detected == "kumulatif"
    # data/README: Kota Magelang total confirmed 160 (2020-09-23) -> 198 (2020-10-06)
    assert int(last["positif"].sum()) == 198


def test_magelang_facilities(magelang_kelurahan):
    result = import_facilities(
        REPO_DATA / "magelang" / "health_facilities.csv", magelang_kelurahan
    )

    assert (result.rows_read, result.accepted_rows) == (24, 23)
    assert result.messages == (
        "baris 10: di luar batas wilayah (lintang 7.466413, bujur 110.217963); "
        "mungkin tanda lintang salah (lintang -7.466413): periksa lalu perbaiki "
        "sendiri",
    )


# --- boundaries -----------------------------------------------------------


def _boundary_layer() -> gpd.GeoDataFrame:
    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    return gpd.GeoDataFrame(
        {
            "KODE_DESA": ["3371011003", "33.71.01.1007", "abc", "3371011003"],
            "NAMA_DESA": ["A", "B", "C", "D"],
        },
        geometry=[box(0, 0, 1, 1), bowtie, box(1, 0, 2, 1), box(2, 0, 3, 1)],
    )


def test_boundaries_checked_and_repaired(tmp_path):
    path = tmp_path / "batas.geojson"
    layer = _boundary_layer().set_crs("EPSG:32749")
    layer.geometry = layer.geometry.translate(400_000, 9_170_000)
    layer.to_file(path)

    result = read_boundaries(path, "KODE_DESA", "NAMA_DESA")

    assert result.accepted["kode"].tolist() == ["33.71.01.1003", "33.71.01.1007"]
    assert result.accepted.crs == "EPSG:4326"
    assert result.accepted.geometry.is_valid.all()
    assert "1 geometri tidak valid diperbaiki" in result.notes[0]
    assert result.messages == (
        "baris 3: kode 'abc' bukan kode Kemendagri",
        "baris 4: kode '33.71.01.1003' sudah ada di baris 1",
    )


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_boundaries_without_crs_ask_for_it(tmp_path):
    path = tmp_path / "batas.gpkg"
    _boundary_layer().to_file(path, driver="GPKG")

    with pytest.raises(GeoInputError, match="tidak menyebut sistem koordinat"):
        read_boundaries(path, "KODE_DESA", "NAMA_DESA")
    given = read_boundaries(path, "KODE_DESA", "NAMA_DESA", crs="EPSG:4326")
    assert given.accepted_rows == 2


def test_boundaries_from_zipped_shapefile(tmp_path):
    folder = tmp_path / "shp"
    folder.mkdir()
    _boundary_layer().set_crs("EPSG:4326").to_file(folder / "batas.shp")
    archive = tmp_path / "batas.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for part in folder.iterdir():
            bundle.write(part, part.name)

    result = read_boundaries(archive, "KODE_DESA", "NAMA_DESA")

    assert result.accepted_rows == 2


def test_boundaries_unknown_column(tmp_path):
    path = tmp_path / "batas.geojson"
    _boundary_layer().set_crs("EPSG:4326").to_file(path)

    with pytest.raises(GeoInputError, match="Kolom 'kode' tidak ada"):
        read_boundaries(path, "kode", "NAMA_DESA")


def test_boundaries_unreadable(tmp_path):
    path = tmp_path / "batas.geojson"
    path.write_text("bukan geojson")

    with pytest.raises(GeoInputError, match="tidak terbaca sebagai GeoJSON"):
        read_boundaries(path, "kode", "nama")


def test_bytes_upload(kelurahan_uji):
    data = io.BytesIO(b"kelurahan,tanggal,positif\nMagersari,2020-09-23,4\n").getvalue()

    assert import_cases(data, kelurahan_uji, name="unggah.csv").accepted_rows == 1


def test_population_kelurahan_twice_is_quarantined_not_a_crash(kelurahan_uji):
    text = "kelurahan,penduduk\nMagersari,12.345\nKedungsari,800\nMagersari,100\n"

    result = import_population(text.encode(), kelurahan_uji, name="penduduk.csv")

    assert result.rows_read == 3
    assert result.accepted.set_index("kode")["penduduk"].to_dict() == {
        "33.71.01.1007": 12345,
        "33.71.02.1005": 800,
    }
    assert any("sudah ada di baris 2" in line for line in result.messages)


def test_a_date_after_today_is_quarantined(kelurahan_uji):
    text = "tanggal,kelurahan,positif\n2020-10-05,Magersari,3\n2142-09-08,Magersari,4\n"

    result = import_cases(text.encode(), kelurahan_uji, name="kasus.csv")

    assert result.rows_read == 2
    assert list(result.dates) == ["2020-10-05"]
    assert any(
        "baris 3" in line and "sesudah hari ini" in line for line in result.messages
    )


@pytest.mark.parametrize(
    ("given", "name"), [("2142-01-01", "kasus.csv"), (None, "kasus_2142-01-01.csv")]
)
def test_a_file_dated_after_today_is_refused_whole(kelurahan_uji, given, name):
    text = b"kelurahan,positif\nMagersari,3\n"

    with pytest.raises(GeoInputError, match="Tanggal berkas 1 Januari 2142 sesudah"):
        import_cases(text, kelurahan_uji, name=name, tanggal=given)


def test_today_s_report_is_not_future_on_a_server_kept_in_utc(
    kelurahan_uji, monkeypatch
):
    # 06:00 WIB on 6 October: the server's UTC clock still says 5 October
    monkeypatch.delenv("CC_TIMEZONE", raising=False)
    monkeypatch.setattr(text, "utc_now", lambda: pd.Timestamp("2020-10-05 23:00Z"))
    rows = "2020-10-06,Magersari,3\n2020-10-07,Magersari,4\n"

    result = import_cases(f"tanggal,kelurahan,positif\n{rows}".encode(), kelurahan_uji)

    assert list(result.dates) == ["2020-10-06"]
    assert any(
        "baris 3" in line and "sesudah hari ini (6 Oktober 2020)" in line
        for line in result.messages
    )


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (7, "cocok dengan baris total berkas (7)"),
        (9, "selisihnya (2) ada di baris karantina"),
        (5, "baris karantina (2) tidak menjelaskan selisihnya"),
    ],
    ids=["equal", "explained-by-quarantine", "unexplained"],
)
def test_the_file_s_total_row_is_compared_honestly(kelurahan_uji, total, expected):
    text = (
        "tanggal,kelurahan,positif\n"
        "2020-10-05,Magersari,3\n2020-10-05,Kedungsari,4\n2020-10-05,Atlantis,2\n"
        f"JUMLAH,,{total}\n"
    )

    result = import_cases(text.encode(), kelurahan_uji, name="kasus.csv")

    assert result.accepted_rows == 2
    assert any(expected in note for note in result.notes), result.notes


def test_a_file_without_dates_says_which_date_and_how_much_it_covers(kelurahan_uji):
    text = "kelurahan,positif\nMagersari,3\nKedungsari,4\n"

    result = import_cases(
        text.encode(), kelurahan_uji, name="kasus.csv", tanggal="2020-10-07"
    )

    assert result.accepted_rows == 2
    assert any("diberi tanggal 7 Oktober 2020 yang diisikan" in n for n in result.notes)
    assert any(
        "Pada 7 Oktober 2020 berkas ini memuat 2 dari 6 kelurahan" in n
        for n in result.notes
    )
