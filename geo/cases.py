"""Read COVID-19 case counts per kelurahan into one tidy table.

The tidy case table has one row per kelurahan (or per label of rows without a
kelurahan) and date, with CUMULATIVE counts:

``kode`` (text, <NA> for rows without a kelurahan), ``keterangan`` (the label of
such rows, e.g. "BELUM DIKETAHUI"), ``tanggal`` (a date), and the nullable
integer columns of ``COUNT_COLUMNS``. Kasus aktif is ``dirawat + isolasi``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geo.errors import GeoInputError

logger = logging.getLogger(__name__)

COUNT_COLUMNS = ("positif", "dirawat", "isolasi", "sembuh", "meninggal")
TABLE_COLUMNS = ("kode", "keterangan", "tanggal", *COUNT_COLUMNS)

# The confirmed-case block of the Jakarta sheet, in file order.
JAKARTA_BLOCK = ("POSITIF", "Dirawat", "Sembuh", "Meninggal", "Self Isolation")
JAKARTA_BLOCK_COLUMNS = ("positif", "dirawat", "sembuh", "meninggal", "isolasi")
SCRAPE_COLUMNS = {
    "total_positif": "positif",
    "positif_dirawat": "dirawat",
    "positif_isolasi": "isolasi",
    "positif_sembuh": "sembuh",
    "positif_meninggal": "meninggal",
}
_FILE_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_KODE_DIGITS = re.compile(r"^\d{10}$")


@dataclass(frozen=True)
class CaseRead:
    """Cases read from a source, with what the reader noticed.

    Attributes
    ----------
    table : pandas.DataFrame
        The tidy case table (module docstring).
    reported_totals : pandas.DataFrame
        The totals the source states for itself, per ``tanggal``
        (column ``positif``); empty when the source states none.
    notes : tuple of str
        Caveats in Bahasa Indonesia.
    """

    table: pd.DataFrame
    reported_totals: pd.DataFrame
    notes: tuple[str, ...] = field(default=())


def empty_table() -> pd.DataFrame:
    """Return a tidy case table with no rows and the right dtypes."""
    return _typed(pd.DataFrame({column: [] for column in TABLE_COLUMNS}))


def read_jakarta_xlsx(paths: list[Path], kelurahan_kode: pd.Series) -> CaseRead:
    """Return the cumulative confirmed cases of the DKI Jakarta monthly workbooks.

    Parameters
    ----------
    paths : list of Path
        ``standar_kelurahan_data_corona_YYYY-MM-DD.xlsx`` files; the date is
        taken from the file name, the counts from the last ``POSITIF, Dirawat,
        Sembuh, Meninggal, Self Isolation`` block of sheet ``data`` (its column
        layout changes in July 2020).
    kelurahan_kode : pandas.Series
        The region's kelurahan codes; a row whose code is not among them is
        kept as a row without a kelurahan, with a note.

    Returns
    -------
    CaseRead
        Rows without a kelurahan (BELUM DIKETAHUI, LUAR DKI JAKARTA, PROSES
        UPDATE DATA) are kept with ``kode`` <NA>; the sheet's TOTAL row is
        returned as ``reported_totals``, never as data.

    Raises
    ------
    GeoInputError
        If a file name has no date or a sheet lacks the confirmed-case block.
    """
    frames, totals = [], []
    for path in sorted(paths):
        frame, total = _read_jakarta_sheet(path)
        frames.append(frame)
        totals.append(total)
    table = pd.concat(frames, ignore_index=True) if frames else empty_table()

    notes = _flag_unknown_codes(table, kelurahan_kode)
    reported = pd.DataFrame(totals, columns=["tanggal", "positif"])
    logger.info("jakarta xlsx read: %s files, %s rows", len(paths), len(table))
    return CaseRead(_typed(table), reported, tuple(notes))


def read_scrape_csv(paths: list[Path], kelurahan: pd.DataFrame) -> CaseRead:
    """Return the cumulative cases of kominfo-pedulilindungi scrapes of a kab/kota.

    Parameters
    ----------
    paths : list of Path
        CSV files (optionally gzip) with the scraper's columns
        (``date_update``, ``kecamatan``, ``kelurahan``, ``total_positif``,
        ``positif_dirawat``, ``positif_isolasi``, ``positif_sembuh``,
        ``positif_meninggal``).
    kelurahan : pandas.DataFrame
        The region's kelurahan (``kode``, ``nama``, ``nama_kecamatan``): rows
        are matched by name within their kecamatan, ignoring case, spaces and
        punctuation. An unmatched row is kept without a kelurahan, with a note.

    Returns
    -------
    CaseRead
        The tidy table; the source states no totals of its own.

    Raises
    ------
    GeoInputError
        If a required column is missing or a date cannot be read.
    """
    raw = pd.concat(
        [pd.read_csv(path, dtype=str, keep_default_na=False) for path in paths],
        ignore_index=True,
    )
    _check_scrape_columns(raw)

    table = pd.DataFrame(
        {
            "tanggal": _parse_iso_dates(raw["date_update"]),
            "nama": raw["kelurahan"].str.strip(),
            "nama_kecamatan": raw["kecamatan"].str.strip(),
        }
    )
    for source, target in SCRAPE_COLUMNS.items():
        table[target] = pd.to_numeric(raw[source].replace("", None), errors="raise")
    table, notes = _match_names(table, kelurahan)
    table, duplicate_notes = _drop_repeated_rows(table)

    logger.info("scrape read: %s rows from %s files", len(table), len(paths))
    empty = pd.DataFrame(columns=["tanggal", "positif"])
    return CaseRead(_typed(table), empty, tuple(notes + duplicate_notes))


def format_kode(digits: str) -> str:
    """Return a 10-digit Kemendagri kelurahan code with dots (33.71.01.1003)."""
    return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"


def normalize_name(name: str) -> str:
    """Return a name folded for matching: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", str(name).lower())


