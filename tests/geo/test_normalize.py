from __future__ import annotations

import pandas as pd
import pytest

from geo.normalize import (
    KelurahanIndex,
    compose_codes,
    kemendagri_code,
    match_names,
    name_key,
    parse_coordinates,
    parse_counts,
    parse_dates,
)

pytest_plugins = ("tests.geo.intake_fixtures",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23/09/2020", "2020-09-23"),
        ("3-9-20", "2020-09-03"),
        ("23 Sep 2020", "2020-09-23"),
        ("23 September 2020", "2020-09-23"),
        ("17 Agustus 2020", "2020-08-17"),
        ("1 Okt 2020", "2020-10-01"),
        ("25 Des 2020", "2020-12-25"),
        ("5 Mei 2021", "2021-05-05"),
        ("2020-10-1", "2020-10-01"),
        ("2020-09-23 00:00:00", "2020-09-23"),
        ("44097", "2020-09-23"),
    ],
    ids=[
        "dd/mm/yyyy",
        "d-m-yy",
        "dd Mon yyyy",
        "dd Month yyyy",
        "Agustus",
        "Okt",
        "Des",
        "Mei",
        "iso-unpadded",
        "iso-time",
        "excel-serial",
    ],
)
def test_reads_indonesian_date_forms(text, expected):
    parsed = parse_dates(pd.Series([text, "13/01/2020"]))

    assert parsed.values.iloc[0] == pd.Timestamp(expected)
    assert parsed.problems.isna().all()


def test_order_is_decided_for_the_whole_column():
    parsed = parse_dates(pd.Series(["03/04/2020", "13/04/2020"]))

    assert parsed.order == "hb"
    assert parsed.values.tolist() == [
        pd.Timestamp("2020-04-03"),
        pd.Timestamp("2020-04-13"),
    ]


def test_month_first_column_is_read_month_first():
    parsed = parse_dates(pd.Series(["04/13/2020", "04/03/2020"]))

    assert parsed.order == "bh"
    assert parsed.values.iloc[1] == pd.Timestamp("2020-04-03")


def test_column_fitting_both_orders_is_a_question_not_a_guess():
    parsed = parse_dates(pd.Series(["03/04/2020", "04/05/2020"]))

    assert parsed.is_ambiguous
    assert parsed.values.isna().all()
    assert parsed.problems.str.contains("hari/bulan atau bulan/hari").all()


def test_answered_order_reads_an_ambiguous_column():
    parsed = parse_dates(pd.Series(["03/04/2020", "04/05/2020"]), order="bh")

    assert parsed.values.tolist() == [
        pd.Timestamp("2020-03-04"),
        pd.Timestamp("2020-04-05"),
    ]


def test_same_day_and_month_is_not_ambiguous():
    assert not parse_dates(pd.Series(["04/04/2020", "05/05/2020"])).is_ambiguous


def test_impossible_date_is_a_problem():
    parsed = parse_dates(pd.Series(["31/02/2020", "bukan tanggal"]))

    assert parsed.values.isna().all()
    assert parsed.problems.str.contains("tidak terbaca").all()


@pytest.mark.parametrize(
    ("text", "value", "problem"),
    [
        ("1.234", 1234, None),
        ("12", 12, None),
        ("12,0", 12, None),
        ("1.234.567", 1234567, None),
        ("3,5", None, "bukan bilangan bulat"),
        ("1.234,5", None, "bukan bilangan bulat"),
        ("-2", None, "negatif"),
        ("abc", None, "bukan angka"),
        ("N/A", None, None),
        ("", None, None),
    ],
    ids=[
        "thousands",
        "plain",
        "comma-zero",
        "millions",
        "fraction",
        "thousands-fraction",
        "negative",
        "text",
        "na",
        "empty",
    ],
)
def test_counts_use_indonesian_separators(text, value, problem):
    parsed = parse_counts(pd.Series([text]))

    if value is None:
        assert pd.isna(parsed.values.iloc[0])
    else:
        assert parsed.values.iloc[0] == value
    if problem is None:
        assert pd.isna(parsed.problems.iloc[0])
    else:
        assert problem in parsed.problems.iloc[0]


def test_coordinates_accept_decimal_comma():
    parsed = parse_coordinates(pd.Series(["-7,4856", "110.2160", "x"]))

    # the parser is exact for these short decimals; tolerance is float rounding
    assert parsed.values.iloc[0] == pytest.approx(-7.4856, abs=1e-12)
    assert parsed.values.iloc[1] == pytest.approx(110.2160, abs=1e-12)
    assert "bukan angka" in parsed.problems.iloc[2]


