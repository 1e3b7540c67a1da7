"""Plotly chart builders in one house style, with Bahasa Indonesia labels.

Every builder takes a small frame (its columns are listed in its docstring) plus
``title``, ``subtitle`` (carry the data date there) and ``source``, and returns a
``go.Figure`` that uses the registered template :data:`TEMPLATE_NAME`: Okabe-Ito
colours (safe for colour-blind readers), Indonesian number format (1.234,5) and a
source line under the plot. With ``public=True`` counts from 1 to 4 are shown as
"<5" in labels and hover text, and their bars are not drawn.
"""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from geo.errors import GeoInputError
from geo.export import count_label, date_label, is_small_count
from geo.text import fmt_int, fmt_num, t

logger = logging.getLogger(__name__)

TEMPLATE_NAME = "petaruang"
WIDTH_PX = 1000  # 16:9 slide at scale 2 gives 2000 x 1124 px
HEIGHT_PX = 562
BOTTOM_MARGIN_PX = 125  # room for the axis title and two source lines
SOURCE_LINE_CHARS = 70  # a source line fits a chart in a third of a big screen
SMALL_COUNT_AXIS = 6  # below this largest count, ticks go 0, 1, 2, ...
FONT_FAMILY = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
# Okabe & Ito (2008), "Color Universal Design": distinguishable by readers with
# any common colour-vision deficiency.
OKABE_ITO: dict[str, str] = {
    "biru": "#0072B2",
    "jingga": "#E69F00",
    "hijau": "#009E73",
    "merah": "#D55E00",
    "biru_muda": "#56B4E9",
    "ungu": "#CC79A7",
    "kuning": "#F0E442",
    "hitam": "#000000",
}
COLORWAY: tuple[str, ...] = tuple(OKABE_ITO.values())
STATUS_COLUMNS: tuple[str, ...] = ("dirawat", "isolasi", "sembuh", "meninggal")
STATUS_COLORS: dict[str, str] = {
    "dirawat": OKABE_ITO["merah"],
    "isolasi": OKABE_ITO["jingga"],
    "sembuh": OKABE_ITO["hijau"],
    "meninggal": "#4D4D4D",
}
MOVING_AVERAGE_DAYS = 7
MONTHLY_GAP_DAYS = (28, 31)
DAY_MS = 86_400_000


@dataclass(frozen=True)
class EpidemicPeriods:
    """New cases per period derived from cumulative counts.

    Attributes
    ----------
    table : pd.DataFrame
        One row per data date: ``tanggal`` (period end), ``awal`` (previous data
        date, NaT for the first), ``hari`` (period length in days, <NA> for the
        first), ``baru`` (new cases in the period, Int64, <NA> for the first),
        ``rata_per_hari`` (``baru / hari``) and ``rata_7_hari`` (7-day moving
        average, only when the dates are daily without gaps, else NaN).
    cadence : str
        ``"harian"`` (daily, no gaps), ``"bulanan"`` (every 28-31 days) or
        ``"tidak_teratur"`` (anything else).
    notes : tuple[str, ...]
        Caveats in Bahasa Indonesia.
    """

    table: pd.DataFrame
    cadence: str
    notes: tuple[str, ...]


def register_template() -> str:
    """Register the house plotly template (idempotent) and return its name.

    Returns
    -------
    str
        :data:`TEMPLATE_NAME`, usable as ``fig.update_layout(template=...)``.
    """
    pio.templates[TEMPLATE_NAME] = chart_template()
    return TEMPLATE_NAME


