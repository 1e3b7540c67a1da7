"""AppTest of the Data page: history and audit log, a file's preview and write, F02.

The file uploader cannot be driven in AppTest; the page keeps the last upload
under a session key (it survives page changes, F02), which the tests seed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from geo import store
from ui import cache

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60  # the first run opens the store and checks the bundled packs


def _data_page() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    app.run()
    app.switch_page("pages/data.py").run()
    assert not app.exception, app.exception
    return app


def _same_numbers_file(engine) -> bytes:
    """A case file whose one row repeats what the store holds (numbers unchanged)."""
    cases = store.case_counts(engine, "33.71")
    row = cases[cases["tanggal"] == "2020-10-06"].iloc[[0]].copy()
    row["tanggal"] = "2020-10-06"
    return row.drop(columns="keterangan").to_csv(index=False).encode()


def test_page_shows_import_history_and_audit_log(bundled_store):
    app = _data_page()

    assert app.title[0].value == "Data"
    subheaders = [element.value for element in app.subheader]
    assert "Riwayat impor" in subheaders and "Log audit" in subheaders
    history = app.dataframe[-2].value
    assert {"kelurahan.geojson", "example_resources.csv"} <= set(history["Berkas"])
    assert set(history["Oleh"]) >= {"paket wilayah"}
    assert len(app.dataframe[-1].value) > 0


def test_the_uploader_s_own_words_are_replaced_in_bahasa_indonesia(bundled_store):
    app = _data_page()

    styles = " ".join(element.proto.body for element in app.get("html"))
    assert 'content: "Unggah"' in styles
    assert "Maks. 200 MB per berkas • CSV, TXT, XLSX, XLSM" in styles
    assert ".st-key-uploader_data_berkas_widget" in styles


def test_seeded_file_is_checked_then_written_once(bundled_store):
    app = _data_page()
    app.session_state["data_berkas"] = (
        "kasus_sama.csv",
        _same_numbers_file(bundled_store),
    )
    app.run()

    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics == {"Baris dibaca": "1", "Diterima": "1", "Dikarantina": "0"}
    app.button(key="data_simpan").click().run()
    assert any(
        "Isi nama" in error.value or "nama" in error.value for error in app.error
    )

    app.text_input(key="data_oleh_widget").input("Sari").run()
    app.button(key="data_simpan").click().run()

    assert not app.exception, app.exception
    assert any("tersimpan" in success.value for success in app.success)
    # the success message says it; "already imported" would contradict it
    assert not any("sudah pernah diimpor" in info.value for info in app.info)
    again = _data_page()
    again.session_state["data_berkas"] = app.session_state["data_berkas"]
    again.run()
    assert any("sudah pernah diimpor" in info.value for info in again.info)
    assert store.batches(bundled_store)["who"].iloc[0] == "Sari"
    cases = store.case_counts(bundled_store, "33.71")
    assert int(cases.loc[cases["tanggal"] == "2020-10-06", "positif"].sum()) == 198


def test_the_date_given_on_the_page_dates_a_file_without_dates(bundled_store):
    app = _data_page()
    app.session_state["data_berkas"] = (
        "tanpa_tanggal.csv",
        b"kelurahan,positif\nMagersari,3\n",
    )
    app.run()
    assert any("tidak punya kolom tanggal" in e.value for e in app.error)

    app.date_input(key="data_tanggal_widget").set_value(dt.date(2020, 10, 7)).run()

    assert not app.exception, app.exception
    assert not app.error, [e.value for e in app.error]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Diterima"] == "1"


def test_questions_appear_as_widgets(bundled_store):
    app = _data_page()
    text = (
        "kelurahan,tanggal,positif\nKedungsarii,03/04/2020,3\nMagersari,04/04/2020,1\n"
    )
    app.session_state["data_berkas"] = ("tanya.csv", text.encode())
    app.run()

    assert not app.exception, app.exception
    assert any("Kedungsari" in box.label for box in app.checkbox)
    order = app.radio[0]
    assert order.options == ["hari/bulan/tahun", "bulan/hari/tahun"]
    assert order.value is None  # asked, never guessed
    assert app.metric[1].value == "0"  # nothing accepted before the answer

    order.set_value("bh").run()
    app.checkbox[0].check().run()

    assert app.radio[0].value == "bh"  # still shown, answer can be changed
    assert app.metric[1].value == "2"


def test_choices_survive_a_visit_to_another_page(bundled_store):
    app = _data_page()
    app.selectbox(key="data_jenis_widget").set_value("fasilitas").run()
    app.text_input(key="data_oleh_widget").input("Sari").run()

    for _ in range(3):
        app.switch_page("pages/peta_situasi.py").run()
        app.switch_page("pages/data.py").run()

    assert app.selectbox(key="data_jenis_widget").value == "fasilitas"
    assert app.text_input(key="data_oleh_widget").value == "Sari"


@pytest.fixture
def page_store(monkeypatch, bundled_store, magelang_store):
    """Let the pages read a temp store holding only Magelang, then forget it."""
    engine, _ = magelang_store
    st.cache_data.clear()
    monkeypatch.setattr(cache, "engine", lambda: engine)
    yield engine
    st.cache_data.clear()


def test_occupancy_file_is_previewed_saved_and_charted(page_store):
    facilities = store.facilities(page_store, "33.71").set_index("nama")["id"]
    budi = int(facilities["Budi Rahayu"])
    store.update_facility(page_store, budi, {"tempat_tidur_isolasi": 40}, "Sari")
    text = (
        "fasilitas,tanggal,terisi_isolasi\n"
        "budi rahayu,2020-10-05,30\n"
        "Budi Rahayu,2020-10-05,31\n"
        "Budi Rahayuu,2020-10-04,45\n"
    )
    app = _data_page()
    app.selectbox(key="data_jenis_widget").set_value("okupansi").run()
    app.session_state["data_berkas"] = ("okupansi.csv", text.encode())
    app.run()

    assert not app.exception, app.exception
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics == {"Baris dibaca": "3", "Diterima": "1", "Dikarantina": "2"}
    totals = app.dataframe[0].value
    assert list(totals.iloc[0]) == ["terisi_isolasi", 30, 76]
    # the chart before saving: the region has no occupancy yet
    before, _ = cache.occupancy_and_stock("33.71", "2020-10-06")
    assert before.absent

    app.text_input(key="data_oleh_widget").input("Sari").run()
    app.button(key="data_simpan").click().run()

    assert not app.exception, app.exception
    assert any("tersimpan" in success.value for success in app.success)
    stored = store.occupancy(page_store, "33.71")
    assert list(stored["terisi_isolasi"]) == [30]
    assert stored["tanggal"].iloc[0] == pd.Timestamp(dt.date(2020, 10, 5))
    # the save refreshed the caches: the Grafik & Ekspor chart is there now
    after, _ = cache.occupancy_and_stock("33.71", "2020-10-06")
    assert after.absent == ""
    assert "Budi Rahayu" in after.table.to_csv()