def _read_jakarta_sheet(path: Path) -> tuple[pd.DataFrame, tuple]:
    match = _FILE_DATE.search(path.name)
    if match is None:
        raise GeoInputError(
            f"Nama berkas '{path.name}' tidak memuat tanggal (TTTT-BB-HH); "
            "ganti nama berkas, misalnya standar_kelurahan_data_corona_2021-07-31.xlsx."
        )
    tanggal = pd.Timestamp(match.group(1))
    sheet = pd.read_excel(path, sheet_name="data", header=None, dtype=object)
    header = [str(value).strip() for value in sheet.iloc[0]]
    block_start = _last_block_start(header, path)

    body = sheet.iloc[1:]
    id_kel = body.iloc[:, 0].map(_cell_text)
    nama_kel = body.iloc[:, header.index("nama_kelurahan")].map(_cell_text)
    counts = body.iloc[:, block_start : block_start + len(JAKARTA_BLOCK)]
    counts.columns = list(JAKARTA_BLOCK_COLUMNS)

    # The TOTAL row (labelled, or unlabelled as in 2020-08-31) has no ID_KEL.
    is_total = id_kel.isna()
    total_positif = int(pd.to_numeric(counts.loc[is_total, "positif"]).sum())
    is_kelurahan = id_kel.fillna("").str.fullmatch(_KODE_DIGITS.pattern)
    frame = pd.DataFrame(
        {
            "kode": id_kel.where(is_kelurahan).map(
                lambda value: format_kode(value) if isinstance(value, str) else pd.NA
            ),
            "keterangan": nama_kel.where(~is_kelurahan),
            "tanggal": tanggal,
        }
    )
    for column in JAKARTA_BLOCK_COLUMNS:
        frame[column] = pd.to_numeric(counts[column], errors="raise")
    return frame[~is_total].reset_index(drop=True), (tanggal, total_positif)


