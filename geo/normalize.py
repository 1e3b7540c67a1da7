"""Parse Indonesian dates, numbers, region codes and kelurahan names from text.

Every parser works on a column at once and returns the parsed values with the
reason (Bahasa Indonesia) for each value it could not read, so the caller can
quarantine rows instead of dropping them. Parsers work on the distinct values of
a column and map the answers back, which keeps a million-row line list fast.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from geo.text import t

logger = logging.getLogger(__name__)

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

DATE_ORDERS: tuple[str, ...] = ("hb", "bh")  # hari-bulan (day first), bulan-hari
EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # Excel's day 0 (it counts 1900-02-29)
EXCEL_SERIAL_RANGE = (20_000, 80_000)  # 1954-10-03 to 2119-01-10
MISSING_WORDS = frozenset({"", "-", "–", "n/a", "na", "nan", "none", "null", "#n/a"})
NAME_PREFIXES = ("kelurahan", "kel", "desa", "ds", "kecamatan", "kec")
MATCH_SUGGEST_SCORE = 80.0  # below this rapidfuzz score no name is suggested

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2}|\d{4})$")
_WORD_DATE = re.compile(r"^(\d{1,2})[\s\-/.]*([a-z]+)\.?[\s\-/.,]*(\d{2}|\d{4})$")
_SERIAL = re.compile(r"^\d{5}(?:[.,]0+)?$")
_PUNCTUATION = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class ParsedColumn:
    """Values parsed from one column, with a reason where a value was not read.

    ``values`` is aligned with the input; ``problems`` holds the reason (Bahasa
    Indonesia) for each position whose text could not be read, and <NA> where
    the value is fine (a missing value is fine unless the caller says otherwise).
    """

    values: pd.Series
    problems: pd.Series


@dataclass(frozen=True)
class DateColumn:
    """Dates parsed from one column with the day/month order decided for it."""

    values: pd.Series
    problems: pd.Series
    order: str | None
    is_ambiguous: bool


@dataclass(frozen=True)
class NameMatch:
    """Kelurahan codes matched from names, and the suggestions to confirm."""

    kode: pd.Series
    problems: pd.Series
    suggestions: dict[str, str]


def is_missing_text(values: pd.Series) -> pd.Series:
    """Return True where the text is empty or a missing-value word ("-", "N/A")."""
    lowered = values.fillna("").astype(str).str.strip().str.lower()
    return lowered.isin(MISSING_WORDS)


def map_distinct(values: pd.Series, func: Callable[[str], Any]) -> pd.Series:
    """Return ``func(text)`` for each value, calling it once per distinct text.

    Values are stripped and missing ones become "". Distinct values are found
    with ``pd.factorize``, so a million rows with a few hundred distinct names
    cost a few hundred calls.
    """
    text = values.fillna("").astype(str).str.strip()
    codes, uniques = pd.factorize(text)
    answers = np.empty(len(uniques), dtype=object)
    for position, value in enumerate(uniques):  # element-wise: answers may be tuples
        answers[position] = func(str(value))
    return pd.Series(answers[codes], index=values.index, dtype=object)


def _by_unique(
    values: pd.Series, parse: Callable[[str], tuple[float | None, str | None]]
) -> tuple[pd.Series, pd.Series]:
    """Apply ``parse(text) -> (number, problem)`` to distinct values, map back."""
    text = values.fillna("").astype(str).str.strip()
    codes, uniques = pd.factorize(text)
    parsed = [parse(str(value)) for value in uniques]
    numbers = np.array(
        [np.nan if item[0] is None else item[0] for item in parsed], dtype=float
    )
    problems = np.empty(len(parsed), dtype=object)
    problems[:] = [item[1] for item in parsed]
    return (
        pd.Series(numbers[codes], index=values.index, dtype=float),
        pd.Series(problems[codes], index=values.index, dtype=object),
    )


def parse_count(text: str) -> tuple[float | None, str | None]:
    """Return a whole non-negative count read from Indonesian text, or a problem."""
    if text.lower() in MISSING_WORDS:
        return None, None
    number = _parse_indonesian_number(text)
    if number is None:
        return None, t("intake_count_not_number", value=text)
    if number < 0:
        return None, t("intake_count_negative", value=text)
    if number != int(number):
        return None, t("intake_count_fraction", value=text)
    return float(number), None


def _parse_indonesian_number(text: str) -> float | None:
    """Read '1.234', '1.234,5', '12,0' or '-3'; '.' groups thousands, ',' decimals."""
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?", cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[+-]?\d+(,\d+)?", cleaned):
        cleaned = cleaned.replace(",", ".")
    elif not re.fullmatch(r"[+-]?\d*\.\d+", cleaned):
        return None
    return float(cleaned)


def parse_counts(values: pd.Series) -> ParsedColumn:
    """Return counts as nullable Int64, with a problem for fractional or negative.

    Parameters
    ----------
    values : pd.Series
        Text as read from the file ("1.234", "12", "N/A", "3,5").

    Returns
    -------
    ParsedColumn
        Int64 counts (<NA> for empty cells) and the problem per position.
    """
    numbers, problems = _by_unique(values, parse_count)
    counts = pd.array(numbers.to_numpy(), dtype="Float64").astype("Int64")
    return ParsedColumn(pd.Series(counts, index=values.index), problems)


def parse_coordinate(text: str) -> tuple[float | None, str | None]:
    """Return a coordinate in degrees from '-7.48', '-7,48' or '110.2', or a problem."""
    if text.lower() in MISSING_WORDS:
        return None, None
    cleaned = text.replace(" ", "").replace(",", ".")
    try:
        return float(cleaned), None
    except ValueError:
        return None, t("intake_coord_not_number", value=text)


def parse_coordinates(values: pd.Series) -> ParsedColumn:
    """Return coordinates as float (NaN when empty) with a problem per position."""
    numbers, problems = _by_unique(values, parse_coordinate)
    return ParsedColumn(numbers.astype("float64"), problems)


def _two_digit_year(year: int) -> int:
    # LIMITATION: two-digit years are read as 1970-2069.
    return year + (2000 if year < 70 else 1900) if year < 100 else year


def _date_parts(text: str) -> tuple[str, tuple[int, int, int]] | None:
    """Classify a date text as ('iso'|'word'|'serial'|'numeric', parts)."""
    lowered = text.lower().strip()
    if match := _ISO_DATE.match(lowered):
        year, month, day = (int(part) for part in match.groups())
        return "iso", (year, month, day)
    if match := _WORD_DATE.match(lowered):
        month = MONTHS.get(match.group(2))
        if month is None:
            return None
        return "word", (_two_digit_year(int(match.group(3))), month, int(match[1]))
    if _SERIAL.match(lowered):
        return "serial", (int(re.split(r"[.,]", lowered)[0]), 0, 0)
    if match := _NUMERIC_DATE.match(lowered):
        first, second, year = (int(part) for part in match.groups())
        return "numeric", (_two_digit_year(year), first, second)
    return None


def _make_date(year: int, month: int, day: int) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        return None


def _decide_order(parts: list[tuple[int, int, int]]) -> tuple[str | None, bool]:
    """Return the day/month order that fits a column, and whether it is ambiguous."""
    fits_day_first = sum(1 for _, first, second in parts if second <= 12)
    fits_month_first = sum(1 for _, first, second in parts if first <= 12)
    is_differing = any(first != second for _, first, second in parts)
    if not parts or not is_differing:
        return "hb", False
    if fits_day_first == len(parts) and fits_month_first == len(parts):
        return None, True
    return ("hb" if fits_day_first >= fits_month_first else "bh"), False


def parse_dates(values: pd.Series, order: str | None = None) -> DateColumn:
    """Return dates read from Indonesian text, the day/month order decided per column.

    Parameters
    ----------
    values : pd.Series
        Text: "23/09/2020", "3-9-20", "23 Sep 2020", "23 Agustus 2020",
        "2020-09-23", or Excel serial numbers such as "44097".
    order : {"hb", "bh"} or None
        Day first ("hb", hari-bulan) or month first ("bh") for numeric dates;
        None to decide from the column.

    Returns
    -------
    DateColumn
        datetime64 values (NaT where unread), the problem per position, the
        order used and ``is_ambiguous`` when every numeric value fits both
        orders and none was given: then no numeric date is read.

    Notes
    -----
    The order is decided for the whole column, never row by row: a file that
    mixes "03/04/2020" and "13/04/2020" is read day first throughout.
    """
    text = values.fillna("").astype(str).str.strip()
    codes, uniques = pd.factorize(text)
    classified = [
        None if str(value).lower() in MISSING_WORDS else _date_parts(str(value))
        for value in uniques
    ]
    numeric = [item[1] for item in classified if item and item[0] == "numeric"]
    is_ambiguous = False
    if order is None:
        order, is_ambiguous = _decide_order(numeric)
    parsed = [
        (None, None)
        if str(value).lower() in MISSING_WORDS
        else _read_date(str(value), item, order)
        for value, item in zip(uniques, classified, strict=True)
    ]

    dates = np.array(
        [
            np.datetime64("NaT") if date is None else date.to_datetime64()
            for date, _ in parsed
        ],
        dtype="datetime64[ns]",
    )
    problems = np.empty(len(parsed), dtype=object)
    problems[:] = [problem for _, problem in parsed]
    return DateColumn(
        pd.Series(dates[codes], index=values.index),
        pd.Series(problems[codes], index=values.index, dtype=object),
        order,
        is_ambiguous,
    )


def _read_date(
    text: str, item: tuple[str, tuple[int, int, int]] | None, order: str | None
) -> tuple[pd.Timestamp | None, str | None]:
    if item is None:
        return None, t("intake_date_unread", value=text)
    kind, (year, first, second) = item
    if kind == "serial":
        low, high = EXCEL_SERIAL_RANGE
        if not low <= year <= high:
            return None, t("intake_date_unread", value=text)
        return EXCEL_EPOCH + pd.Timedelta(days=year), None
    if kind == "numeric":
        if order is None:
            return None, t("intake_date_ambiguous", value=text)
        month, day = (second, first) if order == "hb" else (first, second)
    else:
        month, day = first, second
    date = _make_date(year, month, day)
    if date is None:
        return None, t("intake_date_unread", value=text)
    return date, None


def digits_of_code(text: str) -> str:
    """Return the digits of a code written with or without dots ("33.71.01.1003")."""
    cleaned = text.strip()
    if re.fullmatch(r"\d+\.0+", cleaned):  # a code saved through a float column
        cleaned = cleaned.split(".")[0]
    return re.sub(r"[.\s\-]", "", cleaned)


def dotted_code(digits: str) -> str | None:
    """Return the Kemendagri code with dots for 2, 4, 6 or 10 digits, else None."""
    if not digits.isdigit():
        return None
    cuts = {2: (2,), 4: (2, 4), 6: (2, 4, 6), 10: (2, 4, 6, 10)}.get(len(digits))
    if cuts is None:
        return None
    pieces, start = [], 0
    for end in cuts:
        pieces.append(digits[start:end])
        start = end
    return ".".join(pieces)


def compose_codes(parts: list[pd.Series]) -> pd.Series:
    """Return 10-digit kelurahan codes from split province/kab/kec/kel columns.

    Leading zeros lost in a spreadsheet are restored: province and kab/kota to
    2 digits; a 4-digit kelurahan part is Kemendagri style (kecamatan to 2
    digits), a shorter one BPS style (kecamatan and kelurahan to 3 digits).
    A row with any empty part gives "".
    """
    prov, kab, kec, kel = (
        part.fillna("").astype(str).map(digits_of_code) for part in parts
    )
    is_kemendagri = kel.str.len() == 4
    kec_padded = kec.str.zfill(2).where(is_kemendagri, kec.str.zfill(3))
    kel_padded = kel.where(is_kemendagri, kel.str.zfill(3))
    composed = prov.str.zfill(2) + kab.str.zfill(2) + kec_padded + kel_padded
    empty = (prov == "") | (kab == "") | (kec == "") | (kel == "")
    return composed.where(~empty, "")


def kemendagri_code(text: str, known: frozenset[str]) -> str | None:
    """Return the dotted Kemendagri kelurahan code for a written code, or None.

    Accepts "33.71.01.1003", "3371011003", and BPS-style 10-digit codes
    (kecamatan "010", kelurahan "003": "3371010003") when exactly one known
    code has that kecamatan and those last three digits.
    """
    digits = digits_of_code(text)
    dotted = dotted_code(digits)
    if dotted in known:
        return dotted
    if len(digits) != 10 or not digits.isdigit() or digits[6] != "0":
        return None
    prefix = f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}."
    candidates = [
        code for code in known if code.startswith(prefix) and code[-3:] == digits[7:]
    ]
    return candidates[0] if len(candidates) == 1 else None


def name_key(text: str) -> str:
    """Return a kelurahan or kecamatan name reduced for matching.

    Case, accents, spaces and punctuation are ignored, and the prefixes Kel.,
    Kelurahan, Desa, Kec. and P. (Pulau) are dropped: "Kel. Kedung-Sari" and
    "KEDUNGSARI" give the same key.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
    lowered = ascii_text.decode().lower().strip()
    words = [word for word in re.split(r"[\s.,:;/]+", lowered) if word]
    while len(words) > 1 and words[0] in NAME_PREFIXES:
        words = words[1:]
    if len(words) > 1 and words[0] in ("p", "pulau"):
        words = words[1:]
    return _PUNCTUATION.sub("", "".join(words))


