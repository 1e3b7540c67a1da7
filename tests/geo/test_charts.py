from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest

from geo import charts
from geo.errors import GeoInputError
from tests.geo.export_support import (
    jakarta_monthly_series,
    magelang_scrape_cases,
    three_kelurahan_cases,
)

COMMON = {"title": "Judul uji", "subtitle": "Data per 6 Okt 2020", "source": "Uji"}


def daily_series(cumulative: list[int], start: str = "2020-09-01") -> pd.DataFrame:
    dates = pd.date_range(start, periods=len(cumulative), freq="D")
    return pd.DataFrame({"tanggal": dates, "positif": cumulative})


def test_template_is_registered_with_indonesian_separators_and_okabe_ito():
    name = charts.register_template()

    layout = pio.templates[name].layout
    assert layout.separators == ",."
    assert list(layout.colorway) == list(charts.COLORWAY)
    assert "#0072B2" in layout.colorway


def test_daily_periods_have_new_cases_and_a_seven_day_average():
    series = daily_series([10, 12, 15, 15, 20, 21, 30, 31, 40])

    periods = charts.epidemic_periods(series)

    assert periods.cadence == "harian"
    assert periods.table["baru"].tolist()[1:] == [2, 3, 0, 5, 1, 9, 1, 9]
    assert pd.isna(periods.table["baru"].iloc[0])
    # day 8 averages the new cases of days 2-8: (2+3+0+5+1+9+1) / 7
    assert periods.table["rata_7_hari"].iloc[7] == pytest.approx(21 / 7, abs=1e-12)
    assert np.isnan(periods.table["rata_7_hari"].iloc[6])
    assert any("harian" in note for note in periods.notes)


def test_irregular_magelang_dates_are_labelled_per_period():
    periods = charts.epidemic_periods(magelang_scrape_cases())

    assert periods.cadence == "tidak_teratur"
    table = periods.table.set_index("tanggal")
    # 25 Sep -> 28 Sep is a 3-day gap holding 8 new cases (region totals 166 -> 174)
    assert table.loc["2020-09-28", "hari"] == 3
    assert table.loc["2020-09-28", "baru"] == 8
    assert table.loc["2020-09-28", "rata_per_hari"] == pytest.approx(8 / 3, abs=1e-9)
    assert table["rata_7_hari"].isna().all()
    assert any("jeda 3 hari" in note for note in periods.notes)


def test_monthly_jakarta_dates_are_labelled_per_month():
    periods = charts.epidemic_periods(jakarta_monthly_series())

    assert periods.cadence == "bulanan"
    assert len(periods.table) == 17
    assert periods.table["rata_7_hari"].isna().all()
    figure = charts.epidemic_curve(jakarta_monthly_series(), **COMMON)
    assert figure.data[0].name == "Kasus baru per bulan"
    assert len(figure.data) == 1  # no daily average line beside monthly totals


def test_falling_cumulative_count_is_reported_as_a_correction():
    periods = charts.epidemic_periods(daily_series([10, 12, 11, 15]))

    assert periods.table["baru"].tolist()[1:] == [2, -1, 4]
    assert any("koreksi" in note for note in periods.notes)


def test_epidemic_curve_takes_the_leads_call_with_optional_status_columns():
    series = three_kelurahan_cases()

    figure = charts.epidemic_curve(
        series, title="Kurva", subtitle="Data per 6 Okt 2020", source="Dinkes"
    )

    assert "Kurva" in figure.layout.title.text
    assert figure.layout.title.subtitle.text == "Data per 6 Okt 2020"
    assert figure.layout.template.layout.separators == ",."
    assert "Sumber: Dinkes" in figure.layout.annotations[0].text
    # rows per kelurahan are summed: 1.231 -> 1.237 is 6 new cases
    assert list(figure.data[0].y) == [6.0]


def test_public_epidemic_curve_hides_counts_one_to_four():
    series = daily_series([10, 12, 20, 20])

    shown = charts.epidemic_curve(series, **COMMON)
    public = charts.epidemic_curve(series, **COMMON, public=True)

    assert [row[1] for row in shown.data[0].customdata] == ["2", "8", "0"]
    assert [row[1] for row in public.data[0].customdata] == ["<5", "8", "0"]
    assert list(public.data[0].y) == [0.0, 8.0, 0.0]
    assert list(public.data[0].text) == ["<5", "", ""]
    assert "<5" in public.layout.annotations[0].text


def test_cumulative_by_status_stacks_each_status_with_suppressed_hover():
    figure = charts.cumulative_by_status(three_kelurahan_cases(), **COMMON, public=True)

    names = [trace.name for trace in figure.data]
    assert names == ["Dirawat", "Isolasi mandiri", "Sembuh", "Meninggal"]
    assert {trace.stackgroup for trace in figure.data} == {"status"}
    # isolasi total on 6 Oct is 21 and dirawat 11: shown; nothing 1-4 here
    assert figure.data[1].customdata[1][1] == "21"
    assert figure.data[0].customdata[1][1] == "11"


