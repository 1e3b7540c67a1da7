from __future__ import annotations

import io
import json
import pickle
import re
import warnings
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geo.crs import UTM_48S
from geo.display import display_geometry
from geo.errors import GeoInputError
from geo.mapview import (
    DEFAULT_ASSET_DIR,
    NO_DATA_STYLE,
    RING_ALPHABET,
    TILE_URL,
    SymbolLayer,
    classify_values,
    encode_ring,
    map_html,
    public_classes,
    situation_map,
)

DATA = Path(__file__).resolve().parents[2] / "data"
URL_PATTERN = re.compile(r"""(?:https?:)?//[^\s"'<>`)\\]+""")
F03_CSV = "kode,positif\nA,5\nB,40\nC,\nD,0\n"


def _external_urls(page: str) -> set[str]:
    """Return every absolute or protocol-relative URL in ``page``."""
    return {url for url in URL_PATTERN.findall(page) if "." in url.split("/")[2]}


def _geojson(fmap: folium.Map) -> folium.GeoJson:
    return next(
        child for child in fmap._children.values() if isinstance(child, folium.GeoJson)
    )


def _properties(fmap: folium.Map) -> dict[str, dict]:
    features = _geojson(fmap).data["features"]
    return {
        feature["properties"]["kode"]: feature["properties"] for feature in features
    }


def _legend(fmap: folium.Map) -> str:
    return next(
        child.legend_html
        for child in fmap._children.values()
        if type(child).__name__ == "_Legend"
    )


@pytest.fixture
def five_squares() -> gpd.GeoDataFrame:
    """F03: five adjacent 0.01° squares A-E in a row near Kota Magelang."""
    return gpd.GeoDataFrame(
        {
            "kode": list("ABCDE"),
            "nama": [f"Kelurahan {code}" for code in "ABCDE"],
            "nama_kecamatan": ["Uji"] * 5,
        },
        geometry=[
            box(110.20 + 0.01 * i, -7.48, 110.21 + 0.01 * i, -7.47) for i in range(5)
        ],
        crs="EPSG:4326",
    )


@pytest.fixture
def f03_layer(five_squares) -> gpd.GeoDataFrame:
    """The F03 CSV (C empty, E without a row) joined to the five squares."""
    cases = pd.read_csv(io.StringIO(F03_CSV), dtype={"kode": str})
    cases["positif"] = cases["positif"].astype("Int64")
    return five_squares.merge(cases, on="kode", how="left")


@pytest.fixture(scope="module")
def magelang() -> gpd.GeoDataFrame:
    layer = gpd.read_file(DATA / "magelang" / "kelurahan.geojson")
    layer["positif"] = np.arange(len(layer)) * 7
    return layer


@pytest.fixture(scope="module")
def jakarta() -> gpd.GeoDataFrame:
    layer = gpd.read_file(DATA / "jakarta" / "kelurahan.geojson")
    rng = np.random.default_rng(20201006)
    layer["positif"] = rng.poisson(150, len(layer))
    return layer


@pytest.fixture
def facilities() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "nama": ["RSUD Uji", "Puskesmas Uji", "RS Salah Tanda"],
            "jenis": ["RS", "Puskesmas", "RS"],
            "alamat": ["Jl. Tidar 30", "Jl. Uji 1", "Jl. Lain"],
            "sumber": ["S1", "S2", "S1"],
            "is_valid": [True, True, False],
            "masalah": ["", "", "lintang bertanda salah"],
        },
        geometry=gpd.points_from_xy([110.216, 110.22, 110.22], [-7.485, -7.47, 7.47]),
        crs="EPSG:4326",
    )


@pytest.fixture
def resources() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "nama": ["Pos Ambulans 1", "Gudang"],
            "jenis": ["Ambulans", "Kit tes"],
            "jumlah": [3, 5000],
            "diperbarui": pd.to_datetime(["2020-10-06 00:00", "2020-10-05 14:30"]),
            "is_contoh": [True, False],
        },
        geometry=gpd.points_from_xy([110.21, 110.22], [-7.46, -7.45]),
        crs="EPSG:4326",
    )