class KelurahanIndex:
    """Look-up of a region's kelurahan by code and by reduced name."""

    def __init__(self, kelurahan: pd.DataFrame) -> None:
        self.nama = dict(zip(kelurahan["kode"], kelurahan["nama"], strict=True))
        self.codes = frozenset(self.nama)
        kecamatan = kelurahan.get(
            "nama_kecamatan", pd.Series("", index=kelurahan.index)
        ).fillna("")
        self.kecamatan_nama = dict(zip(kelurahan["kode"], kecamatan, strict=True))
        self.kecamatan_key = {
            code: name_key(str(nama)) for code, nama in self.kecamatan_nama.items()
        }
        by_key: dict[str, list[str]] = {}
        for code, nama in self.nama.items():
            by_key.setdefault(name_key(str(nama)), []).append(code)
        self.by_key = by_key

    def match_one(
        self, name: str, kecamatan: str, confirmed: Mapping[str, str]
    ) -> tuple[str | None, str | None, str | None]:
        """Return (kode, problem, suggested kode) for one written name."""
        if name in confirmed and confirmed[name] in self.codes:
            return confirmed[name], None, None
        key = name_key(name)
        codes = self.by_key.get(key, [])
        if len(codes) > 1 and kecamatan:
            in_kecamatan = [
                code
                for code in codes
                if self.kecamatan_key[code] == name_key(kecamatan)
            ]
            if not in_kecamatan:
                return None, self._kecamatan_mismatch(name, kecamatan, codes), None
            codes = in_kecamatan
        if len(codes) == 1:
            return codes[0], None, None
        if len(codes) > 1:
            places = ", ".join(f"{self.nama[code]} ({code})" for code in codes)
            return None, t("intake_name_ambiguous", value=name, places=places), None
        return self._suggest(name, key)

    def _kecamatan_mismatch(self, name: str, kecamatan: str, codes: list[str]) -> str:
        """Say that a shared name's kecamatan matches none of its kelurahan.

        No kode is offered to confirm: a confirmation applies to every row of
        that name, including rows whose kecamatan is right for another one.
        """
        places = ", ".join(
            f"{self.nama[code]} ({self.kecamatan_nama[code]}, {code})" for code in codes
        )
        by_kecamatan = {self.kecamatan_key[code]: code for code in codes}
        best = process.extractOne(
            name_key(kecamatan), list(by_kecamatan), scorer=fuzz.ratio
        )
        if best is None or best[1] < MATCH_SUGGEST_SCORE:
            return t(
                "intake_name_kecamatan", value=name, kecamatan=kecamatan, places=places
            )
        return t(
            "intake_name_kecamatan_suggest",
            value=name,
            kecamatan=kecamatan,
            places=places,
            suggestion=self.kecamatan_nama[by_kecamatan[best[0]]],
        )

    def _suggest(self, name: str, key: str) -> tuple[None, str, str | None]:
        # LIMITATION: only the single best rapidfuzz candidate is offered; a
        # second equally close name is not shown.
        best = process.extractOne(key, list(self.by_key), scorer=fuzz.ratio)
        if best is None or best[1] < MATCH_SUGGEST_SCORE or not key:
            return None, t("intake_name_unknown", value=name), None
        code = self.by_key[best[0]][0]
        return (
            None,
            t("intake_name_suggest", value=name, suggestion=self.nama[code]),
            code,
        )


