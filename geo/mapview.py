"""The situation map: kelurahan choropleth, facilities and resources, offline.

One builder serves the page (through ``st_folium`` in ``ui/``), the HTML export
and the briefing. The map it returns references only the Leaflet files the app
serves itself (or carries them inline for a self-contained HTML file): folium's
default CDN links (jQuery, Bootstrap, Font Awesome, awesome-markers) are
dropped, symbols are inline HTML/CSS and the legend is our own Leaflet control.
The only external address left is the basemap tile template, and the map is
fully drawn when the tiles do not load.
"""

from __future__ import annotations

import base64
import html
import importlib
import json
import logging
import math
import re
import sys
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import folium
import geopandas as gpd
import jenkspy
import numpy as np
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from folium.template import Template

from geo.crs import GEOGRAPHIC_CRS
from geo.errors import GeoInputError
from geo.export import count_label, is_small_count
from geo.text import fmt_int, fmt_num, t

logger = logging.getLogger(__name__)


def _import_mapclassify():
    """Import mapclassify, on first use, without the pyplot it loads for one helper.

    mapclassify's package import pulls in scipy.stats and scikit-learn (0.7 s on
    two cores) and pyplot for ``vba_choropleth`` (another third of a second), so
    the default scheme, Fisher-Jenks, does without it and the first map of a
    fresh start never waits for it. pyplot only falls back when missing; nothing
    here draws with matplotlib, so it is kept out of that one import and any
    later ``import matplotlib.pyplot`` works as usual.
    """
    if "mapclassify" in sys.modules or "matplotlib.pyplot" in sys.modules:
        return importlib.import_module("mapclassify")
    sys.modules["matplotlib.pyplot"] = None  # mapclassify sees ImportError
    try:
        return importlib.import_module("mapclassify")
    finally:
        if sys.modules.get("matplotlib.pyplot", 0) is None:
            del sys.modules["matplotlib.pyplot"]


DEFAULT_ASSET_BASE_URL = "/app/static/vendor"
DEFAULT_ASSET_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor"
DEFAULT_PRECISION_DEG = 1e-5
MAX_CLASSES = 9
# Jenks natural breaks, exact (Fisher 1958): the optimum a GIS package's "Jenks"
# gives, computed by jenkspy's C code in 0.12 s for Jawa Tengah's 8,563 desa.
DEFAULT_SCHEME = "FisherJenks"
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
KELURAHAN_COLUMNS = ("kode", "nama", "nama_kecamatan")

# ColorBrewer YlOrRd (Cynthia Brewer, colorbrewer2.org): sequential, rated safe
# for colour-blind readers and in print; one list per number of classes.
PALETTE_YLORRD: dict[int, tuple[str, ...]] = {
    1: ("#fd8d3c",),
    2: ("#fecc5c", "#e31a1c"),
    3: ("#ffeda0", "#feb24c", "#f03b20"),
    4: ("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"),
    5: ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
    6: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"),
    7: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"),
    8: (
        "#ffffcc",
        "#ffeda0",
        "#fed976",
        "#feb24c",
        "#fd8d3c",
        "#fc4e2a",
        "#e31a1c",
        "#b10026",
    ),
    9: (
        "#ffffcc",
        "#ffeda0",
        "#fed976",
        "#feb24c",
        "#fd8d3c",
        "#fc4e2a",
        "#e31a1c",
        "#bd0026",
        "#800026",
    ),
}
# 64 symbols (5 data bits + 1 "more" bit); no "_" so st_folium's renaming of
# folium variable names can never touch the encoded geometry.
RING_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-."
_RING_ALPHABET_BYTES = np.frombuffer(RING_ALPHABET.encode("ascii"), dtype=np.uint8)
RING_MAX_SYMBOLS = 7  # 35 bits: any longitude in 1e-5 degree units, zigzagged
NO_DATA_FILL = "#bdbdbd"
NO_DATA_STYLE = {
    "fillColor": NO_DATA_FILL,
    "fillOpacity": 0.45,
    "color": "#636363",
    "weight": 1,
    "dashArray": "4 3",
}
CLASS_STYLE = {"fillOpacity": 0.75, "color": "#525252", "weight": 0.8}
HIGHLIGHT_STYLE = {"weight": 3, "color": "#000000"}
SWATCH_HTML = (
    "<span style='display:inline-block;width:14px;height:12px;"
    "margin-right:6px;vertical-align:middle;border:1px solid #636363;"
    "background:{fill}{extra}'></span>"
)
LEGEND_BOX_HTML = (
    "<div style='background:rgba(255,255,255,0.92);padding:6px 8px;"
    "border-radius:4px;box-shadow:0 0 4px rgba(0,0,0,0.3);font:12px/1.4 "
    "sans-serif;max-width:220px'>{rows}</div>"
)

# Symbols as (short label, background colour, CSS border-radius); inline HTML so
# no icon font or marker image is loaded.
FACILITY_SYMBOLS: dict[str, tuple[str, str, str]] = {
    "RS": ("H", "#b2182b", "3px"),
    "Puskesmas": ("P", "#2166ac", "50%"),
    "Puskesmas Pembantu": ("Pb", "#67a9cf", "50%"),
    "Klinik": ("K", "#1b7837", "50%"),
}
FACILITY_OTHER = ("F", "#4d4d4d", "50%")
RESOURCE_SYMBOLS: dict[str, tuple[str, str, str]] = {
    "tempat tidur": ("TT", "#762a83", "2px"),
    "ambulans": ("A", "#e08214", "2px"),
    "kit tes": ("KT", "#35978f", "2px"),
    "tim lapangan": ("TL", "#1b7837", "2px"),
    "apd": ("PD", "#8c510a", "2px"),
    "dosis vaksin": ("V", "#2166ac", "2px"),
    "paket bantuan": ("PB", "#b2182b", "2px"),
}
RESOURCE_OTHER = ("S", "#4d4d4d", "2px")