KNOWN = frozenset({"33.71.01.1003", "33.71.02.1005", "31.01.01.0001"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("33.71.01.1003", "33.71.01.1003"),
        ("3371011003", "33.71.01.1003"),
        ("3371011003.0", "33.71.01.1003"),
        ("3371010003", "33.71.01.1003"),
        ("3371020005", "33.71.02.1005"),
        ("3371999999", None),
        ("", None),
    ],
    ids=["dotted", "digits", "float-text", "bps", "bps-2", "unknown", "empty"],
)
def test_kemendagri_codes_with_or_without_dots(text, expected):
    assert kemendagri_code(text, KNOWN) == expected


def test_split_code_columns_compose_ten_digits_f06():
    parts = [
        pd.Series(["31", "31", "31", "33"]),
        pd.Series(["01", "71", "1", "71"]),
        pd.Series(["010", "010", "10", "1"]),
        pd.Series(["001", "002", "1", "1003"]),
    ]

    composed = compose_codes(parts)

    assert composed.tolist() == ["3101010001", "3171010002", "3101010001", "3371011003"]


def test_split_code_with_an_empty_part_gives_no_code():
    parts = [pd.Series(["31"]), pd.Series(["01"]), pd.Series([""]), pd.Series(["001"])]

    assert compose_codes(parts).tolist() == [""]


@pytest.mark.parametrize(
    "text",
    [
        "Kedungsari",
        "KEDUNGSARI",
        "Kel. Kedung-Sari",
        "Kelurahan Kedung Sari",
        "Desa kedungsari",
    ],
)
def test_name_key_ignores_case_spaces_punctuation_and_prefixes(text):
    assert name_key(text) == "kedungsari"


def test_pulau_prefix_is_ignored():
    assert name_key("P. Untung Jawa") == name_key("PULAU UNTUNG JAWA") == "untungjawa"


def test_fuzzy_match_is_suggested_not_applied(kelurahan_uji):
    index = KelurahanIndex(kelurahan_uji)

    match = match_names(pd.Series(["Kedungsarii", "Magersari"]), None, index)

    assert pd.isna(match.kode.iloc[0])
    assert match.kode.iloc[1] == "33.71.01.1007"
    assert match.suggestions == {"Kedungsarii": "33.71.02.1005"}
    assert (
        match.problems.iloc[0]
        == "kelurahan 'Kedungsarii' tidak dikenal; mungkin 'Kedungsari'?"
    )


def test_confirmed_suggestion_is_applied(kelurahan_uji):
    index = KelurahanIndex(kelurahan_uji)

    match = match_names(
        pd.Series(["Kedungsarii"]), None, index, {"Kedungsarii": "33.71.02.1005"}
    )

    assert match.kode.tolist() == ["33.71.02.1005"]


def test_ambiguous_name_needs_kecamatan(kelurahan_uji):
    index = KelurahanIndex(kelurahan_uji)
    names = pd.Series(["Sukamaju", "Sukamaju", "Sukamaju"])

    without = match_names(names, None, index)
    with_kecamatan = match_names(
        names, pd.Series(["Magelang Tengah", "Kec. Magelang Utara", ""]), index
    )

    assert without.kode.isna().all()
    assert "lebih dari satu kecamatan" in without.problems.iloc[0]
    assert with_kecamatan.kode.tolist()[:2] == ["33.71.03.1004", "33.71.02.1010"]
    assert pd.isna(with_kecamatan.kode.iloc[2])


def test_a_shared_name_with_a_misspelt_kecamatan_is_not_called_unknown(kelurahan_uji):
    # Kota Tegal's scrape writes kecamatan "Marganda" for Margadana, and four
    # desa of Jawa Tengah are called Krandon: the name is known, the kecamatan
    # is not, and no kode is offered to confirm for every "Krandon" row.
    index = KelurahanIndex(kelurahan_uji)
    names = pd.Series(["Sukamaju", "Sukamaju"])

    match = match_names(
        names, pd.Series(["Magelang Tenga", "Kecamatan Atlantis"]), index
    )

    assert match.kode.isna().all()
    close, far = match.problems.tolist()
    assert "tidak dikenal" not in close
    assert "kecamatan 'Magelang Tenga' tidak cocok" in close
    assert "mungkin maksudnya kecamatan 'Magelang Tengah'?" in close
    assert "33.71.03.1004" in close and "33.71.02.1010" in close
    assert "mungkin" not in far
    assert match.suggestions == {}
