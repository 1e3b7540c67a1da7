"""Read a CSV or Excel file into a table of text, whatever its local habits.

Detected: the encoding (UTF-8 with or without BOM, else Windows-1252), the CSV
delimiter (, ; tab |), the header row below title lines, a header spread over
two rows (merged group cells), and total rows ("Total", "Jumlah", or rows of
SUM formulas) that are set aside with a note. Every cell is kept as text so that
codes keep their leading zeros; numbers are parsed later, column by column.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd

from geo.errors import GeoInputError
from geo.text import t

logger = logging.getLogger(__name__)

DELIMITERS = ",;\t|"
HEADER_SCAN_ROWS = 30  # title lines above the header are rare beyond this
TOTAL_SCAN_ROWS = 5  # total rows sit just below the header or at the end
TOTAL_WORDS = ("total", "jumlah", "grand total", "jumlah total", "total keseluruhan")
ROW_COLUMN = "row"  # column of a re-imported quarantine file: original row number
BOOKKEEPING_COLUMNS = ("row", "column", "value", "reason")
BOOKKEEPING_ALIASES = {"baris": "row", "kolom": "column", "nilai": "value"}
BOOKKEEPING_ALIASES |= {"alasan": "reason"}


@dataclass(frozen=True)
class RawTable:
    """Cells of a file as text, with the row number a person sees in the file.

    ``frame`` has one column per (flattened, de-duplicated) header and one row
    per data row; ``rows`` holds each row's number as shown by a spreadsheet
    (1 = the first line of the file). ``notes`` tell what was detected.
    """

    frame: pd.DataFrame
    rows: pd.Series
    totals: pd.DataFrame
    notes: tuple[str, ...]


def read_table(source: str | Path | bytes, name: str = "") -> RawTable:
    """Return the cells of a CSV or XLSX file as text, headers found and flattened.

    Parameters
    ----------
    source : str, Path or bytes
        The file, or its bytes (an upload); ``name`` then gives its file name.
    name : str
        File name used to tell CSV from XLSX when ``source`` is bytes.

    Returns
    -------
    RawTable
        Text cells, the row numbers a person sees, total rows set aside, notes.

    Raises
    ------
    GeoInputError
        If the file is empty, cannot be read, or holds no table with a header.
    """
    data, name = _load_bytes(source, name)
    if not data.strip():
        raise GeoInputError(t("intake_err_empty", name=name))

    formula_rows: frozenset[int] = frozenset()
    try:
        if data[:4] == b"PK\x03\x04" or name.lower().endswith((".xlsx", ".xlsm")):
            grid, notes, formula_rows = _xlsx_grid(data, name)
        else:
            grid, notes = _csv_grid(data, name)
    except (csv.Error, UnicodeError, ValueError, IndexError) as err:
        # a picture, a PDF or a damaged file renamed .csv: not a table
        raise GeoInputError(t("intake_err_not_table", name=name)) from err

    return _table_from_grid(grid, name, notes, formula_rows)


def _load_bytes(source: str | Path | bytes, name: str) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, name or "berkas"
    path = Path(source)
    try:
        return path.read_bytes(), name or path.name
    except OSError as err:
        raise GeoInputError(t("intake_err_unreadable", name=str(path))) from err


def _encoding(data: bytes) -> tuple[str, str]:
    """Return the codec and its label: UTF-8 (BOM or not) or Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", "UTF-8 dengan BOM"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # LIMITATION: only UTF-8 and Windows-1252 are told apart; a file in
        # another code page reads with some wrong letters in names.
        return "cp1252", "Windows-1252"
    return "utf-8", "UTF-8"


def _csv_grid(data: bytes, name: str) -> tuple[pd.DataFrame, list[str]]:
    codec, label = _encoding(data)
    head = data[:200_000].decode(codec, errors="replace")
    if "\x00" in head:
        raise GeoInputError(t("intake_err_not_table", name=name))
    delimiter = _sniff_delimiter(head)
    width = _max_fields(head, delimiter)

    grid = _fast_csv(data, codec, delimiter, width)
    if grid is None:
        text = data.decode(codec, errors="replace")
        grid = _parse_csv_text(text.removeprefix("\ufeff"), delimiter, width, name)
    note = t("intake_note_csv", encoding=label, delimiter=_delimiter_name(delimiter))
    return grid, [note]


