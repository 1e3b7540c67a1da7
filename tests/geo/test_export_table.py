from __future__ import annotations

import io
import json

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
import shapely

from geo.errors import GeoInputError
from geo.export_table import (
    TableInfo,
    layer_to_geojson,
    layer_to_gpkg,
    neutralise_formulas,
    suppress_small_counts,
    table_to_csv,
    table_to_xlsx,
)
from tests.geo.export_support import squares

INFO = TableInfo(
    title="Kasus per kelurahan",
    source="Dinkes Uji",
    data_date="6 Okt 2020",
    region="Kota Uji",
    filters=(("Kecamatan", "Uji Barat"),),
    definitions=(("positif", "Kasus konfirmasi kumulatif."),),
    notes=("Data penduduk tidak tersedia.",),
)


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kode": ["33.71.01.1001", "33.71.01.1002", "33.71.01.1003"],
            "nama": ["Kemirirejo", "Cacaban", "Uji"],
            "positif": pd.array([1234, 3, 0], dtype="Int64"),
            "rasio": [-1.5, 2.25, 0.0],
            "tanggal": pd.to_datetime(["2020-10-06"] * 3),
        }
    )


@pytest.fixture
def layer(table) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        table, geometry=squares(list(table["kode"])).geometry, crs="EPSG:32749"
    )


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)


def test_csv_has_bom_and_reads_back_equal_with_codes_intact(table):
    data = table_to_csv(table)

    assert data.startswith(b"\xef\xbb\xbf")
    back = read_csv(data)
    assert back["kode"].tolist() == table["kode"].tolist()  # F06: no lost dots
    assert back["positif"].tolist() == ["1234", "3", "0"]
    assert back["rasio"].tolist() == ["-1.5", "2.25", "0.0"]
    assert back["tanggal"].tolist() == ["2020-10-06"] * 3


def test_yes_no_columns_read_ya_tidak_in_csv_and_xlsx():
    frame = pd.DataFrame({"sumber_daya": ["Kit tes", "APD"], "contoh": [True, False]})

    back = read_csv(table_to_csv(frame))
    sheet = openpyxl.load_workbook(io.BytesIO(table_to_xlsx(frame, INFO))).worksheets[0]

    assert back["contoh"].tolist() == ["ya", "tidak"]
    cells = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "ya" in cells and "tidak" in cells and True not in cells


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"],
    ids=["equals", "plus", "minus", "at", "tab", "cr"],
)
def test_csv_neutralises_formula_cells(text):
    frame = pd.DataFrame({"nama": [text]})

    back = read_csv(table_to_csv(frame))

    assert back["nama"].iloc[0].startswith("'")


def test_negative_numbers_stay_numbers():
    frame = pd.DataFrame({"selisih": [-3, 4], "teks": ["-12", "-1,5"]})

    neutral = neutralise_formulas(frame)

    assert neutral["selisih"].tolist() == [-3, 4]
    assert neutral["teks"].tolist() == ["-12", "-1,5"]


def test_public_csv_shows_one_to_four_as_under_five(table):
    back = read_csv(table_to_csv(table, public=True))

    assert back["positif"].tolist() == ["1234", "<5", "0"]


def test_suppression_leaves_other_values_and_columns_alone(table):
    hidden = suppress_small_counts(table)

    assert hidden["positif"].tolist() == [1234, "<5", 0]
    assert hidden["rasio"].tolist() == table["rasio"].tolist()


def test_xlsx_data_sheet_equals_the_table(table):
    book = openpyxl.load_workbook(io.BytesIO(table_to_xlsx(table, INFO)))

    assert book.sheetnames == ["Data", "Keterangan"]
    rows = list(book["Data"].iter_rows(values_only=True))
    assert list(rows[0]) == list(table.columns)
    back = pd.DataFrame(rows[1:], columns=rows[0])
    assert back["kode"].tolist() == table["kode"].tolist()
    assert back["positif"].tolist() == [1234, 3, 0]
    # Excel stores floats as binary doubles; 1e-12 is far below any shown digit
    assert back["rasio"].tolist() == pytest.approx([-1.5, 2.25, 0.0], abs=1e-12)
    assert back["tanggal"].tolist() == [pd.Timestamp("2020-10-06")] * 3
    assert book["Data"]["C2"].number_format == "#,##0"


