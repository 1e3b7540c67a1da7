from __future__ import annotations

import math

import pandas as pd
import pytest

from geo import text


@pytest.mark.parametrize("missing", [None, math.nan, pd.NA], ids=["none", "nan", "na"])
def test_missing_values_show_a_dash(missing):
    assert text.fmt_int(missing) == "–"
    assert text.fmt_num(missing) == "–"
    assert text.fmt_signed(missing) == "–"


def test_indonesian_number_format():
    assert text.fmt_int(1234567) == "1.234.567"
    assert text.fmt_num(1234.56, 1) == "1.234,6"
    assert text.fmt_signed(-1500) == "−1.500"
    assert text.fmt_signed(3) == "+3"


def test_catalogue_fills_values():
    assert "'99'" in text.t("err_wilayah_unknown", value="99", choices="31")


def test_stored_utc_times_are_shown_in_the_command_center_s_zone(monkeypatch):
    from geo.text import local_time

    assert local_time("2020-10-06T07:05:00") == "06-10-2020 14:05 WIB"
    monkeypatch.setenv("CC_TIMEZONE", "Asia/Jayapura")
    assert local_time(pd.Timestamp("2020-10-06 07:05")) == "06-10-2020 16:05 WIT"
    monkeypatch.setenv("CC_TIMEZONE", "Mars/Olympus")
    assert local_time("2020-10-06 07:05") == "06-10-2020 07:05 UTC"
    assert local_time(None) == "–"


def test_a_late_utc_edit_falls_on_the_next_local_day(monkeypatch):
    from geo.text import local_day

    monkeypatch.delenv("CC_TIMEZONE", raising=False)
    assert local_day("2020-10-06 23:30") == pd.Timestamp("2020-10-07")
    assert local_day("2020-10-06") == pd.Timestamp("2020-10-06")  # a bare date stays


def test_today_is_the_command_center_s_day_not_the_server_s(monkeypatch):
    monkeypatch.delenv("CC_TIMEZONE", raising=False)
    # 23:00 UTC on 5 October is 06:00 WIB on 6 October
    monkeypatch.setattr(text, "utc_now", lambda: pd.Timestamp("2020-10-05 23:00Z"))

    assert text.local_today() == pd.Timestamp("2020-10-06")


@pytest.mark.parametrize(
    ("setting", "zone"),
    [
        ("", "Asia/Jakarta"),
        ("  Asia/Jakarta ", "Asia/Jakarta"),
        ("asia/makassar", "Asia/Makassar"),
        ("WIT", "Asia/Jayapura"),
        ("wib", "Asia/Jakarta"),
        ("Mars/Olympus", "UTC"),
    ],
)
def test_a_zone_setting_is_read_forgivingly(setting, zone):
    assert text.command_center_zone(setting) == zone
