"""One import from file to store: check with :mod:`geo.intake`, write with the store.

The Data page, the ``import`` command and the first-start loading of the bundled
region packs all go through :func:`check_file` then :func:`write_result`, so a
file gives the same rows, problems and totals wherever it comes in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd
from sqlalchemy import Engine

from geo import intake, store
from geo.crs import GEOGRAPHIC_CRS, utm_south_for_lon
from geo.errors import GeoInputError
from geo.text import TEXT, local_time, t

logger = logging.getLogger(__name__)

# What a user can import, and the store kind each one is written as.
LINE_LIST_KIND = "daftar_kasus"  # IntakeResult.kind of a line list
CASE_COLUMNS = ("positif", "dirawat", "isolasi", "sembuh", "meninggal")
KINDS: dict[str, str] = {
    "kasus": "kasus",
    "daftar-kasus": "kasus",
    "fasilitas": "fasilitas",
    "sumber-daya": "sumber-daya",
    "penduduk": "penduduk",
    "okupansi": "okupansi",
    "batas": "batas",
}
BOUNDARY_SUFFIXES = intake.LAYER_SUFFIXES


@dataclass(frozen=True)
class Answers:
    """The user's answers to the intake's questions and the boundary choices.

    ``date_order`` is "hb" (day first) or "bh"; ``is_daily`` True for daily new
    counts, False for cumulative, None to use what is detected; ``tanggal`` the
    date of a file without a date column; ``confirmed_names`` written kelurahan
    name -> kode; ``kode_column``, ``nama_column`` and ``crs`` for boundaries.
    """

    date_order: str | None = None
    is_daily: bool | None = None
    tanggal: str | None = None
    confirmed_names: Mapping[str, str] = field(default_factory=dict)
    kode_column: str = "kode"
    nama_column: str = "nama"
    crs: str | None = None


def answers_to_json(answers: Answers) -> str:
    """Return answers as JSON text (a cache key of plain text)."""
    return json.dumps(dataclasses.asdict(answers), sort_keys=True, default=dict)


def answers_from_json(text: str) -> Answers:
    """Return the answers written by :func:`answers_to_json`."""
    return Answers(**json.loads(text))


@dataclass(frozen=True)
class Preview:
    """What a checked file would write: the counts and totals on each side."""

    rows_read: int
    accepted: int
    quarantined: int
    totals: pd.DataFrame
    discarded_columns: tuple[str, ...]
    notes: tuple[str, ...]


def file_sha256(data: bytes) -> str:
    """Return the SHA-256 of a file's bytes as hex (the store's duplicate key)."""
    return hashlib.sha256(data).hexdigest()


def check_file(
    kind: str,
    data: bytes,
    name: str,
    kelurahan: gpd.GeoDataFrame | None,
    answers: Answers | None = None,
    facilities: pd.DataFrame | None = None,
) -> intake.IntakeResult:
    """Return the intake's verdict on a file, row by row, with the user's answers.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.
    data : bytes
        The file's bytes.
    name : str
        The file's name (its suffix picks the reader; a date in it may be the
        date of the rows).
    kelurahan : geopandas.GeoDataFrame or None
        The region's kelurahan (``kode``, ``nama``, ``nama_kecamatan``,
        polygons); not needed for ``"batas"``.
    answers : Answers or None
        Answers to the intake's questions; None uses what was detected.
    facilities : pandas.DataFrame or None
        The region's stored facilities (:func:`geo.store.facilities`); needed
        for ``"okupansi"`` only, whose rows name them.

    Returns
    -------
    geo.intake.IntakeResult
        Accepted and quarantined rows, totals, questions and notes.

    Raises
    ------
    GeoInputError
        If the kind is unknown, the region has no kelurahan (or, for
        occupancy, no facilities), or the file cannot be read as this kind.
    """
    answers = answers or Answers()
    _check_kind(kind)
    if kind == "batas":
        return _check_boundaries(data, name, answers)
    if kind == "okupansi":
        if facilities is None or facilities.empty:
            raise GeoInputError(t("err_data_no_facilities", name=name))
        return intake.import_occupancy(
            data,
            facilities,
            name=name,
            tanggal=answers.tanggal,
            date_order=answers.date_order,
        )
    if kelurahan is None or kelurahan.empty:
        raise GeoInputError(t("err_data_no_kelurahan", name=name))

    if kind == "kasus":
        return intake.import_cases(
            data,
            kelurahan,
            name=name,
            tanggal=answers.tanggal,
            date_order=answers.date_order,
            is_daily=answers.is_daily,
            confirmed_names=dict(answers.confirmed_names) or None,
        )
    if kind == "daftar-kasus":
        return intake.import_line_list(
            data,
            kelurahan,
            name=name,
            date_order=answers.date_order,
            confirmed_names=dict(answers.confirmed_names) or None,
        )
    if kind == "penduduk":
        return intake.import_population(
            data,
            kelurahan,
            name=name,
            confirmed_names=dict(answers.confirmed_names) or None,
        )
    return intake.IMPORTERS[kind](data, kelurahan, name=name)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise GeoInputError(t("err_data_kind", value=kind, choices=", ".join(KINDS)))


def _check_boundaries(data: bytes, name: str, answers: Answers) -> intake.IntakeResult:
    return intake.read_boundaries(
        data, answers.kode_column, answers.nama_column, crs=answers.crs, name=name
    )


def boundary_columns(data: bytes, name: str) -> tuple[list[str], str | None]:
    """Return a boundary file's attribute columns and its CRS (None when unstated).

    Raises
    ------
    GeoInputError
        If the file is not a readable GeoJSON, GeoPackage or zipped Shapefile.
    """
    layer, _ = intake.read_layer(data, name, what=t("intake_batas"), rows=1)
    columns = [str(column) for column in layer.columns if column != "geometry"]
    crs = None if layer.crs is None else layer.crs.to_string()
    return columns, crs


def preview(result: intake.IntakeResult) -> Preview:
    """Return rows read, accepted and quarantined and each side's count totals."""
    columns = sorted(set(result.totals) | set(result.quarantined_totals))
    totals = pd.DataFrame(
        {
            "kolom": columns,
            "diterima": [int(result.totals.get(name, 0)) for name in columns],
            "dikarantina": [
                int(result.quarantined_totals.get(name, 0)) for name in columns
            ],
        }
    )
    return Preview(
        rows_read=int(result.rows_read),
        accepted=int(result.accepted_rows),
        quarantined=int(result.rows_read - result.accepted_rows),
        totals=totals,
        discarded_columns=tuple(result.discarded_columns),
        notes=tuple(result.notes),
    )