def test_f03_breaks_come_from_known_values_only(f03_layer):
    result = classify_values(f03_layer.set_index("kode")["positif"])

    assert result.upper_bounds == pytest.approx((0.0, 5.0, 40.0), abs=1e-9)  # exact
    classes = result.class_index
    assert classes["B"] == len(result.upper_bounds) - 1
    assert classes["D"] == 0
    assert classes["A"] == 1
    assert classes[["C", "E"]].isna().all()


def test_f03_missing_is_drawn_and_labelled_as_no_data(f03_layer):
    fmap = situation_map(f03_layer, "positif", indicator_label="Kasus positif")

    layer = _geojson(fmap)
    styles = {
        feature["properties"]["kode"]: layer.style_function(feature)
        for feature in layer.data["features"]
    }
    properties = _properties(fmap)
    assert styles["C"] == NO_DATA_STYLE
    assert styles["E"] == NO_DATA_STYLE
    assert styles["D"] != NO_DATA_STYLE
    assert styles["B"]["fillColor"] != styles["D"]["fillColor"]
    assert properties["C"]["nilai"] == "tidak ada data"
    assert properties["E"]["nilai"] == "tidak ada data"
    assert properties["D"]["nilai"] == "0"
    assert properties["B"]["nilai"] == "40"
    assert "tidak ada data" in _legend(fmap)
    page = map_html(fmap)
    assert not re.search(r"\bnan\b|\bNaN\b|<NA>", page)


@pytest.mark.parametrize("keyed_by", ["kode", "row"])
def test_value_labels_replace_the_number_but_not_no_data(f03_layer, keyed_by):
    labels = pd.Series({"A": "5 (+1)", "B": "40 (+9)", "C": "? (+0)"})
    if keyed_by == "row":
        labels = f03_layer["kode"].map(labels)

    fmap = situation_map(
        f03_layer, "positif", indicator_label="Kasus", value_labels=labels
    )

    properties = _properties(fmap)
    assert properties["A"]["nilai"] == "5 (+1)"
    assert properties["C"]["nilai"] == "tidak ada data"
    assert properties["D"]["nilai"] == "0"


@pytest.mark.parametrize(
    ("values", "n_classes"),
    [
        ([0, 0, 0, 0, 0], 1),
        ([3, 3, 7, 7, 3], 2),
        ([None, None, None, None, None], 0),
        ([1.5, 2.25, np.nan, 9.75, 4.0], 4),
    ],
    ids=["all-zero", "two-values", "all-missing", "floats"],
)
def test_few_distinct_values_give_fewer_classes(five_squares, values, n_classes):
    five_squares["nilai_uji"] = pd.array(values, dtype="Float64")

    fmap = situation_map(five_squares, "nilai_uji", indicator_label="Uji")

    legend = _legend(fmap)
    assert len(classify_values(five_squares["nilai_uji"]).upper_bounds) == n_classes
    assert legend.count("<div><span") == n_classes
    assert "tidak ada data" in legend


def test_legend_uses_indonesian_number_format(five_squares):
    five_squares["positif"] = [0, 1234, 56789, 250_000, 1_000_000]

    legend = _legend(situation_map(five_squares, "positif", indicator_label="Kasus"))

    assert "1.000.000" in legend
    assert "56.789" in legend
    assert "Kasus" in legend


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # one class per distinct value: "0", "1 – 3", "4 – 40"
        ([0, 3, 3, 3, 40], ("0", "<5", "<5 – 40")),
        # natural breaks: "0 – 1", "2 – 3", "4 – 30", "31 – 400"
        ([0, 1, 3, 30, 400], ("0 – <5", "<5", "<5 – 30", "31 – 400")),
        # no bound under five: unchanged
        ([0, 2, 9, 12, 400, 500, 600], ("0 – 12", "13 – 400", "401 – 600")),
    ],
    ids=["distinct", "natural-breaks", "unchanged"],
)
def test_public_legend_never_shows_a_count_under_five(values, expected):
    classes = classify_values(pd.Series(values), classes=len(expected))

    labels = public_classes(classes).labels

    assert labels == expected


