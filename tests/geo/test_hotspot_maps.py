"""Hotspot maps and tables: every unit drawn, a legend entry per class, no CDN."""

from __future__ import annotations

import json
import re

import folium
import numpy as np
import pandas as pd
import pytest

from geo import mapview
from geo.boundaries import ViewBounds
from geo.cli_hotspots import hotspot_report, load_region_inputs
from geo.errors import GeoInputError
from geo.hotspot_maps import (
    GI_STYLES,
    MAP_KINDS,
    class_map,
    emerging_table,
    hotspot_table,
    map_classes,
    value_maps,
)
from geo.hotspots import HotspotResult, HotspotSettings, class_label
from geo.text import t
from tests.conftest import squares

URL_PATTERN = re.compile(r"""(?:https?:)?//[^\s"'<>`)\\]+""")
# one unit of every Gi* class, in a row of 1 km squares
CLASSES = (
    "hot_99", "hot_95", "cold_90", "prominent", "prominent", "not_significant",
    "island", "no_data",
)  # fmt: skip
Z = (3.1, 2.2, -1.8, 2.0, -2.1, 0.3, np.nan, np.nan)


def _result(classes: tuple[str, ...] = CLASSES) -> HotspotResult:
    """A hand-made kelurahan result with the given Gi* classes."""
    codes = [f"33.71.01.10{index:02d}" for index in range(len(classes))]
    layer = squares(codes)
    missing = [code == "no_data" for code in classes]
    lisa = ["HH", "HH", "LL", "prominent", "prominent", "not_significant",
            "island", "no_data"][: len(classes)]  # fmt: skip
    emerging = ["new_hot", "persistent_hot", "none", "none", "none",
                "intensifying_cold", "island", "no_data"][: len(classes)]  # fmt: skip
    table = pd.DataFrame(
        {
            "kode": codes,
            "nama": layer["nama"],
            "kode_kecamatan": layer["kode_kecamatan"],
            "nama_kecamatan": layer["nama_kecamatan"],
            "value": [np.nan if gone else 10.0 + i for i, gone in enumerate(missing)],
            "tested_value": np.nan,
            "n_neighbours": [
                np.nan if code in ("island", "no_data") else 2.0 for code in classes
            ],  # fmt: skip
            "gi_z": list(Z[: len(classes)]),
            "gi_p": [0.001, 0.02, 0.08, 0.04, 0.03, 0.6, np.nan, np.nan][
                : len(classes)
            ],
            "gi_p_fdr": [0.005, 0.04, 0.09, 0.2, 0.2, 0.7, np.nan, np.nan][
                : len(classes)
            ],
            "hotspot_class": list(classes),
            "hotspot_label": [class_label(code) for code in classes],
            "lisa_i": 0.5,
            "lisa_p": 0.01,
            "lisa_p_fdr": 0.02,
            "lisa_class": lisa,
            "lisa_label": [class_label(code) for code in lisa],
            "emerging_class": emerging,
            "emerging_label": [class_label(code) for code in emerging],
        }
    )
    settings = HotspotSettings(
        "kelurahan", "queen", 5, None, 5.0, 999, 1, "two-sided", True, "value",
        "kasus baru 14 hari terakhir", "kasus baru 14 hari terakhir",
    )  # fmt: skip
    geometry = layer.geometry.to_crs("EPSG:4326")
    return HotspotResult(table, geometry, settings, "ringkasan", (), 6)


def _payload(fmap: folium.Map) -> dict:
    compact = next(
        child
        for child in fmap._children.values()
        if type(child).__name__ == "_CompactGeometry"
    )
    return json.loads(compact.payload.replace("\\u003c", "<"))


def _legend(fmap: folium.Map) -> str:
    return next(
        child.legend_html
        for child in fmap._children.values()
        if type(child).__name__ == "_Legend"
    )


def _styles(fmap: folium.Map) -> dict[str, dict]:
    layer = next(
        child for child in fmap._children.values() if isinstance(child, folium.GeoJson)
    )
    return {
        feature["properties"]["kode"]: layer.style_function(feature)
        for feature in layer.data["features"]
    }


@pytest.fixture(scope="module")
def magelang_report():
    inputs = load_region_inputs("33.71")
    return hotspot_report(inputs, permutations=99, seed=1)


