from __future__ import annotations

import io

import numpy as np
import openpyxl
import pytest

from geo.errors import GeoInputError
from geo.intake_read import read_table

pytest_plugins = ("tests.geo.intake_fixtures",)


def _xlsx_bytes(rows: list[list[object]], merge: str | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter"),
    [
        ("semicolon_cp1252.csv", "Windows-1252", "titik koma"),
        ("bom_tab.csv", "UTF-8 dengan BOM", "tab"),
        ("pipe_title_total.csv", "UTF-8", "garis tegak"),
        ("duplicates.csv", "UTF-8", "koma"),
    ],
    ids=["cp1252-semicolon", "bom-tab", "pipe", "comma"],
)
def test_encoding_and_delimiter_are_detected(intake_file, name, encoding, delimiter):
    table = read_table(intake_file(name))

    assert f"({encoding}, pemisah {delimiter})" in table.notes[0]


def test_bom_does_not_stick_to_the_first_column(intake_file):
    assert read_table(intake_file("bom_tab.csv")).frame.columns[0] == "kode"


def test_windows_1252_letters_are_decoded(intake_file):
    table = read_table(intake_file("semicolon_cp1252.csv"))

    assert table.frame["kelurahan"].iloc[3] == "Kelurahan Kedungsarí"


def test_header_below_title_lines_and_row_numbers_as_in_the_file(intake_file):
    table = read_table(intake_file("pipe_title_total.csv"))

    assert list(table.frame.columns) == ["kelurahan", "tanggal", "positif", "dirawat"]
    assert table.rows.tolist() == [4, 5, 6]
    assert "Judul kolom ditemukan di baris 3." in table.notes


def test_trailing_total_row_is_set_aside_with_a_note(intake_file):
    table = read_table(intake_file("pipe_title_total.csv"))

    assert "Jumlah" not in table.frame["kelurahan"].tolist()
    assert table.totals["positif"].tolist() == ["27"]
    assert "Baris 7 adalah baris jumlah/total dan tidak diimpor." in table.notes


def test_two_row_header_is_flattened(intake_file):
    table = read_table(intake_file("two_row_header.csv"))

    assert list(table.frame.columns) == [
        "kelurahan",
        "tanggal",
        "KASUS POSITIF / positif",
        "KASUS POSITIF / sembuh",
        "KASUS POSITIF / meninggal",
    ]
    assert table.rows.tolist() == [3, 4]


def test_merged_xlsx_header_is_flattened():
    data = _xlsx_bytes(
        [
            ["kelurahan", "KASUS", None],
            [None, "positif", "sembuh"],
            ["Magersari", 14, 11],
        ],
        merge="B1:C1",
    )

    table = read_table(data, name="gabung.xlsx")

    assert list(table.frame.columns) == [
        "kelurahan",
        "KASUS / positif",
        "KASUS / sembuh",
    ]
    assert table.frame.iloc[0].tolist() == ["Magersari", "14", "11"]


def test_xlsx_numeric_codes_read_as_text_f06():
    data = _xlsx_bytes([["kode_kel_full", "positif"], [3171010002, 3], [None, 4]])

    table = read_table(data, name="f06.xlsx")

    assert table.frame["kode_kel_full"].tolist() == ["3171010002", ""]
    assert table.frame["positif"].tolist() == ["3", "4"]


def test_xlsx_float_code_and_fraction():
    data = _xlsx_bytes([["kode", "nilai"], [3171010002.0, 2.5]])

    table = read_table(data, name="angka.xlsx")

    assert table.frame.iloc[0].tolist() == ["3171010002", "2,5"]


@pytest.mark.parametrize(
    ("name", "message"),
    [("empty.csv", "kosong"), ("not_a_table.csv", "bukan tabel")],
    ids=["empty", "prose"],
)
def test_unreadable_files_raise_in_bahasa_indonesia(intake_file, name, message):
    with pytest.raises(GeoInputError, match=message):
        read_table(intake_file(name))


@pytest.mark.parametrize(
    "data",
    [b"tanggal,kelurahan,positif\n", b"kelurahan,positif\nJUMLAH,12\n"],
    ids=["header-only", "only-a-total"],
)
def test_a_table_without_data_rows_is_refused(data):
    with pytest.raises(GeoInputError, match="tanpa baris data"):
        read_table(data, name="judul.csv")


def test_damaged_xlsx_is_not_a_table():
    with pytest.raises(GeoInputError, match="bukan tabel"):
        read_table(b"PK\x03\x04 rusak", name="rusak.xlsx")


def test_missing_file_is_reported_by_name(tmp_path):
    with pytest.raises(GeoInputError, match="tidak dapat dibuka"):
        read_table(tmp_path / "tidak_ada.csv")


def test_reimported_quarantine_keeps_original_row_numbers():
    data = (
        b"kelurahan,positif,baris,kolom,nilai,alasan\nKedungsari,3,14,kelurahan,x,y\n"
    )

    table = read_table(data, name="karantina.csv")

    assert list(table.frame.columns) == ["kelurahan", "positif"]
    assert table.rows.tolist() == [14]


def test_fast_and_exact_csv_readers_agree(intake_file):
    data = intake_file("line_list_personal.csv").read_bytes()

    fast = read_table(data, name="cepat.csv")
    exact = read_table(data + b"\n\n", name="pelan.csv")  # blank lines: exact path

    assert fast.frame.equals(exact.frame)
    assert fast.rows.tolist() == exact.rows.tolist() == list(range(2, 10))


def test_blank_lines_keep_row_numbers():
    data = b"kelurahan,positif\n\nMagersari,1\n\nKedungsari,2\n"

    assert read_table(data, name="kosong.csv").rows.tolist() == [3, 5]


def test_a_picture_renamed_csv_is_not_a_table():
    rng = np.random.default_rng(6)
    picture = b"\x89PNG\r\n\x1a\n" + rng.integers(0, 256, 400, dtype=np.uint8).tobytes()
    with pytest.raises(GeoInputError, match="bukan tabel CSV atau Excel"):
        read_table(picture, "foto.csv")
