"""Widgets shared by pages: region, date and indicator pickers bound to the URL."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import partial

import folium
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit_folium import st_folium

from geo import cli_hotspots, indicators
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


def view_picker(*, with_indicator: bool = True, skip_first_date: bool = False) -> View:
    """Draw the region, date and indicator pickers in the sidebar, bound to the URL.

    A bad value in the URL falls back to the default and is named in a notice.
    ``with_indicator=False`` leaves the situation indicator out (its ``View``
    field is then ""), for pages with their own; ``skip_first_date`` leaves the
    first data date out, for pages that compare a date with an earlier one.
    """
    pack, tanggal, notices = region_date_picker(
        sync=False, skip_first_date=skip_first_date
    )
    indicator = ""
    if with_indicator:
        region = cache.load_region(pack.kode)
        dates = indicators.data_dates(region.cases)
        indicator = _indicator_picker(
            dates, tanggal, region.population is not None, notices
        )

    _sync(pack.kode, tanggal, indicator)
    return View(pack, tanggal, indicator, tuple(notices))


def region_date_picker(
    *, sync: bool = True, skip_first_date: bool = False
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
    if skip_first_date and len(dates) > 1:
        dates = dates[1:]
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
    same_region = st.session_state.get(state.REGION) == kode
    if not same_region and "tanggal" not in st.query_params:
        wanted = None
    if state.query_value("wilayah") not in (None, kode):
        # the address still names the region the user just switched away from
        wanted = None
    default = dates[-1]
    remembered = st.session_state.get(state.DATE)
    # a date chosen on another page stays (the URL is cleared between pages)
    if wanted is None and same_region and remembered is not None:
        if pd.Timestamp(remembered) in dates:
            default = pd.Timestamp(remembered)
    if wanted is not None:
        try:
            candidate = pd.to_datetime(wanted, format="%Y-%m-%d")
        except ValueError:
            candidate = None
        if candidate in dates:
            default = candidate
        elif candidate is None or pd.isna(candidate):
            notices.append(t("err_tanggal_tidak_valid", value=wanted))
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
        elif wanted == "insidens" and not has_population:
            notices.append(t("err_indikator_tanpa_penduduk", value=wanted))
        elif state.query_value("indikator"):
            label = indicators.INDICATORS[wanted].label
            notices.append(t("err_indikator_tidak_tersedia", value=label))
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
    view = {"wilayah": kode, "tanggal": tanggal.date().isoformat()}
    if not indicator:
        # keep the page's own parameters, drop the situation indicator
        st.query_params.pop("indikator", None)
        st.query_params.update(view)
        return
    state.remember(state.INDICATOR, indicator)
    st.query_params.from_dict({**view, "indikator": indicator})


def kpi_row(result: indicators.Situation, facility_count: int | None) -> None:
    """Draw the region totals at the date with their change from the previous date."""
    totals, changes = result.totals, result.changes
    columns = st.columns(5)
    for column, key, label in zip(
        columns[:3],
        ("positif", "aktif", "meninggal"),
        (t("ind_positif"), t("ind_aktif"), t("ind_meninggal")),
        strict=True,
    ):
        change = changes.get(key)
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
    if result.coverage_note is not None:
        st.warning(result.coverage_note)


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


def situation_map(kode: str, tanggal: str, indicator: str) -> None:
    """Draw the map; a click on a kelurahan selects it in the kelurahan picker.

    Layers, the basemap included ("tanpa peta dasar"), are switched inside the
    map, so doing so never reruns the page or loses the view. The click is
    handled in a callback, which runs before the page does, so the picker may
    be drawn before the map.
    """
    folium_map = cache.situation_map(kode, tanggal, indicator, basemap=True)
    key = f"{state.MAP_WIDGET}_{kode}"
    # Only the clicked feature comes back, so panning and zooming never rerun.
    st_folium(
        folium_map,
        key=key,
        height=560,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
        on_change=partial(_select_clicked_kelurahan, key),
    )


# LIMITATION: st_folium reports a click only when the clicked feature changes;
# effect: clicking again the kelurahan clicked last, after picking another one in
# the list, leaves the list's choice (click another kelurahan first, or pick it).
def _select_clicked_kelurahan(map_key: str) -> None:
    returned = st.session_state.get(map_key) or {}
    feature = returned.get("last_active_drawing") or {}
    kode = (feature.get("properties") or {}).get("kode")
    if kode:
        st.session_state[state.KELURAHAN_WIDGET] = kode


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


# --- hotspot page ---
HOTSPOT_INDICATORS = ("baru", "insidens", "insidens_eb", "insidens_seb")
NEIGHBOUR_RULES = ("queen", "knn", "distance")
PERMUTATION_CHOICES = (99, 499, 999, 9_999)
DEFAULT_PERMUTATIONS = 999
DEFAULT_DISTANCE_M = 2_000
MAX_WINDOW_DAYS = 366
# a URL parameter's text -> its value, or None when it is not acceptable
Parser = Callable[[str], object | None]


@dataclass(frozen=True)
class HotspotChoice:
    """Everything the hotspot analysis is keyed by, all primitives."""

    kode: str
    tanggal: str
    window_days: int
    indikator: str
    level: str
    weights: str
    k: int
    distance_m: float | None
    permutations: int
    seed: int
    fdr: bool


def hotspot_controls(view: View, notices: list[str]) -> HotspotChoice:
    """Draw the hotspot settings in the sidebar; each starts from the URL.

    URL parameters: ``jendela`` (days), ``nilai`` (baru, insidens, insidens_eb,
    insidens_seb), ``tingkat``, ``tetangga`` (queen, knn, distance), ``k``,
    ``jarak`` (m), ``permutasi`` (99, 499, 999, 9999), ``seed`` and ``fdr``
    (1/0). A bad value falls back to the default and is named in ``notices``.
    Without a URL value, the choice made earlier in the session is kept.
    """
    # imported here: geo.hotspots loads esda and libpysal (1-3 s), which only
    # this page needs
    from geo.hotspots import DEFAULT_K, DEFAULT_SEED

    region = cache.load_region(view.pack.kode)
    remembered = st.session_state.get(state.HOTSPOT_CHOICES) or {}
    if remembered.get("kode") != view.pack.kode:
        remembered = {}
    keys = HOTSPOT_INDICATORS if region.population is not None else ("baru",)
    levels = ["kelurahan", "kecamatan"]
    if region.kelurahan["kode_kabkota"].nunique() > 1:
        levels.append("kabkota")

    def start(name: str, field: str, parse: Parser, default: object) -> object:
        value = _url_value(name, parse, default, notices)
        if value is None:
            value = remembered.get(field, default)
        return value

    sidebar = st.sidebar
    sidebar.subheader(t("hsp_controls"))
    window_days = sidebar.number_input(
        t("hsp_window"),
        min_value=1,
        max_value=MAX_WINDOW_DAYS,
        value=start("jendela", "window_days", _int_in(1, MAX_WINDOW_DAYS), 14),
        step=1,
        help=t("hsp_window_help"),
        key=state.HOTSPOT_WINDOW_WIDGET,
    )
    indikator = sidebar.radio(
        t("hsp_indicator"),
        keys,
        index=keys.index(start("nilai", "indikator", _one_of(keys), "baru")),
        format_func=lambda key: t(f"hsp_ind_{key}"),
        key=state.HOTSPOT_INDICATOR_WIDGET,
    )
    if region.population is None:
        sidebar.caption(t("hsp_no_population", wilayah=view.pack.nama))
    level = sidebar.radio(
        t("hsp_level"),
        levels,
        index=levels.index(start("tingkat", "level", _one_of(levels), "kelurahan")),
        format_func=lambda key: t(f"hs_level_{key}").capitalize(),
        key=state.HOTSPOT_LEVEL_WIDGET,
        horizontal=True,
    )
    weights = sidebar.radio(
        t("hsp_neighbours"),
        NEIGHBOUR_RULES,
        index=NEIGHBOUR_RULES.index(
            start("tetangga", "weights", _one_of(NEIGHBOUR_RULES), "queen")
        ),
        format_func=lambda key: t(f"hsp_nb_{key}"),
        key=state.HOTSPOT_NEIGHBOURS_WIDGET,
    )
    k = start("k", "k", _int_in(1, 20), DEFAULT_K)
    distance_m = None
    if weights == "knn":
        k = sidebar.number_input(t("hsp_k"), 1, 20, k, 1, key=state.HOTSPOT_K_WIDGET)
    if weights == "distance":
        distance_m = sidebar.number_input(
            t("hsp_distance"),
            100,
            50_000,
            start("jarak", "distance_m", _int_in(100, 50_000), DEFAULT_DISTANCE_M),
            100,
            key=state.HOTSPOT_DISTANCE_WIDGET,
        )
    permutations = sidebar.selectbox(
        t("hsp_permutations"),
        PERMUTATION_CHOICES,
        index=PERMUTATION_CHOICES.index(
            start(
                "permutasi",
                "permutations",
                _one_of(PERMUTATION_CHOICES, int),
                DEFAULT_PERMUTATIONS,
            )
        ),
        format_func=fmt_int,
        help=t("hsp_permutations_help"),
        key=state.HOTSPOT_PERMUTATIONS_WIDGET,
    )
    seed = sidebar.number_input(
        t("hsp_seed"),
        min_value=0,
        value=start("seed", "seed", _int_in(0, 2**32 - 1), DEFAULT_SEED),
        step=1,
        help=t("hsp_seed_help"),
        key=state.HOTSPOT_SEED_WIDGET,
    )
    fdr = sidebar.toggle(
        t("hsp_fdr"),
        value=start("fdr", "fdr", _one_of((True, False), _flag), True),
        help=t("hsp_fdr_help"),
        key=state.HOTSPOT_FDR_WIDGET,
    )

    choice = HotspotChoice(
        view.pack.kode, view.tanggal.date().isoformat(), int(window_days),
        indikator, level, weights, int(k),
        None if distance_m is None else float(distance_m),
        int(permutations), int(seed), bool(fdr),
    )  # fmt: skip
    _sync_hotspot(choice)
    return choice


def _url_value(name: str, parse: Parser, default: object, notices: list[str]) -> object:
    raw = state.query_value(name)
    if raw is None:
        return None
    value = parse(raw)
    if value is None:
        shown = fmt_int(default) if isinstance(default, int) else str(default)
        notices.append(t("hsp_bad_param", value=raw, name=name, default=shown))
    return value


def _int_in(low: int, high: int) -> Parser:
    def parse(raw: str) -> int | None:
        try:
            value = int(raw)
        except ValueError:
            return None
        return value if low <= value <= high else None

    return parse


def _one_of(options: tuple | list, convert: Callable[[str], object] = str) -> Parser:
    def parse(raw: str) -> object:
        try:
            value = convert(raw)
        except ValueError:
            return None
        return value if value in options else None

    return parse


def _flag(raw: str) -> bool:
    if raw in ("1", "ya", "true"):
        return True
    if raw in ("0", "tidak", "false"):
        return False
    raise ValueError(raw)


def _sync_hotspot(choice: HotspotChoice) -> None:
    state.remember(state.HOTSPOT_CHOICES, asdict(choice))
    params = {
        "jendela": str(choice.window_days),
        "nilai": choice.indikator,
        "tingkat": choice.level,
        "tetangga": choice.weights,
        "permutasi": str(choice.permutations),
        "seed": str(choice.seed),
        "fdr": "1" if choice.fdr else "0",
    }
    if choice.weights == "knn":
        params["k"] = str(choice.k)
    if choice.distance_m is not None:
        params["jarak"] = str(int(choice.distance_m))
    for name in ("k", "jarak"):
        if name not in params:
            st.query_params.pop(name, None)
    st.query_params.update(params)


def markdown_text(text: str) -> str:
    """Return ``text`` with Markdown's emphasis marks escaped ("Gi*" stays Gi*)."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")