@dataclass(frozen=True)
class ValueClasses:
    """Classes of an indicator over kelurahan, computed on non-missing values.

    Attributes
    ----------
    class_index : pd.Series
        Class (0 = lowest) per row of the input, ``<NA>`` where the value is
        missing (nullable Int64, same index as the values).
    upper_bounds : tuple[float, ...]
        Upper bound of each class, lowest first; class ``i`` holds values in
        ``(upper_bounds[i-1], upper_bounds[i]]``, class 0 from the minimum.
    labels : tuple[str, ...]
        Legend text for each class (Indonesian number format).
    colours : tuple[str, ...]
        Fill colour of each class.
    scheme : str
        The mapclassify scheme used.
    """

    class_index: pd.Series
    upper_bounds: tuple[float, ...]
    labels: tuple[str, ...]
    colours: tuple[str, ...]
    scheme: str


def classify_values(
    values: pd.Series,
    *,
    classes: int = 5,
    scheme: str = DEFAULT_SCHEME,
    seed: int = 0,
) -> ValueClasses:
    """Return map classes for ``values``, ignoring missing ones.

    Parameters
    ----------
    values : pd.Series
        Numbers (any numeric dtype, nullable allowed); missing and non-finite
        values get no class and are drawn as "tidak ada data".
    classes : int
        Wanted number of classes, 1 to 9; fewer are used when there are fewer
        distinct values.
    scheme : str
        A mapclassify classifier name (``mapclassify.CLASSIFIERS``). The
        default ``"FisherJenks"`` is the exact Jenks optimum (the breaks of
        ``mapclassify.FisherJenks``, computed by jenkspy); ``"NaturalBreaks"``
        is one-dimensional k-means seeded with ``seed``, so the same data give
        the same legend on every rerun.
    seed : int
        Seed for the k-means start of ``"NaturalBreaks"``.

    Returns
    -------
    ValueClasses
        Class per row, class bounds, legend labels and colours.

    Raises
    ------
    GeoInputError
        If ``classes`` is outside 1-9 or ``scheme`` is not a mapclassify scheme.

    Notes
    -----
    Natural breaks after Jenks (1977): the classes that minimise the squared
    deviation from their class means, found exactly by Fisher's (1958) dynamic
    programme; the other schemes through mapclassify (Rey et al.). A value
    equal to a class's upper bound belongs to that class, as in mapclassify.
    """
    _check_scheme(classes, scheme)

    numbers = pd.to_numeric(values, errors="coerce").astype("Float64")
    present = numbers.notna() & np.isfinite(numbers.fillna(0).to_numpy(float))
    known = numbers[present].to_numpy(dtype=float)
    class_index = pd.Series(pd.NA, index=values.index, dtype="Int64")
    if known.size == 0:
        return ValueClasses(class_index, (), (), (), scheme)

    upper_bounds, yb = _classify_known(known, classes, scheme, seed)
    class_index[present.to_numpy()] = yb
    is_integral = bool(np.all(np.equal(np.mod(known, 1), 0)))
    labels = _class_labels(upper_bounds, float(known.min()), is_integral)
    colours = PALETTE_YLORRD[len(upper_bounds)]
    return ValueClasses(class_index, upper_bounds, labels, colours, scheme)


def situation_map(
    kelurahan: gpd.GeoDataFrame,
    value_column: str,
    *,
    indicator_label: str,
    value_labels: pd.Series | None = None,
    facilities: gpd.GeoDataFrame | None = None,
    resources: gpd.GeoDataFrame | None = None,
    asset_base_url: str | None = DEFAULT_ASSET_BASE_URL,
    asset_dir: Path = DEFAULT_ASSET_DIR,
    basemap: bool = True,
    classes: int = 5,
    scheme: str = DEFAULT_SCHEME,
    seed: int = 0,
    precision_deg: float = DEFAULT_PRECISION_DEG,
    public: bool = False,
    bounds: tuple[float, float, float, float] | None = None,
) -> folium.Map:
    """Return the folium situation map: choropleth, symbols, legend, layer control.

    Parameters
    ----------
    kelurahan : gpd.GeoDataFrame
        One row per kelurahan with ``kode`` (unique), ``nama``,
        ``nama_kecamatan``, ``value_column`` and polygons in any CRS (drawn in
        EPSG:4326). Use ``geo.display.display_geometry`` first for a small
        payload. A kelurahan whose value is missing (no case row, empty cell)
        is drawn as "tidak ada data", never as a class.
    value_column : str
        Column holding the indicator (numbers; missing allowed).
    indicator_label : str
        Name of the indicator in Bahasa Indonesia, for legend and tooltip.
    value_labels : pd.Series | None
        Tooltip text (e.g. "12 (+3)"), either on the same index as
        ``kelurahan`` or indexed by ``kode``; default the value in Indonesian
        number format. Missing values always read "tidak ada data".
    facilities : gpd.GeoDataFrame | None
        Points with ``nama``, ``jenis``, ``alamat``, ``sumber``; rows whose
        ``is_valid`` is not True are left off the map. The map is fitted to
        the kelurahan, never stretched to a stray point.
    resources : gpd.GeoDataFrame | None
        Points with ``jenis`` and ``jumlah``, optionally ``nama``, ``satuan``,
        ``diperbarui`` (last update) and ``is_contoh`` (an example row).
    asset_base_url : str | None
        URL prefix under which ``leaflet/leaflet.js`` and ``.css`` are served
        (Streamlit static serving: ``/app/static/vendor``); ``None`` puts
        Leaflet inline for a self-contained HTML file.
    asset_dir : Path
        Folder holding ``leaflet/`` (read only when ``asset_base_url`` is None).
    basemap : bool
        Add the OpenStreetMap tiles as a layer that can be switched off;
        False draws the map "tanpa peta dasar".
    classes, scheme, seed : int, str, int
        Classification, see :func:`classify_values`.
    precision_deg : float
        Grid in degrees to which coordinates are rounded (payload size).
    public : bool
        Public release of a count: legend bounds from 1 to 4 read "<5" (give
        ``value_labels`` with the same rule for the tooltips).
    bounds : tuple of float, optional
        ``(south, west, north, east)`` in degrees where the map opens; by
        default the bounds of all kelurahan.

    Returns
    -------
    folium.Map
        The map; ``kode`` is in every feature's properties, so a click on a
        kelurahan reports it (``st_folium``'s ``last_active_drawing``).

    Raises
    ------
    GeoInputError
        If a column is missing, ``kode`` repeats, values are not numbers, the
        layer has no CRS, or the inline Leaflet files are missing.
    """
    _check_kelurahan(kelurahan, value_column)

    layer = _prepare_layer(kelurahan)
    value_classes = classify_values(
        layer[value_column], classes=classes, scheme=scheme, seed=seed
    )
    if public:
        value_classes = public_classes(value_classes)
    labels = _value_labels(layer, value_column, value_labels)

    fmap = _base_map(layer, basemap, bounds)
    _add_choropleth(fmap, layer, value_classes, labels, indicator_label, precision_deg)
    facility_kinds = _add_facilities(fmap, facilities)
    resource_kinds = _add_resources(fmap, resources)
    legend_html = _legend_html(
        indicator_label, value_classes, facility_kinds, resource_kinds
    )
    _Legend(legend_html).add_to(fmap)
    # Collapsed, so it does not hide the east of the region on a small screen.
    folium.LayerControl(collapsed=True).add_to(fmap)

    _use_local_assets(fmap, asset_base_url, asset_dir)
    return fmap


