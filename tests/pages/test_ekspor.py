"""AppTest of Grafik & Ekspor and of the downloads beside Peta Situasi's contents.

No exception for Magelang and Jakarta; the charts present; the briefing made by
the function the button calls carries the page's KPIs; a public release hides a
count of 3 in the CSV the page offers; a missing Chromium is said within a
bounded time, with the chart's HTML and its data as CSV instead.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pypdf
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from geo import briefing_sections, store
from geo.cli_hotspots import hotspot_report, load_region_inputs
from geo.export import date_label
from tests.geo.export_support import (
    adopt_siting,
    magelang_siting,
    pdf_text,
    warm_renderer,
)
from ui import cache, downloads, state

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60  # the first run reads the Jakarta workbooks and builds maps
EXPORT_PAGE = "pages/ekspor.py"
BOUNDED_S = 30  # FIELD-REPORTS F08: the message comes within 30 s


def run(query: dict[str, str] | None = None, page: str | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    if page is not None:
        app.switch_page(page)
    app.run()
    assert not app.exception, app.exception
    return app


def chart_titles(app: AppTest) -> list[str]:
    titles = []
    for chart in app.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        titles.append(spec["layout"]["title"]["text"])
    return titles


def typed_array(value: dict | list) -> list:
    """Return the numbers of a plotly spec array (base64 "bdata" or a list)."""
    if isinstance(value, dict):
        raw = base64.b64decode(value["bdata"])
        return np.frombuffer(raw, dtype=value["dtype"]).tolist()
    return list(value)


def metric_text(app: AppTest, label: str) -> str:
    for element in app.metric:
        if element.label == label:
            return element.value
    raise AssertionError(f"no metric {label!r}")


def prepared(app: AppTest, key: str) -> dict:
    return app.session_state[state.EXPORT_FILES][key]


NO_BEDS = (
    "Grafik keterisian fasilitas tidak ditampilkan: belum ada data keterisian "
    "tempat tidur untuk wilayah ini."
)
NO_STOCK = (
    "Grafik stok sumber daya tidak ditampilkan: wilayah ini belum punya catatan "
    "sumber daya."
)


@pytest.mark.parametrize(
    ("query", "region", "stock", "missing"),
    [
        ({}, "Kota Magelang", True, [NO_BEDS]),
        ({"wilayah": "31"}, "DKI Jakarta", False, [NO_BEDS, NO_STOCK]),
    ],
    ids=["magelang", "jakarta"],
)
def test_export_page_draws_every_chart_the_data_allow(query, region, stock, missing):
    app = run(query, page=EXPORT_PAGE)

    assert region in app.title[0].value
    titles = " | ".join(chart_titles(app))
    for expected in (
        "Kurva epidemi",
        "Kasus kumulatif menurut status",
        "per kecamatan",
        "kelurahan dengan kasus konfirmasi kumulatif tertinggi",
    ):
        assert expected in titles
    # Magelang ships example resources, labelled as examples; no bed occupancy
    assert ("Stok sumber daya menurut jenis (data contoh)" in titles) == stock
    assert len(app.get("plotly_chart")) == 4 + stock
    captions = [caption.value for caption in app.caption]
    assert [text for text in captions if text.startswith("Grafik ")] == missing
    assert app.button(key="ekspor_laporan_siapkan").label == "Buat Laporan Situasi"
    assert any("Data penduduk per kelurahan" in w.value for w in app.warning) == (
        region == "Kota Magelang"
    )


@pytest.fixture
def page_store(monkeypatch, bundled_store, magelang_store):
    """Let the pages read a temp store holding only Magelang, then forget it.

    ``bundled_store`` first: the session store keeps both packs for the tests
    after this one, whose caches are emptied again on the way out.
    """
    engine, _ = magelang_store
    st.cache_data.clear()
    monkeypatch.setattr(cache, "engine", lambda: engine)
    yield engine
    st.cache_data.clear()


def test_occupancy_recorded_in_the_store_is_charted_on_the_page(page_store):
    facilities = store.facilities(page_store, "33.71").set_index("nama")["id"]
    for nama in ("Budi Rahayu", "Gladiool"):
        store.update_facility(
            page_store, int(facilities[nama]), {"tempat_tidur_isolasi": 40}, "Sari"
        )
    store.record_occupancy(
        page_store,
        int(facilities["Budi Rahayu"]),
        dt.date(2020, 10, 5),
        {"terisi_isolasi": 30},
        "Sari",
    )

    app = run({"tanggal": "2020-10-06"}, page=EXPORT_PAGE)

    specs = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    beds = next(
        spec
        for spec in specs
        if spec["layout"]["title"]["text"]
        == "<b>Keterisian tempat tidur per fasilitas</b>"
    )
    # Gladiool has 40 beds but no record: no bar, a note
    assert beds["data"][0]["y"] == ["Budi Rahayu (isolasi)"]
    assert beds["data"][0]["text"] == ["30 dari 40 terisi"]
    assert typed_array(beds["data"][0]["x"]) == pytest.approx([75.0], abs=1e-9)
    assert "keterisian per 5 Okt 2020" in beds["layout"]["title"]["subtitle"]["text"]
    assert "1 fasilitas (isolasi)" in beds["layout"]["annotations"][0]["text"]
    assert len(specs) == 6
    assert not [c.value for c in app.caption if c.value.startswith("Grafik ")]


def test_peta_situasi_has_a_download_beside_curve_table_and_map():
    app = run()

    for key in ("situasi_kurva", "situasi_tabel_unduh", "situasi_peta_unduh"):
        assert app.button(key=f"{key}_siapkan").label == "Siapkan berkas"
    formats = app.radio(key="situasi_peta_unduh_format").options
    assert formats == [
        "HTML mandiri (tanpa internet)",
        "PNG",
        "GeoJSON",
        "GeoPackage",
    ]


@pytest.mark.parametrize(
    ("query", "kode", "tanggal"),
    [
        ({}, "33.71", "2020-10-06"),
        ({"wilayah": "31", "tanggal": "2021-07-31"}, "31", "2021-07-31"),
    ],
    ids=["magelang", "jakarta"],
)
def test_briefing_has_the_region_date_and_kpis_of_peta_situasi(
    request, query, kode, tanggal
):
    page = run(query)
    shown = [
        metric_text(page, label)
        for label in (
            "Kasus konfirmasi kumulatif",
            "Kasus aktif",
            "Meninggal kumulatif",
            "Kasus tanpa kelurahan",
        )
    ]

    inputs = downloads.export_inputs(kode, tanggal)
    pdf = downloads.make_export(
        "laporan", inputs, fmt="pdf", renderer=warm_renderer(request.config)
    )

    text = " ".join(
        " ".join(page.extract_text().split())
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
    )
    assert inputs.name in text
    assert date_label(pd.Timestamp(tanggal)) in text
    for value in shown:
        if value != "0":  # no "tanpa kelurahan" row when there are none
            assert value in text


def test_briefing_button_makes_a_pdf_with_the_hotspot_summary():
    app = run({"tanggal": "2020-10-06"}, page=EXPORT_PAGE)

    app.button(key="ekspor_laporan_siapkan").click().run()

    assert not app.exception, app.exception
    made = prepared(app, "ekspor_laporan")
    assert made["error"] is None
    text = pdf_text(made["content"])
    report = hotspot_report(load_region_inputs("33.71"), tanggal="2020-10-06")
    assert "Ringkasan hotspot" in text
    assert " ".join(report.summary.split()) in text
    assert "999 permutasi (seed 20201006)" in text


def test_briefing_inputs_get_both_sections_through_the_page_caches(
    monkeypatch, magelang_store, magelang
):
    # The scenario is adopted in a store of its own: the session store's
    # scenario numbers belong to tests/pages/test_skenario.py.
    engine, _ = magelang_store
    scenario_id = adopt_siting(
        engine, magelang_siting(magelang), nama="Posko halaman", who="Wali Kota"
    )
    inputs = downloads.export_inputs("33.71", "2020-10-06")  # region cached first
    monkeypatch.setattr(cache, "engine", lambda: engine)

    filled = downloads.briefing_inputs(inputs)

    report = cache.hotspot_report(
        "33.71", "2020-10-06", **briefing_sections.hotspot_defaults()
    )
    assert filled.hotspot_summary[0] == report.summary
    assert filled.scenario_text[0].startswith(
        f'Skenario "Posko halaman" (#{scenario_id}, Lokasi) diadopsi oleh Wali Kota'
    )
    kpis = filled.scenario_table.set_index("Indikator")["Nilai"]
    assert kpis["Jumlah lokasi"] == "2"


def test_public_release_turns_three_into_under_five_in_the_offered_csv():
    """Kelurahan 33.71.01.1011 has 3 confirmed cases on 6 Oct 2020."""
    app = run({"tanggal": "2020-10-06"}, page=EXPORT_PAGE)
    app.toggle(key=state.PUBLIC_WIDGET).set_value(True).run()
    app.radio(key="ekspor_tabel_format").set_value("csv").run()

    app.button(key="ekspor_tabel_siapkan").click().run()

    assert not app.exception
    content = prepared(app, "ekspor_tabel")["content"]
    table = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig", dtype=str)
    assert table.set_index("kode").loc["33.71.01.1011", "positif"] == "<5"
    assert app.get("download_button")[0].proto.label.startswith("Unduh")


def test_missing_chromium_is_said_in_bounded_time_with_fallbacks(monkeypatch):
    cache.image_renderer().close()  # a warm browser would not look for Chromium
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    app = run(page=EXPORT_PAGE)

    started = time.perf_counter()
    app.button(key="ekspor_grafik_kurva_siapkan").click().run()
    elapsed = time.perf_counter() - started

    assert not app.exception
    assert elapsed < BOUNDED_S
    assert any("apt-get install chromium" in error.value for error in app.error)
    made = prepared(app, "ekspor_grafik_kurva")
    fallbacks = {choice.fmt: content for choice, content in made["fallbacks"]}
    assert set(fallbacks) == {"html", "csv"}
    assert b"plotly" in fallbacks["html"]
    assert fallbacks["csv"].startswith(b"\xef\xbb\xbftanggal")
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["HTML interaktif", "CSV (data)"]