def _last_block_start(header: list[str], path: Path) -> int:
    starts = [
        index
        for index in range(len(header) - len(JAKARTA_BLOCK) + 1)
        if tuple(header[index : index + len(JAKARTA_BLOCK)]) == JAKARTA_BLOCK
    ]
    if not starts or "nama_kelurahan" not in header:
        raise GeoInputError(
            f"Lembar 'data' di '{path.name}' tidak memuat kolom "
            f"{', '.join(JAKARTA_BLOCK)} dan nama_kelurahan; "
            "periksa bahwa ini berkas Standar Kelurahan Data Corona."
        )
    return starts[-1]


def _cell_text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _flag_unknown_codes(table: pd.DataFrame, kelurahan_kode: pd.Series) -> list[str]:
    known = set(kelurahan_kode)
    unknown = table["kode"].notna() & ~table["kode"].isin(known)
    if not unknown.any():
        return []
    codes = sorted(table.loc[unknown, "kode"].unique())
    table.loc[unknown, "keterangan"] = (
        "kode " + table.loc[unknown, "kode"] + (" tidak ada di peta")
    )
    table.loc[unknown, "kode"] = pd.NA
    return [
        f"{len(codes)} kode kelurahan di data kasus tidak ada di peta batas wilayah "
        f"({', '.join(codes[:5])}); barisnya dihitung sebagai tanpa kelurahan."
    ]


def _check_scrape_columns(raw: pd.DataFrame) -> None:
    required = ["date_update", "kecamatan", "kelurahan", *SCRAPE_COLUMNS]
    missing = [column for column in required if column not in raw.columns]
    if missing:
        raise GeoInputError(
            f"Berkas kasus tidak punya kolom {', '.join(missing)}; "
            f"kolom yang ada: {', '.join(raw.columns)}."
        )


def _parse_iso_dates(values: pd.Series) -> pd.Series:
    # date_update is not zero-padded from October 2020 ("2020-10-1").
    parsed = pd.to_datetime(values.str.strip(), format="%Y-%m-%d", errors="coerce")
    bad = values[parsed.isna()]
    if len(bad):
        raise GeoInputError(
            f"Tanggal '{bad.iloc[0]}' di kolom date_update tidak terbaca; "
            "tulis sebagai TTTT-BB-HH."
        )
    return parsed.dt.normalize()


def _match_names(
    table: pd.DataFrame, kelurahan: pd.DataFrame
) -> tuple[pd.DataFrame, list[str]]:
    lookup = {
        (normalize_name(row.nama_kecamatan), normalize_name(row.nama)): row.kode
        for row in kelurahan.itertuples()
    }
    keys = zip(
        table["nama_kecamatan"].map(normalize_name),
        table["nama"].map(normalize_name),
        strict=True,
    )
    table = table.assign(kode=[lookup.get(key, pd.NA) for key in keys])
    unmatched = table["kode"].isna()
    table["keterangan"] = table["nama"].where(unmatched) + " (tidak dikenal)"
    notes = []
    if unmatched.any():
        names = sorted(table.loc[unmatched, "nama"].unique())
        notes.append(
            f"{len(names)} nama kelurahan di data kasus tidak cocok dengan peta "
            f"({', '.join(names[:5])}); barisnya dihitung sebagai tanpa kelurahan."
        )
    return table.drop(columns=["nama", "nama_kecamatan"]), notes


def _drop_repeated_rows(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    keys = ["kode", "keterangan", "tanggal"]
    exact = table.duplicated()
    table = table[~exact]
    conflicting = table.duplicated(keys, keep="last")
    notes = []
    if conflicting.any():
        notes.append(
            f"{int(conflicting.sum())} baris kasus mengulang kelurahan dan tanggal "
            "yang sama dengan angka berbeda; yang dipakai baris terakhir di berkas."
        )
    return table[~conflicting], notes


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    table = table.reindex(columns=list(TABLE_COLUMNS))
    table["kode"] = table["kode"].astype("string")
    table["keterangan"] = table["keterangan"].astype("string")
    table["tanggal"] = pd.to_datetime(table["tanggal"]).astype("datetime64[ns]")
    for column in COUNT_COLUMNS:
        table[column] = pd.to_numeric(table[column]).astype("Int64")
    return table.sort_values(["tanggal", "kode"]).reset_index(drop=True)