def public_classes(value_classes: ValueClasses) -> ValueClasses:
    """Return ``value_classes`` with legend bounds from 1 to 4 written "<5".

    A class "1 – 3" becomes "<5" and "4 – 12" becomes "<5 – 12", so that a
    public map never tells a count under five (:mod:`geo.export`).
    """
    labels = []
    for label in value_classes.labels:
        parts = [_public_bound(part) for part in label.split(" – ")]
        labels.append(" – ".join(dict.fromkeys(parts)))
    return replace(value_classes, labels=tuple(labels))


def _public_bound(text: str) -> str:
    number = text.removeprefix("> ").replace(".", "").replace(",", ".")
    try:
        value = float(number)
    except ValueError:
        return text
    return count_label(value, public=True) if is_small_count(value) else text


def polygon_map(
    layer: gpd.GeoDataFrame,
    styles: dict[str, dict[str, object]],
    *,
    tooltip: dict[str, str],
    layer_name: str,
    legend_title: str,
    legend_entries: list[tuple[str, dict[str, object]]],
    asset_base_url: str | None = DEFAULT_ASSET_BASE_URL,
    asset_dir: Path = DEFAULT_ASSET_DIR,
    basemap: bool = True,
    precision_deg: float = DEFAULT_PRECISION_DEG,
    bounds: tuple[float, float, float, float] | None = None,
) -> folium.Map:
    """Return an offline map of polygons styled one by one, with its own legend.

    The same compact geometry, legend control and local Leaflet as
    :func:`situation_map`, for maps whose colours are decided by the caller
    (classes of a statistic rather than value classes).

    Parameters
    ----------
    layer : gpd.GeoDataFrame
        One row per unit with a unique ``kode``, the ``tooltip`` columns and
        polygons in any CRS (drawn in EPSG:4326).
    styles : dict
        Leaflet path style (``fillColor``, ``fillOpacity``, ``color``,
        ``weight``, optional ``dashArray``) per ``kode``.
    tooltip : dict
        Column -> label shown in the tooltip, in order; values are shown as text.
    layer_name : str
        Name of the layer in the layer control.
    legend_title : str
        First line of the legend.
    legend_entries : list of (str, dict)
        Legend text and the style it stands for, in the order shown.
    asset_base_url, asset_dir, basemap, precision_deg, bounds
        As for :func:`situation_map`.

    Returns
    -------
    folium.Map
        ``kode`` and the tooltip columns are in every feature's properties. The
        layer control starts collapsed, and the map opens on ``bounds`` kept
        clear of the legend and the other controls (:class:`FitBesideControls`).

    Raises
    ------
    GeoInputError
        If a column is missing, ``kode`` repeats or has no style, or the layer
        has no CRS.
    """
    _check_styled(layer, styles, tuple(tooltip))

    layer = _prepare_layer(layer)
    properties = [
        {"kode": str(kode), **{column: _text(row[column]) for column in tooltip}}
        for kode, (_, row) in zip(layer["kode"], layer.iterrows(), strict=True)
    ]
    styles = {str(kode): style for kode, style in styles.items()}

    fmap = _base_map(layer, basemap, bounds, fit=False)
    fields = list(tooltip)
    folium_tooltip = folium.GeoJsonTooltip(
        fields=fields, aliases=[tooltip[field] for field in fields], sticky=True
    )
    _add_polygons(
        fmap, layer, properties, styles, layer_name, folium_tooltip, precision_deg
    )
    _Legend(_entries_legend_html(legend_title, legend_entries)).add_to(fmap)
    # Collapsed, so it does not cover the top of the map.
    folium.LayerControl(collapsed=True).add_to(fmap)
    # Last: it measures the legend and the controls added above.
    FitBesideControls(_fit_box(layer, bounds)).add_to(fmap)

    _use_local_assets(fmap, asset_base_url, asset_dir)
    return fmap


def map_html(fmap: folium.Map) -> str:
    """Return the whole HTML page of ``fmap`` (for export or measuring payload)."""
    return fmap.get_root().render()


class _Legend(MacroElement):
    """Our own legend as a Leaflet control (no branca colormap, so no d3)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomright"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "petaruang-legend");
            div.innerHTML = {{ this.legend_html|tojson }};
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, legend_html: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.legend_html = legend_html


class FitBesideControls(folium.map.FitBounds):
    """Open the map on ``bounds`` with no control (legend included) over them.

    Leaflet's controls sit in the map's four corners. For each corner the
    bounds are kept either beside its controls or above/below them; of the 16
    combinations the one with the closest zoom is used (a tie goes to the least
    padding), measured in the browser once the controls are drawn. A map with
    no size yet is fitted without padding. The fit is not animated: Leaflet
    drops a fit asked for while a zoom animation runs.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, box, gap) {
            var bounds = L.latLngBounds(box);
            var size = map.getSize();
            var options = {animate: false};
            var container = map.getContainer();
            var corners = [];
            ["top", "bottom"].forEach(function (v) {
                ["left", "right"].forEach(function (h) {
                    var corner = container.querySelector(
                        ".leaflet-" + v + ".leaflet-" + h
                    );
                    var width = corner ? corner.offsetWidth : 0;
                    var height = corner ? corner.offsetHeight : 0;
                    corners.push({
                        v: v,
                        h: h,
                        width: width > 0 ? width + gap : 0,
                        height: height > 0 ? height + gap : 0
                    });
                });
            });
            var best = null;
            for (var choice = 0; choice < 16; choice++) {
                var pad = {top: 0, bottom: 0, left: 0, right: 0};
                corners.forEach(function (corner, index) {
                    if (choice & (1 << index)) {
                        pad[corner.h] = Math.max(pad[corner.h], corner.width);
                    } else {
                        pad[corner.v] = Math.max(pad[corner.v], corner.height);
                    }
                });
                var across = pad.left + pad.right;
                var down = pad.top + pad.bottom;
                if (across >= size.x || down >= size.y) {
                    continue;
                }
                var zoom = map.getBoundsZoom(bounds, false, L.point(across, down));
                var total = across + down;
                if (best === null || zoom > best.zoom ||
                        (zoom === best.zoom && total < best.total)) {
                    best = {zoom: zoom, total: total, pad: pad};
                }
            }
            if (best !== null) {
                options.paddingTopLeft = [best.pad.left, best.pad.top];
                options.paddingBottomRight = [best.pad.right, best.pad.bottom];
            }
            map.fitBounds(bounds, options);
        })({{ this._parent.get_name() }}, {{ this.bounds|tojson }}, {{ this.gap }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]], gap: int = 4) -> None:
        super().__init__(bounds)
        self._name = "FitBesideControls"
        self.gap = int(gap)


