"""Tables and layers for download: XLSX, CSV, GeoJSON and GeoPackage.

Every exporter takes the frame to write plus a ``public`` flag: in a public
release, counts from 1 to 4 are written as "<5" (:func:`suppress_small_counts`).
CSV cells that a spreadsheet would run as a formula are neutralised
(:func:`neutralise_formulas`); XLSX is written with formula parsing switched off,
so cells keep their text exactly.
"""

from __future__ import annotations

import io
import logging
import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from geo.crs import GEOGRAPHIC_CRS
from geo.errors import GeoInputError
from geo.export import is_small_count
from geo.text import local_time, t, utc_now

logger = logging.getLogger(__name__)

FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
XLSX_DATA_SHEET = "Data"
XLSX_INFO_SHEET = "Keterangan"
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


@dataclass(frozen=True)
class TableInfo:
    """What the "Keterangan" sheet says about a table.

    Attributes
    ----------
    title : str
        Table title, Bahasa Indonesia.
    source : str
        Data source, as users should cite it.
    data_date : str
        Date of the data as shown to people (e.g. "6 Okt 2020").
    region : str
        Region name (e.g. "Kota Magelang").
    filters : tuple[tuple[str, str], ...]
        (filter, value) pairs applied to the table.
    definitions : tuple[tuple[str, str], ...]
        (column or term, definition) pairs.
    notes : tuple[str, ...]
        Caveats, Bahasa Indonesia.
    """

    title: str
    source: str
    data_date: str
    region: str = ""
    filters: tuple[tuple[str, str], ...] = ()
    definitions: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


def count_columns_of(frame: pd.DataFrame) -> list[str]:
    """Return the integer columns of ``frame``: the counts a public release hides."""
    return [
        str(name)
        for name, dtype in frame.dtypes.items()
        if pd.api.types.is_integer_dtype(dtype)
        and not pd.api.types.is_bool_dtype(dtype)
    ]


