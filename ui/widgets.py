"""Widgets shared by pages: region, date and indicator pickers bound to the URL."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit_folium import st_folium

from geo import indicators
from geo.errors import GeoInputError
from geo.regions import RegionPack
from geo.text import dates_text, fmt_int, fmt_num, fmt_signed, long_date, t
from ui import cache, state


@dataclass(frozen=True)
class View:
    """What the user chose: region, date and indicator, all valid."""

    pack: RegionPack
    tanggal: pd.Timestamp
    indicator: str
    notices: tuple[str, ...]


def date_label(tanggal: pd.Timestamp) -> str:
    """Return a date as people write it: "6 Oktober 2020"."""
    return long_date(tanggal)


def view_picker() -> View:
    """Draw the region, date and indicator pickers in the sidebar, bound to the URL.

    A bad value in the URL falls back to the default and is named in a notice.
    """
    pack, tanggal, notices = region_date_picker(sync=False)
    region = cache.load_region(pack.kode)
    dates = indicators.data_dates(region.cases)
    indicator = _indicator_picker(
        dates, tanggal, region.population is not None, notices
    )

    _sync(pack.kode, tanggal, indicator)
    return View(pack, tanggal, indicator, tuple(notices))


def region_date_picker(
    *, sync: bool = True
) -> tuple[RegionPack, pd.Timestamp, list[str]]:
    """Draw the region and date pickers in the sidebar, bound to the URL.

    Returns the region pack, the data date and notices on bad URL values;
    ``sync`` writes the choice to the URL (``wilayah``, ``tanggal``).
    """
    notices: list[str] = []
    packs = cache.list_packs()
    by_kode = {pack.kode: pack for pack in packs}
    wanted = state.query_value("wilayah") or st.session_state.get(state.REGION)
    if wanted is not None and wanted not in by_kode:
        notices.append(
            t("err_wilayah_unknown", value=wanted, choices=", ".join(by_kode))
            + " Ditampilkan wilayah bawaan."
        )
        wanted = None
    kode = st.sidebar.selectbox(
        t("wilayah"),
        list(by_kode),
        index=list(by_kode).index(wanted) if wanted else 0,
        format_func=lambda code: f"{by_kode[code].nama} ({code})",
        key=state.REGION_WIDGET,
    )
    region = cache.load_region(kode)
    dates = indicators.data_dates(region.cases)
    if not dates:
        state.remember(state.REGION, kode)
        raise GeoInputError(t("err_region_no_cases", nama=by_kode[kode].nama))
    tanggal = _date_picker(dates, kode, notices)

    if sync:
        if st.session_state.get(state.REGION) != kode:
            st.session_state[state.SELECTED_KODE] = None
        state.remember(state.REGION, kode)
        state.remember(state.DATE, tanggal.date().isoformat())
        st.query_params["wilayah"] = kode
        st.query_params["tanggal"] = tanggal.date().isoformat()
    return by_kode[kode], tanggal, notices


def _date_picker(
    dates: list[pd.Timestamp], kode: str, notices: list[str]
) -> pd.Timestamp:
    wanted = state.query_value("tanggal")
    is_same_region = st.session_state.get(state.REGION) == kode
    if wanted is None and is_same_region:
        wanted = st.session_state.get(state.DATE)
    if not is_same_region and "tanggal" not in st.query_params:
        wanted = None
    default = dates[-1]
    if wanted is not None:
        try:
            candidate = pd.Timestamp(wanted).normalize()
        except ValueError:
            candidate = None
        if candidate in dates:
            default = candidate
        else:
            notices.append(
                t("err_tanggal_tidak_ada", value=wanted, available=dates_text(dates))
                + " Ditampilkan tanggal terakhir."
            )
    return st.sidebar.select_slider(
        t("tanggal"),
        options=dates,
        value=default,
        format_func=date_label,
        key=f"{state.DATE_WIDGET}_{kode}",
    )


def _indicator_picker(
    dates: list[pd.Timestamp],
    tanggal: pd.Timestamp,
    has_population: bool,
    notices: list[str],
) -> str:
    keys = indicators.available_indicators(dates, tanggal, has_population)
    wanted = state.query_value("indikator") or st.session_state.get(state.INDICATOR)
    if wanted is not None and wanted not in keys:
        if wanted not in indicators.INDICATORS:
            notices.append(t("err_indikator_tidak_dikenal", value=wanted))
        elif state.query_value("indikator"):
            notices.append(t("err_indikator_tidak_tersedia", value=wanted))
        wanted = None
    return st.sidebar.radio(
        t("indikator"),
        keys,
        index=keys.index(wanted) if wanted else 0,
        format_func=lambda key: indicators.INDICATORS[key].label,
        key=state.INDICATOR_WIDGET,
    )


def _sync(kode: str, tanggal: pd.Timestamp, indicator: str) -> None:
    if st.session_state.get(state.REGION) != kode:
        st.session_state[state.SELECTED_KODE] = None
    state.remember(state.REGION, kode)
    state.remember(state.DATE, tanggal.date().isoformat())
    state.remember(state.INDICATOR, indicator)
    st.query_params.from_dict(
        {"wilayah": kode, "tanggal": tanggal.date().isoformat(), "indikator": indicator}
    )


def kpi_row(result: indicators.Situation, facility_count: int | None) -> None:
    """Draw the region totals at the date with their change from the previous date."""
    totals, before = result.totals, result.previous_totals
    columns = st.columns(5)
    for column, key, label in zip(
        columns[:3],
        ("positif", "aktif", "meninggal"),
        (t("ind_positif"), t("ind_aktif"), t("ind_meninggal")),
        strict=True,
    ):
        change = totals[key] - before[key] if key in before else None
        column.metric(
            label,
            fmt_int(totals[key]),
            _delta_text(change),
            delta_color="inverse",
            help=t("kpi_help_kelurahan"),
        )
    unassigned = result.unassigned_totals.get("positif", 0.0)
    columns[3].metric(t("kpi_tanpa_kelurahan"), fmt_int(unassigned))
    columns[4].metric(
        t("kpi_fasilitas"),
        "–" if facility_count is None else fmt_int(facility_count),
    )
    if unassigned:
        total = totals["positif"] + unassigned
        st.caption(
            t("kpi_total_semua", tanpa=fmt_int(unassigned), total=fmt_int(total))
        )


def _delta_text(change: float | None) -> str | None:
    # Streamlit reads the arrow from a leading ASCII "-"; fmt_signed's "−"
    # (U+2212) would show a fall as a rise.
    if change is None or pd.isna(change):
        return None
    return fmt_signed(change).replace("−", "-")


def unassigned_table(result: indicators.Situation) -> None:
    """Draw the rows without a kelurahan with labelled, Indonesian-format counts."""
    table = result.unassigned
    shown = {t("kolom_keterangan"): table["keterangan"]}
    for column in ("positif", "aktif", "dirawat", "isolasi", "sembuh", "meninggal"):
        shown[t(f"kolom_{'konfirmasi' if column == 'positif' else column}")] = table[
            column
        ].map(fmt_int)
    shown[t("kolom_baru")] = table["baru"].map(fmt_signed)
    st.dataframe(pd.DataFrame(shown), hide_index=True, width="stretch")


def flagged_facilities(flagged: pd.DataFrame) -> None:
    """Draw the facilities kept off the map with their reasons, fully readable."""
    shown = pd.DataFrame(
        {
            t("nama"): flagged["nama"],
            t("kolom_jenis"): flagged["jenis"],
            t("kolom_sumber"): flagged["sumber"],
            t("kolom_lintang"): flagged["lat"].map(lambda value: fmt_num(value, 6)),
            t("kolom_bujur"): flagged["lon"].map(lambda value: fmt_num(value, 6)),
            t("kolom_masalah"): flagged["masalah"],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={t("kolom_masalah"): st.column_config.TextColumn(width="large")},
    )


def situation_map(kode: str, tanggal: str, indicator: str) -> str | None:
    """Draw the map; return the ``kode`` of a kelurahan the user clicked, if any.

    Layers, the basemap included ("tanpa peta dasar"), are switched inside the
    map, so doing so never reruns the page or loses the view.
    """
    folium_map = cache.situation_map(kode, tanggal, indicator, basemap=True)
    # Only the clicked feature comes back, so panning and zooming never rerun.
    returned = st_folium(
        folium_map,
        key=f"{state.MAP_WIDGET}_{kode}",
        height=560,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
    )
    feature = (returned or {}).get("last_active_drawing") or {}
    return (feature.get("properties") or {}).get("kode")


def kelurahan_table(result: indicators.Situation) -> None:
    """Draw the kelurahan sorted by the indicator, numbers in Indonesian format."""
    indicator = indicators.INDICATORS[result.indicator]
    since = (
        "Baru"
        if result.previous_date is None
        else f"Baru sejak {date_label(result.previous_date)}"
    )
    table = result.table
    shown = {
        "Peringkat": range(1, len(table) + 1),
        t("kode"): table["kode"],
        t("kelurahan"): table["nama"],
        t("kecamatan"): table["nama_kecamatan"],
        indicator.label: table["value"].map(lambda value: value_text(value, indicator)),
        "Konfirmasi": table["positif"].map(fmt_int),
        "Aktif": table["aktif"].map(fmt_int),
        since: table["baru"].map(fmt_signed),
        "Meninggal": table["meninggal"].map(fmt_int),
    }
    if "penduduk" in table.columns:
        shown["Penduduk"] = table["penduduk"].map(fmt_int)
    st.dataframe(pd.DataFrame(shown), hide_index=True, width="stretch")


def value_text(value: float, indicator: indicators.Indicator) -> str:
    """Return an indicator value as shown on screen, or "tidak ada data"."""
    if pd.isna(value):
        return t("tidak_ada_data")
    if indicator.is_count:
        return fmt_int(value)
    return fmt_num(value, indicator.decimals)


# --- ekspor page ---
def public_release_toggle() -> bool:
    """Draw the "Rilis publik" switch in the sidebar; the choice outlives the page."""
    public = st.sidebar.toggle(
        t("ekp_rilis_publik"),
        value=bool(st.session_state.get(state.PUBLIC, False)),
        key=state.PUBLIC_WIDGET,
        help=t("ekp_rilis_publik_bantuan"),
    )
    state.remember(state.PUBLIC, public)
    return public


def show_chart(figure: go.Figure, key: str) -> None:
    """Draw a chart as wide as its column (exports keep the slide size)."""
    shown = go.Figure(figure)
    shown.layout.template.layout.width = None
    shown.update_layout(width=None, autosize=True)
    st.plotly_chart(shown, width="stretch", key=key)