def chart_template() -> go.layout.Template:
    """Return the house plotly template: colours, fonts, number format, margins."""
    axis = {
        "showgrid": True,
        "gridcolor": "#E5E5E5",
        "zeroline": False,
        "linecolor": "#7F7F7F",
        "ticks": "outside",
        "tickcolor": "#7F7F7F",
        "title": {"standoff": 8},
        "automargin": True,
    }
    layout = go.Layout(
        colorway=list(COLORWAY),
        separators=",.",
        font={"family": FONT_FAMILY, "size": 13, "color": "#222222"},
        title={
            "x": 0.0,
            "xref": "paper",
            "xanchor": "left",
            "y": 0.975,
            "yref": "container",
            "yanchor": "top",
            "font": {"size": 19},
        },
        paper_bgcolor="white",
        plot_bgcolor="white",
        width=WIDTH_PX,
        height=HEIGHT_PX,
        margin={"l": 70, "r": 40, "t": 125, "b": BOTTOM_MARGIN_PX},
        legend={
            "orientation": "h",
            "y": 1.02,
            "yanchor": "bottom",
            "x": 0,
            "traceorder": "normal",
        },
        hoverlabel={"font": {"family": FONT_FAMILY}},
        xaxis=axis,
        yaxis={**axis, "tickformat": ",~r"},
        bargap=0.15,
    )
    return go.layout.Template(layout=layout)


def epidemic_periods(series: pd.DataFrame) -> EpidemicPeriods:
    """Return new cases per period from a cumulative series, labelled honestly.

    Parameters
    ----------
    series : pd.DataFrame
        Columns ``tanggal`` (dates) and ``positif`` (CUMULATIVE confirmed
        cases). Several rows per date (one per kelurahan) are summed.

    Returns
    -------
    EpidemicPeriods
        New cases per period with the cadence of the dates and notes.

    Raises
    ------
    GeoInputError
        If a column is missing or there is no dated row.
    """
    _check_columns(series, ("tanggal", "positif"), t("eks_baru_periode"))
    daily = _total_by_date(series, ("positif",))
    if daily.empty:
        raise GeoInputError(t("err_eks_kosong", apa=t("eks_baru_periode")))

    gaps = daily["tanggal"].diff().dt.days
    cadence = _cadence(gaps.iloc[1:])
    new_cases = daily["positif"].diff()
    table = pd.DataFrame(
        {
            "tanggal": daily["tanggal"],
            "awal": daily["tanggal"].shift(1),
            "hari": gaps.astype("Int64"),
            "baru": new_cases.astype("Int64"),
        }
    )
    table["rata_per_hari"] = table["baru"].astype("Float64") / table["hari"]
    if cadence == "harian":
        rolling = table["baru"].astype("float").rolling(MOVING_AVERAGE_DAYS)
        table["rata_7_hari"] = rolling.mean()
    else:
        table["rata_7_hari"] = np.nan

    notes = _period_notes(table, cadence, gaps)
    return EpidemicPeriods(
        table=table.reset_index(drop=True), cadence=cadence, notes=notes
    )


def epidemic_curve(
    series: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    source: str,
    public: bool = False,
) -> go.Figure:
    """Return the epidemic curve: new cases per day or period, with an average.

    Parameters
    ----------
    series : pd.DataFrame
        Columns ``tanggal`` and ``positif`` (CUMULATIVE); optional ``meninggal``,
        ``sembuh``, ``dirawat``, ``isolasi`` are accepted and ignored here (see
        :func:`cumulative_by_status`). Rows per kelurahan are summed per date.
    title, subtitle, source : str
        Chart title, subtitle (give the data date) and source line.
    public : bool
        Show counts 1 to 4 as "<5" and do not draw their bars.

    Returns
    -------
    go.Figure
        Bars of new cases per day (daily dates, with a 7-day moving average),
        per month (monthly dates, no average line) or since the previous data
        date (irregular dates, each bar spanning its period, with the average
        per day in the period).

    Raises
    ------
    GeoInputError
        If a column is missing or there is no dated row.
    """
    periods = epidemic_periods(series)
    rows = periods.table.iloc[1:]  # the first date has no previous one

    # LIMITATION: a public release hides bars and labels of 1-4, but lines and
    # stacked areas still move with them; a hidden count can be worked back.

    fig = _styled_figure(title, subtitle, source, public=public)
    if rows.empty:
        # one date only: new cases need a date before it; say so on the chart
        first = _total_by_date(series, ("positif",)).iloc[0]
        fig.add_annotation(
            text=t(
                "eks_kurva_satu_tanggal",
                tanggal=date_label(first["tanggal"]),
                jumlah=count_label(first["positif"], public=public),
            ),
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
            showarrow=False,
        )
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return fig
    fig.add_trace(_period_bars(rows, periods.cadence, public=public))
    if periods.cadence != "bulanan":  # a daily rate beside monthly totals is unreadable
        fig.add_trace(_period_line(rows, periods.cadence))

    fig.update_layout(
        xaxis={"title": {"text": t("eks_tanggal")}, "type": "date"},
        yaxis={"title": {"text": t("eks_jumlah_kasus")}},
    )
    _date_ticks(fig, periods.table["tanggal"])
    _whole_count_ticks(fig, rows["baru"] if "baru" in rows else None)
    return fig


