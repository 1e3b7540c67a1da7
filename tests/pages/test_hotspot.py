"""AppTest of Hotspot: no exception, summary and caveats shown, every unit mapped.

The page opens through app.py's navigation (``switch_page``) with ``permutasi=99``
in the URL so the tests stay fast; the page's own default stays 999.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.boundaries import view_bounds
from geo.cli_hotspots import hotspot_report, load_region_inputs

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 90  # a cold run reads the Jakarta workbooks and runs 17 dates of Gi*
FAST = {"permutasi": "99"}


def run(query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    for key, value in {**FAST, **(query or {})}.items():
        app.query_params[key] = value
    app.switch_page("pages/hotspot.py")
    app.run()
    assert not app.exception, app.exception
    return app


def feature_counts(app: AppTest) -> list[int]:
    return [
        len(re.findall(r'\\?"type\\?":\s*\\?"Feature\\?"', component.proto.json_args))
        for component in app.get("component_instance")
    ]


def texts(elements: list) -> str:
    return "\n".join(element.value for element in elements)


def map_scripts(app: AppTest) -> list[str]:
    """The Leaflet script of every map on the page, as st_folium sends it."""
    return [
        json.loads(component.proto.json_args)["script"]
        for component in app.get("component_instance")
    ]


def opening_bounds(script: str) -> list[list[float]]:
    """The bounds a map is fitted to when it opens; a map fits exactly once."""
    assert script.count("fitBounds(") == 1
    found = re.search(r"\}\)\(map_div, (\[\[.*?\]\]), \d+\);", script)
    assert found, "no FitBesideControls call in the map script"
    return json.loads(found.group(1))


def mainland(kode: str) -> list[list[float]]:
    inputs = load_region_inputs(kode)
    view = view_bounds(inputs.kelurahan, inputs.metric_crs)
    return [[view.south, view.west], [view.north, view.east]]


# what the caption (capitalised) and the summary say was tested, per "nilai"
WINDOW = r"\d+ hari terakhir \(sampai 2021-07-31\)"
TESTED = {
    "baru": rf"kasus baru {WINDOW}",
    "insidens": rf"insidens kasus baru per 10\.000 penduduk \(mentah\), {WINDOW}",
    "insidens_eb": (
        rf"insidens kasus baru per 10\.000 penduduk \(empirical Bayes\), {WINDOW}"
    ),
    "insidens_seb": (
        r"insidens kasus baru per 10\.000 penduduk \(empirical Bayes spasial\), "
        + WINDOW
    ),
}


def test_magelang_shows_summary_small_area_notes_and_17_kelurahan():
    app = run()

    expected = hotspot_report(load_region_inputs("33.71"), permutations=99)
    shown = texts(app.markdown).replace("\\*", "*")
    assert expected.summary in shown
    warnings = texts(app.warning)
    assert "Hanya 17 kelurahan yang diuji (kurang dari 30)" in warnings
    assert "Data penduduk tidak tersedia" in warnings
    assert "tidak memiliki data penduduk" in texts(app.caption)
    # Gi*, LISA, emerging and the new-case map: each draws all 17 kelurahan
    assert feature_counts(app) == [17, 17, 17, 17]
    assert app.query_params["permutasi"] in ("99", ["99"])


def test_jakarta_draws_267_kelurahan_raw_beside_smoothed():
    app = run({"wilayah": "31", "nilai": "insidens_seb"})

    assert feature_counts(app) == [267] * 5
    assert "membentuk hotspot signifikan" in texts(app.markdown)
    assert "4 kelurahan tanpa tetangga tidak diuji" in texts(app.warning)
    assert "Kedua peta memakai kelas yang sama" in texts(app.caption)


@pytest.mark.parametrize("nilai", list(TESTED))
def test_jakarta_names_what_was_tested_and_opens_every_map_on_the_mainland(nilai):
    app = run({"wilayah": "31", "nilai": nilai})

    tested = TESTED[nilai]
    caption = texts(app.caption)
    assert re.search(rf"(?m)^{tested[0].upper()}{tested[1:]}; tingkat", caption)
    summary = texts(app.markdown).replace("\\*", "*")
    assert re.search(rf"hotspot signifikan (\(\d+ %\) )?untuk {tested}", summary)
    if nilai != "baru":
        assert not re.search(rf"untuk {TESTED['baru']}", summary)
    # each permutation caveat once, and saying which analysis it is about
    warnings = texts(app.warning).replace("\\*", "*")
    assert warnings.count("setelah koreksi FDR atas") == 1
    assert "Hotspot dan klaster LISA: dengan 99 permutasi" in warnings
    assert "atas 263 kelurahan yang diuji" in warnings  # 267 less 4 islands
    assert warnings.count("Pola hotspot dari waktu ke waktu: Gi* tiap") == 1
    # Gi*, LISA, emerging and the value maps: all on the mainland, layer
    # control collapsed
    scripts = map_scripts(app)
    assert len(scripts) == 5  # with population: raw beside smoothed incidence
    expected = mainland("31")
    for script in scripts:
        assert opening_bounds(script) == expected  # passed through unchanged
        assert '"collapsed": true' in script
        assert '"collapsed": false' not in script


def test_jakarta_kecamatan_level():
    app = run({"wilayah": "31", "tingkat": "kecamatan"})

    counts = feature_counts(app)
    assert counts and all(count == counts[0] for count in counts)
    assert 40 <= counts[0] <= 50  # DKI Jakarta has 44 kecamatan
    # kecamatan maps open on the same mainland view as the kelurahan maps
    expected = mainland("31")
    for script in map_scripts(app):
        assert opening_bounds(script) == expected  # passed through unchanged
        assert '"collapsed": true' in script


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"tingkat": "desa"}, "Nilai 'desa' untuk tingkat"),
        ({"jendela": "dua minggu"}, "Nilai 'dua minggu' untuk jendela"),
        ({"nilai": "insidens"}, "Nilai 'insidens' untuk nilai"),
        ({"tetangga": "rook"}, "Nilai 'rook' untuk tetangga"),
        ({"tanggal": "2020-09-23"}, "Tidak ada data untuk tanggal 2020-09-23"),
        ({"wilayah": "99"}, "Wilayah '99' tidak dikenal"),
    ],
    ids=[
        "tingkat",
        "jendela",
        "nilai-tanpa-penduduk",
        "tetangga",
        "tanggal-awal",
        "wilayah",
    ],  # fmt: skip
)
def test_bad_url_values_fall_back_with_a_notice(query, expected):
    app = run(query)

    assert expected in texts(app.warning)
    assert feature_counts(app) == [17, 17, 17, 17]


def test_too_few_units_is_said_in_words_not_raised():
    app = run({"tingkat": "kecamatan"})  # Kota Magelang has 3 kecamatan

    assert not app.get("component_instance")
    assert "perlu paling sedikit 4" in texts(app.error)


def test_settings_survive_a_visit_to_peta_situasi():
    app = run({"tetangga": "knn", "k": "3", "jendela": "7"})
    assert app.radio(key="hotspot_tetangga_widget").value == "knn"

    app.switch_page("pages/peta_situasi.py").run()
    assert not app.exception
    assert "tetangga" not in app.query_params
    app.switch_page("pages/hotspot.py").run()

    assert not app.exception
    assert app.radio(key="hotspot_tetangga_widget").value == "knn"
    assert app.number_input(key="hotspot_k_widget").value == 3
    assert app.number_input(key="hotspot_jendela_widget").value == 7
    assert "3 tetangga terdekat" in texts(app.info)


def test_a_new_window_does_not_recompute_the_emerging_classes(monkeypatch):
    from geo import cli_hotspots

    calls = []
    original = cli_hotspots.emerging_classes

    def counted(*args, **kwargs):
        calls.append(args[1:])
        return original(*args, **kwargs)

    monkeypatch.setattr(cli_hotspots, "emerging_classes", counted)
    # a seed no other test uses, so that nothing is cached yet
    for window in ("7", "14", "10"):
        app = run({"seed": "4242", "jendela": window})
        assert "pola hotspot dari waktu ke waktu" in texts(app.markdown).lower()

    assert len(calls) == 1
