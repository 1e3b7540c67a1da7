"""AppTest of Skenario: runs, hand checks, saved scenarios, links, F02."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import indicators, regions, scenario, store
from geo.crs import UTM_49S
from geo.roads import read_roads
from tests.conftest import road_grid
from ui import cache

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60  # the first run reads the region pack and opens the store
PAGE = "pages/skenario.py"
PETA = "pages/peta_situasi.py"
RADIUS_M = 2000.0
CIRCUITY = 1.3


def open_page(query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    # as a link to the page itself (/skenario?...) opens it
    app.switch_page(PAGE).run()
    assert not app.exception, app.exception
    return app


def number(app: AppTest, label: str):
    return next(item for item in app.number_input if item.label.startswith(label))


def button(app: AppTest, label: str):
    return next(item for item in app.button if item.label == label)


def metric(app: AppTest, label: str) -> str:
    return next(item.value for item in app.metric if item.label.startswith(label))


def frame_with(app: AppTest, column: str) -> pd.DataFrame:
    return next(item.value for item in app.dataframe if column in item.value.columns)


def whole(text: str) -> int:
    return int(text.replace(".", ""))


def click(app: AppTest, label: str) -> AppTest:
    button(app, label).click().run()
    assert not app.exception, app.exception
    assert not app.error, [item.value for item in app.error]
    return app


def test_magelang_opens_without_error_and_says_it_has_no_population():
    app = open_page()

    assert app.title[0].value == "Skenario: Kota Magelang"
    assert not app.error
    assert any("tidak punya data penduduk" in item.value for item in app.info)
    tabs = [tab.label for tab in app.tabs]
    assert tabs == [
        "Distribusi",
        "Lokasi",
        "Rujukan",
        "Hari stok",
        "Skenario tersimpan",
    ]


def test_jakarta_opens_with_population_as_the_weight():
    app = open_page({"wilayah": "31"})

    assert app.title[0].value == "Skenario: DKI Jakarta"
    assert not app.error
    assert app.selectbox[1].value == "penduduk"


def test_distribution_sums_exactly_to_the_stock_on_screen():
    app = open_page()
    number(app, "Jumlah yang dibagi").set_value(5000).run()

    click(app, "Hitung distribusi")

    table = frame_with(app, "Mendapat")
    assert table["Mendapat"].map(whole).sum() == 5000
    assert whole(metric(app, "Jumlah teralokasi")) == 5000
    # Kemirirejo has 16 of the 31 active cases: 5000 × 16 / 31 = 2580,6 → 2581
    row = table.set_index("Kelurahan").loc["Kemirirejo"]
    assert whole(row["Mendapat"]) == 2581
    assert "dibulatkan ke atas" in row["Penjelasan"]


def _hand_covered_share(chosen: list[str]) -> tuple[float, float]:
    """Covered share of active cases by ``chosen`` sites, and the best over pairs."""
    region = regions.load_region("33.71")
    last = indicators.data_dates(region.cases)[-1]
    table = indicators.situation(region.kelurahan, region.cases, last, "aktif").table
    weights = table.set_index("kode")["value"].astype(float).fillna(0.0)
    centres = region.kelurahan.to_crs(UTM_49S).set_index("kode")
    points = centres.geometry.representative_point()
    weight = weights.reindex(points.index).to_numpy()
    facilities = region.facilities.valid
    names = facilities["nama"].str.split().str.join(" ").to_numpy()
    sites = gpd.GeoSeries(facilities.geometry.to_numpy(), crs=4326).to_crs(UTM_49S)
    distance = np.array([[site.distance(p) for site in sites] for p in points])
    covered = distance * CIRCUITY <= RADIUS_M

    def share(columns: list[int]) -> float:
        return float(weight[covered[:, columns].any(axis=1)].sum() / weight.sum())

    picked = [int(np.nonzero(names == name)[0][0]) for name in chosen]
    best = max(share(list(pair)) for pair in itertools.combinations(range(15), 2))
    return share(picked), best


def test_mclp_coverage_equals_a_hand_check():
    app = open_page()

    click(app, "Hitung lokasi")

    assert any("optimal" in item.value for item in app.success)
    chosen = frame_with(app, "Kebutuhan dilayani")["Nama"].tolist()
    shown = metric(app, "Tercakup")
    by_hand, best = _hand_covered_share(chosen)
    assert len(chosen) == 2
    # shown with one decimal in per cent: 0.05 percentage points of rounding
    assert float(shown.rstrip(" %").replace(",", ".")) == pytest.approx(
        100 * by_hand, abs=0.05
    )
    assert by_hand == pytest.approx(best, abs=1e-12)  # no pair covers more


def test_an_impossible_cover_is_explained_with_numbers():
    app = open_page()
    app.radio(key="skn_lok_model").set_value("lscp").run()
    number(app, "Jangkauan (m)").set_value(100.0).run()

    button(app, "Hitung lokasi").click().run()

    assert not app.exception, app.exception
    message = " ".join(item.value for item in app.error)
    assert "100" in message
    assert "Traceback" not in message


def test_jakarta_sites_from_kelurahan_centres_without_a_facility_listing():
    app = open_page({"wilayah": "31"})
    number(app, "Jumlah lokasi").set_value(5).run()

    click(app, "Hitung lokasi")

    chosen = frame_with(app, "Kebutuhan dilayani")["Nama"].tolist()
    assert len(chosen) == 5
    assert all(name.startswith("Pusat ") for name in chosen)


def test_two_scenarios_saved_compared_and_one_adopted():
    app = open_page()
    for name, sites in (("Dua lokasi", 2), ("Satu lokasi", 1)):
        number(app, "Jumlah lokasi").set_value(sites).run()
        click(app, "Hitung lokasi")
        app.text_input(key="skn_form_nama_lokasi").set_value(name)
        app.text_input(key="skn_form_lokasi").set_value("Budi")
        click(app, "Simpan skenario")
        assert any("tersimpan" in item.value for item in app.success)

    app.multiselect(key="skn_banding").set_value([2, 1]).run()
    assert not app.exception, app.exception
    kpis = frame_with(app, "Indikator")
    shown = kpis.set_index("Indikator")
    assert shown.loc["Jumlah lokasi", "#2 Satu lokasi"] == "1"
    assert shown.loc["Jumlah lokasi", "#1 Dua lokasi"] == "2"
    assert shown.loc["Jumlah lokasi", "Selisih (terakhir − pertama)"] == "+1"
    differences = frame_with(app, "Masukan").set_index("Masukan")
    assert differences.loc["Jumlah lokasi p", "#1 Dua lokasi"] == "2"
    assert len(app.get("component_instance")) >= 3  # result map and two side by side

    app.selectbox(key="skn_adopsi_pilih").set_value(1)
    app.text_input(key="skn_adopsi_siapa").set_value("Kepala Dinas")
    click(app, "Tandai diadopsi")
    assert any(
        "Diadopsi: 'Dua lokasi' (#1) oleh Kepala Dinas" in item.value
        for item in app.success
    )


def test_a_link_reproduces_a_saved_scenario():
    app = open_page()
    number(app, "Jumlah yang dibagi").set_value(777).run()
    click(app, "Hitung distribusi")
    app.text_input(key="skn_form_nama_distribusi").set_value("Kit 777")
    app.text_input(key="skn_form_distribusi").set_value("Ani")
    click(app, "Simpan skenario")

    saved = store.list_scenarios(cache.engine(), "33.71")
    newest = saved.sort_values("id")["id"].iloc[-1]
    linked = open_page({"skenario": str(newest)})

    assert number(linked, "Jumlah yang dibagi").value == 777
    assert frame_with(linked, "Mendapat")["Mendapat"].map(whole).sum() == 777


def test_saving_the_same_result_twice_keeps_one_scenario():
    app = open_page()
    click(app, "Hitung distribusi")
    app.text_input(key="skn_form_nama_distribusi").set_value("Sekali saja")
    app.text_input(key="skn_form_distribusi").set_value("Ani")
    before = len(store.list_scenarios(cache.engine(), "33.71"))

    click(app, "Simpan skenario")
    click(app, "Simpan skenario")

    saved = store.list_scenarios(cache.engine(), "33.71")
    assert len(saved) == before + 1
    assert any("tidak disimpan dua kali" in item.value for item in app.info)


@pytest.mark.parametrize("value", ["abc", "999"], ids=["teks", "tidak-ada"])
def test_a_bad_link_falls_back_with_a_notice(value):
    app = open_page({"skenario": value})

    assert any(f"Skenario '{value}'" in item.value for item in app.warning)
    assert app.title[0].value == "Skenario: Kota Magelang"


def test_f02_inputs_survive_switching_pages():
    app = open_page()
    number(app, "Jumlah yang dibagi").set_value(5000).run()
    number(app, "Jumlah lokasi").set_value(8).run()
    number(app, "Porsi kasus baru dirawat").set_value(12.0).run()
    click(app, "Hitung distribusi")
    before = frame_with(app, "Mendapat")

    for _ in range(3):
        app.switch_page(PETA).run()
        assert not app.exception, app.exception
        app.switch_page(PAGE).run()
        assert not app.exception, app.exception

    assert number(app, "Jumlah yang dibagi").value == 5000
    assert number(app, "Jumlah lokasi").value == 8
    assert number(app, "Porsi kasus baru dirawat").value == pytest.approx(12.0, abs=0)
    pd.testing.assert_frame_equal(frame_with(app, "Mendapat"), before)
    assert not any("Masukan sudah berubah" in item.value for item in app.info)


def test_the_date_chosen_on_peta_situasi_stays_on_skenario():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    app.run()
    app.sidebar.select_slider[0].set_value(pd.Timestamp("2020-10-01")).run()
    assert not app.exception, app.exception

    # the sidebar navigation opens a page without the previous page's query
    app.query_params.clear()
    app.switch_page(PAGE).run()

    assert not app.exception, app.exception
    assert app.sidebar.select_slider[0].value == "2020-10-01"
    assert app.query_params["tanggal"] in ("2020-10-01", ["2020-10-01"])


def test_referral_with_entered_beds_shows_when_beds_run_out():
    app = open_page()
    app.session_state["skenario_tabel"] = {
        "rs_33.71": pd.DataFrame(
            {
                "id": ["RSUD TIDAR KOTA MAGELANG", "RSI Kota Magelang"],
                "lat": [-7.485396, -7.452961],
                "lon": [110.218277, 110.221420],
                "kapasitas": ["5", "3"],  # as typed in the editor
            }
        )
    }
    app.run()

    click(app, "Hitung proyeksi dan rujukan")

    assert whole(metric(app, "Kapasitas tempat tidur")) == 8
    days = frame_with(app, "Pasien mendapat tempat")
    placed = days["Pasien mendapat tempat"].map(whole)
    unplaced = days["Pasien tidak tertampung"].map(whole)
    demand = days["Pasien"].map(whole)
    assert (placed + unplaced == demand).all()
    assert (placed <= 8).all()
    assert any("Parameter" in item.value.columns for item in app.dataframe)


def test_a_result_stays_with_its_region():
    app = open_page()
    click(app, "Hitung distribusi")

    app.selectbox(key="skn_wilayah").set_value("31").run()
    assert not app.exception, app.exception
    assert not any("Mendapat" in item.value.columns for item in app.dataframe)

    app.selectbox(key="skn_wilayah").set_value("33.71").run()
    assert frame_with(app, "Mendapat")["Mendapat"].map(whole).sum() == 1000


def test_an_answer_stopped_at_the_time_limit_is_labelled(magelang):
    facilities = scenario.facility_candidates(magelang.facilities.valid)
    candidates, _ = scenario.candidate_sites(
        facilities, None, None, keep_facilities=False
    )
    weights = scenario.NeedWeights(
        "aktif",
        "Kasus aktif",
        pd.Series(1.0, index=magelang.kelurahan["kode"]),
        magelang.kelurahan.set_index("kode")["nama"],
    )
    result = scenario.site_for_region(
        magelang.kelurahan,
        weights,
        candidates,
        "mclp",
        metric_crs=UTM_49S,
        n_sites=2,
        radius=RADIUS_M,
        in_minutes=False,
        circuity=CIRCUITY,
        speed_kmh=30.0,
        time_limit_s=5.0,
    )
    stopped = dataclasses.replace(
        result,
        solve=dataclasses.replace(
            result.solve, status="feasible", status_text="belum optimal"
        ),
    )
    app = open_page()
    app.session_state["skenario_hasil"] = {
        "lokasi@33.71": {
            "parameters": {
                "wilayah": "33.71",
                "tanggal": "2020-10-06",
                "masukan": {},
                "tabel": {},
                "kandidat": json.loads(candidates.to_json(orient="records")),
            },
            "parts": {"lokasi": stopped},
            "nama": None,
        }
    }
    app.run()

    assert not app.exception, app.exception
    assert any(
        "berhenti di batas waktu 5 detik" in item.value
        and "belum optimal" in item.value
        for item in app.warning
    )


def test_days_of_stock_flag_what_runs_out_before_the_threshold():
    app = open_page()
    app.session_state["skenario_tabel"] = {
        "stok_33.71": pd.DataFrame(
            {
                "resource": ["Kit tes", "APD", "Ambulans"],
                "on_hand": ["900", "150", ""],
                "use_per_day": ["100", "50", ""],
            }
        )
    }
    app.run()

    click(app, "Hitung hari stok")

    table = frame_with(app, "Sisa hari").set_index("Jenis sumber daya")
    assert table.loc["APD", "Sisa hari"] == "3,0"  # 150 / 50 a day
    assert table.loc["APD", "Habis pada"] == "09-10-2020"  # 3 days after 6 October
    assert table.loc["APD", "Kurang dari ambang"].endswith("ya")
    assert table.loc["Kit tes", "Sisa hari"] == "9,0"
    assert table.loc["Kit tes", "Kurang dari ambang"] == "tidak"
    assert "Ambulans" not in table.index  # a row without figures is left out


# --- travel along a road layer: the uploader (AppTest supports it) ---
ROAD_FILE = "jalan.geojson"


def upload_roads(app: AppTest, name: str = ROAD_FILE, data: bytes | None = None):
    data = road_grid().to_json().encode() if data is None else data
    uploader = app.file_uploader(key="skn_jalan_unggah")
    uploader.set_value((name, data, "application/octet-stream")).run()
    assert not app.exception, app.exception
    return app


def test_a_road_file_is_summarised_before_and_used_for_the_answer():
    app = upload_roads(open_page())

    assert any(
        f"'{ROAD_FILE}': 4 ruas jalan, 6 simpul, 2 komponen terpisah" in item.value
        for item in app.info
    )
    assert any("terpecah menjadi 2 bagian" in item.value for item in app.warning)
    assert number(app, "Faktor belok").disabled

    click(app, "Hitung lokasi")

    captions = " ".join(item.value for item in app.caption)
    assert f"Tempuh lewat jaringan jalan '{ROAD_FILE}' (4 ruas, 2 komponen" in captions
    assert not any("Masukan sudah berubah" in item.value for item in app.info)
    assert any("Faktor belok 1,30 tidak dipakai" in item.value for item in app.warning)
    # the page shows what geo.siting computes with the same file and inputs
    region = regions.load_region("33.71")
    last = indicators.data_dates(region.cases)[-1]
    table = indicators.situation(region.kelurahan, region.cases, last, "aktif").table
    facilities = scenario.facility_candidates(region.facilities.valid)
    candidates, _ = scenario.candidate_sites(
        facilities, None, None, keep_facilities=False
    )
    expected = scenario.site_for_region(
        region.kelurahan,
        scenario.need_weights(table, "aktif"),
        candidates,
        "mclp",
        metric_crs=UTM_49S,
        n_sites=2,
        radius=RADIUS_M,
        in_minutes=False,
        circuity=CIRCUITY,
        speed_kmh=30.0,
        time_limit_s=30.0,
        roads=read_roads(road_grid().to_json().encode(), ROAD_FILE),
    )
    shown = float(metric(app, "Tercakup").rstrip(" %").replace(",", "."))
    # shown with one decimal in per cent: 0.05 percentage points of rounding
    assert shown == pytest.approx(100 * expected.kpi["covered_share"], abs=0.05)


def test_a_road_scenario_reopens_by_link_without_the_file():
    app = upload_roads(open_page())
    click(app, "Hitung lokasi")
    covered = metric(app, "Tercakup")
    app.text_input(key="skn_form_nama_lokasi").set_value("Lewat jalan")
    app.text_input(key="skn_form_lokasi").set_value("Budi")
    click(app, "Simpan skenario")

    saved = store.list_scenarios(cache.engine(), "33.71")
    newest = int(saved.sort_values("id")["id"].iloc[-1])
    stored = store.get_scenario(cache.engine(), newest)
    sha = hashlib.sha256(road_grid().to_json().encode()).hexdigest()
    assert stored.parameters["jalan"]["file_name"] == ROAD_FILE
    assert stored.parameters["jalan"]["sha256"] == sha
    assert stored.parameters["masukan"]["lok_jalan"] == f"{ROAD_FILE} ({sha[:12]})"

    linked = open_page({"skenario": str(newest)})

    assert metric(linked, "Tercakup") == covered
    captions = " ".join(item.value for item in linked.caption)
    assert f"Tempuh lewat jaringan jalan '{ROAD_FILE}'" in captions
    assert "yang tidak sedang diunggah" in captions


def test_road_minutes_use_the_chosen_speed_column():
    app = upload_roads(open_page())
    app.radio(key="skn_lok_satuan").set_value("min").run()
    app.selectbox(key="skn_lok_kolom_kecepatan").set_value("kmj").run()

    click(app, "Hitung lokasi")

    notes = [item.value for item in app.warning]
    assert any("Kecepatan per ruas dari kolom 'kmj'" in note for note in notes)
    assert any("kecepatan tiap ruas jalan" in note for note in notes)


def test_a_road_file_without_crs_asks_for_it_on_the_page(tmp_path):
    path = tmp_path / "jalan.gpkg"
    layer = road_grid().to_crs(UTM_49S).set_crs(None, allow_override=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # writing a layer without a CRS
        layer.to_file(path, driver="GPKG")
    app = upload_roads(open_page(), "jalan.gpkg", path.read_bytes())

    # metres read as the default lat/lon: refused with what to check
    assert any("tidak cocok dengan CRS-nya" in item.value for item in app.error)

    app.text_input(key="skn_lok_crs_jalan").set_value("EPSG:32749").run()
    assert not app.exception, app.exception
    assert not app.error
    assert any("6 simpul, 2 komponen" in item.value for item in app.info)


def test_roads_of_another_region_are_refused_on_the_page():
    jakarta = road_grid().translate(xoff=-3.4, yoff=1.3)
    app = upload_roads(open_page(), data=jakarta.to_json().encode())

    message = " ".join(item.value for item in app.error)
    assert "tidak bertumpang dengan wilayah" in message
    assert "Traceback" not in message


def test_f02_the_road_file_survives_switching_pages():
    app = upload_roads(open_page())

    app.switch_page(PETA).run()
    app.switch_page(PAGE).run()

    assert not app.exception, app.exception
    assert any(f"dipakai: {ROAD_FILE}" in item.value for item in app.caption)
    assert any("6 simpul" in item.value for item in app.info)