class MetricScale(MacroElement):
    """Leaflet's scale bar in metres and kilometres only (no miles or feet)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "MetricScale"


def _check_scheme(classes: int, scheme: str) -> None:
    if not 1 <= classes <= MAX_CLASSES:
        raise GeoInputError(t("err_map_classes", value=classes, maximum=MAX_CLASSES))
    if scheme == DEFAULT_SCHEME:
        return
    known = _import_mapclassify().CLASSIFIERS
    if scheme not in known or scheme == "UserDefined":
        choices = ", ".join(c for c in known if c != "UserDefined")
        raise GeoInputError(t("err_map_scheme", value=scheme, choices=choices))


def _classify_known(
    known: np.ndarray, classes: int, scheme: str, seed: int
) -> tuple[tuple[float, ...], np.ndarray]:
    """Return class upper bounds and class per value for finite values."""
    distinct = np.unique(known)
    k = min(classes, distinct.size)
    if k == distinct.size:
        # Few distinct values: one class each, so a genuine 0 is its own class.
        bins = distinct
    elif scheme == DEFAULT_SCHEME:
        bins = _jenks_breaks(known, k)
    elif scheme == "NaturalBreaks":
        bins = _seeded_natural_breaks(known, k, seed)
    else:
        classifier = getattr(_import_mapclassify(), scheme)
        try:
            bins = classifier(known, k=k).bins
        except TypeError:
            bins = classifier(known).bins
    bins = np.unique(np.asarray(bins, dtype=float))[:MAX_CLASSES]
    bins[-1] = max(bins[-1], float(known.max()))
    # mapclassify's bin1d rule: class i holds (bins[i-1], bins[i]]
    yb = np.searchsorted(bins, known, side="left")
    return tuple(float(b) for b in bins), yb


# LIMITATION: Fisher-Jenks time grows with the square of the number of units
# (0.12 s for 8,563 desa, 4 s for 50,000); effect: a map of all of Indonesia's
# ~84,000 desa would wait some 12 s for its legend.
def _jenks_breaks(known: np.ndarray, k: int) -> np.ndarray:
    """Return the upper bounds of the exact Jenks classes, each a value of ``known``.

    jenkspy sums squares in plain doubles, which overflow above about 1e154
    (and lose digits on values far from zero), so it is given the values
    rescaled to 0-1 (the classes do not change under that) and each break is
    read back as the largest original value at its place. ``known`` holds at
    least ``k + 1`` distinct finite values.
    """
    ordered = np.sort(known)
    magnitude = max(abs(ordered[0]), abs(ordered[-1]))
    shrunk = ordered / magnitude  # within -1..1: the span below cannot overflow
    scaled = (shrunk - shrunk[0]) / (shrunk[-1] - shrunk[0])
    k = min(k, np.unique(scaled).size)  # values a few ulps apart may merge
    if k < 2:
        return ordered[-1:]
    breaks = jenkspy.jenks_breaks(scaled, n_classes=k)[1:]
    return ordered[np.searchsorted(scaled, breaks, side="right") - 1]


def _seeded_natural_breaks(known: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Return k-means class maxima as mapclassify's NaturalBreaks, but seeded."""
    from sklearn.cluster import KMeans  # 0.7 s of imports: only when asked for

    model = KMeans(n_clusters=k, n_init=10, random_state=seed)
    labels = model.fit(known.reshape(-1, 1)).labels_
    return np.sort([known[labels == label].max() for label in range(k)])


def _class_labels(
    upper_bounds: tuple[float, ...], minimum: float, is_integral: bool
) -> tuple[str, ...]:
    """Return legend text for each class, e.g. "0", "1 – 5", "6 – 40"."""
    fmt = fmt_int if is_integral else fmt_num
    labels = []
    lower = minimum
    for index, upper in enumerate(upper_bounds):
        if is_integral:
            low = lower if index == 0 else math.floor(lower) + 1
            text = fmt(upper) if low >= upper else f"{fmt(low)} – {fmt(upper)}"
        elif index == 0:
            text = f"{fmt(lower)} – {fmt(upper)}"
        else:
            text = f"> {fmt(lower)} – {fmt(upper)}"
        labels.append(text)
        lower = upper
    return tuple(labels)


def _check_kelurahan(kelurahan: gpd.GeoDataFrame, value_column: str) -> None:
    missing = [
        column
        for column in (*KELURAHAN_COLUMNS, value_column)
        if column not in kelurahan.columns
    ]
    if missing:
        raise GeoInputError(
            t(
                "err_map_columns",
                missing=", ".join(missing),
                columns=", ".join(map(str, kelurahan.columns)),
            )
        )
    if kelurahan.crs is None:
        raise GeoInputError(t("err_display_no_crs"))
    repeated = kelurahan["kode"][kelurahan["kode"].duplicated()].unique()
    if len(repeated):
        raise GeoInputError(
            t("err_map_kode_repeated", kode=", ".join(map(str, repeated[:5])))
        )

    raw = kelurahan[value_column]
    numbers = pd.to_numeric(raw, errors="coerce")
    not_numbers = raw[raw.notna() & numbers.isna()]
    if len(not_numbers):
        raise GeoInputError(
            t(
                "err_map_not_numbers",
                column=value_column,
                examples=", ".join(map(repr, not_numbers.unique()[:3])),
            )
        )