def _fast_csv(
    data: bytes, codec: str, delimiter: str, width: int
) -> pd.DataFrame | None:
    """Return the cells read by pyarrow, or None when only the slow path is exact.

    pyarrow skips blank lines, which would shift the row numbers shown to the
    user, so a file with blank lines (or rows of uneven width) takes the slow
    path.
    """
    if data.startswith((b"\n", b"\r\n")) or re.search(rb"\n\r?\n", data):
        return None
    try:
        frame = pd.read_csv(
            io.BytesIO(data),
            engine="pyarrow",
            encoding=codec,
            sep=delimiter,
            header=None,
            names=range(width),
            dtype=str,
            keep_default_na=False,
        )
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError):
        logger.debug("pyarrow could not read the CSV; using the exact reader")
        return None
    return frame.fillna("")


def _parse_csv_text(text: str, delimiter: str, width: int, name: str) -> pd.DataFrame:
    # LIMITATION: a quoted cell spanning several lines makes the row numbers
    # after it smaller than the line numbers a text editor shows.
    try:
        return _read_csv_text(text, delimiter, width)
    except (pd.errors.ParserError, ValueError):
        pass  # a longer row further down: count the fields of the whole file
    try:
        return _read_csv_text(text, delimiter, _max_fields(text, delimiter))
    except (pd.errors.ParserError, ValueError) as err:
        raise GeoInputError(t("intake_err_not_table", name=name)) from err


def _read_csv_text(text: str, delimiter: str, width: int) -> pd.DataFrame:
    frame = pd.read_csv(
        io.StringIO(text),
        sep=delimiter,
        header=None,
        names=range(width),
        dtype=str,
        keep_default_na=False,
        skip_blank_lines=False,
    )
    return frame.fillna("")


def _max_fields(text: str, delimiter: str) -> int:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return max((len(row) for row in reader), default=1)


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text[:100_000].splitlines()[: HEADER_SCAN_ROWS * 2])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {char: sample.count(char) for char in DELIMITERS}
        return max(counts, key=counts.get)


def _delimiter_name(delimiter: str) -> str:
    return {"\t": "tab", ",": "koma", ";": "titik koma", "|": "garis tegak"}[delimiter]


def _xlsx_grid(
    data: bytes, name: str
) -> tuple[pd.DataFrame, list[str], frozenset[int]]:
    """Return the first sheet's cells as text and the rows made mostly of formulas.

    Cells show the values Excel last computed; a row whose filled cells are
    mostly formulas (a SUM row without a label) is reported for the total check.
    """
    from openpyxl import load_workbook  # heavy import, only for Excel files

    try:
        formulas = load_workbook(io.BytesIO(data), read_only=True)
        values = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a damaged file
        raise GeoInputError(t("intake_err_not_table", name=name)) from err
    # LIMITATION: only the first sheet is read; a workbook whose data sit on a
    # later sheet must be saved with that sheet first.
    sheet = formulas.worksheets[0]
    cells, formula_rows = [], set()
    for position, (written, computed) in enumerate(
        zip(
            sheet.iter_rows(values_only=True),
            values.worksheets[0].iter_rows(values_only=True),
            strict=False,
        )
    ):
        is_formula = [
            isinstance(cell, str) and cell.startswith("=") for cell in written
        ]
        filled = sum(cell is not None for cell in written)
        if any(is_formula) and 2 * sum(is_formula) >= filled:
            formula_rows.add(position)
        cells.append(
            [
                _cell_text(value if not formula or value is not None else cell)
                for cell, value, formula in zip(
                    written, computed, is_formula, strict=False
                )
            ]
        )
    formulas.close()
    values.close()

    width = max((len(row) for row in cells), default=0)
    grid = pd.DataFrame([row + [""] * (width - len(row)) for row in cells], dtype=str)
    note = t("intake_note_xlsx", sheet=sheet.title)
    return grid.fillna(""), [note], frozenset(formula_rows)