def test_public_map_legend_hides_small_counts(five_squares):
    five_squares["positif"] = [0, 3, 3, 40, 40]

    public = _legend(
        situation_map(five_squares, "positif", indicator_label="Kasus", public=True)
    )
    internal = _legend(situation_map(five_squares, "positif", indicator_label="Kasus"))

    # classes "0", "1 – 3", "4 – 40"
    assert ">1 – 3<" in internal
    assert ">&lt;5<" in public and "1 – 3" not in public


def test_natural_breaks_are_the_same_on_every_run(jakarta):
    first = classify_values(jakarta["positif"], scheme="NaturalBreaks", seed=3)
    second = classify_values(jakarta["positif"], scheme="NaturalBreaks", seed=3)

    assert first.upper_bounds == second.upper_bounds
    assert len(first.upper_bounds) == 5


@pytest.mark.parametrize("skew", ["poisson", "lognormal"])
def test_default_classes_are_mapclassify_fisher_jenks(jakarta, skew):
    import mapclassify

    counts = jakarta["positif"] if skew == "poisson" else _heavy_tailed(len(jakarta))

    classes = classify_values(counts)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Numba not installed": pure Python, exact
        reference = mapclassify.FisherJenks(counts.to_numpy(float), k=5)
    assert classes.scheme == "FisherJenks"
    np.testing.assert_allclose(classes.upper_bounds, reference.bins)
    assert classes.class_index.to_numpy(int).tolist() == reference.yb.tolist()


def _heavy_tailed(size: int) -> pd.Series:
    # like incidence over kelurahan: most small, a few very large
    rng = np.random.default_rng(31)
    return pd.Series(np.round(rng.lognormal(3.0, 1.2, size)))


def test_a_value_on_a_bound_is_in_the_lower_class_as_in_mapclassify():
    import mapclassify

    values = pd.Series([0, 5, 5, 6, 10, 11, 50, 51, 400])

    classes = classify_values(values, classes=4, scheme="Quantiles")

    reference = mapclassify.Quantiles(values.to_numpy(float), k=4)
    assert classes.upper_bounds == tuple(reference.bins)
    assert classes.class_index.to_numpy(int).tolist() == reference.yb.tolist()


def test_map_loads_only_the_local_leaflet(magelang):
    page = map_html(situation_map(magelang, "positif", indicator_label="Kasus"))

    scripts = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", page)
    styles = re.findall(r"<link[^>]*\bhref=\"([^\"]+)\"", page)
    assert scripts == ["/app/static/vendor/leaflet/leaflet.js"]
    assert styles == ["/app/static/vendor/leaflet/leaflet.css"]
    assert _external_urls(page) == {TILE_URL}


def test_map_without_basemap_has_no_external_url(magelang, facilities, resources):
    fmap = situation_map(
        magelang,
        "positif",
        indicator_label="Kasus",
        facilities=facilities,
        resources=resources,
        basemap=False,
    )

    assert _external_urls(map_html(fmap)) == set()


def test_self_contained_map_inlines_leaflet(magelang, facilities):
    fmap = situation_map(
        magelang,
        "positif",
        indicator_label="Kasus",
        facilities=facilities,
        asset_base_url=None,
    )

    page = map_html(fmap)
    leaflet_js = (DEFAULT_ASSET_DIR / "leaflet" / "leaflet.js").read_text()
    assert leaflet_js in page
    assert not re.search(r"<script[^>]*\bsrc=|<link[^>]*\bhref=", page)
    assert "url(images/" not in page
    assert "data:image/png;base64," in page
    # Leaflet's own code names its home page and the SVG namespace as strings
    # (an attribution link and an XML name, never fetched): judge the rest
    assert _external_urls(page.replace(leaflet_js, "")) == {TILE_URL}


def test_rejects_missing_inline_assets(magelang, tmp_path):
    with pytest.raises(GeoInputError, match="Berkas Leaflet untuk peta tidak"):
        situation_map(
            magelang,
            "positif",
            indicator_label="Kasus",
            asset_base_url=None,
            asset_dir=tmp_path,
        )