@pytest.mark.parametrize("kind", MAP_KINDS)
def test_every_unit_is_drawn_with_its_kode(kind):
    result = _result()

    fmap = class_map(result, kind, basemap=False)

    payload = _payload(fmap)
    assert [feature["kode"] for feature in payload["p"]] == result.table[
        "kode"
    ].tolist()
    assert all(payload["g"]), "a unit was drawn without geometry"


def test_legend_has_one_entry_per_class_present_and_no_other():
    fmap = class_map(_result(), "gi", basemap=False)

    entries = re.findall(r"</span>([^<]+)</div>", _legend(fmap))
    for label in (
        "Hotspot 99 %",
        "Hotspot 95 %",
        "Coldspot 90 %",
        t("hsp_menonjol_tinggi"),
        t("hsp_menonjol_rendah"),
        "tidak signifikan",
        "tanpa tetangga – tidak diuji",
        "tidak ada data",
    ):
        assert entries.count(label) == 1, label
    assert len(entries) == 8
    assert "Hotspot 90 %" not in entries


def test_no_data_is_drawn_apart_and_never_as_a_class():
    result = _result()

    fmap = class_map(result, "gi", basemap=False)

    styles = _styles(fmap)
    no_data = result.table.loc[result.table["hotspot_class"] == "no_data", "kode"]
    assert [styles[kode] for kode in no_data] == [mapview.NO_DATA_STYLE]
    others = result.table.loc[result.table["hotspot_class"] != "no_data", "kode"]
    assert all(styles[kode] != mapview.NO_DATA_STYLE for kode in others)
    properties = {feature["kode"]: feature for feature in _payload(fmap)["p"]}
    assert properties[no_data.iloc[0]]["kelas"] == "tidak ada data"
    assert properties[no_data.iloc[0]]["nilai"] == "tidak ada data"


def test_menonjol_is_split_by_sign_and_never_styled_as_significant():
    codes = map_classes(_result(), "gi").tolist()

    assert codes[3:5] == ["prominent_high", "prominent_low"]
    significant = {GI_STYLES[code]["fillColor"] for code in ("hot_99", "hot_95")}
    assert GI_STYLES["prominent_high"]["fillColor"] not in significant
    assert GI_STYLES["prominent_high"].get("dashArray")


def test_island_is_named_and_not_tested():
    fmap = class_map(_result(), "lisa", basemap=False)

    properties = {feature["kode"]: feature for feature in _payload(fmap)["p"]}
    island = _result().table.loc[6, "kode"]
    assert properties[island]["kelas"] == "tanpa tetangga – tidak diuji"


@pytest.mark.parametrize("basemap", [True, False], ids=["basemap", "no-basemap"])
def test_maps_reference_no_cdn(basemap):
    for kind in MAP_KINDS:
        html = mapview.map_html(class_map(_result(), kind, basemap=basemap))

        external = {
            url
            for url in URL_PATTERN.findall(html)
            if "." in url.split("/")[2] and "tile.openstreetmap.org" not in url
        }
        assert external == set(), kind
        assert "/app/static/vendor/leaflet/leaflet.js" in html


def test_value_maps_share_one_legend_and_mark_missing_values():
    result = _result()
    table = result.table.assign(smoothed=result.table["value"] * 0.5)
    result = HotspotResult(
        table, result.geometry, result.settings, "", (), result.n_tested
    )

    raw, smoothed = value_maps(result, ("value", "smoothed"), ("mentah", "halus"))

    assert _legend(raw).replace("mentah", "") == _legend(smoothed).replace("halus", "")
    no_data = table.loc[table["value"].isna(), "kode"]
    assert all(_styles(raw)[kode] == mapview.NO_DATA_STYLE for kode in no_data)


def test_value_maps_refuse_rates_without_population():
    with pytest.raises(GeoInputError, match="memerlukan data penduduk"):
        value_maps(_result(), ("rate_per_10k",), ("insidens",))