def _cell_text(value: object) -> str:
    """Return a cell as text: 3171010002 not "3171010002.0", 12,5 for 12.5."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value).replace(".", ",")  # the Indonesian decimal comma
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == time(0) else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _looks_numeric(cell: str) -> bool:
    return bool(re.fullmatch(r"[+-]?[\d.,\s]+", cell.strip())) and any(
        char.isdigit() for char in cell
    )


def _header_index(grid: pd.DataFrame, name: str) -> int:
    """Return the first row that looks like a header: wide, textual, not numeric."""
    head = [list(row) for row in grid.head(HEADER_SCAN_ROWS).itertuples(index=False)]
    width = max((sum(1 for cell in row if cell.strip()) for row in head), default=0)
    if width < 2:
        raise GeoInputError(t("intake_err_not_table", name=name))
    for index, row in enumerate(head):
        filled = [cell for cell in row if cell.strip()]
        textual = [cell for cell in filled if not _looks_numeric(cell)]
        if len(filled) >= max(2, width // 2) and len(textual) >= 0.8 * len(filled):
            return index
    raise GeoInputError(t("intake_err_no_header", name=name))


def _is_subheader(upper: list[str], lower: list[str]) -> bool:
    """Return True if ``lower`` completes a header whose group cells were merged."""
    has_gap = any(not cell.strip() for cell in upper)
    filled = [cell for cell in lower if cell.strip()]
    textual = [cell for cell in filled if not _looks_numeric(cell)]
    return has_gap and len(filled) >= 2 and len(textual) == len(filled)


def _flatten(upper: list[str], lower: list[str]) -> list[str]:
    names, group = [], ""
    for top, bottom in zip(upper, lower, strict=True):
        if top.strip():
            group = top.strip()
        elif not bottom.strip():
            group = ""
        parts = [group, bottom.strip()] if bottom.strip() else [group or top.strip()]
        names.append(" / ".join(part for part in parts if part))
    return names


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for position, raw in enumerate(names):
        base = raw.strip() or f"kolom_{position + 1}"
        count = seen.get(base.lower(), 0)
        seen[base.lower()] = count + 1
        result.append(base if count == 0 else f"{base}.{count}")
    return result


def _total_rows(body: pd.DataFrame) -> pd.Series:
    """Return True for rows of totals: labelled Total/Jumlah, or of SUM formulas.

    Only the first and last ``TOTAL_SCAN_ROWS`` rows are looked at.
    """
    # LIMITATION: a subtotal row in the middle of a table is not recognised; it
    # is then quarantined (unknown kelurahan "Jumlah"), not silently counted.
    is_total = pd.Series(False, index=body.index)
    edges = body.index[:TOTAL_SCAN_ROWS].union(body.index[-TOTAL_SCAN_ROWS:])
    for index in edges:
        is_total[index] = _is_total_row([str(cell) for cell in body.loc[index]])
    return is_total


def _is_total_row(row: list[str]) -> bool:
    filled = [cell.strip() for cell in row if cell.strip()]
    labels = [cell.lower().rstrip(":") for cell in filled if not _looks_numeric(cell)]
    formulas = [cell for cell in filled if cell.startswith("=")]
    if formulas and len(formulas) >= len(filled) // 2:
        return True
    labels = [label for label in labels if not label.startswith("=")]
    return bool(labels) and all(label in TOTAL_WORDS for label in labels)


def _table_from_grid(
    grid: pd.DataFrame, name: str, notes: list[str], formula_rows: frozenset[int]
) -> RawTable:
    header_at = _header_index(grid, name)
    header = [str(cell) for cell in grid.iloc[header_at]]
    body_at = header_at + 1
    if body_at < len(grid) and _is_subheader(
        header, [str(cell) for cell in grid.iloc[body_at]]
    ):
        header = _flatten(header, [str(cell) for cell in grid.iloc[body_at]])
        body_at += 1
        notes.append(t("intake_note_two_row_header", row=header_at + 1))
    if header_at > 0:
        notes.append(t("intake_note_header_row", row=header_at + 1))

    body = grid.iloc[body_at:].reset_index(drop=True)
    body.columns = _unique_names(header)
    rows = pd.Series(range(body_at + 1, body_at + 1 + len(body)), index=body.index)

    is_filled = pd.Series(False, index=body.index)
    for column in body.columns:
        is_filled |= body[column].str.strip() != ""
    is_total = _total_rows(body) & is_filled
    is_total |= body.index.isin([row - body_at for row in formula_rows])
    for row_number in rows[is_total]:
        notes.append(t("intake_note_total_row", row=int(row_number)))

    keep = is_filled & ~is_total
    frame, rows = _apply_bookkeeping(
        body[keep].reset_index(drop=True), rows[keep].reset_index(drop=True)
    )
    if frame.empty:
        # a header alone (or only a totals row) would be stored as an empty import
        raise GeoInputError(t("intake_err_no_rows", name=name, row=header_at + 1))
    logger.info("read %s: %d rows, %d columns", name, len(frame), frame.shape[1])
    return RawTable(frame, rows, body[is_total], tuple(notes))


def _apply_bookkeeping(
    frame: pd.DataFrame, rows: pd.Series
) -> tuple[pd.DataFrame, pd.Series]:
    """Take row numbers from a re-imported quarantine file; drop its extra columns."""
    aliases = {key: value for key, value in BOOKKEEPING_ALIASES.items() if key in frame}
    renamed = frame.rename(columns=aliases)
    if not set(BOOKKEEPING_COLUMNS) <= set(renamed.columns):
        return frame, rows
    numbers = pd.to_numeric(renamed[ROW_COLUMN], errors="coerce")
    rows = numbers.where(numbers.notna(), rows).astype(int)
    return renamed.drop(columns=list(BOOKKEEPING_COLUMNS)), rows
