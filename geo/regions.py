"""Region packs: one folder per kab/kota or province under ``data/``.

A pack is a folder with a ``region.json`` manifest naming the region (``kode``,
``nama``), its metric CRS, its kelurahan boundaries and, when it has them, its
case, facility and population files with their readers and sources. Adding a
region is adding a folder.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
from sqlalchemy import Engine

from geo import boundaries, cases, facilities, store
from geo.errors import GeoInputError
from geo.text import t

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MANIFEST = "region.json"
CASE_READERS = ("jakarta_xlsx", "pedulilindungi_scrape")


@dataclass(frozen=True)
class SourceFiles:
    """A data set of a pack: its reader, files and the source line shown."""

    reader: str
    files: tuple[Path, ...]
    sumber: str
    as_of: dt.date | None = None
    is_example: bool = False


@dataclass(frozen=True)
class RegionPack:
    """What a region pack's manifest says."""

    kode: str
    nama: str
    provinsi: str
    folder: Path
    metric_crs: str
    is_default: bool
    kelurahan_file: Path
    kasus: SourceFiles | None
    fasilitas: SourceFiles | None
    penduduk: SourceFiles | None
    catatan: tuple[str, ...]
    sumber_daya: SourceFiles | None = None
    is_bundled: bool = True


@dataclass(frozen=True)
class RegionData:
    """A region's layers and tables, read and checked."""

    pack: RegionPack
    kelurahan: gpd.GeoDataFrame
    cases: pd.DataFrame
    reported_totals: pd.DataFrame
    facilities: facilities.FacilityCheck | None
    population: pd.Series | None
    notes: tuple[str, ...]
    resources: gpd.GeoDataFrame | None = None


def list_packs(data_dir: Path = DATA_DIR) -> list[RegionPack]:
    """Return every region pack under ``data_dir``, the default one first."""
    packs = [read_pack(path.parent) for path in sorted(data_dir.glob(f"*/{MANIFEST}"))]
    return sorted(packs, key=lambda pack: (not pack.is_default, pack.kode))


def find_pack(kode: str, data_dir: Path = DATA_DIR) -> RegionPack:
    """Return the pack whose region code is ``kode``.

    Raises
    ------
    GeoInputError
        If no pack has that code; the message lists the codes there are.
    """
    packs = list_packs(data_dir)
    for pack in packs:
        if pack.kode == str(kode).strip():
            return pack
    choices = ", ".join(f"{pack.kode} ({pack.nama})" for pack in packs)
    raise GeoInputError(t("err_wilayah_unknown", value=kode, choices=choices))


def default_pack(data_dir: Path = DATA_DIR) -> RegionPack:
    """Return the pack marked default (Kota Magelang in this repository)."""
    packs = list_packs(data_dir)
    if not packs:
        raise GeoInputError(
            f"Tidak ada paket wilayah di {data_dir}: setiap wilayah perlu folder "
            f"dengan berkas {MANIFEST}."
        )
    return packs[0]


def read_pack(folder: Path) -> RegionPack:
    """Return the manifest of the pack in ``folder``.

    Raises
    ------
    GeoInputError
        If the manifest is not valid JSON or misses a required field.
    """
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        return RegionPack(
            kode=str(manifest["kode"]),
            nama=manifest["nama"],
            provinsi=manifest.get("provinsi", ""),
            folder=folder,
            metric_crs=manifest["metric_crs"],
            is_default=bool(manifest.get("default", False)),
            kelurahan_file=folder / manifest["kelurahan"],
            kasus=_source(folder, manifest.get("kasus")),
            fasilitas=_source(folder, manifest.get("fasilitas")),
            penduduk=_source(folder, manifest.get("penduduk")),
            catatan=tuple(manifest.get("catatan", ())),
            sumber_daya=_source(folder, manifest.get("sumber_daya")),
        )
    except (json.JSONDecodeError, KeyError, TypeError) as err:
        raise GeoInputError(
            f"Manifest paket wilayah {path} tidak lengkap atau rusak ({err}); "
            "perlu kode, nama, metric_crs dan kelurahan."
        ) from err


def list_regions(engine: Engine, data_dir: Path = DATA_DIR) -> list[RegionPack]:
    """Return the bundled packs and the regions imported into the store, default first.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store (:func:`geo.store.open_store`).
    data_dir : Path
        Folder holding the region packs.

    Returns
    -------
    list of RegionPack
        Every bundled pack, then each region that exists only in the store (its
        boundaries imported on the Data page) with ``is_bundled`` False and no
        source files.
    """
    packs = list_packs(data_dir)
    bundled = {pack.kode for pack in packs}
    for row in store.regions(engine).itertuples():
        if row.kode not in bundled:
            packs.append(_store_pack(row.kode, row.nama, row.metric_crs))
    return packs