def _check_styled(
    layer: gpd.GeoDataFrame, styles: dict[str, dict[str, object]], columns: tuple
) -> None:
    missing = [column for column in ("kode", *columns) if column not in layer.columns]
    if missing:
        raise GeoInputError(
            t(
                "err_map_columns",
                missing=", ".join(missing),
                columns=", ".join(map(str, layer.columns)),
            )
        )
    if layer.crs is None:
        raise GeoInputError(t("err_display_no_crs"))
    kode = layer["kode"].astype(str)
    repeated = kode[kode.duplicated()].unique()
    if len(repeated):
        raise GeoInputError(
            t("err_map_kode_repeated", kode=", ".join(map(str, repeated[:5])))
        )
    unstyled = sorted(set(kode) - {str(key) for key in styles})
    if unstyled:
        raise GeoInputError(
            t("err_map_unstyled", n=len(unstyled), kode=", ".join(unstyled[:5]))
        )


def _entries_legend_html(
    title: str, entries: list[tuple[str, dict[str, object]]]
) -> str:
    """Return a legend of styled swatches under ``title``."""
    rows = [
        f"<div style='font-weight:bold;margin-bottom:4px'>{html.escape(title)}</div>"
    ]
    for label, style in entries:
        extra = f";border:2px {_border(style)} {style.get('color', '#636363')}"
        swatch = SWATCH_HTML.format(fill=style.get("fillColor", "#ffffff"), extra=extra)
        rows.append(f"<div>{swatch}{html.escape(label)}</div>")
    return LEGEND_BOX_HTML.format(rows="".join(rows))


def _border(style: dict[str, object]) -> str:
    if not style.get("dashArray"):
        return "solid"
    return "dotted" if str(style["dashArray"]).startswith(("1 ", "2 ")) else "dashed"


