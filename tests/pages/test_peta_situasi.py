"""AppTest of Peta Situasi: no exception, the map's features, KPIs = table sums."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60  # the first run reads the Jakarta workbooks (about 1 s) and builds maps


def run(query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


def map_feature_count(app: AppTest) -> int:
    components = app.get("component_instance")
    assert components, "no map component on the page"
    script = components[0].proto.json_args
    return len(re.findall(r'\\?"type\\?":\s*\\?"Feature\\?"', script))


def metric(app: AppTest, label: str) -> int:
    for element in app.metric:
        if element.label == label:
            return int(element.value.replace(".", ""))
    raise AssertionError(f"no metric {label!r}")


def table_sum(app: AppTest, column: str) -> int:
    frame = app.dataframe[0].value
    return int(frame[column].str.replace(".", "").astype(int).sum())


def test_magelang_is_the_default_with_17_kelurahan():
    app = run()
    assert app.query_params["wilayah"] in ("33.71", ["33.71"])
    assert map_feature_count(app) == 17
    assert metric(app, "Kasus konfirmasi kumulatif") == 198
    assert table_sum(app, "Konfirmasi") == 198
    assert table_sum(app, "Aktif") == metric(app, "Kasus aktif")
    assert any(
        'panel "Mutu data fasilitas" di halaman Peta Situasi' in warning.value
        for warning in app.warning
    )


def test_jakarta_from_the_url_with_267_kelurahan():
    app = run({"wilayah": "31", "tanggal": "2021-07-31", "indikator": "insidens"})
    assert map_feature_count(app) == 267
    assert metric(app, "Kasus konfirmasi kumulatif") == 686684
    assert table_sum(app, "Konfirmasi") == 686684
    assert metric(app, "Kasus tanpa kelurahan") == 127969
    assert table_sum(app, "Meninggal") == metric(app, "Meninggal kumulatif")
    # active cases fell by 48.257 in July 2021: the arrow must point down
    active = next(item for item in app.metric if item.label == "Kasus aktif")
    assert active.delta == "-48.257"
    assert any("814.653" in caption.value for caption in app.caption)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"wilayah": "99"}, "Wilayah '99' tidak dikenal"),
        ({"tanggal": "2019-01-01"}, "Tidak ada data untuk tanggal 2019-01-01"),
        ({"tanggal": "kemarin"}, "Tanggal 'kemarin' tidak valid"),
        ({"tanggal": "2020-13-45"}, "Tanggal '2020-13-45' tidak valid"),
        ({"tanggal": "06/10/2020"}, "Tanggal '06/10/2020' tidak valid"),
        ({"indikator": "insidens"}, "Indikator 'insidens' perlu data penduduk"),
        ({"indikator": "zzz"}, "Indikator 'zzz' tidak dikenal"),
    ],
    ids=[
        "wilayah",
        "tanggal",
        "tanggal-teks",
        "tanggal-13",
        "tanggal-hbt",
        "indikator",
        "indikator-asing",
    ],
)
def test_bad_url_values_fall_back_with_a_notice(query, expected):
    app = run(query)
    assert any(expected in warning.value for warning in app.warning)
    assert map_feature_count(app) == 17


def test_stepping_through_jakarta_months_keeps_totals_true(jakarta):
    app = run({"wilayah": "31"})
    slider = app.select_slider[0]
    assert len(slider.options) == 17
    monthly = jakarta.cases[jakarta.cases["kode"].notna()].groupby("tanggal")
    for tanggal, positif in monthly["positif"].sum().items():
        app.select_slider[0].set_value(tanggal).run()
        assert not app.exception
        assert metric(app, "Kasus konfirmasi kumulatif") == positif
        assert table_sum(app, "Konfirmasi") == positif
        assert map_feature_count(app) == 267


def test_example_resources_are_a_labelled_layer():
    app = run()

    script = app.get("component_instance")[0].proto.json_args
    assert "Sumber daya" in script  # the layer's name in the layer control
    assert "Ambulans: 3 (contoh)" in script  # tooltip: kind, quantity, example
    assert any("contoh" in caption.value for caption in app.caption)


def test_switching_region_takes_its_latest_date_without_a_notice():
    app = run({"wilayah": "33.71", "tanggal": "2020-10-06"})

    app.sidebar.selectbox[0].set_value("31").run()

    assert not app.exception, app.exception
    assert not any("Tidak ada data untuk tanggal" in w.value for w in app.warning)
    assert app.sidebar.select_slider[0].value.date().isoformat() == "2021-07-31"


def test_magelang_has_no_rows_without_kelurahan_and_says_nothing_about_them():
    app = run({"wilayah": "33.71"})

    assert metric(app, "Kasus tanpa kelurahan") == 0
    assert not any("tanpa kelurahan: –" in c.value for c in app.caption)


def test_a_kelurahan_of_the_region_left_behind_is_not_kept():
    from ui import state

    app = run()
    first_kode = sorted(app.dataframe[0].value["Kode"])[0]
    app.selectbox(key=state.KELURAHAN_WIDGET).set_value(first_kode).run()
    assert app.selectbox(key=state.KELURAHAN_WIDGET).value == first_kode

    app.selectbox(key=state.REGION_WIDGET).set_value("31").run()

    assert not app.exception, app.exception
    assert app.selectbox(key=state.KELURAHAN_WIDGET).value is None
    assert app.selectbox(key=state.KELURAHAN_WIDGET).placeholder == "Seluruh wilayah"


def test_an_indicator_the_date_cannot_give_is_named_by_its_label():
    app = run({"wilayah": "31", "tanggal": "2020-03-31", "indikator": "baru_30"})

    notices = [warning.value for warning in app.warning]
    assert any(
        "Indikator 'Kasus baru 30 hari' tidak tersedia" in notice for notice in notices
    ), notices
