"""Read kelurahan/desa boundaries, check them and repair invalid geometries."""

from __future__ import annotations

import logging
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geo.crs import GEOGRAPHIC_CRS
from geo.errors import GeoInputError

logger = logging.getLogger(__name__)

REQUIRED_COLUMNS = ("kode", "nama", "kode_kecamatan", "nama_kecamatan")
OPTIONAL_COLUMNS = ("kode_kabkota", "nama_kabkota")


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