def _prepare_layer(kelurahan: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the kelurahan in EPSG:4326 (coordinates are rounded when encoded)."""
    if kelurahan.crs == GEOGRAPHIC_CRS:
        return kelurahan
    return kelurahan.to_crs(GEOGRAPHIC_CRS)


def _value_labels(
    layer: gpd.GeoDataFrame, value_column: str, value_labels: pd.Series | None
) -> pd.Series:
    """Return the tooltip text per row; missing values read "tidak ada data"."""
    numbers = pd.to_numeric(layer[value_column], errors="coerce").astype("Float64")
    finite = numbers.notna() & np.isfinite(numbers.fillna(0).to_numpy(float))
    known = numbers[finite].to_numpy(dtype=float)
    is_integral = bool(np.all(np.equal(np.mod(known, 1), 0)))
    default = [
        (fmt_int(float(value)) if is_integral else fmt_num(float(value)))
        if is_finite
        else t("tidak_ada_data")
        for value, is_finite in zip(numbers.fillna(0), finite, strict=True)
    ]
    labels = pd.Series(default, index=layer.index, dtype=object)
    if value_labels is not None:
        # Aligned with the layer's rows, or keyed by kode.
        if value_labels.index.equals(layer.index):
            given = value_labels
        else:
            given = layer["kode"].map(value_labels)
        use_given = given.notna() & finite
        labels[use_given] = given[use_given].astype(str)
    return labels


def _fit_box(
    layer: gpd.GeoDataFrame, bounds: tuple[float, float, float, float] | None
) -> list[list[float]]:
    """Return ``[[south, west], [north, east]]`` of ``bounds`` or of the layer."""
    if bounds is None:
        min_lon, min_lat, max_lon, max_lat = layer.total_bounds
    else:
        min_lat, min_lon, max_lat, max_lon = bounds
    return [[min_lat, min_lon], [max_lat, max_lon]]


def _base_map(
    layer: gpd.GeoDataFrame,
    basemap: bool,
    bounds: tuple[float, float, float, float] | None = None,
    *,
    fit: bool = True,
) -> folium.Map:
    """Return an empty map on ``bounds`` or the layer, tiles when asked.

    ``fit=False`` leaves the fit to the caller (one fit per map: Leaflet drops
    a second fit asked for while the first one's zoom animation runs).
    """
    (min_lat, min_lon), (max_lat, max_lon) = _fit_box(layer, bounds)
    fmap = folium.Map(
        location=[(min_lat + max_lat) / 2, (min_lon + max_lon) / 2],
        tiles=None,
        zoom_start=12,
        control_scale=False,  # MetricScale below: metres, not feet
        # Quarter zoom steps, so fitting the bounds fills the frame (Jakarta's
        # mainland at whole steps would show half of Kepulauan Seribu too).
        zoom_snap=0.25,
    )
    MetricScale().add_to(fmap)
    if basemap:
        _add_basemap(fmap)
    if fit:
        fmap.fit_bounds([[min_lat, min_lon], [max_lat, max_lon]])
    # White, not Leaflet's grey, behind the polygons: without tiles (offline or
    # "tanpa peta dasar") the grey "tidak ada data" fill must stand out.
    fmap.get_root().header.add_child(
        Element("<style>div.leaflet-container{background:#fff}</style>")
    )
    return fmap


def _add_basemap(fmap: folium.Map) -> None:
    folium.TileLayer(
        tiles=TILE_URL,
        attr=t("map_tile_attribution"),
        name=t("map_layer_basemap"),
        max_zoom=19,
        # An overlay, so the layer control can switch it off ("tanpa peta dasar").
        overlay=True,
        control=True,
    ).add_to(fmap)


def _add_choropleth(
    fmap: folium.Map,
    layer: gpd.GeoDataFrame,
    value_classes: ValueClasses,
    labels: pd.Series,
    indicator_label: str,
    precision_deg: float,
) -> None:
    """Add the kelurahan layer styled by class, geometry in compact form."""
    properties = [
        {"kode": kode, "nama": nama, "kecamatan": kecamatan, "nilai": nilai}
        for kode, nama, kecamatan, nilai in zip(
            layer["kode"].astype(str),
            layer["nama"].astype(str),
            layer["nama_kecamatan"].astype(str),
            labels,
            strict=True,
        )
    ]
    styles = {
        feature["kode"]: _class_style(value_classes, index)
        for feature, index in zip(properties, value_classes.class_index, strict=True)
    }
    tooltip = folium.GeoJsonTooltip(
        fields=["nama", "kecamatan", "nilai"],
        aliases=[t("kelurahan"), t("kecamatan"), indicator_label],
        sticky=True,
    )
    name = t("map_layer_kelurahan", indikator=indicator_label)
    _add_polygons(fmap, layer, properties, styles, name, tooltip, precision_deg)


def _add_polygons(
    fmap: folium.Map,
    layer: gpd.GeoDataFrame,
    properties: list[dict[str, str]],
    styles: dict[str, dict[str, object]],
    name: str,
    tooltip: folium.GeoJsonTooltip,
    precision_deg: float,
) -> None:
    """Add polygons styled by ``kode``, geometry in compact form."""
    # folium gets the properties only (for its style switch and tooltip); the
    # geometry follows as encoded text, about a fifth of GeoJSON's bytes.
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": feature, "geometry": None}
            for feature in properties
        ],
    }
    min_lon, min_lat, max_lon, max_lat = layer.total_bounds
    choropleth = _KelurahanLayer(
        collection,
        bounds=[[min_lat, min_lon], [max_lat, max_lon]],
        name=name,
        style_function=_StyleByKode(styles),
        highlight_function=_StyleByKode({}, default=HIGHLIGHT_STYLE),
        tooltip=tooltip,
    )
    choropleth.add_to(fmap)
    scale = 1.0 / (precision_deg if precision_deg > 0 else DEFAULT_PRECISION_DEG)
    geometry = [_encode_geometry(geom, scale) for geom in layer.geometry.values]
    _CompactGeometry(choropleth, properties, geometry, scale).add_to(fmap)


@dataclass(frozen=True)
class _StyleByKode:
    """Style of a feature looked up by its kode; a class, so the map pickles."""

    styles: dict[str, dict[str, object]]
    default: dict[str, object] | None = None

    def __call__(self, feature: dict) -> dict[str, object]:
        kode = feature["properties"]["kode"]
        return self.styles.get(kode, self.default) or NO_DATA_STYLE


class _KelurahanLayer(folium.GeoJson):
    """folium GeoJson whose features get their geometry from ``_CompactGeometry``."""

    def __init__(self, data: dict, *, bounds: list[list[float]], **kwargs) -> None:
        super().__init__(data, **kwargs)
        self._bounds = bounds

    def _get_self_bounds(self) -> list[list[float]]:
        return self._bounds


# LIMITATION: each shared border is sent twice, once per neighbour (no TopoJSON
# arcs); effect: Jawa Tengah at 50 m is still 4.3 MB of map, about 2.7 s to draw.
class _CompactGeometry(MacroElement):
    """Decode the encoded rings (:func:`encode_ring`) in the browser, add features."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var scale = {{ this.scale }};
            var alphabet = "{{ this.alphabet }}";
            var data = {{ this.payload }};
            var lookup = new Int8Array(128);
            for (var j = 0; j < alphabet.length; j++) {
                lookup[alphabet.charCodeAt(j)] = j;
            }
            function ring(text) {
                var out = [], x = 0, y = 0, i = 0;
                function next() {
                    var result = 0, shift = 0, symbol;
                    do {
                        symbol = lookup[text.charCodeAt(i++)];
                        result |= (symbol & 31) << shift;
                        shift += 5;
                    } while (symbol & 32);
                    return (result & 1) ? ~(result >> 1) : (result >> 1);
                }
                while (i < text.length) {
                    x += next();
                    y += next();
                    out.push([x / scale, y / scale]);
                }
                return out;
            }
            var features = [];
            for (var i = 0; i < data.p.length; i++) {
                if (!data.g[i].length) { continue; }
                features.push({
                    type: "Feature",
                    properties: data.p[i],
                    geometry: {
                        type: "MultiPolygon",
                        coordinates: data.g[i].map(function (polygon) {
                            return polygon.map(ring);
                        })
                    }
                });
            }
            {{ this.layer.get_name() }}_add(
                {type: "FeatureCollection", features: features}
            );
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self,
        layer: folium.GeoJson,
        properties: list[dict[str, str]],
        geometry: list[list[list[str]]],
        scale: float,
    ) -> None:
        super().__init__()
        self._name = "CompactGeometry"
        self.layer = layer
        self.scale = repr(scale)
        self.alphabet = RING_ALPHABET
        self.payload = _script_safe_json({"p": properties, "g": geometry})


def _encode_geometry(geom: object, scale: float) -> list[list[str]]:
    """Return polygons as lists of encoded rings (:func:`encode_ring`)."""
    if geom is None or shapely.is_empty(geom):
        return []

    polygons = []
    for polygon in shapely.get_parts(geom):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        rings = [
            encode_ring(shapely.get_coordinates(ring), scale)
            for ring in (polygon.exterior, *polygon.interiors)
        ]
        polygons.append(rings)
    return polygons


def encode_ring(coords: np.ndarray, scale: float) -> str:
    """Return a ring's coordinates as a short text, decoded by the map's script.

    Parameters
    ----------
    coords : np.ndarray
        (n, 2) longitude, latitude in degrees.
    scale : float
        Units per degree (1e5 for a 1e-5 degree grid).

    Returns
    -------
    str
        Integers on the grid, first absolute then as differences, zigzag
        signed and written 5 bits per character in :data:`RING_ALPHABET`
        (the 6th bit says another character follows).

    Notes
    -----
    The varint scheme of Google's Encoded Polyline Algorithm Format, with an
    alphabet of letters, digits, "-" and "." only, so the text passes
    JSON, HTML and st_folium's renaming of ``_name`` variables untouched.
    """
    grid = np.rint(np.asarray(coords, dtype=float) * scale).astype(np.int64)
    values = np.vstack([grid[:1], np.diff(grid, axis=0)]).ravel()
    zigzag = np.where(values < 0, ~(values << 1), values << 1)

    positions = np.arange(RING_MAX_SYMBOLS)
    chunks = (zigzag[:, None] >> (5 * positions[None, :])) & 31
    thresholds = 32 ** positions[1:]
    count = 1 + (zigzag[:, None] >= thresholds[None, :]).sum(axis=1)
    has_more = positions[None, :] < (count[:, None] - 1)
    used = positions[None, :] < count[:, None]
    symbols = (chunks + 32 * has_more)[used]
    return _RING_ALPHABET_BYTES[symbols].tobytes().decode("ascii")


def _script_safe_json(value: object) -> str:
    """Return compact JSON that cannot close a <script> element."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _class_style(value_classes: ValueClasses, index: object) -> dict[str, object]:
    if index is pd.NA or index is None:
        return NO_DATA_STYLE
    return {**CLASS_STYLE, "fillColor": value_classes.colours[int(index)]}


def _symbol_html(symbol: tuple[str, str, str], size_px: int = 20) -> str:
    """Return an inline-styled badge: short label on a coloured shape."""
    text, colour, radius = symbol
    return (
        f'<div style="width:{size_px}px;height:{size_px}px;background:{colour};'
        f"border:1.5px solid #fff;border-radius:{radius};color:#fff;"
        f"font:bold 10px/{size_px}px sans-serif;text-align:center;"
        f'box-shadow:0 0 2px #000">{html.escape(text)}</div>'
    )


@dataclass(frozen=True)
class Symbol:
    """One point symbol: a badge at a place, a popup (HTML) and a tooltip (text)."""

    lat: float
    lon: float
    badge: tuple[str, str, str]
    popup: str
    tip: str


class SymbolLayer(MacroElement):
    """Every symbol of one layer, drawn by one loop of plain Leaflet.

    Add it to a ``folium.FeatureGroup`` (the layer the layer control switches).
    One element instead of a folium Marker, DivIcon, Tooltip and popup per
    symbol, each a template that branca compiles again when the map is
    rendered: Kota Magelang's map builds in a fraction of the time and each
    badge's HTML travels once. Tooltip text is escaped; popups are HTML.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (layer, badges, items) {
            items.forEach(function (item) {
                var icon = L.divIcon({
                    className: "petaruang-symbol",
                    html: badges[item[2]],
                    iconSize: [20, 20],
                    iconAnchor: [10, 10]
                });
                L.marker([item[0], item[1]], {icon: icon})
                    .bindTooltip(item[4], {sticky: true})
                    .bindPopup(item[3], {maxWidth: 280})
                    .addTo(layer);
            });
        })(
            {{ this._parent.get_name() }}, {{ this.badges_json }}, {{ this.items_json }}
        );
        {% endmacro %}
        """
    )

    def __init__(self, symbols: list[Symbol]) -> None:
        super().__init__()
        self._name = "SymbolLayer"
        self.symbols = tuple(symbols)
        badges, number = _numbered(symbol.badge for symbol in self.symbols)
        self.badges_json = _script_safe_json([_symbol_html(b) for b in badges])
        self.items_json = _script_safe_json(
            [
                [
                    round(symbol.lat, 6),
                    round(symbol.lon, 6),
                    number[symbol.badge],
                    symbol.popup,
                    html.escape(symbol.tip),
                ]
                for symbol in self.symbols
            ]
        )


@dataclass(frozen=True)
class Circle:
    """One circle of fixed size on screen: place, radius in pixels, colour, tooltip."""

    lat: float
    lon: float
    radius_px: float
    colour: str
    tip: str


class CircleLayer(MacroElement):
    """Every circle of one layer, drawn by one loop of plain Leaflet.

    Add it to a ``folium.FeatureGroup``. The counterpart of :class:`SymbolLayer`
    for the demand points and candidates of a siting map: a province's 8,563
    desa are one element, not 17,000 folium elements. Tooltip text is escaped.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (layer, colours, items, style) {
            items.forEach(function (item) {
                var colour = colours[item[3]];
                L.circleMarker([item[0], item[1]], Object.assign(
                    {radius: item[2], color: colour, fillColor: colour}, style
                ))
                    .bindTooltip(item[4], {sticky: true})
                    .addTo(layer);
            });
        })(
            {{ this._parent.get_name() }},
            {{ this.colours_json }},
            {{ this.items_json }},
            {{ this.style_json }}
        );
        {% endmacro %}
        """
    )

    def __init__(
        self, circles: list[Circle], *, weight: float, fill_opacity: float
    ) -> None:
        super().__init__()
        self._name = "CircleLayer"
        self.circles = tuple(circles)
        colours, number = _numbered(circle.colour for circle in self.circles)
        self.colours_json = _script_safe_json(colours)
        self.style_json = _script_safe_json(
            {"weight": weight, "fill": True, "fillOpacity": fill_opacity}
        )
        self.items_json = _script_safe_json(
            [
                [
                    round(circle.lat, 6),
                    round(circle.lon, 6),
                    round(circle.radius_px, 1),
                    number[circle.colour],
                    html.escape(circle.tip),
                ]
                for circle in self.circles
            ]
        )


def _numbered(values: Iterable[Hashable]) -> tuple[list, dict]:
    """Return the distinct values in first-seen order and each one's position.

    A layer sends each badge or colour once and its items refer to it by number.
    """
    distinct = list(dict.fromkeys(values))
    return distinct, {value: index for index, value in enumerate(distinct)}


def _popup_rows(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><th style='text-align:left;padding-right:6px'>{html.escape(label)}"
        f"</th><td>{html.escape(value)}</td></tr>"
        for label, value in rows
    )
    return f"<table style='font-size:12px'>{cells}</table>"


def _text(value: object) -> str:
    return "–" if value is None or pd.isna(value) else str(value)


def _points(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the drawable points of ``frame`` in EPSG:4326."""
    if frame.crs is None:
        raise GeoInputError(t("err_display_no_crs"))
    points = frame.to_crs(GEOGRAPHIC_CRS)
    drawable = ~points.geometry.is_empty & points.geometry.notna()
    return points[drawable]