def quarantine_view(result: intake.IntakeResult) -> pd.DataFrame:
    """Return the quarantined rows for people: row number and reason first."""
    headers = {
        "row": t("data_col_baris"),
        "column": t("data_col_kolom"),
        "value": t("data_col_nilai"),
        "reason": t("data_col_alasan"),
    }
    table = result.quarantined.rename(columns=headers)
    first = list(headers.values())
    return table[[*first, *[name for name in table.columns if name not in first]]]


def store_frame(kind: str, result: intake.IntakeResult) -> pd.DataFrame:
    """Return the accepted rows of a checked file in the shape the store writes."""
    accepted = result.accepted
    if KINDS[kind] == "fasilitas":
        accepted = accepted.rename(columns={"icu": "tempat_tidur_icu"})
        return accepted.drop(columns=["is_valid", "masalah"], errors="ignore")
    return accepted


def line_list_on_stored(
    engine: Engine, region_kode: str, counts: pd.DataFrame
) -> pd.DataFrame:
    """Return a line list's counts added to the store's counts before its dates.

    A line list names the people reported in it, usually the new cases of a day
    or a week, not every case so far. Its counts per kelurahan and date are
    therefore added to each kelurahan's latest stored cumulative counts before
    the list's first date; a kelurahan nobody in the list lives in keeps its
    counts instead of falling to 0.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    region_kode : str
        The region the list belongs to.
    counts : pandas.DataFrame
        The line list summed to the tidy case table (cumulative within the list).

    Returns
    -------
    pandas.DataFrame
        The same rows with the stored counts added.
    """
    if counts.empty:
        return counts
    stored = store.case_counts(engine, region_kode)
    before = stored[stored["tanggal"] < counts["tanggal"].min()]
    if before.empty:
        return counts

    before = before.assign(place=_place(before)).sort_values("tanggal")
    baseline = before.groupby("place").last()
    place = _place(counts)
    added = counts.copy()
    for column in CASE_COLUMNS:
        base = place.map(baseline[column]).astype("Float64").fillna(0)
        added[column] = (counts[column].astype("Float64") + base).astype("Int64")
    return added


