from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import geopandas as gpd
import openpyxl
import pandas as pd
import pypdf
import pytest

from geo import export_region
from geo.errors import GeoInputError
from geo.export_image import ImageRenderer
from geo.export_region import (
    ExportInputs,
    export,
    export_bytes,
    inputs_from_region,
    kelurahan_table,
)
from geo.store_charts import StoreChart
from geo.text import fmt_int
from tests.geo.export_support import (
    PNG_SIGNATURE,
    png_size,
    three_kelurahan_region,
    warm_renderer,
)

EXTERNAL_ASSET = re.compile(
    r"<(script|link)\b[^>]*\b(src|href)\s*=\s*[\"']?(https?:)?//", re.IGNORECASE
)


@pytest.fixture
def image_renderer(request: pytest.FixtureRequest) -> ImageRenderer:
    return warm_renderer(request.config)


@pytest.fixture
def inputs() -> ExportInputs:
    return inputs_from_region(three_kelurahan_region(), None)


def test_inputs_default_to_the_latest_date_and_know_the_previous(inputs):
    assert inputs.data_date == pd.Timestamp("2020-10-06")
    assert inputs.previous_date == pd.Timestamp("2020-10-05")


@pytest.mark.parametrize(
    ("tanggal", "message"),
    [("2020-10-07", "Tidak ada data untuk tanggal 7 Okt 2020"), ("6/10", "TTTT-BB-HH")],
    ids=["absent", "unreadable"],
)
def test_bad_date_is_reported_with_the_dates_available(tanggal, message):
    with pytest.raises(GeoInputError, match=message):
        inputs_from_region(three_kelurahan_region(), tanggal)


def test_kelurahan_table_worked_out_by_hand(inputs):
    table = kelurahan_table(inputs).set_index("kode")

    assert table.loc["99.01.01.1001", "positif"] == 1234
    assert table.loc["99.01.01.1001", "baru"] == 4  # 1.230 -> 1.234
    assert table.loc["99.01.01.1001", "aktif"] == 30  # 10 dirawat + 20 isolasi
    assert table.loc["99.01.01.1002", "baru"] == 2
    assert table.index[0] == "99.01.01.1001"  # largest first


def test_briefing_kpis_and_changes_worked_out_by_hand(inputs):
    content = export_region.briefing_input(inputs, map_html=None)

    kpis = {kpi.label: kpi for kpi in content.kpis}
    positif = kpis["Kasus konfirmasi kumulatif"]
    assert (positif.value, positif.change) == (1237.0, 6.0)
    active = kpis["Kasus aktif"]
    assert (active.value, active.change) == (32.0, 3.0)  # 29 -> 32