def _add_facilities(
    fmap: folium.Map, facilities: gpd.GeoDataFrame | None
) -> dict[str, tuple[str, str, str]]:
    """Add the facility layer; return the symbols used, by jenis."""
    if facilities is None or facilities.empty:
        return {}

    points = _points(facilities)
    if "is_valid" in points.columns:
        # only rows checked and found valid are drawn; a missing verdict is not
        checked = points["is_valid"].eq(True).fillna(False).to_numpy(dtype=bool)
        flagged = int((~checked).sum())
        points = points[checked]
        logger.info("%d flagged facilities left off the map", flagged)
    used: dict[str, tuple[str, str, str]] = {}
    symbols = []
    for row in points.itertuples():
        jenis = _text(getattr(row, "jenis", None))
        symbol = FACILITY_SYMBOLS.get(jenis, FACILITY_OTHER)
        used[jenis if jenis in FACILITY_SYMBOLS else t("map_lainnya")] = symbol
        popup = _popup_rows(
            [
                (t("nama"), _text(getattr(row, "nama", None))),
                (t("map_jenis"), jenis),
                (t("map_alamat"), _text(getattr(row, "alamat", None))),
                (t("map_sumber"), _text(getattr(row, "sumber", None))),
            ]
        )
        nama = _text(getattr(row, "nama", None))
        symbols.append(Symbol(row.geometry.y, row.geometry.x, symbol, popup, nama))
    group = folium.FeatureGroup(name=t("map_layer_fasilitas"))
    SymbolLayer(symbols).add_to(group)
    group.add_to(fmap)
    return used