def test_xlsx_keterangan_gives_source_date_filters_and_definitions(table):
    book = openpyxl.load_workbook(io.BytesIO(table_to_xlsx(table, INFO, public=True)))

    info = dict(book["Keterangan"].iter_rows(values_only=True))
    assert info["Sumber"] == "Dinkes Uji"
    assert info["Tanggal data"] == "6 Okt 2020"
    assert info["Wilayah"] == "Kota Uji"
    assert info["Filter: Kecamatan"] == "Uji Barat"
    assert info["Definisi: positif"] == "Kasus konfirmasi kumulatif."
    text = " ".join(str(value) for row in book["Keterangan"].values for value in row)
    assert "Data penduduk tidak tersedia." in text
    assert "<5" in text


def test_xlsx_keeps_formula_text_as_text():
    frame = pd.DataFrame({"nama": ['=HYPERLINK("http://x")', "@A1"]})

    sheet = openpyxl.load_workbook(io.BytesIO(table_to_xlsx(frame, INFO)))["Data"]

    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value == '=HYPERLINK("http://x")'


def test_public_xlsx_shows_one_to_four_as_under_five(table):
    sheet = openpyxl.load_workbook(io.BytesIO(table_to_xlsx(table, INFO, public=True)))[
        "Data"
    ]

    assert [sheet.cell(row, 3).value for row in (2, 3, 4)] == [1234, "<5", 0]


def test_geojson_reads_back_with_its_geometries_in_wgs84(layer):
    collection = json.loads(layer_to_geojson(layer))

    back = gpd.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")
    assert back["kode"].tolist() == layer["kode"].tolist()
    expected = layer.to_crs("EPSG:4326").geometry
    for got, want in zip(back.geometry, expected, strict=True):
        # 1e-9 deg is about 0.1 mm: only float printing differs
        assert shapely.equals_exact(got, want, tolerance=1e-9)
    assert back["tanggal"].tolist() == ["2020-10-06"] * 3


def test_public_geojson_hides_small_counts(layer):
    collection = json.loads(layer_to_geojson(layer, public=True))

    values = [feature["properties"]["positif"] for feature in collection["features"]]
    assert values == ["1234", "<5", "0"]


def test_gpkg_reads_back_with_its_geometries(layer, tmp_path):
    path = tmp_path / "lapisan.gpkg"
    path.write_bytes(layer_to_gpkg(layer, layer_name="kelurahan", public=True))

    back = gpd.read_file(path, layer="kelurahan")
    assert back.crs.to_epsg() == 4326
    assert back["kode"].tolist() == layer["kode"].tolist()
    assert back["positif"].tolist() == ["1234", "<5", "0"]
    expected = layer.to_crs("EPSG:4326").geometry
    for got, want in zip(back.geometry, expected, strict=True):
        # GeoPackage stores doubles; 1e-9 deg (0.1 mm) allows for nothing else
        assert shapely.equals_exact(got, want, tolerance=1e-9)


def test_layer_without_crs_is_refused(layer):
    bare = layer.set_crs(None, allow_override=True)

    with pytest.raises(GeoInputError, match="tidak punya sistem koordinat"):
        layer_to_geojson(bare)


def test_public_gpkg_writes_missing_counts_as_null(layer, tmp_path):
    layer["positif"] = pd.array([2, pd.NA, 7], dtype="Int64")
    path = tmp_path / "lapisan.gpkg"
    path.write_bytes(layer_to_gpkg(layer, public=True))

    back = gpd.read_file(path)
    assert back["positif"].iloc[0] == "<5"
    assert pd.isna(back["positif"].iloc[1])  # null, not the text "nan"
    assert back["positif"].iloc[2] == "7"


def test_public_csv_keeps_whole_numbers_beside_missing_counts():
    frame = pd.DataFrame({"positif": pd.array([2, pd.NA, 7], dtype="Int64")})

    back = read_csv(table_to_csv(frame, public=True))

    assert back["positif"].tolist()[0] == "<5"
    assert pd.isna(back["positif"].iloc[1])
    assert back["positif"].tolist()[2] == "7"  # not "7.0"