def _whole_count_ticks(fig: go.Figure, counts: pd.Series | None) -> None:
    """Keep a count axis on whole numbers when the counts are small (no "0,5")."""
    if counts is None:
        return
    largest = pd.to_numeric(counts, errors="coerce").abs().max()
    if pd.isna(largest) or largest < SMALL_COUNT_AXIS:
        fig.update_yaxes(dtick=1, tick0=0, rangemode="tozero")


def cumulative_by_status(
    series: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    source: str,
    public: bool = False,
) -> go.Figure:
    """Return stacked areas of CUMULATIVE cases by status over time.

    Parameters
    ----------
    series : pd.DataFrame
        Column ``tanggal`` and at least one of ``dirawat``, ``isolasi``,
        ``sembuh``, ``meninggal`` (cumulative counts, summed per date).
    title, subtitle, source : str
        Chart title, subtitle (give the data date) and source line.
    public : bool
        Show counts 1 to 4 as "<5" in the hover text.

    Returns
    -------
    go.Figure
        One stacked area per status present (dirawat, isolasi, sembuh, meninggal).

    Raises
    ------
    GeoInputError
        If ``tanggal`` or every status column is missing, or there is no row.
    """
    statuses = [name for name in STATUS_COLUMNS if name in series.columns]
    if not statuses:
        _check_columns(series, ("tanggal", *STATUS_COLUMNS), title)
    _check_columns(series, ("tanggal",), title)
    daily = _total_by_date(series, tuple(statuses))
    if daily.empty:
        raise GeoInputError(t("err_eks_kosong", apa=title))

    fig = _styled_figure(title, subtitle, source, public=public)
    dates = [date_label(value) for value in daily["tanggal"]]
    for status in statuses:
        name = t(f"eks_status_{status}")
        labels = [count_label(value, public=public) for value in daily[status]]
        fig.add_trace(
            go.Scatter(
                x=daily["tanggal"],
                y=daily[status].astype("float"),
                name=name,
                mode="lines",
                stackgroup="status",
                line={"width": 0.5, "color": STATUS_COLORS[status]},
                fillcolor=STATUS_COLORS[status],
                customdata=np.column_stack([dates, labels]),
                hovertemplate=(
                    f"{name}<br>%{{customdata[0]}}: %{{customdata[1]}}<extra></extra>"
                ),
            )
        )

    fig.update_layout(
        xaxis={"title": {"text": t("eks_tanggal")}, "type": "date"},
        yaxis={"title": {"text": t("eks_orang")}},
    )
    _date_ticks(fig, daily["tanggal"])
    return fig