def hotspot_map(maps: list[folium.Map], key: str, height: int = 520) -> None:
    """Draw a hotspot map; nothing comes back, so panning never reruns the page."""
    st_folium(
        maps[0],
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=[],
    )


def hotspot_kpis(report: cli_hotspots.HotspotReport) -> None:
    """Draw the counts a leader reads first: hot, cold, standing out, patterns."""
    table = report.hotspots.table
    classes = table["hotspot_class"]
    level = t(f"hs_level_{report.hotspots.settings.level}")
    emerging = 0
    if report.emerging is not None:
        emerging = int(
            report.emerging.table["emerging_class"].str.endswith("_hot").sum()
        )
    columns = st.columns(5)
    columns[0].metric(t("hsp_kpi_hot"), fmt_int(classes.str.startswith("hot_").sum()))
    columns[1].metric(t("hsp_kpi_menonjol"), fmt_int(classes.eq("prominent").sum()))
    columns[2].metric(t("hsp_kpi_cold"), fmt_int(classes.str.startswith("cold_").sum()))
    columns[3].metric(t("hsp_kpi_emerging"), fmt_int(emerging))
    # the total sits in the label: "263 dari 267" did not fit a fifth of the page
    columns[4].metric(
        t("hsp_kpi_tested", level=level.capitalize(), total=fmt_int(len(table))),
        fmt_int(report.hotspots.n_tested),
    )


