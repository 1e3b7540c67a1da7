"""Check imported files row by row: every row ends accepted or quarantined.

One public function per kind of data (case counts, case line list, facilities,
resources, bed occupancy, population, boundaries), each returning an
:class:`IntakeResult` whose accepted table has the shared contract shape and
whose quarantined table keeps the original values with the row number and
reason (Bahasa Indonesia). Personal data columns are dropped on reading.
Nothing is written anywhere: the store builds on these results.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from rapidfuzz import fuzz, process

from geo.crs import GEOGRAPHIC_CRS, utm_south_for_lon
from geo.errors import GeoInputError
from geo.intake_read import RawTable, read_table
from geo.intake_vocab import (
    CAPACITY_COLUMNS,
    CASE_COLUMNS,
    FACILITY_KINDS,
    NO_KELURAHAN_LABEL,
    OCCUPANCY_CAPACITY,
    OCCUPANCY_COLUMNS,
    PERSONAL_ALWAYS,
    PERSONAL_LINE_LIST,
    RESOURCE_KINDS,
    RESOURCE_WORDS,
    SPLIT_CODE_COLUMNS,
    STATUS_COLUMNS,
    STATUS_WORDS,
    SYNONYMS,
)
from geo.normalize import (
    DATE_ORDERS,
    MATCH_SUGGEST_SCORE,
    KelurahanIndex,
    compose_codes,
    digits_of_code,
    dotted_code,
    is_missing_text,
    kemendagri_code,
    map_distinct,
    match_names,
    name_key,
    parse_coordinates,
    parse_counts,
    parse_dates,
)
from geo.text import fmt_int, local_today, long_date, t

logger = logging.getLogger(__name__)

NAME_EXAMPLES = 5  # name/code disagreements spelled out in the note
DAILY_DROP_SHARE = 0.05  # above this share of falling steps counts are daily
BOUNDARY_TOLERANCE_M = 150.0  # simplified boundaries leave slivers at the edges
# Vector files a user can upload (boundaries, roads); a Shapefile comes zipped.
LAYER_SUFFIXES = (".geojson", ".json", ".gpkg", ".zip")
# Parent columns of a kelurahan and how many parts of its code they keep (0: a
# name, left empty when the file has none).
PARENT_CODE_PARTS = {
    "kode_kecamatan": 3,
    "nama_kecamatan": 0,
    "kode_kabkota": 2,
    "nama_kabkota": 0,
}


@dataclass(frozen=True)
class Question:
    """A choice the user must confirm before the import is final.

    ``kind`` is "urutan_tanggal" (options "hb", "bh"), "kumulatif" (options
    "kumulatif", "harian") or "kelurahan" (option: the suggested kode);
    ``detected`` is what was used for this result, None when nothing was.
    """

    kind: str
    column: str
    text: str
    options: tuple[str, ...]
    detected: str | None
    value: str = ""


@dataclass(frozen=True)
class IntakeResult:
    """What an import accepted and quarantined, and why; nothing is lost.

    ``rows_read == accepted_rows + len(quarantined)`` always. ``accepted`` has
    the contract shape of its kind (for case counts and line lists the tidy
    case table, cumulative). ``quarantined`` holds the original values (no
    personal data) plus ``row`` (as numbered in the user's file), ``column``,
    ``value`` and ``reason``. ``totals`` and ``quarantined_totals`` sum each
    count column over the rows of each side, as the values stood in the file.
    """

    kind: str
    accepted: pd.DataFrame
    quarantined: pd.DataFrame
    rows_read: int
    accepted_rows: int
    dates: tuple[str, ...]
    totals: Mapping[str, int]
    quarantined_totals: Mapping[str, int]
    discarded_columns: tuple[str, ...]
    questions: tuple[Question, ...]
    notes: tuple[str, ...]

    @property
    def messages(self) -> tuple[str, ...]:
        """Return one line per quarantined row: "baris 14: <reason>"."""
        return tuple(
            t("intake_row", row=row, reason=reason)
            for row, reason in zip(
                self.quarantined["row"], self.quarantined["reason"], strict=True
            )
        )

    def to_json(self) -> dict[str, Any]:
        """Return the command-line JSON summary of this import."""
        problems = [
            {
                "row": int(row),
                "column": str(column),
                "value": "" if pd.isna(value) else str(value),
                "reason": str(reason),
            }
            for row, column, value, reason in zip(
                self.quarantined["row"],
                self.quarantined["column"],
                self.quarantined["value"],
                self.quarantined["reason"],
                strict=True,
            )
        ]
        return {
            "rows_read": int(self.rows_read),
            "accepted": int(self.accepted_rows),
            "quarantined": len(self.quarantined),
            "problems": problems,
            "dates": list(self.dates),
            "totals": {key: int(value) for key, value in self.totals.items()},
            "quarantined_totals": {
                key: int(value) for key, value in self.quarantined_totals.items()
            },
            "discarded_columns": list(self.discarded_columns),
            "questions": [
                {
                    "kind": question.kind,
                    "column": question.column,
                    "text": question.text,
                    "options": list(question.options),
                    "used": question.detected,
                }
                for question in self.questions
            ],
            "notes": list(self.notes),
        }


def quarantined_csv(result: IntakeResult) -> bytes:
    """Return the quarantined rows as UTF-8 CSV that the same import reads back.

    The bookkeeping columns are headed "baris", "kolom", "nilai", "alasan";
    a re-import takes its row numbers from "baris" and ignores the others.
    """
    headers = {"row": "baris", "column": "kolom", "value": "nilai", "reason": "alasan"}
    return result.quarantined.rename(columns=headers).to_csv(index=False).encode()


@dataclass
class _Batch:
    """Working state of one import: original values and the first problem per row."""

    frame: pd.DataFrame
    rows: pd.Series
    column: pd.Series = field(init=False)
    value: pd.Series = field(init=False)
    reason: pd.Series = field(init=False)

    def __post_init__(self) -> None:
        empty = pd.Series(None, index=self.frame.index, dtype=object)
        self.column, self.value, self.reason = empty.copy(), empty.copy(), empty.copy()

    def flag(self, reasons: pd.Series, column: str, values: pd.Series | str) -> None:
        """Record ``reasons`` (None where fine) unless a row already has a problem."""
        new = reasons.notna() & self.reason.isna()
        if not new.any():
            return
        self.reason[new] = reasons[new]
        self.column[new] = column
        if isinstance(values, str):
            self.value[new] = values
        else:
            self.value[new] = values[new].astype(object)

    @property
    def is_ok(self) -> pd.Series:
        return self.reason.isna()

    def quarantined(self) -> pd.DataFrame:
        bad = ~self.is_ok
        table = self.frame[bad].copy()
        table["row"] = self.rows[bad].astype(int)
        table["column"] = self.column[bad]
        table["value"] = self.value[bad]
        table["reason"] = self.reason[bad]
        return table.reset_index(drop=True)


def _column_key(name: str) -> str:
    base = re.sub(r"\.\d+$", "", str(name).strip())
    return re.sub(r"[^0-9a-z]+", "_", base.lower()).strip("_")


def _find_column(
    frame: pd.DataFrame, role: str, after: str | None = None, last: bool = False
) -> str | None:
    """Return the column playing ``role``; prefer one right after ``after``."""
    wanted = SYNONYMS[role]
    columns = list(frame.columns)
    candidates = [
        column for rank in wanted for column in columns if _column_key(column) == rank
    ]
    if not candidates:  # a two-row header flattened to "GROUP / name"
        candidates = [
            column
            for rank in wanted
            for column in columns
            if _column_key(str(column).rsplit("/", 1)[-1]) == rank
        ]
    if not candidates:
        return None
    if last:
        return max(candidates, key=columns.index)
    if after is not None:
        later = [c for c in candidates if columns.index(c) > columns.index(after)]
        if later:
            return min(later, key=columns.index)
    return candidates[0]


def _personal_columns(frame: pd.DataFrame, is_line_list: bool) -> list[str]:
    personal = PERSONAL_ALWAYS | (PERSONAL_LINE_LIST if is_line_list else frozenset())
    return [column for column in frame.columns if _column_key(column) in personal]


def _check_kelurahan_frame(kelurahan: pd.DataFrame) -> KelurahanIndex:
    missing = [column for column in ("kode", "nama") if column not in kelurahan]
    if missing:
        raise GeoInputError(t("intake_err_kelurahan_frame", columns=", ".join(missing)))
    return KelurahanIndex(kelurahan)


def _missing_column(frame: pd.DataFrame, what: str, examples: str) -> GeoInputError:
    columns = ", ".join(str(column) for column in frame.columns)
    return GeoInputError(
        t("intake_err_missing_column", what=what, columns=columns, examples=examples)
    )


def _row_keys(frame: pd.DataFrame) -> np.ndarray:
    """Return an integer per row, equal for rows equal in every column."""
    keys = np.zeros(len(frame), dtype=np.int64)
    for column in frame.columns:
        codes, uniques = pd.factorize(frame[column], use_na_sentinel=False)
        keys, _ = pd.factorize(keys * max(len(uniques), 1) + codes)
    return keys


def _flag_repeats(
    batch: _Batch, keys: np.ndarray, usable: np.ndarray, key: str, column: str
) -> None:
    """Quarantine each row whose key an earlier usable row already had."""
    _, first_position, inverse = np.unique(keys, return_index=True, return_inverse=True)
    first = first_position[inverse]
    repeated = usable & (first != np.arange(len(keys)))
    if not repeated.any():
        return
    rows = batch.rows.to_numpy()
    reasons = pd.Series(None, index=batch.frame.index, dtype=object)
    reasons[repeated] = [t(key, first=int(rows[at])) for at in first[repeated]]
    batch.flag(reasons, column, "")


def _flag_exact_duplicates(batch: _Batch, full: pd.DataFrame) -> None:
    """Quarantine rows identical, in every column read, to an earlier row."""
    keys = _row_keys(full.reset_index(drop=True))
    usable = np.ones(len(keys), dtype=bool)
    _flag_repeats(batch, keys, usable, "intake_duplicate_row", "")


def _assign_kelurahan(
    batch: _Batch, index: KelurahanIndex, confirmed: Mapping[str, str] | None
) -> tuple[pd.Series, pd.Series, list[Question], list[str]]:
    """Return (kode, keterangan) per row, questions and notes; flag unknown rows."""
    frame = batch.frame
    kode = pd.Series(pd.NA, index=frame.index, dtype="string")
    label = pd.Series(pd.NA, index=frame.index, dtype="string")
    code_text, code_column = _code_text(frame)
    name_column = _find_column(frame, "nama_kelurahan")
    kec_column = _find_column(frame, "kecamatan")
    if code_text is None and name_column is None:
        raise _missing_column(frame, "kode atau nama kelurahan", "'kode', 'kelurahan'")

    pending = pd.Series(True, index=frame.index)
    notes: list[str] = []
    if code_text is not None:
        pending = _by_code(batch, code_text, code_column, index, kode, label)
        if name_column is None:
            empty = pending & (code_text == "")
            batch.flag(_reason_where(empty, t("intake_code_empty")), code_column, "")
            unknown = pending & ~empty
            reasons = code_text.map(lambda value: t("intake_code_unknown", value=value))
            batch.flag(reasons.where(unknown, None), code_column, code_text)
            return kode, label, [], notes
        notes = _name_disagreements(kode, frame[name_column], index)

    names = frame[name_column].fillna("").astype(str).str.strip()
    is_label = pending & names.str.upper().str.match(NO_KELURAHAN_LABEL)
    label[is_label] = names[is_label].str.upper()
    empty = pending & (names == "")
    batch.flag(_reason_where(empty, t("intake_no_kelurahan")), name_column, names)
    todo = pending & ~is_label & ~empty
    kec = frame[kec_column] if kec_column else None
    match = match_names(
        names[todo], None if kec is None else kec[todo], index, confirmed
    )
    kode[todo] = match.kode
    batch.flag(match.problems.reindex(frame.index), name_column, names)
    questions = [
        Question(
            "kelurahan",
            name_column,
            t(
                "intake_question_match",
                value=value,
                suggestion=index.nama[code],
                kode=code,
            ),
            (code,),
            None,
            value,
        )
        for value, code in match.suggestions.items()
    ]
    return kode, label, questions, notes


def _name_disagreements(
    kode: pd.Series, names: pd.Series, index: KelurahanIndex
) -> list[str]:
    """Return a note listing rows whose name differs from the name of their code.

    The code is used; the note lets the user see a code typed for the wrong
    kelurahan (or a spelling variant such as "KERENDANG" for Krendang).
    """
    pairs = pd.DataFrame({"kode": kode, "nama": names}).dropna().drop_duplicates()
    differing = [
        f"{written} → {index.nama[code]} ({code})"
        for code, written in zip(pairs["kode"], pairs["nama"], strict=True)
        if str(written).strip() and name_key(str(written)) != name_key(index.nama[code])
    ]
    if not differing:
        return []
    shown = "; ".join(differing[:NAME_EXAMPLES])
    more = len(differing) - NAME_EXAMPLES
    return [
        t(
            "intake_note_name_code",
            count=len(differing),
            examples=shown + (t("intake_note_more", count=more) if more > 0 else ""),
        )
    ]


def _reason_where(mask: pd.Series, reason: str) -> pd.Series:
    return pd.Series(np.where(mask, reason, None), index=mask.index, dtype=object)


def _code_text(frame: pd.DataFrame) -> tuple[pd.Series | None, str]:
    keys = {_column_key(column): column for column in frame.columns}
    if all(part in keys for part in SPLIT_CODE_COLUMNS):
        parts = [frame[keys[part]] for part in SPLIT_CODE_COLUMNS]
        return compose_codes(parts), keys["kode_kel"]
    column = _find_column(frame, "kode")
    if column is None:
        return None, ""
    return frame[column].fillna("").astype(str).str.strip(), column


def _by_code(
    batch: _Batch,
    code_text: pd.Series,
    column: str,
    index: KelurahanIndex,
    kode: pd.Series,
    label: pd.Series,
) -> pd.Series:
    """Fill kode/label from codes; return the rows still to match by name."""
    codes = map_distinct(code_text, lambda text: kemendagri_code(text, index.codes))
    has_digits = code_text.str.contains(r"\d", regex=True)
    kode[codes.notna()] = codes[codes.notna()]
    is_label = ~has_digits & code_text.str.upper().str.match(NO_KELURAHAN_LABEL)
    label[is_label] = code_text[is_label].str.upper()
    unknown = has_digits & codes.isna()
    reasons = pd.Series(None, index=code_text.index, dtype=object)
    reasons[unknown] = [
        t("intake_code_unknown", value=value) for value in code_text[unknown]
    ]
    batch.flag(reasons, column, code_text)
    return codes.isna() & ~is_label & ~unknown


def _read_dates(
    batch: _Batch,
    tanggal: str | date | None,
    date_order: str | None,
    name: str,
) -> tuple[pd.Series, list[Question], list[str]]:
    """Return the date of each row; flag unread, missing and ambiguous ones."""
    if date_order is not None and date_order not in DATE_ORDERS:
        raise GeoInputError(t("intake_err_date_order", value=date_order))
    column = _find_column(batch.frame, "tanggal")
    if column is None:
        return _file_date(batch.frame.index, tanggal, name)

    parsed = parse_dates(batch.frame[column], date_order)
    text = batch.frame[column].fillna("").astype(str)
    batch.flag(parsed.problems, column, text)
    missing = is_missing_text(text)
    batch.flag(_reason_where(missing, t("intake_date_missing")), column, text)
    # A date after today is a typing or conversion error (e.g. 2142), never data;
    # "today" is the command center's, whatever zone the server keeps.
    today = local_today()
    future = pd.to_datetime(parsed.values) > today
    too_late = t("intake_date_future", hari_ini=long_date(today))
    batch.flag(
        _reason_where(pd.Series(future, index=text.index), too_late),
        column,
        text,
    )

    questions, notes = [], []
    if parsed.is_ambiguous:
        example = next(iter(text[parsed.problems.notna()]), "")
        questions.append(
            Question(
                "urutan_tanggal",
                column,
                t("intake_question_date_order", column=column, example=example),
                DATE_ORDERS,
                None,
            )
        )
    elif (
        parsed.order is not None
        and text.str.contains(r"^\d{1,2}[/.\-]\d", regex=True).any()
    ):
        order_text = t(
            "intake_hari_bulan" if parsed.order == "hb" else "intake_bulan_hari"
        )
        notes.append(t("intake_note_date_order", order=order_text))
    return parsed.values, questions, notes


def _file_date(
    index: pd.Index, tanggal: str | date | None, name: str
) -> tuple[pd.Series, list[Question], list[str]]:
    notes = []
    if tanggal is None:
        found = re.search(r"(\d{4})-(\d{2})-(\d{2})", name)
        if found is None:
            raise GeoInputError(t("intake_err_no_date", name=name))
        tanggal = found.group(0)
        given = False
    else:
        given = True
    parsed = parse_dates(pd.Series([str(tanggal)]), "hb")
    if parsed.values.isna().iloc[0]:
        raise GeoInputError(t("err_tanggal_format", value=tanggal))
    day = long_date(parsed.values.iloc[0])
    today = local_today()
    if parsed.values.iloc[0] > today:
        # the whole file would be dated in the future: refused, nothing stored
        raise GeoInputError(
            t("intake_err_file_date_future", tanggal=day, hari_ini=long_date(today))
        )
    key = "intake_note_date_given" if given else "intake_note_date_from_name"
    notes.append(t(key, tanggal=day))
    return pd.Series(parsed.values.iloc[0], index=index), [], notes


def _totals(
    table: pd.DataFrame, ok: pd.Series, columns: tuple[str, ...]
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Return sums on the accepted and quarantined sides, and the rows behind each.

    The third dict counts the quarantined rows with a non-zero value, for the
    note telling what the quarantine leaves out.
    """
    present = [column for column in columns if table[column].notna().any()]
    accepted = {column: int(table.loc[ok, column].sum()) for column in present}
    held = {column: int(table.loc[~ok, column].sum()) for column in present}
    held_rows = {
        column: int((table.loc[~ok, column].fillna(0) > 0).sum()) for column in present
    }
    return accepted, held, held_rows


def _result(
    kind: str,
    batch: _Batch,
    accepted: pd.DataFrame,
    accepted_rows: int,
    dates: pd.Series | None,
    totals: tuple[dict[str, int], dict[str, int], dict[str, int]],
    discarded: list[str],
    questions: list[Question],
    notes: list[str],
) -> IntakeResult:
    quarantined = batch.quarantined()
    iso = ()
    if dates is not None and len(dates):
        distinct = pd.Series(pd.unique(dates.dropna()))
        iso = tuple(sorted(distinct.dt.strftime("%Y-%m-%d")))
    if discarded:
        notes.append(t("intake_note_discarded", columns=", ".join(discarded)))
    for column, value in totals[1].items():
        if value:
            notes.append(
                t(
                    "intake_note_quarantined_total",
                    value=fmt_int(value),
                    column=column.replace("_", " "),
                    count=fmt_int(totals[2][column]),
                )
            )
    logger.info(
        "intake %s: %d read, %d accepted, %d quarantined",
        kind,
        len(batch.frame),
        accepted_rows,
        len(quarantined),
    )
    return IntakeResult(
        kind=kind,
        accepted=accepted.reset_index(drop=True),
        quarantined=quarantined,
        rows_read=len(batch.frame),
        accepted_rows=accepted_rows,
        dates=iso,
        totals=totals[0],
        quarantined_totals=totals[1],
        discarded_columns=tuple(discarded),
        questions=tuple(questions),
        notes=tuple(notes),
    )


def _start(
    source: str | Path | bytes, name: str, is_line_list: bool
) -> tuple[RawTable, _Batch, list[str], pd.DataFrame, str]:
    """Read a file, drop personal columns, and open a batch on what is left."""
    name = name or (Path(source).name if not isinstance(source, bytes) else "")
    table = read_table(source, name)
    discarded = _personal_columns(table.frame, is_line_list)
    kept = table.frame.drop(columns=discarded)
    batch = _Batch(kept.reset_index(drop=True), table.rows.reset_index(drop=True))
    return table, batch, discarded, table.frame, name or "berkas"


def import_cases(
    source: str | Path | bytes,
    kelurahan: pd.DataFrame,
    *,
    name: str = "",
    tanggal: str | date | None = None,
    date_order: str | None = None,
    is_daily: bool | None = None,
    confirmed_names: Mapping[str, str] | None = None,
) -> IntakeResult:
    """Return case counts per kelurahan and date, checked row by row.

    A file without count columns but with one row per person (a line list) is
    passed to :func:`import_line_list`.

    Parameters
    ----------
    source : str, Path or bytes
        CSV or XLSX file, or its bytes (give ``name`` then).
    kelurahan : pd.DataFrame
        The region's kelurahan with ``kode`` (dotted), ``nama`` and
        optionally ``nama_kecamatan``.
    name : str
        File name (for messages and a date written in it, "..._2020-03-31").
    tanggal : str or date, optional
        Date of every row when the file has no date column.
    date_order : {"hb", "bh"}, optional
        Day first or month first, when the user answered that question.
    is_daily : bool, optional
        True if the counts are daily new cases, False if cumulative; None to
        use what is detected (a count going down over dates means daily).
    confirmed_names : mapping of str to str, optional
        Kelurahan names the user confirmed: written name -> kode.

    Returns
    -------
    IntakeResult
        ``accepted`` is the tidy case table (kode, keterangan, tanggal,
        positif, dirawat, isolasi, sembuh, meninggal; cumulative Int64).

    Raises
    ------
    GeoInputError
        If the file cannot be read as a table, or has no kelurahan or count
        column, or no date (column, ``tanggal`` or file name).
    """
    index = _check_kelurahan_frame(kelurahan)
    table, batch, discarded, full, name = _start(source, name, is_line_list=False)
    positif = _find_column(batch.frame, "positif", last=True)
    if positif is None:
        if _find_column(batch.frame, "status") or _personal_columns(full, True):
            return import_line_list(
                source,
                kelurahan,
                name=name,
                date_order=date_order,
                confirmed_names=confirmed_names,
            )
        raise _missing_column(batch.frame, "jumlah kasus", "'positif', 'sembuh'")

    _flag_exact_duplicates(batch, full)
    kode, label, questions, kelurahan_notes = _assign_kelurahan(
        batch, index, confirmed_names
    )
    dates, date_questions, notes = _read_dates(batch, tanggal, date_order, name)
    counts = _read_case_counts(batch, positif)
    _flag_duplicate_keys(batch, kode, label, dates)

    tidy = pd.DataFrame({"kode": kode, "keterangan": label, "tanggal": dates, **counts})
    ok = batch.is_ok
    totals = _totals(tidy, ok, CASE_COLUMNS)
    accepted, daily_questions, daily_notes = _to_cumulative(tidy[ok], is_daily)
    notes = [*table.notes, *kelurahan_notes, *notes, *daily_notes]
    notes += _label_notes(accepted) + _total_row_notes(table, positif, counts, ok)
    notes += _coverage_notes(accepted, len(kelurahan))
    questions += date_questions + daily_questions
    if confirmed_names:
        notes.append(t("intake_note_confirmed", names=", ".join(confirmed_names)))
    return _result(
        "kasus",
        batch,
        accepted,
        int(ok.sum()),
        tidy.loc[ok, "tanggal"],
        totals,
        discarded,
        questions,
        notes,
    )


def _read_case_counts(batch: _Batch, positif: str) -> dict[str, pd.Series]:
    counts = {}
    for column in CASE_COLUMNS:
        source_column = (
            positif
            if column == "positif"
            else _find_column(batch.frame, column, after=positif)
        )
        if source_column is None:
            counts[column] = pd.Series(pd.NA, index=batch.frame.index, dtype="Int64")
            continue
        parsed = parse_counts(batch.frame[source_column])
        batch.flag(parsed.problems, source_column, batch.frame[source_column])
        counts[column] = parsed.values
    missing = counts["positif"].isna()
    batch.flag(
        _reason_where(missing, t("intake_count_missing", column="positif")),
        positif,
        batch.frame[positif],
    )
    return counts


def _flag_duplicate_keys(
    batch: _Batch, kode: pd.Series, label: pd.Series, dates: pd.Series
) -> None:
    """Quarantine later rows for a kelurahan and date already given."""
    place = kode.fillna(label).fillna("")
    # text keys: a table without dates (population) has NaT, which groupby drops
    day = pd.to_datetime(dates).dt.strftime("%Y-%m-%d").fillna("")
    keys = pd.DataFrame({"place": place, "tanggal": day})[batch.is_ok]
    repeated = keys.duplicated(keep="first")
    if not repeated.any():
        return
    first = keys.reset_index().groupby(["place", "tanggal"])["index"].first()
    reasons = pd.Series(None, index=batch.frame.index, dtype=object)
    for position in repeated[repeated].index:
        key = (keys.at[position, "place"], keys.at[position, "tanggal"])
        template = "intake_duplicate_key" if key[1] else "intake_duplicate_place"
        reasons[position] = t(
            template,
            kode=key[0],
            tanggal=key[1],
            first=int(batch.rows[first[key]]),
        )
    batch.flag(reasons, "", "")


def _detect_daily(tidy: pd.DataFrame) -> bool | None:
    """Return True if positif often goes down over dates (daily new), None if 1 date.

    A cumulative series may drop now and then when a case is moved to another
    kelurahan; daily new counts go down at many steps.
    """
    if tidy["tanggal"].nunique() < 2:
        return None
    place = tidy["kode"].fillna(tidy["keterangan"])
    ordered = tidy.assign(place=place).sort_values(["place", "tanggal"])
    steps = ordered.groupby("place")["positif"].diff().dropna()
    if steps.empty:
        return None
    return bool((steps < 0).mean() > DAILY_DROP_SHARE)


def _to_cumulative(
    tidy: pd.DataFrame, is_daily: bool | None
) -> tuple[pd.DataFrame, list[Question], list[str]]:
    detected = _detect_daily(tidy)
    questions, notes = [], []
    if detected is not None:
        word = t("intake_harian" if detected else "intake_kumulatif")
        questions.append(
            Question(
                "kumulatif",
                "positif",
                t("intake_question_cumulative", detected=word),
                ("kumulatif", "harian"),
                "harian" if detected else "kumulatif",
            )
        )
    use_daily = detected if is_daily is None else is_daily
    tidy = tidy.sort_values(["tanggal", "kode", "keterangan"], na_position="last")
    if not use_daily:
        return tidy, questions, notes

    place = tidy["kode"].fillna(tidy["keterangan"])
    cumulative = tidy.copy()
    # LIMITATION: dirawat and isolasi are kept as given in a daily file (they
    # are counts of people at a date, not new cases), and the running sum
    # starts at the file's first date, so earlier cases are missing from it.
    for column in ("positif", "sembuh", "meninggal"):
        cumulative[column] = tidy.groupby(place)[column].cumsum()
    first = tidy["tanggal"].min().date().isoformat()
    notes.append(t("intake_note_daily_converted", first=first))
    return cumulative, questions, notes


def _coverage_notes(accepted: pd.DataFrame, total: int) -> list[str]:
    """Say which dates of the file hold fewer kelurahan than the region has.

    Only files of one or two dates are told (a daily update); a long history
    with a changing coverage would give a note per date.
    """
    placed = accepted[accepted["kode"].notna()]
    per_date = placed.groupby("tanggal")["kode"].nunique()
    if per_date.empty or len(per_date) > 2:
        return []
    return [
        t("intake_note_coverage", tanggal=long_date(day), n=int(n), total=total)
        for day, n in per_date.items()
        if n < total
    ]


def _label_notes(accepted: pd.DataFrame) -> list[str]:
    labels = accepted["keterangan"].dropna()
    if labels.empty:
        return []
    return [
        t(
            "intake_note_no_kelurahan_rows",
            count=fmt_int(len(labels)),
            labels=", ".join(sorted(labels.unique())),
        )
    ]


def _total_row_notes(
    table: RawTable, positif: str, counts: dict[str, pd.Series], ok: pd.Series
) -> list[str]:
    """Compare the accepted positif sum with a file's own total row, if numeric."""
    if table.totals.empty or positif not in table.totals:
        return []
    stated = parse_counts(table.totals[positif]).values.dropna()
    if stated.empty:
        return []
    total, accepted = int(stated.iloc[0]), int(counts["positif"][ok].sum())
    set_aside = int(counts["positif"][~ok].sum())
    if total == accepted:
        key = "intake_note_total_check"
    elif total == accepted + set_aside:
        key = "intake_note_total_mismatch"
    else:
        # the quarantined rows do not explain it: the total row or the rows are off
        key = "intake_note_total_unexplained"
    return [
        t(
            key,
            column="positif",
            accepted=fmt_int(accepted),
            total=fmt_int(total),
            quarantined=fmt_int(set_aside),
        )
    ]


def import_line_list(
    source: str | Path | bytes,
    kelurahan: pd.DataFrame,
    *,
    name: str = "",
    date_order: str | None = None,
    confirmed_names: Mapping[str, str] | None = None,
) -> IntakeResult:
    """Return a case line list (one row per person) summed per kelurahan and date.

    Parameters
    ----------
    source : str, Path or bytes
        CSV or XLSX with a date (of confirmation), a kelurahan (kode or
        name) and optionally a status (dirawat, isolasi, sembuh, meninggal).
    kelurahan : pd.DataFrame
        The region's kelurahan (``kode``, ``nama``, optional
        ``nama_kecamatan``).
    name, date_order, confirmed_names
        As for :func:`import_cases`.

    Returns
    -------
    IntakeResult
        ``accepted`` is the tidy case table, cumulative, for every kelurahan
        of the region and every date of the file; ``accepted_rows`` and the
        row counts refer to persons. ``totals`` counts persons by status.

    Raises
    ------
    GeoInputError
        If the file cannot be read or has no date or kelurahan column.

    Notes
    -----
    Personal columns (NIK, nama, alamat, nomor HP, tanggal lahir) are dropped
    on reading; a NIK seen twice marks the later row as the same person.
    """
    index = _check_kelurahan_frame(kelurahan)
    table, batch, discarded, full, name = _start(source, name, is_line_list=True)
    if _find_column(batch.frame, "tanggal") is None:
        raise _missing_column(batch.frame, "tanggal", "'tanggal'")

    _flag_exact_duplicates(batch, full)
    _flag_same_person(batch, full)
    kode, label, questions, kelurahan_notes = _assign_kelurahan(
        batch, index, confirmed_names
    )
    dates, date_questions, notes = _read_dates(batch, None, date_order, name)
    status = _read_status(batch)

    persons = pd.DataFrame(
        {"kode": kode, "keterangan": label, "tanggal": dates, "status": status}
    )
    ok = batch.is_ok
    totals = _status_totals(persons, ok)
    accepted = _aggregate_persons(persons[ok], sorted(index.codes))
    notes = [*table.notes, *kelurahan_notes, *notes]
    notes.append(t("intake_note_line_list", persons=fmt_int(int(ok.sum()))))
    return _result(
        "daftar_kasus",
        batch,
        accepted,
        int(ok.sum()),
        persons.loc[ok, "tanggal"],
        totals,
        discarded,
        questions + date_questions,
        notes,
    )


def _flag_same_person(batch: _Batch, full: pd.DataFrame) -> None:
    """Quarantine a later row whose NIK was already seen (the NIK is not kept)."""
    column = _find_column(full, "nik")
    if column is None:
        return
    nik = full[column].fillna("").astype(str).str.strip().reset_index(drop=True)
    keys, _ = pd.factorize(nik)
    usable = (nik != "").to_numpy()
    _flag_repeats(batch, keys, usable, "intake_duplicate_person", column)


def _read_status(batch: _Batch) -> pd.Series:
    column = _find_column(batch.frame, "status")
    if column is None:
        return pd.Series("positif", index=batch.frame.index)
    text = batch.frame[column].fillna("").astype(str).str.strip()
    status = map_distinct(text, _status_of)
    unknown = status.isna()
    reasons = pd.Series(None, index=text.index, dtype=object)
    if unknown.any():
        reasons[unknown] = [
            t("intake_status_unknown", value=value) for value in text[unknown]
        ]
    batch.flag(reasons, column, text)
    return status


def _status_of(text: str) -> str | None:
    if text.lower() in ("", "-"):
        return "positif"
    return STATUS_WORDS.get(name_key(text))


def _status_totals(
    persons: pd.DataFrame, ok: pd.Series
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Return persons by status on each side (positif counts every person)."""
    flags = pd.DataFrame({"positif": pd.Series(1, index=persons.index)})
    for column in STATUS_COLUMNS:
        flags[column] = (persons["status"] == column).astype(int)
    return _totals(flags, ok, CASE_COLUMNS)


def _aggregate_persons(persons: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Return cumulative counts per place and date over the full place × date grid."""
    # LIMITATION: a line list carries each person's latest status only, so
    # sembuh/meninggal/dirawat are counted from the confirmation date on; the
    # history of recoveries and deaths over dates is approximate.
    columns = ["kode", "keterangan", "tanggal", *CASE_COLUMNS]
    if persons.empty:
        return pd.DataFrame(columns=columns)
    place = persons["kode"].fillna("~" + persons["keterangan"].fillna(""))
    daily = (
        pd.DataFrame({"place": place, "tanggal": persons["tanggal"]})
        .assign(status=persons["status"])
        .groupby(["place", "tanggal", "status"], observed=True)
        .size()
        .unstack("status", fill_value=0)
    )
    for column in CASE_COLUMNS:
        if column not in daily:
            daily[column] = 0
    daily["positif"] = daily[list(CASE_COLUMNS)].sum(axis=1)

    places = sorted(set(codes) | set(place.unique()))
    dates = sorted(persons["tanggal"].unique())
    grid = pd.MultiIndex.from_product([places, dates], names=["place", "tanggal"])
    daily.index = daily.index.set_names(["place", "tanggal"])
    full = daily[list(CASE_COLUMNS)].reindex(grid, fill_value=0)
    cumulative = full.groupby(level="place").cumsum().reset_index()

    is_label = cumulative["place"].str.startswith("~")
    cumulative["kode"] = cumulative["place"].where(~is_label).astype("string")
    cumulative["keterangan"] = (
        cumulative["place"].str[1:].where(is_label).astype("string")
    )
    for column in CASE_COLUMNS:
        cumulative[column] = cumulative[column].astype("Int64")
    return cumulative[columns]


def import_population(
    source: str | Path | bytes,
    kelurahan: pd.DataFrame,
    *,
    name: str = "",
    confirmed_names: Mapping[str, str] | None = None,
) -> IntakeResult:
    """Return persons per kelurahan, checked row by row.

    Parameters
    ----------
    source : str, Path or bytes
        CSV or XLSX with a kelurahan (kode or name) and a population column
        ("penduduk", "jumlah_penduduk", "jiwa").
    kelurahan : pd.DataFrame
        The region's kelurahan (``kode``, ``nama``).
    name, confirmed_names
        As for :func:`import_cases`.

    Returns
    -------
    IntakeResult
        ``accepted`` has ``kode`` and ``penduduk`` (Int64), one row per
        kelurahan; ``accepted.set_index("kode")["penduduk"]`` is the shared
        population series.

    Raises
    ------
    GeoInputError
        If the file cannot be read or has no kelurahan or population column.
    """
    index = _check_kelurahan_frame(kelurahan)
    table, batch, discarded, full, name = _start(source, name, is_line_list=False)
    column = _find_column(batch.frame, "penduduk")
    if column is None:
        raise _missing_column(batch.frame, "jumlah penduduk", "'penduduk'")

    _flag_exact_duplicates(batch, full)
    kode, label, questions, kelurahan_notes = _assign_kelurahan(
        batch, index, confirmed_names
    )
    reasons = label.map(lambda value: t("intake_population_label", value=value))
    batch.flag(reasons.astype(object).where(label.notna(), None), "", label)
    parsed = parse_counts(batch.frame[column])
    batch.flag(parsed.problems, column, batch.frame[column])
    missing = parsed.values.isna()
    reason = t("intake_count_missing", column="penduduk")
    batch.flag(_reason_where(missing, reason), column, batch.frame[column])
    _flag_duplicate_keys(batch, kode, label, pd.Series(pd.NaT, index=kode.index))

    ok = batch.is_ok
    table_out = pd.DataFrame({"kode": kode, "penduduk": parsed.values})
    totals = _totals(table_out, ok, ("penduduk",))
    return _result(
        "penduduk",
        batch,
        table_out[ok].sort_values("kode"),
        int(ok.sum()),
        None,
        totals,
        discarded,
        questions,
        [*table.notes, *kelurahan_notes],
    )


def _region_area(kelurahan: pd.DataFrame) -> tuple[shapely.Geometry, str]:
    """Return the region's outline, widened by the tolerance, in a metric CRS."""
    if not isinstance(kelurahan, gpd.GeoDataFrame) or kelurahan.crs is None:
        raise GeoInputError(t("intake_err_no_geometry"))
    geographic = kelurahan.to_crs(GEOGRAPHIC_CRS)
    metric_crs = utm_south_for_lon(float(geographic.union_all().centroid.x))
    outline = geographic.to_crs(metric_crs).union_all()
    return outline.buffer(BOUNDARY_TOLERANCE_M), metric_crs


def _inside(
    area: shapely.Geometry, metric_crs: str, lat: np.ndarray, lon: np.ndarray
) -> np.ndarray:
    """Return True where (lat, lon) in degrees is a valid point inside ``area``."""
    valid = (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    inside = np.zeros(len(lat), dtype=bool)
    if valid.any():
        points = gpd.GeoSeries(
            gpd.points_from_xy(lon[valid], lat[valid]), crs=GEOGRAPHIC_CRS
        ).to_crs(metric_crs)
        inside[valid] = shapely.covers(area, points.to_numpy())
    return inside


def _flag_points(
    batch: _Batch,
    kelurahan: pd.DataFrame,
    lat_column: str,
    lon_column: str,
    required: pd.Series,
) -> tuple[pd.Series, pd.Series]:
    """Read lat/lon; quarantine points missing, invalid or outside the region.

    A swapped pair or a wrong latitude sign is suggested in the reason when
    the corrected point would fall inside, but never applied.
    """
    lat = parse_coordinates(batch.frame[lat_column])
    lon = parse_coordinates(batch.frame[lon_column])
    batch.flag(lat.problems, lat_column, batch.frame[lat_column])
    batch.flag(lon.problems, lon_column, batch.frame[lon_column])
    has_point = lat.values.notna() & lon.values.notna()
    missing = required & ~has_point & lat.problems.isna() & lon.problems.isna()
    batch.flag(_reason_where(missing, t("intake_point_missing")), lat_column, "")

    area, metric_crs = _region_area(kelurahan)
    lat_deg = lat.values.fillna(0).to_numpy(dtype=float)
    lon_deg = lon.values.fillna(0).to_numpy(dtype=float)
    inside = _inside(area, metric_crs, lat_deg, lon_deg)
    swapped = _inside(area, metric_crs, lon_deg, lat_deg)
    flipped = _inside(area, metric_crs, -lat_deg, lon_deg)
    valid = (np.abs(lat_deg) <= 90) & (np.abs(lon_deg) <= 180)

    reasons = pd.Series(None, index=batch.frame.index, dtype=object)
    for position in np.flatnonzero(has_point.to_numpy() & ~inside):
        where = {"lat": lat_deg[position], "lon": lon_deg[position]}
        key = "intake_point_outside" if valid[position] else "intake_point_invalid"
        reason = t(key, **where)
        if swapped[position]:
            reason += t("intake_point_swap", lat=where["lon"], lon=where["lat"])
        elif flipped[position]:
            reason += t("intake_point_sign", lat=-where["lat"])
        reasons.iloc[position] = reason
    values = batch.frame[lat_column] + ", " + batch.frame[lon_column]
    batch.flag(reasons, f"{lat_column}, {lon_column}", values)
    return lat.values, lon.values


def _text_column(frame: pd.DataFrame, role: str) -> pd.Series:
    column = _find_column(frame, role)
    if column is None:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    text = frame[column].fillna("").astype(str).str.strip()
    return text.where(text != "").astype("string")


def _facility_kind(text: str) -> str:
    key = name_key(re.sub(r"\(.*?\)", "", text))
    for word, kind in sorted(FACILITY_KINDS.items(), key=lambda item: -len(item[0])):
        if key == word or key.startswith(word):
            return kind
    return text.strip()


def import_facilities(
    source: str | Path | bytes,
    kelurahan: gpd.GeoDataFrame,
    *,
    name: str = "",
) -> IntakeResult:
    """Return health facilities with positions checked against the region.

    Parameters
    ----------
    source : str, Path or bytes
        CSV or XLSX with ``nama``, ``jenis``, ``lat``, ``lon`` (degrees) and
        optionally ``alamat``, ``sumber`` and capacities (``tempat_tidur``,
        ``tempat_tidur_isolasi``, ``icu``, ``ventilator``).
    kelurahan : gpd.GeoDataFrame
        The region's kelurahan polygons (any CRS), used as the region outline
        widened by ``BOUNDARY_TOLERANCE_M`` metres.
    name : str
        File name for messages.

    Returns
    -------
    IntakeResult
        ``accepted`` is a GeoDataFrame in EPSG:4326 with nama, jenis, alamat,
        kelurahan_alamat (the kelurahan the address names, when given),
        sumber, lat, lon, the capacity columns (Int64), geometry, is_valid
        (True) and masalah (empty). Points outside the region, invalid, or
        with swapped or sign-flipped coordinates are quarantined.

    Raises
    ------
    GeoInputError
        If the file cannot be read, lacks lat/lon or name columns, or the
        kelurahan have no geometry.
    """
    table, batch, discarded, full, name = _start(source, name, is_line_list=False)
    lat_column = _find_column(batch.frame, "lat")
    lon_column = _find_column(batch.frame, "lon")
    nama_column = _find_column(batch.frame, "nama")
    if lat_column is None or lon_column is None or nama_column is None:
        raise _missing_column(batch.frame, "nama, lat dan lon", "'nama', 'lat', 'lon'")

    # LIMITATION: only exact duplicate rows are caught; one facility listed
    # twice with other spellings or positions (Magelang S1/S2/S3) is accepted
    # twice and must be reconciled by the user.
    _flag_exact_duplicates(batch, full)
    nama = _text_column(batch.frame, "nama")
    batch.flag(_reason_where(nama.isna(), t("intake_name_empty")), nama_column, "")
    capacities = _read_capacities(batch)
    required = pd.Series(True, index=batch.frame.index)
    lat, lon = _flag_points(batch, kelurahan, lat_column, lon_column, required)

    jenis = _text_column(batch.frame, "jenis")
    facilities = pd.DataFrame(
        {
            "nama": nama,
            "jenis": jenis.map(_facility_kind, na_action="ignore").astype("string"),
            "alamat": _text_column(batch.frame, "alamat"),
            "kelurahan_alamat": _text_column(batch.frame, "kelurahan_alamat"),
            "sumber": _text_column(batch.frame, "sumber"),
            "lat": lat,
            "lon": lon,
            **capacities,
        }
    )
    ok = batch.is_ok
    totals = _totals(facilities, ok, CAPACITY_COLUMNS)
    accepted = _facility_layer(facilities[ok])
    return _result(
        "fasilitas",
        batch,
        accepted,
        int(ok.sum()),
        None,
        totals,
        discarded,
        [],
        list(table.notes),
    )


def _read_capacities(batch: _Batch) -> dict[str, pd.Series]:
    capacities = {}
    for role in CAPACITY_COLUMNS:
        column = _find_column(batch.frame, role)
        if column is None:
            capacities[role] = pd.Series(pd.NA, index=batch.frame.index, dtype="Int64")
            continue
        parsed = parse_counts(batch.frame[column])
        batch.flag(parsed.problems, column, batch.frame[column])
        capacities[role] = parsed.values
    return capacities


def _facility_layer(facilities: pd.DataFrame) -> gpd.GeoDataFrame:
    layer = gpd.GeoDataFrame(
        facilities.reset_index(drop=True),
        geometry=gpd.points_from_xy(facilities["lon"], facilities["lat"]),
        crs=GEOGRAPHIC_CRS,
    )
    layer["is_valid"] = True
    layer["masalah"] = pd.Series("", index=layer.index, dtype="string")
    return layer


def import_resources(
    source: str | Path | bytes,
    kelurahan: gpd.GeoDataFrame,
    *,
    name: str = "",
) -> IntakeResult:
    """Return resources (ambulans, tim lapangan, stok) with a place each, checked.

    Parameters
    ----------
    source : str, Path or bytes
        CSV or XLSX with ``jenis`` (ambulans, tim lapangan, kit tes, APD,
        dosis vaksin, paket bantuan), ``jumlah``, and a position (``lat``,
        ``lon`` in degrees) or a home facility (``fasilitas``); optional
        ``nama``.
    kelurahan : gpd.GeoDataFrame
        The region's kelurahan polygons, for the position check.
    name : str
        File name for messages.

    Returns
    -------
    IntakeResult
        ``accepted`` has jenis, nama, jumlah (Int64), lat, lon, fasilitas,
        diperbarui and status (text as given, for instance "contoh").
        ``totals`` sums ``jumlah`` over the accepted rows.

    Raises
    ------
    GeoInputError
        If the file cannot be read or lacks the jenis or jumlah column.
    """
    table, batch, discarded, full, name = _start(source, name, is_line_list=False)
    jenis_column = _find_column(batch.frame, "jenis")
    jumlah_column = _find_column(batch.frame, "jumlah")
    if jenis_column is None or jumlah_column is None:
        raise _missing_column(batch.frame, "jenis dan jumlah", "'jenis', 'jumlah'")

    _flag_exact_duplicates(batch, full)
    jenis = _read_resource_kind(batch, jenis_column)
    parsed = parse_counts(batch.frame[jumlah_column])
    batch.flag(parsed.problems, jumlah_column, batch.frame[jumlah_column])
    reason = t("intake_count_missing", column=jumlah_column)
    missing = parsed.values.isna()
    batch.flag(_reason_where(missing, reason), jumlah_column, "")
    fasilitas = _text_column(batch.frame, "fasilitas")
    lat, lon = _resource_points(batch, kelurahan, fasilitas)

    resources = pd.DataFrame(
        {
            "jenis": jenis,
            "nama": _text_column(batch.frame, "nama"),
            "jumlah": parsed.values,
            "lat": lat,
            "lon": lon,
            "fasilitas": fasilitas,
            "diperbarui": _text_column(batch.frame, "diperbarui"),
            "status": _text_column(batch.frame, "status_data"),
        }
    )
    ok = batch.is_ok
    totals = _totals(resources, ok, ("jumlah",))
    return _result(
        "sumber_daya",
        batch,
        resources[ok],
        int(ok.sum()),
        None,
        totals,
        discarded,
        [],
        list(table.notes),
    )


def _read_resource_kind(batch: _Batch, column: str) -> pd.Series:
    text = batch.frame[column].fillna("").astype(str).str.strip()
    kinds = text.map(
        {value: RESOURCE_WORDS.get(name_key(value)) for value in text.unique()}
    )
    reasons = pd.Series(None, index=text.index, dtype=object)
    unknown = kinds.isna()
    choices = ", ".join(RESOURCE_KINDS)
    reasons[unknown] = [
        t("intake_resource_kind", value=value, choices=choices)
        for value in text[unknown]
    ]
    batch.flag(reasons, column, text)
    return kinds.astype("string")


def _resource_points(
    batch: _Batch, kelurahan: gpd.GeoDataFrame, fasilitas: pd.Series
) -> tuple[pd.Series, pd.Series]:
    lat_column = _find_column(batch.frame, "lat")
    lon_column = _find_column(batch.frame, "lon")
    if lat_column is None or lon_column is None:
        nowhere = fasilitas.isna()
        batch.flag(_reason_where(nowhere, t("intake_resource_place")), "fasilitas", "")
        empty = pd.Series(np.nan, index=batch.frame.index)
        return empty, empty.copy()
    has_text = ~is_missing_text(batch.frame[lat_column]) | ~is_missing_text(
        batch.frame[lon_column]
    )
    nowhere = ~has_text & fasilitas.isna()
    batch.flag(_reason_where(nowhere, t("intake_resource_place")), "fasilitas", "")
    return _flag_points(batch, kelurahan, lat_column, lon_column, has_text)


def import_occupancy(
    source: str | Path | bytes,
    facilities: pd.DataFrame,
    *,
    name: str = "",
    tanggal: str | date | None = None,
    date_order: str | None = None,
) -> IntakeResult:
    """Return occupied beds and ventilators per facility and date, checked.

    Parameters
    ----------
    source : str, Path or bytes
        CSV or XLSX with the facility as ``fasilitas`` (its name) or
        ``facility_id``, ``tanggal``, and any of ``terisi_isolasi``,
        ``terisi_icu``, ``terisi_ventilator`` (whole numbers ≥ 0).
    facilities : pd.DataFrame
        The region's stored facilities (:func:`geo.store.facilities`): ``id``,
        ``nama`` and the capacities ``tempat_tidur_isolasi``,
        ``tempat_tidur_icu``, ``ventilator`` (NA when unknown).
    name : str
        File name (for messages and a date written in it).
    tanggal : str or date, optional
        Date of every row when the file has no date column.
    date_order : {"hb", "bh"}, optional
        Day first or month first, when the user answered that question.

    Returns
    -------
    IntakeResult
        ``accepted`` has facility_id (Int64), fasilitas (the stored name),
        tanggal and the three occupancy counts (Int64, NA when not given).
        Names are matched ignoring case, spaces and punctuation; a misspelt
        name is quarantined with the closest stored name as a suggestion,
        never replaced. A count above the facility's known capacity of that
        kind, or a second row for a facility and date, is quarantined.

    Raises
    ------
    GeoInputError
        If the file cannot be read, has neither a facility name nor id column,
        no occupancy count column, or no date (column, ``tanggal`` or name).
    """
    for column in ("id", "nama"):
        if column not in facilities:
            raise GeoInputError(t("intake_err_facility_frame", column=column))
    # a checked listing also holds rows that never reached the store (no id)
    facilities = facilities[facilities["id"].notna()]
    table, batch, discarded, full, name = _start(source, name, is_line_list=False)
    id_column = _find_column(batch.frame, "facility_id")
    name_column = _find_column(batch.frame, "fasilitas_okupansi")
    if id_column is None and name_column is None:
        raise _missing_column(
            batch.frame, "nama atau id fasilitas", "'fasilitas', 'facility_id'"
        )
    count_columns = {
        role: _find_column(batch.frame, role) for role in OCCUPANCY_COLUMNS
    }
    if not any(count_columns.values()):
        raise _missing_column(
            batch.frame, "jumlah terisi", "'terisi_isolasi', 'terisi_icu'"
        )

    _flag_exact_duplicates(batch, full)
    facility_id = _match_facilities(batch, facilities, id_column, name_column)
    dates, questions, notes = _read_dates(batch, tanggal, date_order, name)
    counts = _read_occupancy_counts(batch, count_columns)
    _flag_over_capacity(batch, facilities, facility_id, counts, count_columns)
    _flag_repeated_occupancy(batch, facilities, facility_id, dates)

    names = facilities.set_index("id")["nama"]
    occupancy = pd.DataFrame(
        {
            "facility_id": facility_id,
            "fasilitas": facility_id.map(names, na_action="ignore").astype("string"),
            "tanggal": dates,
            **counts,
        }
    )
    ok = batch.is_ok
    totals = _totals(occupancy, ok, OCCUPANCY_COLUMNS)
    notes += _flagged_facility_notes(facilities, facility_id[ok])
    return _result(
        "okupansi",
        batch,
        occupancy[ok],
        int(ok.sum()),
        occupancy.loc[ok, "tanggal"],
        totals,
        discarded,
        questions,
        [*table.notes, *notes],
    )


def _flagged_facility_notes(
    facilities: pd.DataFrame, accepted_ids: pd.Series
) -> list[str]:
    """Say which accepted rows name a facility the facility check flagged.

    They are stored (the record is true), but the occupancy chart counts valid
    facilities only, so the user learns it here, not from a missing bar.
    """
    if "is_valid" not in facilities.columns:
        return []
    checked = facilities.set_index(facilities["id"].astype(int))
    flagged = checked[~checked["is_valid"].astype(bool)]
    hit = accepted_ids.dropna().astype(int)
    hit = hit[hit.isin(flagged.index)]
    if hit.empty:
        return []
    named = [
        f"{flagged.loc[code, 'nama']} ({flagged.loc[code, 'masalah'] or '–'})"
        for code in dict.fromkeys(hit)
    ]
    return [t("intake_note_fasilitas_ditandai", rows=len(hit), names="; ".join(named))]


def _match_facilities(
    batch: _Batch,
    facilities: pd.DataFrame,
    id_column: str | None,
    name_column: str | None,
) -> pd.Series:
    """Return the stored facility id of each row; flag rows naming none.

    A row's id is used when it has one, else its name, compared by
    :func:`geo.normalize.name_key`; a near miss is only suggested.
    """
    index = batch.frame.index
    found = pd.Series(pd.NA, index=index, dtype="Int64")
    known_ids = {int(value) for value in facilities["id"]}
    id_text = (
        _text_column_named(batch.frame, id_column).fillna("") if id_column else None
    )
    names = (
        _text_column_named(batch.frame, name_column).fillna("") if name_column else None
    )
    has_id = pd.Series(False, index=index) if id_text is None else id_text != ""
    has_name = pd.Series(False, index=index) if names is None else names != ""

    empty = ~has_id & ~has_name
    column = name_column or id_column or ""
    batch.flag(_reason_where(empty, t("intake_facility_empty")), column, "")

    if id_text is not None and has_id.any():
        parsed = pd.to_numeric(id_text.where(has_id), errors="coerce")
        whole = parsed.notna() & (parsed == parsed.round())
        ids = parsed.where(whole)
        good = has_id & ids.isin(list(known_ids))
        found[good] = ids[good].astype(int)
        reasons = pd.Series(None, index=index, dtype=object)
        unknown = has_id & ~good
        reasons[unknown] = [
            t("intake_facility_id_unknown", value=value) for value in id_text[unknown]
        ]
        batch.flag(reasons, id_column, id_text)

    by_key: dict[str, list[int]] = {}
    stored_names = _facility_names(facilities)
    for facility, nama in stored_names.items():
        by_key.setdefault(name_key(str(nama)), []).append(facility)
    todo = has_name & ~has_id
    if names is None or not todo.any():
        return found
    verdicts = {
        value: _facility_by_name(value, by_key, stored_names)
        for value in names[todo].unique()
    }
    reasons = pd.Series(None, index=index, dtype=object)
    for position in names[todo].index:
        facility, reason = verdicts[names[position]]
        if facility is None:
            reasons[position] = reason
        else:
            found[position] = facility
    batch.flag(reasons, name_column, names)
    return found


def _facility_names(facilities: pd.DataFrame) -> dict[int, str]:
    ids = facilities["id"].astype(int)
    return dict(zip(ids, facilities["nama"].astype(str), strict=True))


def _facility_by_name(
    value: str, by_key: Mapping[str, list[int]], stored_names: Mapping[int, str]
) -> tuple[int | None, str | None]:
    """Return (facility id, None) for a name, or (None, the reason it fails)."""
    key = name_key(value)
    ids = by_key.get(key, [])
    if len(ids) == 1:
        return ids[0], None
    if len(ids) > 1:
        places = ", ".join(
            f"{stored_names[facility]} (id {facility})" for facility in ids
        )
        return None, t("intake_facility_ambiguous", value=value, places=places)
    # LIMITATION: only the single best rapidfuzz candidate is offered, and the
    # user confirms it by fixing the file (or giving facility_id), not on the page.
    best = process.extractOne(key, list(by_key), scorer=fuzz.ratio) if key else None
    if best is None or best[1] < MATCH_SUGGEST_SCORE:
        return None, t("intake_facility_unknown", value=value)
    suggestion = by_key[best[0]][0]
    return None, t(
        "intake_facility_suggest",
        value=value,
        suggestion=stored_names[suggestion],
        id=suggestion,
    )


def _read_occupancy_counts(
    batch: _Batch, count_columns: Mapping[str, str | None]
) -> dict[str, pd.Series]:
    counts = {}
    for role, column in count_columns.items():
        if column is None:
            counts[role] = pd.Series(pd.NA, index=batch.frame.index, dtype="Int64")
            continue
        parsed = parse_counts(batch.frame[column])
        batch.flag(parsed.problems, column, batch.frame[column])
        counts[role] = parsed.values
    none = pd.concat([values.isna() for values in counts.values()], axis=1).all(axis=1)
    batch.flag(_reason_where(none, t("intake_occupancy_empty")), "", "")
    return counts


def _flag_over_capacity(
    batch: _Batch,
    facilities: pd.DataFrame,
    facility_id: pd.Series,
    counts: Mapping[str, pd.Series],
    count_columns: Mapping[str, str | None],
) -> None:
    """Quarantine counts above the facility's capacity of that kind, when known."""
    stored = facilities.set_index(facilities["id"].astype(int))
    names = stored["nama"]
    for role, capacity_column in OCCUPANCY_CAPACITY.items():
        if count_columns[role] is None or capacity_column not in stored:
            continue
        capacity = facility_id.map(
            stored[capacity_column].astype("Float64"), na_action="ignore"
        ).astype("Float64")
        value = counts[role].astype("Float64")
        over = (value > capacity).fillna(False).astype(bool)
        reasons = pd.Series(None, index=batch.frame.index, dtype=object)
        reasons[over] = [
            t(
                "intake_occupancy_over",
                column=role,
                value=fmt_int(int(value[position])),
                capacity=fmt_int(int(capacity[position])),
                capacity_column=capacity_column,
                facility=names[int(facility_id[position])],
            )
            for position in over[over].index
        ]
        column = count_columns[role]
        batch.flag(reasons, column, batch.frame[column])


def _flag_repeated_occupancy(
    batch: _Batch, facilities: pd.DataFrame, facility_id: pd.Series, dates: pd.Series
) -> None:
    """Quarantine later rows for a facility and date an earlier good row gave."""
    day = pd.to_datetime(dates).dt.strftime("%Y-%m-%d")
    usable = (batch.is_ok & facility_id.notna() & day.notna()).to_numpy()
    if not usable.any():
        return
    keys, _ = pd.factorize(
        facility_id.astype("string").fillna("") + "@" + day.fillna("")
    )
    # the first usable row of each key, not merely the first row
    first_usable: dict[int, int] = {}
    for position in np.flatnonzero(usable):
        first_usable.setdefault(int(keys[position]), position)
    names = _facility_names(facilities)
    rows = batch.rows.to_numpy()
    reasons = pd.Series(None, index=batch.frame.index, dtype=object)
    for position in np.flatnonzero(usable):
        first = first_usable[int(keys[position])]
        if first == position:
            continue
        reasons.iloc[position] = t(
            "intake_occupancy_duplicate",
            facility=names[int(facility_id.iloc[position])],
            tanggal=day.iloc[position],
            first=int(rows[first]),
        )
    batch.flag(reasons, "", "")


def read_boundaries(
    path: str | Path | bytes,
    kode_column: str,
    nama_column: str,
    crs: str | None = None,
    *,
    name: str = "",
) -> IntakeResult:
    """Return a new region's kelurahan boundaries, checked, in EPSG:4326.

    Parameters
    ----------
    path : str, Path or bytes
        GeoJSON, GeoPackage, or a zipped Shapefile (.zip), or its bytes (an
        upload; ``name`` then gives its file name).
    kode_column, nama_column : str
        The columns holding the Kemendagri code and the name, as chosen by
        the user.
    crs : str, optional
        CRS to assume when the file states none (e.g. "EPSG:4326").
    name : str
        File name of an upload given as bytes (its suffix picks the reader).

    Returns
    -------
    IntakeResult
        ``accepted`` is a GeoDataFrame with ``kode`` (dotted), ``nama``,
        ``kode_kecamatan``, ``nama_kecamatan``, ``kode_kabkota``,
        ``nama_kabkota`` (from the file's columns of these names; codes
        otherwise cut from ``kode``, names otherwise empty) and ``geometry``
        in EPSG:4326. Features with an empty geometry, a code
        that is not a Kemendagri code, or a repeated code are quarantined;
        invalid geometries are repaired with ``shapely.make_valid`` and noted.

    Raises
    ------
    GeoInputError
        If the file cannot be read, a chosen column is missing, or the file
        has no CRS and none is given.
    """
    layer, name = read_layer(path, name, what=t("intake_batas"))
    notes = []
    if layer.crs is None:
        if crs is None:
            raise GeoInputError(t("intake_err_no_crs", name=name))
        layer = layer.set_crs(crs)
        notes.append(t("intake_note_crs_given", crs=crs))
    for column in (kode_column, nama_column):
        if column not in layer:
            columns = ", ".join(str(c) for c in layer.columns if c != "geometry")
            raise GeoInputError(
                t("intake_err_boundary_column", value=column, columns=columns)
            )

    frame = layer.drop(columns="geometry").astype(str).reset_index(drop=True)
    rows = pd.Series(np.arange(1, len(frame) + 1), index=frame.index)
    batch = _Batch(frame, rows)
    kode = _boundary_codes(batch, kode_column)
    geometry = layer.geometry.reset_index(drop=True)
    empty = geometry.isna() | geometry.is_empty
    batch.flag(_reason_where(empty, t("intake_boundary_empty")), "geometry", "")
    invalid = ~empty & ~geometry.is_valid
    if invalid.any():
        geometry[invalid] = shapely.make_valid(geometry[invalid].to_numpy())
        codes = ", ".join(kode[invalid].fillna("?"))
        notes.append(
            t("intake_note_geometry_repaired", count=int(invalid.sum()), codes=codes)
        )

    ok = batch.is_ok
    accepted = gpd.GeoDataFrame(
        {
            "kode": kode[ok],
            "nama": frame.loc[ok, nama_column].astype("string"),
            **_parent_columns(frame[ok], kode[ok]),
        },
        geometry=geometry[ok],
        crs=layer.crs,
    ).to_crs(GEOGRAPHIC_CRS)
    return _result(
        "batas", batch, accepted, int(ok.sum()), None, ({}, {}, {}), [], [], notes
    )


def _parent_columns(frame: pd.DataFrame, kode: pd.Series) -> dict[str, pd.Series]:
    """Return kecamatan and kab/kota codes and names: from the file, else the code."""
    parents = {}
    for column, parts in PARENT_CODE_PARTS.items():
        if column in frame.columns:
            parents[column] = _text_column_named(frame, column)
        elif parts:
            parents[column] = kode.str.split(".").str[:parts].str.join(".")
        else:
            parents[column] = pd.Series(pd.NA, index=frame.index, dtype="string")
    return {name: values.astype("string") for name, values in parents.items()}


def _text_column_named(frame: pd.DataFrame, column: str) -> pd.Series:
    text = frame[column].fillna("").astype(str).str.strip()
    return text.where(~text.isin(("", "nan", "None"))).astype("string")


def read_layer(
    source: str | Path | bytes,
    name: str = "",
    *,
    what: str,
    rows: int | None = None,
) -> tuple[gpd.GeoDataFrame, str]:
    """Return a vector layer from a GeoJSON, GeoPackage or zipped Shapefile.

    Parameters
    ----------
    source : str, Path or bytes
        The file, or its bytes (an upload).
    name : str
        The file's name; for bytes its suffix (one of ``LAYER_SUFFIXES``)
        picks the reader. Defaults to the path's name.
    what : str
        What the file holds, in Bahasa Indonesia ("batas", "jalan"), for
        messages.
    rows : int, optional
        Read only the first ``rows`` features (to list columns and CRS).

    Returns
    -------
    tuple of (gpd.GeoDataFrame, str)
        The layer as stored (its CRS may be None) and the file's name.

    Raises
    ------
    GeoInputError
        If the path is not a file, bytes come with a name of another kind, or
        the file cannot be read as a vector layer.
    """
    if not isinstance(source, bytes):
        path = Path(source)
        if not path.is_file():
            raise GeoInputError(t("alok_err_berkas", what=what, path=path))
        return _read_layer_file(path, name or path.name, what, rows), name or path.name

    suffix = Path(name).suffix.lower()
    if suffix not in LAYER_SUFFIXES:
        choices = ", ".join(LAYER_SUFFIXES)
        raise GeoInputError(
            t("err_data_boundary_suffix", what=what, name=name, choices=choices)
        )
    # The vector readers take a path, not bytes: the upload is copied once.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"lapisan{suffix}"
        path.write_bytes(source)
        return _read_layer_file(path, name, what, rows), name


def _read_layer_file(
    path: Path, name: str, what: str, rows: int | None
) -> gpd.GeoDataFrame:
    target = f"zip://{path}" if path.suffix.lower() == ".zip" else str(path)
    try:
        return gpd.read_file(target, rows=rows)
    except Exception as err:  # pyogrio raises several kinds for unreadable files
        raise GeoInputError(
            t("intake_err_boundary_read", what=what, name=name)
        ) from err


def _boundary_codes(batch: _Batch, column: str) -> pd.Series:
    text = batch.frame[column].fillna("").astype(str).str.strip()
    dotted = text.map(lambda value: dotted_code(digits_of_code(value)))
    reasons = pd.Series(None, index=text.index, dtype=object)
    bad = dotted.isna()
    reasons[bad] = [t("intake_boundary_code", value=value) for value in text[bad]]
    batch.flag(reasons, column, text)
    repeated = dotted.duplicated(keep="first") & ~bad
    reasons = pd.Series(None, index=text.index, dtype=object)
    first_seen: dict[str, int] = {}
    for position, code in dotted.items():
        if code is None:
            continue
        if code in first_seen and repeated[position]:
            reasons[position] = t(
                "intake_boundary_duplicate", value=code, first=first_seen[code]
            )
        first_seen.setdefault(code, int(batch.rows[position]))
    batch.flag(reasons, column, text)
    return dotted.astype("string")


IMPORTERS: dict[str, Callable[..., IntakeResult]] = {
    "kasus": import_cases,
    "daftar-kasus": import_line_list,
    "fasilitas": import_facilities,
    "sumber-daya": import_resources,
    "okupansi": import_occupancy,
    "penduduk": import_population,
}