def test_table_is_sorted_by_significance_in_indonesian_format():
    table = hotspot_table(_result())

    assert table["Kelas hotspot (Gi*)"].iloc[0] == "Hotspot 99 %"
    assert table["Kelas hotspot (Gi*)"].iloc[-1] == "tidak ada data"
    assert table["z Gi*"].iloc[0] == "3,10"
    assert table["p setelah FDR"].iloc[0] == "0,005"
    assert table["Kasus baru 14 hari terakhir"].iloc[-1] == "tidak ada data"
    # the two "menonjol" rows come before "tidak signifikan"
    labels = table["Kelas hotspot (Gi*)"].tolist()
    high, low = t("hsp_menonjol_tinggi"), t("hsp_menonjol_rendah")
    assert labels.index(high) < labels.index(low)  # as the map tells them apart
    assert labels.index("tidak signifikan") > max(
        index for index, label in enumerate(labels) if label.startswith("menonjol")
    )


def test_rejects_unknown_kind_and_a_layer_missing_units():
    result = _result()

    with pytest.raises(GeoInputError, match="Pilihan peta 'tiles' tidak dikenal"):
        class_map(result, "tiles")
    short = squares(["X"]).to_crs("EPSG:4326")
    with pytest.raises(GeoInputError, match="tidak memuat 8 wilayah"):
        class_map(result, "gi", layer=short)


def test_polygon_map_refuses_a_unit_without_style():
    layer = squares(["A", "B"])

    with pytest.raises(GeoInputError, match="1 wilayah tidak memiliki gaya peta"):
        mapview.polygon_map(
            layer,
            {"A": mapview.NO_DATA_STYLE},
            tooltip={"nama": "Nama"},
            layer_name="uji",
            legend_title="uji",
            legend_entries=[],
        )


def test_polygon_map_fits_last_so_it_can_measure_the_legend():
    layer = squares(["A", "B"]).to_crs("EPSG:4326")

    fmap = mapview.polygon_map(
        layer,
        {"A": mapview.NO_DATA_STYLE, "B": mapview.NO_DATA_STYLE},
        tooltip={"nama": "Nama"},
        layer_name="uji",
        legend_title="uji",
        legend_entries=[("tidak ada data", mapview.NO_DATA_STYLE)],
    )

    children = list(fmap._children.values())
    assert isinstance(children[-1], mapview.FitBesideControls)
    west, south, east, north = layer.total_bounds
    assert _fits(fmap) == [[[south, west], [north, east]]]  # the layer by default
    html = mapview.map_html(fmap)
    # the legend and the layer control are on the map before the fit measures
    # them; the fit is not animated (a running animation would drop it)
    assert html.count("fitBounds(") == 1
    fit_at = html.index("fitBounds(")
    assert html.index("petaruang-legend") < fit_at
    assert html.index("L.control.layers(") < fit_at
    assert "animate: false" in html


def test_magelang_maps_and_tables_carry_all_17_kelurahan(magelang_report):
    report = magelang_report

    for kind in MAP_KINDS:
        assert len(_payload(class_map(report.hotspots, kind))["p"]) == 17
    assert len(hotspot_table(report.hotspots, report.growth.table)) == 17
    emerging = emerging_table(report.emerging)
    assert len(emerging) == 17
    assert set(emerging["Pola dari waktu ke waktu"]) <= {
        class_label(code) for code in report.emerging.table["emerging_class"]
    }


def _fits(fmap: folium.Map) -> list[list[list[float]]]:
    return [
        child.bounds
        for child in fmap._children.values()
        if isinstance(child, folium.map.FitBounds)
    ]


def _layer_controls(fmap: folium.Map) -> list[folium.LayerControl]:
    return [
        child
        for child in fmap._children.values()
        if isinstance(child, folium.LayerControl)
    ]


def test_every_map_opens_on_the_given_view_with_the_layers_collapsed():
    view = ViewBounds(-7.50, 110.20, -7.45, 110.25, ("Pulau Uji",))
    result = _result()

    maps = [class_map(result, kind, view=view) for kind in MAP_KINDS]
    maps += value_maps(result, ("value", "value"), ("a", "b"), view=view)

    for fmap in maps:
        # one fit only: Leaflet drops a second fit asked for during the first
        # one's zoom animation (the bug that opened Jakarta on its islands)
        assert _fits(fmap) == [[[-7.50, 110.20], [-7.45, 110.25]]]
        assert fmap.location == pytest.approx([-7.475, 110.225], abs=1e-12)
        [control] = _layer_controls(fmap)
        assert control.options["collapsed"] is True