def kecamatan_comparison(
    table: pd.DataFrame,
    *,
    value_column: str,
    value_label: str,
    title: str,
    subtitle: str,
    source: str,
    is_count: bool = True,
    public: bool = False,
) -> go.Figure:
    """Return horizontal bars comparing kecamatan, largest at the top.

    Parameters
    ----------
    table : pd.DataFrame
        One row per kecamatan: ``nama_kecamatan`` and ``value_column``.
    value_column : str
        Column to compare (e.g. ``positif``).
    value_label : str
        Axis title for that value, in Bahasa Indonesia.
    title, subtitle, source : str
        Chart title, subtitle (give the data date) and source line.
    is_count : bool
        Whether the value counts people (then 1 to 4 may be hidden); rates are
        shown with one decimal.
    public : bool
        Show counts 1 to 4 as "<5" and do not draw their bars.

    Returns
    -------
    go.Figure

    Raises
    ------
    GeoInputError
        If a column is missing or the table is empty.
    """
    _check_columns(table, ("nama_kecamatan", value_column), title)
    labels = table["nama_kecamatan"].astype(str).tolist()
    return _ranked_bars(
        labels,
        table[value_column],
        value_label=value_label,
        title=title,
        subtitle=subtitle,
        source=source,
        is_count=is_count,
        public=public,
    )


def top_kelurahan(
    table: pd.DataFrame,
    *,
    value_column: str,
    value_label: str,
    title: str,
    subtitle: str,
    source: str,
    n: int = 10,
    is_count: bool = True,
    public: bool = False,
) -> go.Figure:
    """Return horizontal bars of the ``n`` kelurahan with the largest value.

    Parameters
    ----------
    table : pd.DataFrame
        One row per kelurahan: ``nama``, ``value_column`` and optionally
        ``nama_kecamatan`` (shown in brackets after the name).
    value_column, value_label : str
        Column to rank by and its axis title.
    title, subtitle, source : str
        Chart title, subtitle (give the data date) and source line.
    n : int
        Number of kelurahan shown.
    is_count : bool
        Whether the value counts people (then 1 to 4 may be hidden).
    public : bool
        Show counts 1 to 4 as "<5" and do not draw their bars.

    Returns
    -------
    go.Figure

    Raises
    ------
    GeoInputError
        If a column is missing or the table is empty.
    """
    _check_columns(table, ("nama", value_column), title)
    ranked = table.sort_values(value_column, ascending=False, na_position="last")
    ranked = ranked.head(n)
    labels = ranked["nama"].astype(str)
    if "nama_kecamatan" in ranked.columns:
        labels = labels + " (" + ranked["nama_kecamatan"].astype(str) + ")"
    return _ranked_bars(
        labels.tolist(),
        ranked[value_column],
        value_label=value_label,
        title=title,
        subtitle=subtitle,
        source=source,
        is_count=is_count,
        public=public,
    )


def facility_occupancy(
    table: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    source: str,
    public: bool = False,
) -> go.Figure:
    """Return horizontal bars of bed occupancy (%) per facility.

    Parameters
    ----------
    table : pd.DataFrame
        One row per facility: ``nama``, ``terisi`` (occupied beds) and
        ``kapasitas`` (beds, > 0 to get a share).
    title, subtitle, source : str
        Chart title, subtitle (give the data date) and source line.
    public : bool
        Show occupied counts 1 to 4 as "<5" and do not draw their bars.

    Returns
    -------
    go.Figure
        Bars of ``terisi / kapasitas`` in percent, labelled "terisi dari kapasitas".

    Raises
    ------
    GeoInputError
        If a column is missing or the table is empty.
    """
    _check_columns(table, ("nama", "terisi", "kapasitas"), title)
    if table.empty:
        raise GeoInputError(t("err_eks_kosong", apa=title))
    frame = table.sort_values("nama", ascending=False)
    capacity = frame["kapasitas"].astype("float").where(frame["kapasitas"] > 0)
    occupied = frame["terisi"].astype("float")
    share_pct = (occupied / capacity * 100).to_numpy(dtype=float, na_value=np.nan)

    hidden = np.array([public and is_small_count(value) for value in occupied])
    texts = [
        t(
            "eks_terisi_dari",
            terisi=count_label(used, public=public),
            kapasitas=fmt_int(cap),
        )
        for used, cap in zip(occupied, frame["kapasitas"], strict=True)
    ]
    fig = _styled_figure(title, subtitle, source, public=public)
    fig.add_trace(
        go.Bar(
            y=frame["nama"].astype(str),
            x=np.where(hidden, 0.0, share_pct),
            orientation="h",
            marker={"color": OKABE_ITO["biru"]},
            text=texts,
            textposition="outside",
            cliponaxis=False,
            customdata=np.array(texts, dtype=object),
            hovertemplate="%{y}<br>%{customdata}<extra></extra>",
            name=t("eks_keterisian"),
        )
    )
    fig.add_vline(x=100, line={"color": "#7F7F7F", "dash": "dot"})
    # room on the right for the "terisi dari kapasitas" labels outside the bars
    widest = np.nanmax(np.append(share_pct, 100.0))
    fig.update_layout(
        xaxis={
            "title": {"text": t("eks_keterisian")},
            "ticksuffix": "%",
            "range": [0, widest * 1.3],
        },
        showlegend=False,
    )
    return fig