def _place(frame: pd.DataFrame) -> pd.Series:
    return frame["kode"].fillna("~" + frame["keterangan"].fillna(""))


def write_result(
    engine: Engine,
    kind: str,
    region_kode: str,
    result: intake.IntakeResult,
    *,
    who: str,
    file_name: str,
    file_sha256: str,
    sumber: str | None = None,
    as_of: dt.date | None = None,
    is_example: bool = False,
) -> store.ImportBatch:
    """Write a checked file to the store in one transaction; a repeat writes nothing.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    kind : str
        One of :data:`KINDS` (a line list is written as case counts).
    region_kode : str
        The region, already in the store.
    result : geo.intake.IntakeResult
        From :func:`check_file`.
    who : str
        The name the user gave (audit log).
    file_name, file_sha256 : str
        The file's name and the SHA-256 of its bytes.
    sumber : str or None
        Source of the data (required for population).
    as_of : datetime.date or None
        Date the population figures describe.
    is_example : bool
        Mark facilities or resources as example data ("contoh").

    Returns
    -------
    geo.store.ImportBatch
        ``is_duplicate`` True when the same file had been imported before.

    Raises
    ------
    GeoInputError
        As :func:`geo.store.write_import` (unknown region, empty name, ...).
    """
    _check_kind(kind)
    totals = {
        "diterima": {key: int(value) for key, value in result.totals.items()},
        "dikarantina": {
            key: int(value) for key, value in result.quarantined_totals.items()
        },
    }
    details = {
        "jenis_berkas": kind,
        "kolom_dibuang": list(result.discarded_columns),
        "tanggal": list(result.dates),
        "catatan": list(result.notes),
    }
    frame = store_frame(kind, result)
    if result.kind == LINE_LIST_KIND:
        frame = line_list_on_stored(engine, region_kode, frame)
    return store.write_import(
        engine,
        KINDS[kind],
        region_kode,
        frame,
        result.quarantined,
        who=who,
        file_name=file_name,
        file_sha256=file_sha256,
        rows_read=int(result.rows_read),
        rows_accepted=int(result.accepted_rows),
        totals=totals,
        details=details,
        sumber=sumber,
        as_of=as_of,
        is_example=is_example,
    )


def metric_crs_for(layer: gpd.GeoDataFrame) -> str:
    """Return the UTM south zone holding the centre of a boundary layer."""
    bounds = layer.to_crs(GEOGRAPHIC_CRS).total_bounds
    return utm_south_for_lon(float((bounds[0] + bounds[2]) / 2))


