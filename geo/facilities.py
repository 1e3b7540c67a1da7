"""Read health-facility listings and check every point before it reaches a map.

A point is kept off the map and out of totals (``is_valid`` False, with the
reason in ``masalah``) when its coordinates are missing or impossible, when it
falls outside the region (including a latitude with the wrong sign or latitude
and longitude swapped, which are named but never corrected), when it falls in
another kelurahan than its address names, or when it repeats a facility already
listed by another source.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from rapidfuzz import fuzz

from geo.cases import normalize_name
from geo.crs import GEOGRAPHIC_CRS
from geo.errors import GeoInputError
from geo.text import fmt_int

logger = logging.getLogger(__name__)

EDGE_TOLERANCE_M = 50.0  # upstream boundaries are simplified: points on the edge
DUPLICATE_NEAR_M = 150.0  # same type this close: one facility listed twice
DUPLICATE_NAME_M = 500.0  # similar names this close: one facility listed twice
NAME_SIMILARITY = 80.0  # rapidfuzz token_set_ratio, 0-100
CAPACITY_COLUMNS = ("tempat_tidur", "tempat_tidur_isolasi", "icu", "ventilator")

LISTING_COLUMNS = {
    "facility": "nama",
    "type": "jenis",
    "address_as_given": "alamat",
    "kelurahan_in_address": "kelurahan_alamat",
    "source_id": "sumber",
}
# Words that tell nothing about which facility a name means.
_GENERIC_WORDS = {
    "rs", "rsu", "rsud", "rumah", "sakit", "umum", "daerah", "kota", "kabupaten",
    "magelang", "dr", "prof", "puskesmas", "pembantu", "pustu", "jakarta",
}  # fmt: skip
_NAME_SYNONYMS = {"rsi": "islam", "islamic": "islam", "rsj": "jiwa", "rst": "tentara"}


@dataclass(frozen=True)
class FacilityCheck:
    """Every facility row with its verdict, and what the check found.

    Attributes
    ----------
    table : geopandas.GeoDataFrame
        All rows read, in EPSG:4326: ``nama, jenis, alamat, kelurahan_alamat,
        sumber, lat, lon, kode_kelurahan, nama_kelurahan, is_valid, masalah,
        geometry`` plus any capacity columns. Invalid coordinates have an empty
        geometry.
    notes : tuple of str
        Summary in Bahasa Indonesia (how many kept off the map, capacity not
        counted).
    """

    table: gpd.GeoDataFrame
    notes: tuple[str, ...]

    @property
    def valid(self) -> gpd.GeoDataFrame:
        """Return only the facilities fit for the map and for totals."""
        return self.table[self.table["is_valid"]]

    @property
    def flagged(self) -> gpd.GeoDataFrame:
        """Return the facilities kept off the map, with their reasons."""
        return self.table[~self.table["is_valid"]]


def read_facility_listing(path: Path) -> pd.DataFrame:
    """Return a facility listing with product column names and facility types.

    Parameters
    ----------
    path : Path
        CSV with ``facility, type, address_as_given, kelurahan_in_address, lat,
        lon, source_id`` (the public listings) or already ``nama, jenis, lat,
        lon`` with optional ``alamat``, ``sumber`` and capacity columns.

    Returns
    -------
    pandas.DataFrame
        Columns ``nama, jenis, alamat, kelurahan_alamat, sumber, lat, lon``
        (coordinates as given, text) plus capacity columns present.

    Raises
    ------
    GeoInputError
        If name, type or coordinates columns are missing.
    """
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = raw.rename(columns=LISTING_COLUMNS)
    missing = [c for c in ("nama", "jenis", "lat", "lon") if c not in frame.columns]
    if missing:
        raise GeoInputError(
            f"Daftar fasilitas '{path.name}' tidak punya kolom {', '.join(missing)}; "
            f"kolom yang ada: {', '.join(raw.columns)}."
        )
    for column in ("alamat", "kelurahan_alamat", "sumber"):
        if column not in frame.columns:
            frame[column] = ""
    frame["jenis"] = frame["jenis"].map(facility_type)
    keep = ["nama", "jenis", "alamat", "kelurahan_alamat", "sumber", "lat", "lon"]
    keep += [column for column in CAPACITY_COLUMNS if column in frame.columns]
    return frame[keep].reset_index(drop=True)


def facility_type(label: str) -> str:
    """Return the product's facility type for a listing's type label."""
    text = str(label).strip().lower()
    if "pembantu" in text or text in {"pustu", "pkm pembantu"}:
        return "Puskesmas Pembantu"
    if "puskesmas" in text or text == "pkm":
        return "Puskesmas"
    if "hospital" in text or text.startswith("rs") or "rumah sakit" in text:
        return "RS"
    if "klinik" in text or "clinic" in text:
        return "Klinik"
    return str(label).strip() or "Lainnya"


def check_facilities(
    listing: pd.DataFrame, kelurahan: gpd.GeoDataFrame, metric_crs: str
) -> FacilityCheck:
    """Return every facility with a verdict: fit for the map, or why not.

    Parameters
    ----------
    listing : pandas.DataFrame
        As returned by :func:`read_facility_listing`.
    kelurahan : geopandas.GeoDataFrame
        The region's kelurahan in any CRS (``kode``, ``nama``, geometry).
    metric_crs : str
        The region's metric CRS; distances are measured there.

    Returns
    -------
    FacilityCheck
        Rows in listing order with ``is_valid`` and ``masalah``.

    Notes
    -----
    A point within ``EDGE_TOLERANCE_M`` of the region counts as inside, because
    the upstream boundaries are simplified. Duplicates: the same type within
    ``DUPLICATE_NEAR_M``, or names alike (rapidfuzz token-set ratio of the
    distinctive words) within ``DUPLICATE_NAME_M``; the row with an address is
    kept, the others point to it.
    """
    table = _with_points(listing)
    area = kelurahan.to_crs(metric_crs)
    region = shapely.union_all(area.geometry.to_numpy())
    problems = pd.Series("", index=table.index, dtype=object)

    _check_position(table, area, region, metric_crs, problems)
    _check_address(table, problems)
    _check_duplicates(table, metric_crs, problems)

    table["masalah"] = problems
    table["is_valid"] = problems == ""
    result = gpd.GeoDataFrame(table, geometry="geometry", crs=GEOGRAPHIC_CRS)
    notes = summary_notes(result)
    logger.info(
        "facilities checked: %s rows, %s flagged", len(result), (~table.is_valid).sum()
    )
    return FacilityCheck(result, tuple(notes))


def _with_points(listing: pd.DataFrame) -> pd.DataFrame:
    table = listing.copy()
    table["lat"] = pd.to_numeric(
        table["lat"].astype(str).str.replace(",", "."), errors="coerce"
    )
    table["lon"] = pd.to_numeric(
        table["lon"].astype(str).str.replace(",", "."), errors="coerce"
    )
    is_possible = table["lat"].between(-90, 90) & table["lon"].between(-180, 180)
    table["geometry"] = [
        shapely.Point(lon, lat) if ok else None
        for lat, lon, ok in zip(table["lat"], table["lon"], is_possible, strict=True)
    ]
    table["kode_kelurahan"] = pd.NA
    table["nama_kelurahan"] = pd.NA
    return table


def _check_position(
    table: pd.DataFrame,
    area: gpd.GeoDataFrame,
    region: shapely.Geometry,
    metric_crs: str,
    problems: pd.Series,
) -> None:
    to_metric = _transformer(metric_crs)
    for index, row in table.iterrows():
        lat, lon = row["lat"], row["lon"]
        if pd.isna(lat) or pd.isna(lon):
            problems[index] = "koordinat kosong atau tidak terbaca"
            continue
        if row["geometry"] is None:
            problems[index] = f"koordinat tidak valid ({lat}, {lon})"
            # swapped: the latitude column holds the longitude
            if _inside(to_metric, region, lat, lon):
                problems[index] += "; lintang dan bujur tampaknya tertukar"
            continue
        distance_m = _distance_m(to_metric, region, lon, lat)
        if distance_m > EDGE_TOLERANCE_M:
            problems[index] = _outside_reason(to_metric, region, lat, lon, distance_m)
            continue
        hit = _kelurahan_at(to_metric, area, lon, lat)
        table.at[index, "kode_kelurahan"] = hit["kode"]
        table.at[index, "nama_kelurahan"] = hit["nama"]


def _outside_reason(
    to_metric: Transformer,
    region: shapely.Geometry,
    lat: float,
    lon: float,
    distance_m: float,
) -> str:
    reason = f"di luar batas wilayah ({fmt_int(distance_m / 1000)} km dari batas)"
    if _inside(to_metric, region, lon, -lat):
        reason = (
            f"tanda lintang salah ({lat}); dengan tanda dibalik titik berada di "
            "dalam wilayah, tetapi tidak diubah otomatis"
        )
    elif _inside(to_metric, region, lat, lon):
        reason = (
            "lintang dan bujur tampaknya tertukar; dengan ditukar titik berada di "
            "dalam wilayah, tetapi tidak diubah otomatis"
        )
    return reason


def _check_address(table: pd.DataFrame, problems: pd.Series) -> None:
    for index, row in table.iterrows():
        said = str(row.get("kelurahan_alamat") or "").strip()
        found = row["nama_kelurahan"]
        if problems[index] or not said or pd.isna(found):
            continue
        if normalize_name(said) != normalize_name(found):
            problems[index] = (
                f"alamat menyebut kelurahan {said}, titik berada di {found}; "
                "perlu verifikasi lokasi"
            )


def _check_duplicates(
    table: pd.DataFrame, metric_crs: str, problems: pd.Series
) -> None:
    placed = table[table["kode_kelurahan"].notna()]
    if len(placed) < 2:
        return
    points = gpd.GeoSeries(placed["geometry"], crs=GEOGRAPHIC_CRS).to_crs(metric_crs)
    xy = np.column_stack([points.x, points.y])
    keys = [_name_key(name) for name in placed["nama"]]
    order = sorted(
        range(len(placed)),
        key=lambda i: (
            placed["alamat"].iloc[i].strip() == "",
            placed["kelurahan_alamat"].iloc[i].strip() == "",
            i,
        ),
    )
    kept: list[int] = []
    for i in order:
        twin = next((k for k in kept if _is_same(placed, xy, keys, i, k)), None)
        if twin is None:
            kept.append(i)
            continue
        distance_m = float(np.hypot(*(xy[i] - xy[twin])))
        index = placed.index[i]
        reason = (
            f"duplikat dari {placed['nama'].iloc[twin]} "
            f"(sumber {placed['sumber'].iloc[twin]}, {fmt_int(distance_m)} m)"
        )
        problems[index] = "; ".join(filter(None, [problems[index], reason]))


def _is_same(
    placed: pd.DataFrame, xy: np.ndarray, keys: list[str], i: int, k: int
) -> bool:
    if placed["jenis"].iloc[i] != placed["jenis"].iloc[k]:
        return False
    distance_m = float(np.hypot(*(xy[i] - xy[k])))
    if distance_m <= DUPLICATE_NEAR_M:
        return True
    similar = bool(keys[i]) and fuzz.token_set_ratio(keys[i], keys[k]) >= (
        NAME_SIMILARITY
    )
    return distance_m <= DUPLICATE_NAME_M and similar


def _name_key(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", str(name).lower())
    words = [_NAME_SYNONYMS.get(word, word) for word in words]
    return " ".join(word for word in words if word not in _GENERIC_WORDS)


def summary_notes(table: gpd.GeoDataFrame) -> list[str]:
    """Return the notes on facilities kept off the map and capacity not counted."""
    flagged = table[~table["is_valid"]]
    if flagged.empty:
        return []
    notes = [
        f"{len(flagged)} dari {len(table)} titik fasilitas tidak ditampilkan di peta "
        'dan tidak dihitung karena datanya bermasalah (lihat panel "Mutu data '
        'fasilitas" di halaman Peta Situasi).'
    ]
    for column in CAPACITY_COLUMNS:
        if column not in table.columns:
            continue
        excluded = pd.to_numeric(flagged[column], errors="coerce").fillna(0).sum()
        if excluded > 0:
            label = column.replace("_", " ")
            notes.append(
                f"{fmt_int(excluded)} {label} dari fasilitas yang dikecualikan "
                "tidak dihitung."
            )
    return notes


def _transformer(metric_crs: str) -> Transformer:
    return Transformer.from_crs(GEOGRAPHIC_CRS, metric_crs, always_xy=True)


def _inside(
    to_metric: Transformer, region: shapely.Geometry, lon: float, lat: float
) -> bool:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return False
    return _distance_m(to_metric, region, lon, lat) <= EDGE_TOLERANCE_M


def _distance_m(
    to_metric: Transformer, region: shapely.Geometry, lon: float, lat: float
) -> float:
    x, y = to_metric.transform(lon, lat)
    if not (np.isfinite(x) and np.isfinite(y)):
        return float("inf")
    return float(region.distance(shapely.Point(x, y)))


def _kelurahan_at(
    to_metric: Transformer, area: gpd.GeoDataFrame, lon: float, lat: float
) -> dict:
    point = shapely.Point(*to_metric.transform(lon, lat))
    distances = area.geometry.distance(point)
    nearest = distances.idxmin()
    return {"kode": area.at[nearest, "kode"], "nama": area.at[nearest, "nama"]}