def bullets(title: str, lines: list[str]) -> str:
    """Return a bold title and one Markdown bullet per line."""
    items = "\n".join(f"- {markdown_text(line)}" for line in lines)
    return f"**{markdown_text(title)}**\n\n{items}"


def file_uploader(label: str, *, types: list[str], key: str, help: str) -> object:
    """Draw ``st.file_uploader`` with its own words in Bahasa Indonesia.

    Streamlit writes "Upload" and "200MB per file" itself; CSS scoped to this
    uploader's container shows "Unggah" and the size limit and file types in
    Bahasa Indonesia instead (the browser's own file dialog stays as it is).
    """
    box = f"uploader_{key}"
    limit_mb = int(st.get_option("server.maxUploadSize"))
    hint = t("unggah_petunjuk", mb=fmt_int(limit_mb), types=", ".join(types).upper())
    scope = f".st-key-{box} [data-testid='stFileUploaderDropzone']"
    st.html(
        "<style>"
        f"{scope} button [data-testid='stMarkdownContainer'] p {{font-size: 0}}"
        f"{scope} button [data-testid='stMarkdownContainer'] p::after "
        f"{{content: {json_string(t('unggah'))}; font-size: 0.875rem}}"
        f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] span "
        "{font-size: 0}"
        f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] span::after "
        f"{{content: {json_string(hint)}; font-size: 0.875rem}}"
        "</style>"
    )
    with st.container(key=box):
        return st.file_uploader(label, type=types, key=key, help=help)


def json_string(text: str) -> str:
    """Return ``text`` as a quoted CSS string (quotes and backslashes escaped)."""
    return json.dumps(text, ensure_ascii=False)


def kept_upload(
    label: str,
    *,
    types: list[str],
    key: str,
    help: str,
    state_key: str,
    kept_text: str,
    forget_label: str,
) -> tuple[str, bytes] | None:
    """Draw an uploader whose file (name, bytes) is kept across pages.

    Streamlit forgets an upload when its page is left; the file is kept under
    ``state_key`` instead, named with ``kept_text`` (a "{name}" template) and
    dropped with the ``forget_label`` button.
    """
    upload = file_uploader(label, types=types, key=key, help=help)
    if upload is not None:
        state.remember(state_key, (upload.name, upload.getvalue()))
    kept = st.session_state.get(state_key)
    if kept is not None and upload is None:
        st.caption(kept_text.format(name=kept[0]))
        if st.button(forget_label, key=f"{key}_buang"):
            state.remember(state_key, None)
            st.rerun()
    return kept