@pytest.mark.parametrize(
    ("name", "expected"), [("magelang", 17), ("jakarta", 267)], ids=["17", "267"]
)
def test_every_kelurahan_is_drawn_with_its_kode(name, expected, request):
    layer = request.getfixturevalue(name)

    page = map_html(situation_map(layer, "positif", indicator_label="Kasus"))

    assert len(re.findall(r"\"type\": \"Feature\"", page)) == expected
    for kode in layer["kode"]:
        assert f'"kode": "{kode}"' in page


def test_feature_properties_are_only_what_the_map_needs(magelang):
    properties = _properties(
        situation_map(magelang, "positif", indicator_label="Kasus")
    )

    assert {tuple(sorted(p)) for p in properties.values()} == {
        ("kecamatan", "kode", "nama", "nilai")
    }


def test_jakarta_payload_is_at_most_half_of_explore(jakarta):
    shown = display_geometry(jakarta, metric_crs=UTM_48S).layer

    ours = len(map_html(situation_map(shown, "positif", indicator_label="Kasus")))
    baseline = len(jakarta.explore(column="positif").get_root().render())

    assert ours <= baseline / 2


def test_flagged_facilities_are_left_off(magelang, facilities):
    fmap = situation_map(
        magelang, "positif", indicator_label="Kasus", facilities=facilities
    )

    page = map_html(fmap)
    assert "RSUD Uji" in page
    assert "Puskesmas Uji" in page
    assert "RS Salah Tanda" not in page
    assert [symbol.tip for symbol in _symbols(fmap)] == ["RSUD Uji", "Puskesmas Uji"]
    assert "Fasilitas kesehatan" in _legend(fmap)
    assert "Jl. Tidar 30" in page


def test_resource_popup_shows_quantity_update_and_example(magelang, resources):
    fmap = situation_map(
        magelang, "positif", indicator_label="Kasus", resources=resources
    )

    popups = [symbol.popup for symbol in _symbols(fmap)]
    ambulans = next(text for text in popups if "Pos Ambulans 1" in text)
    gudang = next(text for text in popups if "Gudang" in text)
    assert "contoh" in ambulans
    assert "06-10-2020" in ambulans
    assert "contoh" not in gudang
    assert "5.000" in gudang
    assert "05-10-2020 14:30" in gudang


def test_symbols_travel_in_one_script_with_tooltips_as_text(magelang, facilities):
    named = facilities.assign(nama=["<b>RSUD</b> & co", "Puskesmas Uji", "X"])
    fmap = situation_map(magelang, "positif", indicator_label="Kasus", facilities=named)

    (layer,) = [child for child in _walk(fmap) if isinstance(child, SymbolLayer)]
    items = json.loads(layer.items_json)
    badges = json.loads(layer.badges_json)
    page = map_html(fmap)
    assert page.count("L.marker(") == 1  # one loop, not a marker per symbol
    assert layer.items_json in page
    assert [item[4] for item in items] == [
        "&lt;b&gt;RSUD&lt;/b&gt; &amp; co",
        "Puskesmas Uji",
    ]
    # each badge's HTML once: a hospital and a puskesmas
    assert len(badges) == 2 and {item[2] for item in items} == {0, 1}
    assert "<b>" not in page


def _walk(element):
    for child in element._children.values():
        yield child
        yield from _walk(child)


def _symbols(fmap) -> list:
    return [
        symbol
        for child in _walk(fmap)
        if isinstance(child, SymbolLayer)
        for symbol in child.symbols
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"value_column": "tidak_ada"}, "tidak punya kolom tidak_ada"),
        ({"classes": 0}, "pilih 1 sampai 9"),
        ({"scheme": "Acak"}, "Skema klasifikasi 'Acak' tidak dikenal"),
    ],
    ids=["column", "classes", "scheme"],
)
def test_rejects_bad_arguments(magelang, kwargs, message):
    arguments = {"value_column": "positif", "indicator_label": "Kasus", **kwargs}

    with pytest.raises(GeoInputError, match=message):
        situation_map(magelang, **arguments)