def test_kecamatan_comparison_puts_largest_on_top_and_hides_small_counts():
    table = pd.DataFrame({"nama_kecamatan": ["A", "B", "C"], "positif": [1234, 3, 40]})

    figure = charts.kecamatan_comparison(
        table, value_column="positif", value_label="Positif", **COMMON, public=True
    )

    bar = figure.data[0]
    assert list(bar.y) == ["B", "C", "A"]  # plotly draws the last category on top
    assert list(bar.text) == ["<5", "40", "1.234"]
    assert list(bar.x) == [0.0, 40.0, 1234.0]


def test_top_kelurahan_keeps_n_largest_with_kecamatan_in_label():
    table = pd.DataFrame(
        {
            "nama": ["K1", "K2", "K3", "K4"],
            "nama_kecamatan": ["X", "X", "Y", "Y"],
            "positif": [5, 50, 2, 20],
        }
    )

    figure = charts.top_kelurahan(
        table, value_column="positif", value_label="Positif", n=3, **COMMON
    )

    assert list(figure.data[0].y) == ["K1 (X)", "K4 (Y)", "K2 (X)"]


def test_facility_occupancy_in_percent_with_suppressed_occupied_beds():
    table = pd.DataFrame(
        {"nama": ["RS A", "RS B"], "terisi": [45, 2], "kapasitas": [50, 10]}
    )

    figure = charts.facility_occupancy(table, **COMMON, public=True)

    bar = figure.data[0]
    values = dict(zip(bar.y, bar.x, strict=True))
    assert values["RS A"] == pytest.approx(90.0, abs=1e-9)  # 45 of 50 beds
    assert values["RS B"] == pytest.approx(0.0, abs=1e-12)  # hidden: 2 beds
    assert "<5 dari 10 terisi" in list(bar.text)


def test_resource_stock_draws_one_line_per_resource():
    table = pd.DataFrame(
        {
            "tanggal": pd.to_datetime(["2020-10-01", "2020-10-02"] * 2),
            "sumber_daya": ["Kit tes", "Kit tes", "Oksigen", "Oksigen"],
            "stok": [5000, 4200, 30, 28],
        }
    )

    figure = charts.resource_stock(table, **COMMON)

    assert sorted(trace.name for trace in figure.data) == ["Kit tes", "Oksigen"]


def test_scenario_comparison_has_a_panel_per_indicator_with_indonesian_numbers():
    table = pd.DataFrame(
        {
            "skenario": ["A", "A", "B", "B"],
            "indikator": ["Terjangkau (%)", "Jarak (km)"] * 2,
            "nilai": [81.25, 1234.5, 90.0, 2.0],
        }
    )

    figure = charts.scenario_comparison(table, **COMMON)

    # one panel per indicator: units differ, so they never share an axis
    assert [trace.name for trace in figure.data] == ["Terjangkau (%)", "Jarak (km)"]
    assert [trace.yaxis for trace in figure.data] == ["y", "y2"]
    assert list(figure.data[0].x) == ["A", "B"]
    assert list(figure.data[0].text) == ["81,2", "90,0"]
    assert list(figure.data[1].text) == ["1.234,5", "2,0"]
    assert figure.data[0].marker.color == figure.data[1].marker.color
    titles = [note.text for note in figure.layout.annotations]
    assert {"Terjangkau (%)", "Jarak (km)", "Sumber: Uji"} <= set(titles)


def test_missing_column_is_reported_in_bahasa_indonesia():
    with pytest.raises(GeoInputError, match="tidak punya kolom positif"):
        charts.epidemic_curve(pd.DataFrame({"tanggal": []}), **COMMON)


def test_empty_series_is_reported():
    empty = pd.DataFrame({"tanggal": pd.to_datetime([]), "positif": []})

    with pytest.raises(GeoInputError, match="Tidak ada data"):
        charts.epidemic_curve(empty, **COMMON)


def test_a_long_source_is_wrapped_and_the_bottom_margin_grows():
    source = (
        "Riwayat data COVID-19 DKI Jakarta per kelurahan (Standar Kelurahan Data "
        "Corona), snapshot akhir bulan, diunduh dari riwayat-file-covid-19"
    )
    table = pd.DataFrame(
        {"tanggal": pd.to_datetime(["2020-10-01", "2020-10-02"]), "positif": [3, 5]}
    )

    figure = charts.epidemic_curve(
        table, title="Kurva", subtitle="Data sampai 2 Oktober 2020", source=source
    )

    text = figure.layout.annotations[-1].text
    lines = text.split("<br>")
    assert len(lines) >= 2
    assert max(len(line) for line in lines) <= charts.SOURCE_LINE_CHARS
    assert " ".join(lines) == f"Sumber: {source}"
    assert figure.layout.margin.b == charts.BOTTOM_MARGIN_PX + 14 * (len(lines) - 2)


def test_a_curve_up_to_the_first_date_says_why_it_has_no_bars():
    series = pd.DataFrame(
        {"tanggal": pd.to_datetime(["2020-09-23"] * 2), "positif": [3, 4]}
    )

    fig = charts.epidemic_curve(series, title="Kasus", subtitle="s", source="Dinkes")

    assert len(fig.data) == 0
    assert fig.layout.annotations[-1].text.startswith(
        "23 Sep 2020 adalah tanggal data pertama: 7 kasus konfirmasi."
    )
    assert fig.layout.xaxis.visible is False