def suppress_small_counts(
    frame: pd.DataFrame, count_columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """Return a copy with counts from 1 to 4 replaced by "<5".

    Parameters
    ----------
    frame : pd.DataFrame
        Any table (a GeoDataFrame keeps its geometry).
    count_columns : sequence of str, optional
        Columns holding counts of people; default every integer column.

    Returns
    -------
    pd.DataFrame
        Same shape; each count column becomes ``object`` holding whole numbers,
        ``"<5"`` and missing values.
    """
    # LIMITATION: only counts are hidden; a rate or share computed from a
    # small count (incidence, CFR) is written as it is.
    columns = count_columns_of(frame) if count_columns is None else list(count_columns)
    result = frame.copy()
    for name in columns:
        cells = [_suppressed_cell(value) for value in result[name]]
        # object dtype: a list of ints and None would otherwise become float
        result[name] = pd.Series(cells, index=result.index, dtype=object)
    return result


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy where text a spreadsheet would run as a formula is made inert.

    A text cell starting with ``= + - @``, a tab or a carriage return gets a
    leading apostrophe (OWASP "CSV injection"). Numbers stay numbers, and text
    that is a plain number (``"-12"``, ``"-1,5"``) is left as it is.
    """
    result = frame.copy()
    for name in result.columns:
        if result[name].dtype == object or pd.api.types.is_string_dtype(result[name]):
            result[name] = result[name].map(_neutralise_cell).astype(object)
    return result


def table_to_csv(
    frame: pd.DataFrame,
    *,
    public: bool = False,
    count_columns: Sequence[str] | None = None,
) -> bytes:
    """Return the table as CSV bytes: UTF-8 with BOM, comma separated, "." decimals.

    Parameters
    ----------
    frame : pd.DataFrame
        Table to write (a geometry column is dropped).
    public : bool
        Write counts 1 to 4 as "<5".
    count_columns : sequence of str, optional
        Count columns for ``public``; default every integer column.

    Returns
    -------
    bytes
        Opens in Excel with accents intact; dates as YYYY-MM-DD.
    """
    table = _plain_table(frame)
    if public:
        table = suppress_small_counts(table, count_columns)
    table = neutralise_formulas(table)
    # LIMITATION: comma-separated; Excel set to the Indonesian regional format
    # (list separator ";") opens it in one column. The XLSX is the Excel file.
    return table.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8-sig")


def table_to_xlsx(
    frame: pd.DataFrame,
    info: TableInfo,
    *,
    public: bool = False,
    count_columns: Sequence[str] | None = None,
    column_labels: Mapping[str, str] | None = None,
) -> bytes:
    """Return the table as a formatted XLSX workbook with a "Keterangan" sheet.

    Parameters
    ----------
    frame : pd.DataFrame
        Table to write on sheet "Data" (a geometry column is dropped).
    info : TableInfo
        Title, source, date, filters, definitions and notes for "Keterangan".
    public : bool
        Write counts 1 to 4 as "<5" (and say so in "Keterangan").
    count_columns : sequence of str, optional
        Count columns for ``public``; default every integer column.
    column_labels : mapping, optional
        Header text per column name (default the column names).

    Returns
    -------
    bytes
        Thousands separators, dates as dd/mm/yyyy, frozen header, filters on.
    """
    table = _plain_table(frame)
    number_columns = {
        name for name in table.columns if pd.api.types.is_numeric_dtype(table[name])
    }
    if public:
        table = suppress_small_counts(table, count_columns)
    headers = [str((column_labels or {}).get(name, name)) for name in table.columns]

    buffer = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False}
    with pd.ExcelWriter(
        buffer, engine="xlsxwriter", engine_kwargs={"options": options}
    ) as writer:
        _write_data_sheet(writer, table, headers, number_columns)
        _write_info_sheet(writer, info, public=public)
    return buffer.getvalue()


def layer_to_geojson(
    layer: gpd.GeoDataFrame,
    *,
    public: bool = False,
    count_columns: Sequence[str] | None = None,
) -> bytes:
    """Return the layer as RFC 7946 GeoJSON bytes (EPSG:4326, UTF-8).

    Parameters
    ----------
    layer : gpd.GeoDataFrame
        Layer with a CRS; it is reprojected to EPSG:4326.
    public : bool
        Write counts 1 to 4 as "<5" (count columns then become text).
    count_columns : sequence of str, optional
        Count columns for ``public``; default every integer column.

    Returns
    -------
    bytes

    Raises
    ------
    GeoInputError
        If the layer has no CRS.
    """
    prepared = _prepared_layer(layer, public=public, count_columns=count_columns)
    for name in prepared.columns:
        if pd.api.types.is_datetime64_any_dtype(prepared[name]):
            prepared[name] = prepared[name].dt.strftime("%Y-%m-%d")
    text = prepared.to_json(na="null", drop_id=True, ensure_ascii=False)
    return text.encode("utf-8")


def layer_to_gpkg(
    layer: gpd.GeoDataFrame,
    *,
    layer_name: str = "data",
    public: bool = False,
    count_columns: Sequence[str] | None = None,
) -> bytes:
    """Return the layer as a GeoPackage file's bytes (EPSG:4326).

    Parameters
    ----------
    layer : gpd.GeoDataFrame
        Layer with a CRS; it is reprojected to EPSG:4326.
    layer_name : str
        Name of the table inside the GeoPackage.
    public : bool
        Write counts 1 to 4 as "<5" (count columns then become text).
    count_columns : sequence of str, optional
        Count columns for ``public``; default every integer column.

    Returns
    -------
    bytes

    Raises
    ------
    GeoInputError
        If the layer has no CRS.
    """
    prepared = _prepared_layer(layer, public=public, count_columns=count_columns)
    with tempfile.TemporaryDirectory(prefix="gpkg-") as folder:
        path = Path(folder) / "lapisan.gpkg"
        pyogrio.write_dataframe(prepared, path, layer=layer_name, driver="GPKG")
        return path.read_bytes()


def _prepared_layer(
    layer: gpd.GeoDataFrame, *, public: bool, count_columns: Sequence[str] | None
) -> gpd.GeoDataFrame:
    if layer.crs is None:
        raise GeoInputError(t("err_eks_crs", apa=t("eks_sheet_data")))
    prepared = layer.to_crs(GEOGRAPHIC_CRS)
    if not public:
        return prepared
    columns = count_columns_of(prepared) if count_columns is None else count_columns
    hidden = suppress_small_counts(prepared, columns)
    for name in columns:
        # one type per attribute: the column becomes text ("12", "<5", null)
        hidden[name] = hidden[name].map(
            lambda value: None if _is_missing(value) else str(value)
        )
    return gpd.GeoDataFrame(hidden, geometry=prepared.geometry.name, crs=prepared.crs)


def _suppressed_cell(value: object) -> object:
    if _is_missing(value):
        return None
    if is_small_count(value):
        return t("eks_kecil")
    return int(value)


def _is_missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _plain_table(frame: pd.DataFrame) -> pd.DataFrame:
    if isinstance(frame, gpd.GeoDataFrame):
        table = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    else:
        table = frame.copy()
    # a yes/no column reads "ya"/"tidak" in the file, never True/False
    for column in table.columns:
        if pd.api.types.is_bool_dtype(table[column]):
            words = {True: t("alok_ya"), False: t("alok_tidak")}
            table[column] = table[column].map(words).astype(object)
    return table


def _neutralise_cell(value: object) -> object:
    if not isinstance(value, str) or not value.startswith(FORMULA_PREFIXES):
        return value
    if _PLAIN_NUMBER.match(value):
        return value
    return "'" + value


def _write_data_sheet(
    writer: pd.ExcelWriter,
    table: pd.DataFrame,
    headers: list[str],
    number_columns: set[str],
) -> None:
    book = writer.book
    header_format = book.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7"}
    )
    formats = {
        "int": book.add_format({"num_format": "#,##0", "align": "right"}),
        "float": book.add_format({"num_format": "#,##0.0", "align": "right"}),
        "date": book.add_format({"num_format": "dd/mm/yyyy"}),
        "text": book.add_format({}),
    }

    table.to_excel(
        writer, sheet_name=XLSX_DATA_SHEET, index=False, header=False, startrow=1
    )
    sheet = writer.sheets[XLSX_DATA_SHEET]
    for column, (name, header) in enumerate(zip(table.columns, headers, strict=True)):
        sheet.write(0, column, header, header_format)
        kind = _column_kind(table[name], name in number_columns)
        width = _column_width(table[name], header)
        sheet.set_column(column, column, width, formats[kind])

    sheet.freeze_panes(1, 0)
    if len(table.columns):
        sheet.autofilter(0, 0, max(len(table), 1), len(table.columns) - 1)


def _write_info_sheet(writer: pd.ExcelWriter, info: TableInfo, *, public: bool) -> None:
    book = writer.book
    sheet = book.add_worksheet(XLSX_INFO_SHEET)
    bold = book.add_format({"bold": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, 1, 90, wrap)

    rows: list[tuple[str, str]] = [
        (t("eks_judul"), info.title),
        (t("eks_wilayah"), info.region),
        (t("eks_tanggal_data"), info.data_date),
        (t("eks_sumber", sumber="").rstrip(": "), info.source),
        (t("eks_dibuat"), local_time(utc_now())),
    ]
    rows += [(t("eks_filter") + ": " + name, value) for name, value in info.filters]
    if not info.filters:
        rows.append((t("eks_filter"), t("eks_tidak_ada_filter")))
    rows += [(t("eks_definisi") + ": " + name, text) for name, text in info.definitions]
    notes = list(info.notes) + ([t("eks_disamarkan")] if public else [])
    rows += [(t("eks_catatan"), note) for note in notes]

    for row, (label, value) in enumerate(rows):
        sheet.write_string(row, 0, label, bold)
        sheet.write_string(row, 1, str(value), wrap)


def _column_kind(values: pd.Series, is_number: bool) -> str:
    if pd.api.types.is_datetime64_any_dtype(values):
        return "date"
    if is_number:
        numeric = pd.to_numeric(values, errors="coerce")
        whole = numeric.dropna()
        is_whole = bool(np.all(np.mod(whole.to_numpy(dtype=float), 1) == 0))
        return "int" if is_whole else "float"
    return "text"


def _column_width(values: pd.Series, header: str) -> float:
    longest = values.head(500).map(lambda value: len(str(value))).max()
    longest = 0 if pd.isna(longest) else int(longest)
    return float(min(max(len(header), longest, 6) + 2, 60))