def test_rejects_repeated_kode_and_text_values(five_squares):
    repeated = five_squares.assign(kode=["A", "A", "C", "D", "E"], positif=1)
    with pytest.raises(GeoInputError, match="muncul lebih dari sekali: A"):
        situation_map(repeated, "positif", indicator_label="Kasus")

    texts = five_squares.assign(positif=["1", "dua", None, "4", "5"])
    with pytest.raises(GeoInputError, match="bukan angka, misalnya 'dua'"):
        situation_map(texts, "positif", indicator_label="Kasus")


def test_map_survives_pickling(magelang, facilities):
    fmap = situation_map(
        magelang, "positif", indicator_label="Kasus", facilities=facilities
    )

    # a cache that hands each session its own copy needs a picklable map
    copy = pickle.loads(pickle.dumps(fmap))

    assert map_html(copy) == map_html(fmap)


def test_map_stays_fitted_to_the_kelurahan(magelang, facilities):
    # F05: a facility far outside the city (here even valid) must not stretch
    # the view; a facility without a verdict is not drawn
    far = facilities.copy()
    far.loc[0, "geometry"] = Point(109.3425, -0.0263)
    far["is_valid"] = pd.array([True, pd.NA, False], dtype="boolean")

    fmap = situation_map(magelang, "positif", indicator_label="Kasus", facilities=far)

    fit = next(
        child
        for child in fmap._children.values()
        if type(child).__name__ == "FitBounds"
    )
    min_lon, min_lat, max_lon, max_lat = magelang.total_bounds
    # bounds are passed through unchanged: exact up to float representation
    assert fit.bounds == [
        [pytest.approx(min_lat, abs=1e-9), pytest.approx(min_lon, abs=1e-9)],
        [pytest.approx(max_lat, abs=1e-9), pytest.approx(max_lon, abs=1e-9)],
    ]
    assert len(_symbols(fmap)) == 1


def _decode_ring(text: str, scale: float) -> np.ndarray:
    """Decode as the map's script does (test oracle, written from the spec)."""
    values, result, shift = [], 0, 0
    for char in text:
        symbol = RING_ALPHABET.index(char)
        result |= (symbol & 31) << shift
        shift += 5
        if not symbol & 32:
            values.append(~(result >> 1) if result & 1 else result >> 1)
            result, shift = 0, 0
    grid = np.cumsum(np.asarray(values, dtype=np.int64).reshape(-1, 2), axis=0)
    return grid / scale


def test_encoded_ring_round_trips_on_the_grid():
    coords = np.array(
        [[110.22639, -7.49221], [110.226157, -7.490978], [-179.99999, 89.5],
         [179.99999, -89.5], [110.22639, -7.49221]]
    )  # fmt: skip

    text = encode_ring(coords, 1e5)

    # rounding to the 1e-5° grid moves a coordinate by at most half a step
    assert _decode_ring(text, 1e5) == pytest.approx(coords, abs=0.5e-5 + 1e-12)
    assert set(text) <= set(RING_ALPHABET)
    assert "_" not in RING_ALPHABET


def test_jakarta_geometry_in_the_page_matches_the_layer(jakarta):
    fmap = situation_map(jakarta, "positif", indicator_label="Kasus")

    payload = json.loads(re.search(r"var data = (\{.*?\});\n", map_html(fmap)).group(1))

    assert len(payload["g"]) == 267
    first = jakarta.geometry.iloc[0]
    exterior = np.asarray(getattr(first, "geoms", [first])[0].exterior.coords)
    # coordinates are sent on the 1e-5° grid (half a step = 0.55 m)
    assert _decode_ring(payload["g"][0][0][0], 1e5) == pytest.approx(
        exterior, abs=0.5e-5 + 1e-12
    )


@pytest.mark.parametrize("scale", [1e154, 1e200, 1e300])
def test_huge_values_get_classes_not_a_crash(scale):
    # jenkspy sums squares in doubles: the values are rescaled before
    values = pd.Series([scale * k for k in (1, 2, 3, 10, 11, 12, 30)])

    classes = classify_values(values, classes=3)

    assert classes.upper_bounds == (3 * scale, 12 * scale, 30 * scale)