def resource_stock(
    table: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    source: str,
    public: bool = False,
) -> go.Figure:
    """Return lines of resource stock over time, one line per resource.

    The stock is what was recorded: a line keeps its value until the next
    record (steps), it is not interpolated between counts.

    Parameters
    ----------
    table : pd.DataFrame
        Long table: ``tanggal``, ``sumber_daya`` (e.g. "Kit tes", "Oksigen
        (tabung)") and ``stok`` (units in hand). Stock is not a count of people,
        so nothing is hidden in a public release.
    title, subtitle, source : str
        Chart title, subtitle (give the data date) and source line.
    public : bool
        Only adds the public-release line to the source.

    Returns
    -------
    go.Figure

    Raises
    ------
    GeoInputError
        If a column is missing or the table is empty.
    """
    _check_columns(table, ("tanggal", "sumber_daya", "stok"), title)
    if table.empty:
        raise GeoInputError(t("err_eks_kosong", apa=title))
    frame = table.assign(tanggal=pd.to_datetime(table["tanggal"])).sort_values(
        "tanggal"
    )

    fig = _styled_figure(title, subtitle, source, public=public)
    for name, rows in frame.groupby("sumber_daya", sort=True):
        dates = [date_label(value) for value in rows["tanggal"]]
        fig.add_trace(
            go.Scatter(
                x=rows["tanggal"],
                y=rows["stok"].astype("float"),
                name=str(name),
                mode="lines+markers",
                line={"shape": "hv"},
                customdata=dates,
                hovertemplate=(
                    f"{name}<br>%{{customdata}}: %{{y:,.0f}}<extra></extra>"
                ),
            )
        )
    fig.update_layout(
        xaxis={"title": {"text": t("eks_tanggal")}, "type": "date"},
        yaxis={"title": {"text": t("eks_stok")}, "rangemode": "tozero"},
    )
    _date_ticks(fig, frame["tanggal"].drop_duplicates())
    return fig


def scenario_comparison(
    table: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    source: str,
    public: bool = False,
) -> go.Figure:
    """Return one small bar panel per indicator comparing allocation scenarios.

    Parameters
    ----------
    table : pd.DataFrame
        Long table: ``skenario`` (scenario name), ``indikator`` (indicator
        label with its unit, Bahasa Indonesia, e.g. "Penduduk terjangkau (%)")
        and ``nilai`` (number). Model outputs, so nothing is hidden in public.
    title, subtitle, source : str
        Chart title, subtitle (give the data date) and source line.
    public : bool
        Only adds the public-release line to the source.

    Returns
    -------
    go.Figure
        Indicators have different units, so each gets its own panel and axis;
        a scenario keeps one colour in every panel.

    Raises
    ------
    GeoInputError
        If a column is missing or the table is empty.
    """
    _check_columns(table, ("skenario", "indikator", "nilai"), title)
    if table.empty:
        raise GeoInputError(t("err_eks_kosong", apa=title))
    indicators = list(dict.fromkeys(table["indikator"].astype(str)))
    scenarios = list(dict.fromkeys(table["skenario"].astype(str)))
    colours = {name: COLORWAY[i % len(COLORWAY)] for i, name in enumerate(scenarios)}

    panels = make_subplots(rows=1, cols=len(indicators), subplot_titles=indicators)
    fig = _styled_figure(title, subtitle, source, public=public, base=panels)
    for column, indicator in enumerate(indicators, start=1):
        rows = table[table["indikator"].astype(str) == indicator]
        names = rows["skenario"].astype(str).tolist()
        values = rows["nilai"].astype("float")
        fig.add_trace(
            go.Bar(
                x=names,
                y=values,
                name=indicator,
                marker={"color": [colours[name] for name in names]},
                text=[fmt_num(value) for value in values],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"{indicator}<br>%{{x}}: %{{y:,.1f}}<extra></extra>",
            ),
            row=1,
            col=column,
        )
    fig.update_layout(showlegend=False)
    fig.update_yaxes(rangemode="tozero", tickformat=",~r")
    return fig


