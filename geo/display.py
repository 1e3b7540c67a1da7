"""Display geometry: polygons simplified for the map without gaps between neighbours.

The kelurahan layer is simplified as one coverage (``shapely.coverage_simplify``)
in the region's metric CRS, so a shared border is simplified once and both
neighbours keep the same line: no slivers or overlaps appear, unlike a plain
per-polygon ``simplify``. Coordinates are then rounded in EPSG:4326 to keep the
map payload small.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

from geo.crs import GEOGRAPHIC_CRS
from geo.errors import GeoInputError
from geo.text import fmt_int, t

logger = logging.getLogger(__name__)

DEFAULT_TOLERANCE_M = 20.0
# LIMITATION: upstream slivers between neighbours are kept by default (gap width 0);
# effect: thin white lines may show where the source polygons do not meet. Closing
# gaps of 20 m costs 0.2 s on Jakarta but 74 s on Jawa Tengah (8,563 desa).
DEFAULT_GAP_WIDTH_M = 0.0
# 1e-5 degree is about 1.1 m on the ground at the equator: below what a screen shows.
DEFAULT_PRECISION_DEG = 1e-5


@dataclass(frozen=True)
class DisplayGeometry:
    """A layer simplified for display, with what the simplification did.

    Attributes
    ----------
    layer : gpd.GeoDataFrame
        Same rows, index and columns as the input, geometry simplified, in
        EPSG:4326 with rounded coordinates.
    vertices_before, vertices_after : int
        Coordinate count of all geometries before and after.
    repaired_kode : tuple[str, ...]
        ``kode`` (or index label) of each input geometry that was invalid and
        repaired with ``shapely.make_valid``.
    notes : tuple[str, ...]
        Caveats in Bahasa Indonesia.
    """

    layer: gpd.GeoDataFrame
    vertices_before: int
    vertices_after: int
    repaired_kode: tuple[str, ...]
    notes: tuple[str, ...]


def display_geometry(
    layer: gpd.GeoDataFrame,
    *,
    metric_crs: str,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    precision_deg: float = DEFAULT_PRECISION_DEG,
    gap_width_m: float = DEFAULT_GAP_WIDTH_M,
) -> DisplayGeometry:
    """Return ``layer`` simplified as a coverage for display, with vertex counts.

    Parameters
    ----------
    layer : gpd.GeoDataFrame
        Polygons with a CRS (any; usually EPSG:4326), one row per area.
    metric_crs : str
        The region's metric CRS (e.g. ``geo.crs.UTM_49S``) in which the
        tolerance is applied.
    tolerance_m : float
        Simplification tolerance in metres (Visvalingam-Whyatt area threshold
        expressed as a length, see ``shapely.coverage_simplify``); 0 keeps
        every vertex.
    precision_deg : float
        Grid, in degrees, to which output coordinates are rounded.
    gap_width_m : float
        Gaps between neighbours narrower than this (metres) are given to the
        neighbour with the longest shared border; 0 keeps every gap.

    Returns
    -------
    DisplayGeometry
        The simplified layer in EPSG:4326 (same rows and columns) and figures.

    Raises
    ------
    GeoInputError
        If the layer has no CRS, or the tolerance, precision or gap width is
        negative or not a number.

    Notes
    -----
    Invalid input polygons are first repaired with ``make_valid`` (method
    "structure") and the repair is logged. The layer is then made a clean
    coverage (GEOS ``CoverageCleaner``: overlaps between neighbours given to one
    of them, shared edges snapped identical), because real layers overlap a
    little upstream and the simplifier needs a valid coverage to keep it
    gap-free. Simplification is GEOS ``CoverageSimplifier`` (Martin Davis,
    2023), a topology-preserving Visvalingam-Whyatt that simplifies each shared
    edge once.
    """
    _check_inputs(layer, tolerance_m, precision_deg, gap_width_m)

    geoms = np.asarray(layer.geometry.values, dtype=object)
    vertices_before = int(shapely.get_num_coordinates(geoms).sum())
    repaired_geoms, repaired_kode = _repair(layer, geoms)

    metric = gpd.GeoSeries(repaired_geoms, crs=layer.crs).to_crs(metric_crs)
    simplified = _coverage_simplify(np.asarray(metric.values), tolerance_m, gap_width_m)
    geographic = gpd.GeoSeries(simplified, crs=metric_crs).to_crs(GEOGRAPHIC_CRS)
    rounded = _round_coordinates(np.asarray(geographic.values), precision_deg)

    result = layer.to_crs(GEOGRAPHIC_CRS) if layer.crs != GEOGRAPHIC_CRS else layer
    result = result.copy()
    result = result.set_geometry(gpd.GeoSeries(rounded, index=layer.index))
    result = result.set_crs(GEOGRAPHIC_CRS, allow_override=True)
    vertices_after = int(shapely.get_num_coordinates(rounded).sum())
    logger.info(
        "display geometry: %d features, %d -> %d vertices at %.1f m",
        len(layer),
        vertices_before,
        vertices_after,
        tolerance_m,
    )
    return DisplayGeometry(
        layer=result,
        vertices_before=vertices_before,
        vertices_after=vertices_after,
        repaired_kode=repaired_kode,
        notes=_notes(repaired_kode),
    )


def _check_inputs(
    layer: gpd.GeoDataFrame,
    tolerance_m: float,
    precision_deg: float,
    gap_width_m: float,
) -> None:
    if layer.crs is None:
        raise GeoInputError(t("err_display_no_crs"))
    checked = {
        "toleransi (m)": tolerance_m,
        "presisi (derajat)": precision_deg,
        "lebar celah (m)": gap_width_m,
    }
    for name, value in checked.items():
        if not np.isfinite(value) or value < 0:
            raise GeoInputError(t("err_display_negative", name=name, value=value))


def _repair(
    layer: gpd.GeoDataFrame, geoms: np.ndarray
) -> tuple[np.ndarray, tuple[str, ...]]:
    """Return geometries with invalid ones made valid, and the labels repaired."""
    present = ~shapely.is_missing(geoms)
    invalid = present & ~shapely.is_valid(geoms)
    if not invalid.any():
        return geoms, ()

    labels = layer["kode"] if "kode" in layer.columns else layer.index.to_series()
    repaired_kode = tuple(str(label) for label in labels[invalid])
    repaired = geoms.copy()
    repaired[invalid] = shapely.make_valid(
        geoms[invalid], method="structure", keep_collapsed=False
    )
    for label, reason in zip(
        repaired_kode, shapely.is_valid_reason(geoms[invalid]), strict=True
    ):
        logger.warning(
            "invalid geometry %s repaired with make_valid: %s", label, reason
        )
    return repaired, repaired_kode


def _coverage_simplify(
    geoms: np.ndarray, tolerance_m: float, gap_width_m: float
) -> np.ndarray:
    """Return the coverage cleaned and simplified; missing or empty ones pass."""
    drawable = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    out = geoms.copy()
    if not drawable.any():
        return out

    # LIMITATION: cleaning the whole province coverage takes 7-17 s on 2 cores
    # (8,563 desa); effect: the first map of Jawa Tengah waits for it, so the
    # result must be cached per region by the caller.
    cleaned = shapely.coverage_clean(geoms[drawable], gap_width=gap_width_m)
    # A polygon lying wholly under a neighbour would vanish: keep it as it was.
    lost = shapely.is_empty(cleaned)
    if lost.any():
        logger.warning("%d polygons vanished in coverage cleaning", int(lost.sum()))
        cleaned[lost] = geoms[drawable][lost]
    if tolerance_m > 0:
        cleaned = shapely.coverage_simplify(cleaned, tolerance_m)
    out[drawable] = cleaned
    return out


def _round_coordinates(geoms: np.ndarray, precision_deg: float) -> np.ndarray:
    """Return geometries snapped to a grid, valid, with short decimal coordinates."""
    if precision_deg == 0:
        return geoms

    # set_precision keeps polygons valid (GEOS snap-rounding); the second pass
    # only turns values like 110.22640000000001 into 110.2264 for the JSON.
    snapped = shapely.set_precision(geoms, precision_deg)
    decimals = max(0, int(round(-np.log10(precision_deg))))
    return shapely.transform(snapped, lambda xy: np.round(xy, decimals))


def _notes(repaired_kode: tuple[str, ...]) -> tuple[str, ...]:
    if not repaired_kode:
        return ()
    return (
        t(
            "display_repaired",
            count=fmt_int(len(repaired_kode)),
            kode=", ".join(repaired_kode),
        ),
    )