def match_names(
    names: pd.Series,
    kecamatan: pd.Series | None,
    index: KelurahanIndex,
    confirmed: Mapping[str, str] | None = None,
) -> NameMatch:
    """Return kelurahan codes for written names; doubtful names are not matched.

    Parameters
    ----------
    names : pd.Series
        Kelurahan names as written in the file.
    kecamatan : pd.Series or None
        Kecamatan names, used only to tell apart kelurahan sharing one name.
    index : KelurahanIndex
        The region's kelurahan.
    confirmed : mapping of str to str, optional
        Names the user confirmed, written name -> kode.

    Returns
    -------
    NameMatch
        Codes (<NA> where not matched), the problem per position, and the
        fuzzy suggestions (written name -> kode) for the user to confirm.

    Notes
    -----
    A fuzzy match (rapidfuzz ratio) is only suggested, never applied: the row
    stays quarantined until the user confirms it through ``confirmed``.
    """
    confirmed = confirmed or {}
    kec = kecamatan if kecamatan is not None else pd.Series("", index=names.index)
    name_codes, name_uniques = pd.factorize(names.fillna("").astype(str).str.strip())
    kec_codes, kec_uniques = pd.factorize(kec.fillna("").astype(str).str.strip())
    width = max(len(kec_uniques), 1)
    pair_codes, pairs = pd.factorize(name_codes.astype(np.int64) * width + kec_codes)
    answers = [
        (
            str(name_uniques[pair // width]),
            index.match_one(
                str(name_uniques[pair // width]),
                str(kec_uniques[pair % width]) if len(kec_uniques) else "",
                confirmed,
            ),
        )
        for pair in pairs
    ]

    kode = np.empty(len(answers), dtype=object)
    kode[:] = [item[0] for _, item in answers]
    problems = np.empty(len(answers), dtype=object)
    problems[:] = [item[1] for _, item in answers]
    suggestions = {name: item[2] for name, item in answers if item[2] is not None}
    return NameMatch(
        pd.Series(kode[pair_codes], index=names.index, dtype="string"),
        pd.Series(problems[pair_codes], index=names.index, dtype=object),
        suggestions,
    )