def _styled_figure(
    title: str,
    subtitle: str,
    source: str,
    *,
    public: bool,
    base: go.Figure | None = None,
) -> go.Figure:
    register_template()
    fig = go.Figure() if base is None else base
    fig.update_layout(
        template=TEMPLATE_NAME,
        title={"text": f"<b>{title}</b>", "subtitle": {"text": subtitle}},
    )

    # wrapped so that a long source stays readable in a narrow page column
    lines = textwrap.wrap(
        t("eks_sumber", sumber=source),
        SOURCE_LINE_CHARS,
        break_long_words=False,  # an address stays whole
        break_on_hyphens=False,
    )
    if public:
        lines.append(t("eks_disamarkan"))
    extra_lines = max(0, len(lines) - 2)
    if extra_lines:
        fig.update_layout(margin={"b": BOTTOM_MARGIN_PX + 14 * extra_lines})
    fig.add_annotation(
        text="<br>".join(lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-86,
        align="left",
        showarrow=False,
        font={"size": 11, "color": "#555555"},
    )
    return fig


def _ranked_bars(
    labels: Sequence[str],
    values: pd.Series,
    *,
    value_label: str,
    title: str,
    subtitle: str,
    source: str,
    is_count: bool,
    public: bool,
) -> go.Figure:
    if len(labels) == 0:
        raise GeoInputError(t("err_eks_kosong", apa=title))
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(
        dtype=float, na_value=np.nan
    )
    order = np.argsort(np.nan_to_num(numbers, nan=-np.inf), kind="stable")
    hide = public and is_count
    texts = [
        count_label(value, public=hide) if is_count else fmt_num(value)
        for value in numbers
    ]
    hidden = np.array([hide and is_small_count(value) for value in numbers])

    fig = _styled_figure(title, subtitle, source, public=public)
    fig.add_trace(
        go.Bar(
            y=[labels[i] for i in order],
            x=np.where(hidden, 0.0, numbers)[order],
            orientation="h",
            marker={"color": OKABE_ITO["biru"]},
            text=[texts[i] for i in order],
            textposition="outside",
            cliponaxis=False,
            customdata=[texts[i] for i in order],
            hovertemplate="%{y}<br>%{customdata}<extra></extra>",
            name=value_label,
        )
    )
    fig.update_layout(
        xaxis={"title": {"text": value_label}, "tickformat": ",~r"},
        yaxis={"automargin": True},
        showlegend=False,
        height=max(HEIGHT_PX, 160 + 28 * len(labels)),
    )
    return fig


def _period_bars(rows: pd.DataFrame, cadence: str, *, public: bool) -> go.Bar:
    names = {
        "harian": t("eks_baru_harian"),
        "bulanan": t("eks_baru_bulanan"),
        "tidak_teratur": t("eks_baru_periode"),
    }
    counts = rows["baru"].to_numpy(dtype=float, na_value=np.nan)
    hidden = np.array([public and is_small_count(value) for value in counts])
    labels = [count_label(value, public=public) for value in counts]
    periods = [
        t("eks_periode", awal=date_label(start), akhir=date_label(end), hari=days)
        if cadence != "harian"
        else date_label(end)
        for start, end, days in zip(
            rows["awal"], rows["tanggal"], rows["hari"], strict=True
        )
    ]

    bar = go.Bar(
        x=rows["tanggal"],
        y=np.where(hidden, 0.0, counts),
        name=names[cadence],
        marker={"color": OKABE_ITO["biru_muda"]},
        customdata=np.column_stack([periods, labels]),
        hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        text=[
            label if flag else "" for label, flag in zip(labels, hidden, strict=True)
        ],
        textposition="outside",
        cliponaxis=False,
    )
    if cadence != "harian":
        # each bar covers its own period, ending on its data date
        days = rows["hari"].to_numpy(dtype=float, na_value=1.0)
        bar.update(width=days * DAY_MS * 0.9, offset=-days * DAY_MS * 0.95)
    return bar


def _period_line(rows: pd.DataFrame, cadence: str) -> go.Scatter:
    if cadence == "harian":
        values, name = rows["rata_7_hari"], t("eks_rata7")
    else:
        values, name = rows["rata_per_hari"], t("eks_rata_per_hari")
    mode = "lines" if cadence == "harian" else "lines+markers"
    return go.Scatter(
        x=rows["tanggal"],
        y=pd.to_numeric(values).to_numpy(dtype=float, na_value=np.nan),
        name=name,
        mode=mode,
        line={"color": OKABE_ITO["merah"], "width": 2.5},
        customdata=[date_label(value) for value in rows["tanggal"]],
        hovertemplate=f"{name}<br>%{{customdata}}: %{{y:,.1f}}<extra></extra>",
    )


def _date_ticks(fig: go.Figure, dates: pd.Series, max_labels: int = 12) -> None:
    """Label date ticks in Indonesian ("6 Okt 2020"), thinning to ``max_labels``."""
    unique = pd.Series(pd.to_datetime(dates)).dropna().drop_duplicates().sort_values()
    if unique.empty:
        return
    step = max(1, int(np.ceil(len(unique) / max_labels)))
    ticks = unique.iloc[::step]
    fig.update_xaxes(
        tickmode="array",
        tickvals=list(ticks),
        ticktext=[date_label(value) for value in ticks],
    )


def _total_by_date(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    dated = frame.assign(tanggal=pd.to_datetime(frame["tanggal"])).dropna(
        subset=["tanggal"]
    )
    totals = dated.groupby("tanggal", sort=True)[list(columns)].sum(min_count=1)
    return totals.reset_index()


def _cadence(gaps: pd.Series) -> str:
    if gaps.empty or (gaps == 1).all():
        return "harian"
    low, high = MONTHLY_GAP_DAYS
    if gaps.between(low, high).all():
        return "bulanan"
    return "tidak_teratur"


def _period_notes(
    table: pd.DataFrame, cadence: str, gaps: pd.Series
) -> tuple[str, ...]:
    notes = [t("eks_catatan_awal", tanggal=date_label(table["tanggal"].iloc[0]))]
    if cadence == "harian":
        notes.append(t("eks_catatan_harian"))
    elif cadence == "bulanan":
        notes.append(t("eks_catatan_bulanan"))
    else:
        longest = int(gaps.max()) if gaps.notna().any() else 0
        notes.append(t("eks_catatan_tidak_teratur", jeda=longest))
    corrections = int((table["baru"] < 0).sum())
    if corrections:
        notes.append(t("eks_catatan_koreksi", jumlah=corrections))
    return tuple(notes)


def _check_columns(frame: pd.DataFrame, required: Sequence[str], what: str) -> None:
    missing = [name for name in required if name not in frame.columns]
    if missing:
        raise GeoInputError(
            t(
                "err_eks_kolom",
                apa=what,
                missing=", ".join(missing),
                ada=", ".join(map(str, frame.columns)) or "(tidak ada)",
            )
        )