def find_region(kode: str, engine: Engine, data_dir: Path = DATA_DIR) -> RegionPack:
    """Return the bundled pack or stored region whose code is ``kode``.

    Raises
    ------
    GeoInputError
        If neither has that code; the message lists the codes there are.
    """
    packs = list_regions(engine, data_dir)
    for pack in packs:
        if pack.kode == str(kode).strip():
            return pack
    choices = ", ".join(f"{pack.kode} ({pack.nama})" for pack in packs)
    raise GeoInputError(t("err_wilayah_unknown", value=kode, choices=choices))


def _store_pack(kode: str, nama: str, metric_crs: str) -> RegionPack:
    return RegionPack(
        kode=kode,
        nama=nama,
        provinsi="",
        folder=Path(),
        metric_crs=metric_crs,
        is_default=False,
        kelurahan_file=Path(),
        kasus=None,
        fasilitas=None,
        penduduk=None,
        catatan=(),
        is_bundled=False,
    )


def load_region(
    kode: str, data_dir: Path = DATA_DIR, engine: Engine | None = None
) -> RegionData:
    """Return the region's kelurahan, cases, facilities and population, checked.

    Parameters
    ----------
    kode : str
        Region code as in its manifest ("33.71", "31").
    data_dir : Path
        Folder holding the region packs.
    engine : sqlalchemy.Engine or None
        The store. None reads the pack's files; with a store every table comes
        from it (what was imported, edited, and the bundled packs loaded by
        :func:`geo.bootstrap.ensure_bundled`), and ``resources`` is filled.

    Returns
    -------
    RegionData
        Kelurahan in EPSG:4326 with ``area_km2``; the tidy case table (empty
        when the pack has none); facilities with their verdicts; population per
        kelurahan or None; the notes of every reader; resources (store only).

    Raises
    ------
    GeoInputError
        If the region is unknown or one of its files cannot be read.
    """
    if engine is not None:
        return _load_from_store(find_region(kode, engine, data_dir), engine)
    pack = find_pack(kode, data_dir)
    kelurahan = boundaries.read_kelurahan(pack.kelurahan_file, pack.metric_crs)
    case_read = _read_cases(pack, kelurahan)
    facility_check = None
    if pack.fasilitas is not None:
        listing = facilities.read_facility_listing(pack.fasilitas.files[0])
        facility_check = facilities.check_facilities(
            listing, kelurahan, pack.metric_crs
        )
    population = _read_population(pack)

    notes = [*pack.catatan, *case_read.notes]
    logger.info("region %s loaded: %s kelurahan", pack.kode, len(kelurahan))
    return RegionData(
        pack=pack,
        kelurahan=kelurahan,
        cases=case_read.table,
        reported_totals=case_read.reported_totals,
        facilities=facility_check,
        population=population,
        notes=tuple(notes),
    )


def occupancy_facilities(region: RegionData, engine: Engine) -> pd.DataFrame:
    """Return the facilities occupancy rows may name: the checked table when any.

    The checked table is the store's rows with ``is_valid`` and ``masalah``, so
    an occupancy import can say which rows name a flagged facility; a region
    without a facility listing gives the store's rows as they are.
    """
    if region.facilities is None:
        return store.facilities(engine, region.pack.kode)
    return region.facilities.table


def _load_from_store(pack: RegionPack, engine: Engine) -> RegionData:
    kelurahan = store.kelurahan(engine, pack.kode)
    if kelurahan.empty:
        raise GeoInputError(t("err_region_no_boundaries", nama=pack.nama))
    population = store.population(engine, pack.kode)
    resources = store.resources(engine, pack.kode)

    logger.info("region %s loaded from the store", pack.kode)
    return RegionData(
        pack=pack,
        kelurahan=kelurahan,
        cases=store.case_counts(engine, pack.kode),
        # LIMITATION: the totals a source states for itself (Jakarta's sheet
        # totals) are not stored; a RegionData read from the store has none.
        reported_totals=pd.DataFrame(columns=["tanggal", "positif"]),
        facilities=_stored_facility_check(engine, pack, kelurahan),
        population=None if population.empty else population.astype(float),
        notes=pack.catatan,
        resources=None if resources.empty else resources,
    )


