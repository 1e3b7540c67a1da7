"""First start: load the bundled region packs into the store through the import path.

Each pack file goes through :func:`geo.imports.check_file` and
:func:`geo.imports.write_result` like a file a user imports on the Data page, in
the order boundaries, facilities, resources, cases, population (each needs the
one before it). A file already imported (same SHA-256) is not read again, so a
restart costs one hash per file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from geo import imports, regions, store
from geo.regions import RegionPack, SourceFiles

logger = logging.getLogger(__name__)

BUNDLED_WHO = "paket wilayah"  # the audit log's "who" for bundled files


@dataclass(frozen=True)
class BundledFile:
    """One pack file and what the bootstrap did with it."""

    region_kode: str
    kind: str
    file_name: str
    batch_id: int
    is_new: bool
    rows_read: int
    rows_accepted: int
    rows_quarantined: int


def ensure_bundled(
    engine: Engine, data_dir: Path = regions.DATA_DIR, kode: str | None = None
) -> list[BundledFile]:
    """Import every bundled region pack file the store has not seen yet.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store (:func:`geo.store.open_store`).
    data_dir : Path
        Folder holding the region packs.
    kode : str, optional
        Only the pack of this region (the app imports a pack when it is first
        opened, so the first start shows the default region sooner).

    Returns
    -------
    list of BundledFile
        One entry per pack file, in import order; ``is_new`` False for a file
        found in the store already (nothing read or written).

    Raises
    ------
    GeoInputError
        If a pack file cannot be read (a broken pack is a fault to fix).
    """
    done: list[BundledFile] = []
    packs = regions.list_packs(data_dir)
    if kode is not None:
        packs = [pack for pack in packs if pack.kode == kode]
    for pack in packs:
        store.save_region(
            engine, pack.kode, pack.nama, pack.metric_crs, who=BUNDLED_WHO
        )
        done += _ensure_pack(engine, pack)

    fresh = sum(entry.is_new for entry in done)
    logger.info("bundled packs: %s files, %s imported now", len(done), fresh)
    return done


def _pack_files(pack: RegionPack) -> list[tuple[str, Path, SourceFiles | None]]:
    """Return (kind, path, source) in import order: each kind needs the one before."""
    files: list[tuple[str, Path, SourceFiles | None]] = [
        ("batas", pack.kelurahan_file, None)
    ]
    for kind, source in (
        ("fasilitas", pack.fasilitas),
        ("sumber-daya", pack.sumber_daya),
        ("kasus", pack.kasus),
        ("penduduk", pack.penduduk),
    ):
        if source is not None:
            files += [(kind, path, source) for path in source.files]
    return files


def _ensure_pack(engine: Engine, pack: RegionPack) -> list[BundledFile]:
    done = []
    kelurahan = None
    for kind, path, source in _pack_files(pack):
        data = path.read_bytes()
        sha = imports.file_sha256(data)
        earlier = store.find_batch(engine, imports.KINDS[kind], pack.kode, sha)
        if earlier is not None:
            done.append(_entry(pack.kode, kind, path.name, earlier, is_new=False))
            continue

        if kind != "batas" and kelurahan is None:
            kelurahan = store.kelurahan(engine, pack.kode)
        result = imports.check_file(kind, data, path.name, kelurahan)
        batch = imports.write_result(
            engine,
            kind,
            pack.kode,
            result,
            who=BUNDLED_WHO,
            file_name=path.name,
            file_sha256=sha,
            sumber=None if source is None else source.sumber,
            as_of=None if source is None else source.as_of,
            is_example=source is not None and source.is_example,
        )
        if kind == "batas":
            kelurahan = None  # read again from the store, as the other kinds see it
        done.append(_entry(pack.kode, kind, path.name, batch, is_new=True))
    return done


def _entry(
    region_kode: str, kind: str, file_name: str, batch: store.ImportBatch, is_new: bool
) -> BundledFile:
    return BundledFile(
        region_kode=region_kode,
        kind=kind,
        file_name=file_name,
        batch_id=batch.id,
        is_new=is_new,
        rows_read=batch.rows_read,
        rows_accepted=batch.rows_accepted,
        rows_quarantined=batch.rows_quarantined,
    )


def stored_region(kode: str, engine: Engine | None = None) -> regions.RegionData:
    """Return a region as the app shows it: from the store, its pack imported.

    Parameters
    ----------
    kode : str
        Region code ("33.71").
    engine : sqlalchemy.Engine, optional
        The store; by default the one ``CC_DATABASE_URL`` / ``CC_DATA_DIR`` name.

    Returns
    -------
    RegionData
        The same layers and tables the pages read, so scripted output and the
        pages agree after imports and edits.

    Raises
    ------
    GeoInputError
        If the region is neither a bundled pack nor in the store.
    """
    engine = store.open_store() if engine is None else engine
    regions.find_region(kode, engine)
    ensure_bundled(engine, kode=kode)
    return regions.load_region(kode, engine=engine)