def create_region(
    engine: Engine,
    kode: str,
    nama: str,
    result: intake.IntakeResult,
    *,
    who: str,
    file_name: str,
    file_sha256: str,
) -> store.ImportBatch:
    """Create a new region from checked boundaries and write them to the store.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    kode : str
        Kemendagri code of the kab/kota or province ("33.08").
    nama : str
        Its name ("Kabupaten Magelang").
    result : geo.intake.IntakeResult
        Checked boundaries (:func:`check_file` with kind ``"batas"``).
    who, file_name, file_sha256 : str
        As :func:`write_result`.

    Returns
    -------
    geo.store.ImportBatch
        The boundary import; the region's metric CRS is the UTM south zone of
        its centre.

    Raises
    ------
    GeoInputError
        If the code or name is empty, or no boundary was accepted.
    """
    kode, nama = str(kode).strip(), str(nama).strip()
    if not kode or not nama:
        raise GeoInputError(t("err_data_region_fields", kode=kode, nama=nama))
    if result.accepted.empty:
        raise GeoInputError(t("err_data_no_boundaries", name=file_name))

    metric_crs = metric_crs_for(result.accepted)
    store.save_region(engine, kode, nama, metric_crs, who=who)
    return write_result(
        engine,
        "batas",
        kode,
        result,
        who=who,
        file_name=file_name,
        file_sha256=file_sha256,
    )


def quarantine_csv(engine: Engine, batch_id: int) -> bytes:
    """Return a stored batch's quarantined rows as CSV to fix and import again."""
    return store.quarantined_rows(engine, batch_id).to_csv(index=False).encode()


def batch_table(engine: Engine, region_kode: str | None = None) -> pd.DataFrame:
    """Return the import batches with Indonesian headers, newest first."""
    frame = store.batches(engine, region_kode)
    table = pd.DataFrame(
        {
            t("data_col_id"): frame["id"],
            t("data_col_waktu"): frame["created_at"].map(local_time),
            t("data_col_jenis"): frame["kind"],
            t("data_col_wilayah"): frame["region_kode"],
            t("data_col_oleh"): frame["who"],
            t("data_col_berkas"): frame["file_name"],
            t("data_col_dibaca"): frame["rows_read"],
            t("data_col_diterima"): frame["rows_accepted"],
            t("data_col_dikarantina"): frame["rows_quarantined"],
        }
    )
    return table


def audit_table(engine: Engine, limit: int = 200) -> pd.DataFrame:
    """Return the newest audit entries with Indonesian headers."""
    # LIMITATION: only the newest ``limit`` entries are shown on the page; older
    # ones stay in the store, reachable through geo.store.audit_log.
    frame = store.audit_log(engine, limit=limit)
    return pd.DataFrame(
        {
            t("data_col_waktu"): frame["at"].map(local_time),
            t("data_col_oleh"): frame["who"],
            t("data_col_tindakan"): frame["action"].map(_word("audit_aksi")),
            t("data_col_tabel"): frame["table_name"].map(_word("audit_tabel")),
            t("data_col_rekaman"): frame["record_id"],
            t("data_col_sebelum"): frame["before"].map(_values_text),
            t("data_col_sesudah"): frame["after"].map(_values_text),
        }
    )


def _word(prefix: str) -> Any:
    """Return a mapper from a stored code word to its catalogue word, if any."""

    def translate(value: Any) -> str:
        key = f"{prefix}_{value}"
        return t(key) if key in TEXT else str(value)

    return translate


def _values_text(value: Any) -> str:
    """Return an audit entry's values as "field: value" pairs, at most 200 chars."""
    if not isinstance(value, Mapping):
        return "" if value is None or pd.isna(value) else str(value)[:200]
    name = _word("audit_kolom")
    pairs = [f"{name(key)}: {_audit_value(item)}" for key, item in value.items()]
    return "; ".join(pairs)[:200]


def _audit_value(item: Any) -> str:
    if isinstance(item, bool):
        return t("alok_ya") if item else t("alok_tidak")
    if item is None:
        return "–"
    if isinstance(item, str) and len(item) >= 19 and item[10:11] == "T":
        # an ISO time stored by the audit (e.g. adopted_at), shown in local time
        try:
            return local_time(item)
        except ValueError:
            return item
    return str(item)
