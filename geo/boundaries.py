"""Read kelurahan/desa boundaries, check them and repair invalid geometries."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geo.crs import GEOGRAPHIC_CRS
from geo.errors import GeoInputError

logger = logging.getLogger(__name__)

REQUIRED_COLUMNS = ("kode", "nama", "kode_kecamatan", "nama_kecamatan")
OPTIONAL_COLUMNS = ("kode_kabkota", "nama_kabkota")
OUTLIER_SPREAD = 4.0  # x the median centroid distance: beyond it, an outlier


def read_kelurahan(path: Path, metric_crs: str) -> gpd.GeoDataFrame:
    """Return the kelurahan layer in EPSG:4326 with ``area_km2`` measured.

    Parameters
    ----------
    path : Path
        A vector file (GeoJSON, GeoPackage, zipped Shapefile) with the columns
        ``kode``, ``nama``, ``kode_kecamatan`` and ``nama_kecamatan``.
    metric_crs : str
        The region's metric CRS (a UTM zone); areas are measured there, never
        in degrees.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per kelurahan, codes as text, invalid geometries repaired,
        columns ``kode, nama, kode_kecamatan, nama_kecamatan, kode_kabkota,
        nama_kabkota, area_km2, geometry``.

    Raises
    ------
    GeoInputError
        If the file has no CRS, lacks a required column, is empty or repeats a
        code.
    """
    layer = gpd.read_file(path)
    _check_layer(layer, path)

    layer = layer.to_crs(GEOGRAPHIC_CRS)
    layer = repair_geometries(layer)
    for column in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
        if column not in layer.columns:
            layer[column] = pd.NA
        layer[column] = layer[column].astype("string").str.strip()
    layer["area_km2"] = layer.to_crs(metric_crs).area / 1e6

    columns = [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, "area_km2", "geometry"]
    layer = layer[columns].sort_values("kode").reset_index(drop=True)
    logger.info("kelurahan read: %s rows from %s", len(layer), path.name)
    return layer


def repair_geometries(layer: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return ``layer`` with invalid polygons made valid, logging each repair."""
    invalid = ~layer.geometry.is_valid
    if not invalid.any():
        return layer
    layer = layer.copy()
    for index in layer.index[invalid]:
        logger.warning(
            "invalid geometry repaired with make_valid: %s %s",
            layer.at[index, "kode"],
            layer.at[index, "nama"],
        )
    repaired = shapely.make_valid(layer.geometry[invalid].to_numpy())
    # make_valid may return a collection with stray lines; keep the area only.
    layer.loc[invalid, "geometry"] = [_polygonal_part(geom) for geom in repaired]
    return layer


def dissolve_kecamatan(kelurahan: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return kecamatan outlines dissolved from their kelurahan (one row each).

    The upstream kecamatan polygons are far coarser than the kelurahan
    (data/README.md), so outlines consistent with the kelurahan are dissolved.
    """
    grouped = kelurahan.dissolve(
        by="kode_kecamatan", as_index=False, aggfunc={"nama_kecamatan": "first"}
    )
    grouped["area_km2"] = kelurahan.groupby("kode_kecamatan")["area_km2"].sum().values
    return grouped[["kode_kecamatan", "nama_kecamatan", "area_km2", "geometry"]]


def _check_layer(layer: gpd.GeoDataFrame, path: Path) -> None:
    if layer.empty:
        raise GeoInputError(
            f"Berkas batas wilayah '{path.name}' tidak berisi satu pun kelurahan."
        )
    if layer.crs is None:
        raise GeoInputError(
            f"Berkas batas wilayah '{path.name}' tidak menyebut sistem koordinatnya "
            "(CRS). Simpan ulang dengan CRS, misalnya EPSG:4326."
        )
    missing = [column for column in REQUIRED_COLUMNS if column not in layer.columns]
    if missing:
        raise GeoInputError(
            f"Berkas batas wilayah '{path.name}' tidak punya kolom "
            f"{', '.join(missing)}; kolom yang ada: {', '.join(layer.columns)}."
        )
    duplicated = layer["kode"][layer["kode"].duplicated()].unique()
    if len(duplicated):
        raise GeoInputError(
            f"Kode kelurahan muncul lebih dari sekali di '{path.name}': "
            f"{', '.join(map(str, duplicated[:5]))}. Setiap kelurahan harus unik."
        )


def _polygonal_part(geom: shapely.Geometry) -> shapely.Geometry:
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [
        part
        for part in getattr(geom, "geoms", [])
        if part.geom_type in ("Polygon", "MultiPolygon")
    ]
    return shapely.union_all(parts)


@dataclass(frozen=True)
class ViewBounds:
    """Where a map of the region opens, and which kelurahan lie beyond it."""

    south: float
    west: float
    north: float
    east: float
    outlying: tuple[str, ...]


def view_bounds(
    kelurahan: gpd.GeoDataFrame, metric_crs: str, spread: float = OUTLIER_SPREAD
) -> ViewBounds:
    """Return the bounds that hold the bulk of the region, naming far-off kelurahan.

    Parameters
    ----------
    kelurahan : geopandas.GeoDataFrame
        The region's kelurahan, any CRS.
    metric_crs : str
        Metric CRS in which centroid distances are measured.
    spread : float
        A kelurahan whose centroid lies farther from the median centroid than
        ``spread`` times the median of those distances is outlying (islands such
        as Kepulauan Seribu), so the map opens on the mainland.

    Returns
    -------
    ViewBounds
        Bounds in degrees (EPSG:4326) and the ``nama`` of outlying kelurahan.
    """
    centroids = kelurahan.to_crs(metric_crs).centroid
    centre_x, centre_y = centroids.x.median(), centroids.y.median()
    distance = ((centroids.x - centre_x) ** 2 + (centroids.y - centre_y) ** 2) ** 0.5
    limit = spread * max(float(distance.median()), 1.0)
    is_core = (distance <= limit).to_numpy()

    west, south, east, north = kelurahan[is_core].to_crs(GEOGRAPHIC_CRS).total_bounds
    outlying = tuple(kelurahan.loc[~is_core, "nama"].astype(str))
    return ViewBounds(float(south), float(west), float(north), float(east), outlying)