def _stored_facility_check(
    engine: Engine, pack: RegionPack, kelurahan: gpd.GeoDataFrame
) -> facilities.FacilityCheck | None:
    """Check stored facilities plus the last facility import's quarantined rows.

    Quarantined rows never reach the store's facility table, yet the data
    quality panel lists them with the same verdicts as when read from files.
    """
    stored = store.facilities(engine, pack.kode)
    # LIMITATION: only the newest facility import's quarantined rows are listed;
    # rows quarantined by an earlier import drop out of the data quality panel.
    batches = store.batches(engine, pack.kode, "fasilitas")
    rejected = (
        pd.DataFrame()
        if batches.empty
        else store.quarantined_rows(engine, int(batches["id"].iloc[0]))
    )
    if stored.empty and rejected.empty:
        return None
    rejected = _listing_of_rejected(rejected)
    listing = pd.concat(
        [_listing_of_stored(stored), rejected.drop(columns="alasan")],
        ignore_index=True,
    )
    check = facilities.check_facilities(listing, kelurahan, pack.metric_crs)
    if rejected.empty:
        return check

    # A row quarantined on import stays off the map even when its point is fine
    # (a capacity that is not a number, say): its import reason is kept.
    table = check.table.copy()
    at = table.index[len(stored) :]
    unflagged = at[table.loc[at, "masalah"] == ""]
    table.loc[unflagged, "masalah"] = rejected["alasan"].to_numpy()[
        unflagged - len(stored)
    ]
    table.loc[at, "is_valid"] = False
    return facilities.FacilityCheck(table, tuple(facilities.summary_notes(table)))


def _listing_of_stored(stored: gpd.GeoDataFrame) -> pd.DataFrame:
    listing = pd.DataFrame(stored.drop(columns="geometry")).rename(
        columns={"tempat_tidur_icu": "icu"}
    )
    for column in ("alamat", "kelurahan_alamat", "sumber"):
        listing[column] = listing[column].fillna("")
    return listing.drop(columns=["is_valid", "masalah"])


def _listing_of_rejected(rejected: pd.DataFrame) -> pd.DataFrame:
    columns = ["nama", "jenis", "alamat", "kelurahan_alamat", "sumber", "lat", "lon"]
    listing = rejected.rename(columns=facilities.LISTING_COLUMNS)
    if rejected.empty or not {"nama", "jenis", "lat", "lon"} <= set(listing.columns):
        return pd.DataFrame(columns=[*columns, "alasan"])
    for column in ("alamat", "kelurahan_alamat", "sumber"):
        if column not in listing.columns:
            listing[column] = ""
    listing["jenis"] = listing["jenis"].map(facilities.facility_type)
    return listing[[*columns, "alasan"]].fillna("")


def _source(folder: Path, spec: dict | None) -> SourceFiles | None:
    if not spec:
        return None
    patterns = spec["files"] if "files" in spec else [spec["file"]]
    files = tuple(path for pattern in patterns for path in sorted(folder.glob(pattern)))
    if not files:
        raise GeoInputError(
            f"Berkas {', '.join(patterns)} yang disebut manifest di {folder} "
            "tidak ditemukan."
        )
    as_of = spec.get("per_tanggal")
    return SourceFiles(
        spec["reader"],
        files,
        spec.get("sumber", ""),
        as_of=None if as_of is None else dt.date.fromisoformat(as_of),
        is_example=bool(spec.get("contoh", False)),
    )


def _read_cases(pack: RegionPack, kelurahan: gpd.GeoDataFrame) -> cases.CaseRead:
    if pack.kasus is None:
        empty = pd.DataFrame(columns=["tanggal", "positif"])
        return cases.CaseRead(cases.empty_table(), empty, ())
    files = list(pack.kasus.files)
    if pack.kasus.reader == "jakarta_xlsx":
        return cases.read_jakarta_xlsx(files, kelurahan["kode"])
    if pack.kasus.reader == "pedulilindungi_scrape":
        return cases.read_scrape_csv(files, kelurahan)
    raise GeoInputError(
        f"Pembaca data kasus '{pack.kasus.reader}' di manifest {pack.nama} tidak "
        f"dikenal; pilih salah satu: {', '.join(CASE_READERS)}."
    )


def _read_population(pack: RegionPack) -> pd.Series | None:
    if pack.penduduk is None:
        return None
    table = pd.read_csv(pack.penduduk.files[0], dtype={"kode": str})
    if not {"kode", "jumlah_penduduk"} <= set(table.columns):
        raise GeoInputError(
            f"Berkas penduduk {pack.penduduk.files[0].name} perlu kolom kode dan "
            "jumlah_penduduk."
        )
    return table.set_index("kode")["jumlah_penduduk"].astype(float)