def _add_resources(
    fmap: folium.Map, resources: gpd.GeoDataFrame | None
) -> dict[str, tuple[str, str, str]]:
    """Add the resources layer; return the symbols used, by jenis."""
    if resources is None or resources.empty:
        return {}

    points = _points(resources)
    used: dict[str, tuple[str, str, str]] = {}
    symbols = []
    for row in points.itertuples():
        jenis = _text(getattr(row, "jenis", None))
        symbol = RESOURCE_SYMBOLS.get(jenis.lower(), RESOURCE_OTHER)
        used[jenis if jenis.lower() in RESOURCE_SYMBOLS else t("map_lainnya")] = symbol
        is_example = bool(getattr(row, "is_contoh", False))
        jumlah = getattr(row, "jumlah", None)
        jumlah_text = "–" if jumlah is None or pd.isna(jumlah) else fmt_int(jumlah)
        satuan = getattr(row, "satuan", None)
        if satuan is not None and not pd.isna(satuan):
            jumlah_text = f"{jumlah_text} {satuan}"
        rows = [
            (t("nama"), _text(getattr(row, "nama", None))),
            (t("map_jenis"), jenis),
            (t("map_jumlah"), jumlah_text),
            (t("map_diperbarui"), _date_text(getattr(row, "diperbarui", None))),
        ]
        if is_example:
            rows.append((t("map_keterangan"), t("map_contoh")))
        tip = f"{jenis}: {jumlah_text}" + (
            f" ({t('map_contoh')})" if is_example else ""
        )
        popup = _popup_rows(rows)
        symbols.append(Symbol(row.geometry.y, row.geometry.x, symbol, popup, tip))
    group = folium.FeatureGroup(name=t("map_layer_sumber_daya"))
    SymbolLayer(symbols).add_to(group)
    group.add_to(fmap)
    return used


def _date_text(value: object) -> str:
    if value is None or pd.isna(value):
        return "–"
    stamp = pd.Timestamp(value)
    return (
        stamp.strftime("%d-%m-%Y %H:%M") if stamp.time() else stamp.strftime("%d-%m-%Y")
    )


def _legend_html(
    indicator_label: str,
    value_classes: ValueClasses,
    facility_kinds: dict[str, tuple[str, str, str]],
    resource_kinds: dict[str, tuple[str, str, str]],
) -> str:
    """Return the legend: classes, "tidak ada data", then the symbols."""
    swatch = SWATCH_HTML
    title = html.escape(indicator_label)
    rows = [f"<div style='font-weight:bold;margin-bottom:4px'>{title}</div>"]
    for label, colour in zip(value_classes.labels, value_classes.colours, strict=True):
        rows.append(
            f"<div>{swatch.format(fill=colour, extra='')}{html.escape(label)}</div>"
        )
    rows.append(
        "<div class='petaruang-legend-nodata'>"
        + swatch.format(fill=NO_DATA_FILL, extra=";border-style:dashed")
        + f"{html.escape(t('tidak_ada_data'))}</div>"
    )
    for title, kinds in (
        (t("map_layer_fasilitas"), facility_kinds),
        (t("map_layer_sumber_daya"), resource_kinds),
    ):
        if not kinds:
            continue
        rows.append(
            f"<div style='font-weight:bold;margin-top:6px'>{html.escape(title)}</div>"
        )
        for jenis, symbol in kinds.items():
            badge = _symbol_html(symbol, size_px=16)
            rows.append(
                "<div style='display:flex;align-items:center;gap:6px;margin:2px 0'>"
                f"{badge}{html.escape(jenis)}</div>"
            )
    return LEGEND_BOX_HTML.format(rows="".join(rows))


def _use_local_assets(
    fmap: folium.Map, asset_base_url: str | None, asset_dir: Path
) -> None:
    """Point the map at the app's own Leaflet, or put Leaflet inline."""
    if asset_base_url is not None:
        base = asset_base_url.rstrip("/")
        fmap.default_js = [("leaflet", f"{base}/leaflet/leaflet.js")]
        fmap.default_css = [("leaflet_css", f"{base}/leaflet/leaflet.css")]
        return

    leaflet_dir = asset_dir / "leaflet"
    try:
        script = (leaflet_dir / "leaflet.js").read_text(encoding="utf-8")
        css = (leaflet_dir / "leaflet.css").read_text(encoding="utf-8")
    except OSError as err:
        raise GeoInputError(t("err_map_assets", folder=str(leaflet_dir))) from err
    fmap.default_js = []
    fmap.default_css = []
    header = fmap.get_root().header
    header.add_child(Element(f"<style>{_inline_images(css, leaflet_dir)}</style>"))
    header.add_child(Element(f"<script>{script}</script>"))


def _inline_images(css: str, leaflet_dir: Path) -> str:
    """Return Leaflet's CSS with its images as data URIs."""

    def to_data_uri(match: re.Match[str]) -> str:
        path = leaflet_dir / match.group(1)
        if not path.is_file():
            return match.group(0)
        encoded = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{encoded})"

    without_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return re.sub(r"url\((images/[\w.-]+\.png)\)", to_data_uri, without_comments)