def test_table_exports_read_back(inputs, tmp_path):
    xlsx = export("tabel", inputs, fmt="xlsx", out_path=tmp_path / "t.xlsx")
    csv = export("tabel", inputs, fmt="csv", out_path=tmp_path / "t.csv")

    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Data", "Keterangan"]
    rows = list(book["Data"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Kode", "Kelurahan", "Kecamatan")
    assert [row[3] for row in rows[1:]] == [1234, 3, 0]
    back = pd.read_csv(csv, encoding="utf-8-sig", dtype=str)
    assert back["kode"].tolist() == ["99.01.01.1001", "99.01.01.1002", "99.01.02.1003"]


def test_layer_exports_read_back_with_geometries(inputs, tmp_path):
    geojson = export("peta", inputs, fmt="geojson", out_path=tmp_path / "p.geojson")
    gpkg = export("peta", inputs, fmt="gpkg", out_path=tmp_path / "p.gpkg")

    for path in (geojson, gpkg):
        layer = gpd.read_file(path)
        assert len(layer) == 3
        assert set(layer.geom_type) == {"Polygon"}
        assert layer.crs.to_epsg() == 4326


def test_map_html_opens_with_no_internet(inputs, tmp_path):
    path = export("peta", inputs, fmt="html", out_path=tmp_path / "peta.html")

    html = path.read_text(encoding="utf-8")
    assert EXTERNAL_ASSET.search(html) is None
    assert "Kel 1" in html


def test_image_exports_read_back(inputs, tmp_path, image_renderer):
    png = export(
        "grafik",
        inputs,
        fmt="png",
        out_path=tmp_path / "g.png",
        renderer=image_renderer,
    ).read_bytes()
    svg = export(
        "grafik",
        inputs,
        fmt="svg",
        chart="kecamatan",
        out_path=tmp_path / "g.svg",
        renderer=image_renderer,
    )
    pdf = export(
        "laporan",
        inputs,
        fmt="pdf",
        out_path=tmp_path / "l.pdf",
        renderer=image_renderer,
    )
    map_png = export(
        "peta", inputs, fmt="png", out_path=tmp_path / "p.png", renderer=image_renderer
    ).read_bytes()

    assert png.startswith(PNG_SIGNATURE)
    assert png_size(png) == (2000, 1124)
    assert ElementTree.parse(svg).getroot().tag.endswith("svg")
    reader = pypdf.PdfReader(pdf)
    assert "Laporan Situasi" in reader.pages[0].extract_text()
    assert map_png.startswith(PNG_SIGNATURE)


def test_unsupported_format_names_the_choices(inputs, tmp_path):
    with pytest.raises(GeoInputError, match="Pilih salah satu: xlsx, csv"):
        export("tabel", inputs, fmt="ods", out_path=tmp_path / "t.ods")


def test_public_release_is_applied_in_every_export(inputs, tmp_path, image_renderer):
    """Kelurahan 2 has 3 cases and 2 new ones: no export may show either."""

    def made(kind: str, fmt: str, chart: str = "kurva") -> Path:
        return export(
            kind,
            inputs,
            fmt=fmt,
            chart=chart,
            out_path=tmp_path / f"{kind}-{chart}.{fmt}",
            public=True,
            renderer=image_renderer,
        )

    csv = pd.read_csv(made("tabel", "csv"), encoding="utf-8-sig", dtype=str)
    assert csv.loc[1, "positif"] == "<5" and csv.loc[1, "baru"] == "<5"

    sheet = openpyxl.load_workbook(made("tabel", "xlsx"))["Data"]
    assert (sheet["D3"].value, sheet["E3"].value) == ("<5", "<5")

    features = json.loads(made("peta", "geojson").read_text())["features"]
    assert features[1]["properties"]["positif"] == "<5"
    assert gpd.read_file(made("peta", "gpkg"))["positif"].tolist()[1] == "<5"

    html = made("peta", "html").read_text(encoding="utf-8")
    # the map's tooltip value and its legend: 3 cases read "<5"
    assert '"nilai":"\\u003c5"' in html
    assert '"nilai":"3"' not in html

    svg = ElementTree.parse(made("grafik", "svg", chart="kelurahan")).getroot()
    texts = [node.text for node in svg.iter() if node.tag.endswith("text")]
    assert "<5" in texts and "3" not in texts

    chart_html = made("grafik", "html", chart="kelurahan").read_text()
    assert "\\u003c5" in chart_html or "<5" in chart_html

    pdf = pypdf.PdfReader(made("laporan", "pdf"))
    lines = "\n".join(page.extract_text() for page in pdf.pages).splitlines()
    assert "<5" in lines and "3" not in lines and "2" not in lines


def test_briefing_carries_the_page_notes_and_kpis(magelang, jakarta):
    """Magelang: no population, facility data quality; Jakarta: rows without
    kelurahan. The KPIs are the situation totals the Peta Situasi page shows."""
    for region, expected_note in (
        (magelang, "Data penduduk per kelurahan tidak tersedia"),
        (jakarta, "kasus konfirmasi tanpa kelurahan"),
    ):
        inputs = inputs_from_region(region, None)
        pdf = pypdf.PdfReader(io.BytesIO(export_bytes("laporan", inputs, fmt="pdf")))
        text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)

        assert expected_note in text
        assert fmt_int(inputs.situation.totals["positif"]) in text
        assert region.pack.nama in text
        facilities = region.facilities
        if facilities is not None and len(facilities.flagged):
            assert facilities.notes[0][:40] in text


def test_export_notes_are_region_situation_and_facility_notes(magelang):
    inputs = inputs_from_region(magelang, None)

    assert set(magelang.notes) <= set(inputs.notes)
    assert set(inputs.situation.notes) <= set(inputs.notes)
    assert set(magelang.facilities.notes) <= set(inputs.notes)


def test_exported_map_is_the_situation_map_with_facilities(magelang):
    inputs = inputs_from_region(magelang, None)

    html = export_region.map_html(inputs, public=False)

    assert EXTERNAL_ASSET.search(html) is None
    assert "petaruang-legend" in html  # the app's own legend
    assert "Fasilitas kesehatan" in html


def test_kelurahan_table_has_the_page_numbers(jakarta):
    inputs = inputs_from_region(jakarta, "2021-07-31", indicator="insidens")
    table = kelurahan_table(inputs)

    assert len(table) == 267
    assert table["positif"].sum() == inputs.situation.totals["positif"]
    assert "penduduk" in table.columns and "insidens" in table.columns
    # the page's order: by the indicator, largest first
    assert table["insidens"].is_monotonic_decreasing


def test_facility_charts_only_when_their_data_exist(inputs):
    occupancy = StoreChart(
        pd.DataFrame({"nama": ["RS Uji"], "terisi": [30], "kapasitas": [40]}),
        subtitle="keterisian per 6 Okt 2020",
        source="catatan keterisian",
    )
    with_beds = export_region.ExportInputs(
        region=inputs.region, situation=inputs.situation, occupancy=occupancy
    )

    assert "keterisian" not in export_region.available_charts(inputs)
    assert export_region.available_charts(with_beds)[-1] == "keterisian"
    figure = export_region.chart_figure(with_beds, "keterisian", public=False)
    assert figure.data[0].x[0] == pytest.approx(75.0, abs=1e-9)  # 30 of 40 beds
    assert figure.layout.title.subtitle.text == "Kota Uji · keterisian per 6 Okt 2020"
    with pytest.raises(GeoInputError, match="belum ada data keterisian tempat tidur"):
        export_region.chart_figure(inputs, "keterisian", public=False)
    assert dict(export_region.absent_charts(with_beds)) == {
        "stok": "wilayah ini belum punya catatan sumber daya"
    }


def test_stock_csv_keeps_small_stock_in_a_public_release(inputs):
    stock = StoreChart(
        pd.DataFrame(
            {
                "tanggal": pd.to_datetime(["2020-10-06"]),
                "sumber_daya": ["Ambulans"],
                "stok": pd.array([3], dtype="Int64"),
            }
        ),
        subtitle="stok tercatat sampai 6 Okt 2020",
    )
    with_stock = export_region.ExportInputs(
        region=inputs.region, situation=inputs.situation, stock=stock
    )

    content = export_bytes("grafik", with_stock, fmt="csv", chart="stok", public=True)

    back = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig", dtype=str)
    assert back["stok"].tolist() == ["3"]  # three ambulances are not three people


def test_chart_csv_is_the_chart_data_with_public_release(inputs):
    content = export_bytes("grafik", inputs, fmt="csv", chart="kelurahan", public=True)

    back = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig", dtype=str)
    assert back.set_index("kode").loc["99.01.01.1002", "positif"] == "<5"
