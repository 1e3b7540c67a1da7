"""Widgets of the Skenario page: inputs that outlive the page, results, scenarios.

Every input is kept under a key no widget owns (``state.SKENARIO_INPUTS``) and
its widget is seeded from it whenever Streamlit has dropped the widget's state
(after a visit to another page: FIELD-REPORTS F02).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import allocation, imports, scenario, scenario_maps, store
from geo.errors import GeoInputError
from geo.regions import RegionPack
from geo.siting import unit_label
from geo.text import TEXT, fmt_int, fmt_num, t
from ui import cache, state, widgets

MAP_HEIGHT_PX = 480
PAGE_PATH = "skenario"  # Streamlit's URL path of pages/skenario.py


@dataclass(frozen=True)
class Place:
    """The region and data date the planner works on, and notices about the URL."""

    pack: RegionPack
    tanggal: pd.Timestamp
    notices: tuple[str, ...]

    @property
    def tanggal_text(self) -> str:
        """Return the date as ``YYYY-MM-DD``."""
        return self.tanggal.date().isoformat()


def inputs() -> dict[str, Any]:
    """Return the kept inputs of the page (created empty once per session)."""
    return st.session_state.setdefault(state.SKENARIO_INPUTS, {})


# LIMITATION: Streamlit number inputs show a decimal point ("1.30"), not the
# Indonesian comma; tables, metrics and notes use the Indonesian format.
def field(
    widget: Callable[..., Any],
    name: str,
    default: Any,
    *args: Any,
    options: list[Any] | None = None,
    **kwargs: Any,
) -> Any:
    """Draw ``widget`` seeded from the kept input ``name``; keep what it returns.

    ``options`` (for a select box or radio) are passed on; a kept value that is
    no longer among them falls back to ``default``.
    """
    kept = inputs()
    kept.setdefault(name, default)
    if options is not None and kept[name] not in options:
        kept[name] = default if default in options else options[0]
    key = state.SKENARIO_WIDGET_PREFIX + name
    if key not in st.session_state:
        st.session_state[key] = kept[name]
    if options is not None:
        value = widget(*args, options, key=key, **kwargs)
    else:
        value = widget(*args, key=key, **kwargs)
    kept[name] = value
    return value


def table_field(name: str, default: pd.DataFrame, **kwargs: Any) -> pd.DataFrame:
    """Draw an editable table kept under ``name``; return the edited table.

    The editor starts from the last kept table whenever its own state is gone,
    so edits survive a visit to another page.
    """
    tables = st.session_state.setdefault(state.SKENARIO_TABLES, {})
    key = state.SKENARIO_WIDGET_PREFIX + "tabel_" + name
    base_name = f"{name}__awal"
    if name not in tables:
        tables[name] = default
    if key not in st.session_state or base_name not in tables:
        tables[base_name] = tables[name]
    edited = st.data_editor(tables[base_name], key=key, hide_index=True, **kwargs)
    tables[name] = edited
    return edited


def number_text_column(label: str) -> Any:
    """Return an editor column for a number that may stay empty (shown blank).

    A number column shows an empty cell as "None"; as text it stays blank, and
    the computation reads it with ``pd.to_numeric``.
    """
    return st.column_config.TextColumn(label, help=t("skn_angka_kosong"))


def forget_widgets() -> None:
    """Drop the page's widget states so that they are seeded from kept inputs."""
    prefix = state.SKENARIO_WIDGET_PREFIX
    for key in [key for key in st.session_state if str(key).startswith(prefix)]:
        del st.session_state[key]


def place_picker() -> Place:
    """Draw the region and date pickers in the sidebar, bound to the URL.

    When the pickers are drawn afresh (first visit, or back from another page)
    the URL wins, then the region chosen on another page, then the kept input.
    """
    notices: list[str] = []
    packs = {pack.kode: pack for pack in cache.list_packs()}
    codes = list(packs)
    if state.SKENARIO_WIDGET_PREFIX + "wilayah" not in st.session_state:
        from_url = state.query_value("wilayah")
        wanted = from_url or st.session_state.get(state.REGION)
        if wanted is not None and wanted not in packs:
            notices.append(
                t("err_wilayah_unknown", value=wanted, choices=", ".join(packs))
                + " "
                + t("skn_wilayah_bawaan")
            )
        elif wanted is not None:
            inputs()["wilayah"] = wanted
    kode = field(
        st.sidebar.selectbox,
        "wilayah",
        codes[0],
        t("wilayah"),
        options=codes,
        format_func=lambda code: f"{packs[code].nama} ({code})",
    )

    dates = [date.date().isoformat() for date in cache.data_dates(kode)]
    if not dates:
        raise GeoInputError(t("skn_err_tanpa_kasus", nama=packs[kode].nama))
    name = f"tanggal_{kode}"
    if state.SKENARIO_WIDGET_PREFIX + name not in st.session_state:
        wanted_date = state.query_value("tanggal")
        if state.query_value("wilayah") not in (None, kode):
            wanted_date = None
        if wanted_date is not None and wanted_date not in dates:
            notices.append(t("skn_tanggal_bawaan", value=wanted_date))
        elif wanted_date is not None:
            inputs()[name] = wanted_date
        elif st.session_state.get(state.REGION) == kode:
            # coming from another page: the date chosen there stays
            remembered = st.session_state.get(state.DATE)
            shared = None if remembered is None else pd.Timestamp(remembered)
            if shared is not None and shared.date().isoformat() in dates:
                inputs()[name] = shared.date().isoformat()
    tanggal = field(
        st.sidebar.select_slider,
        name,
        dates[-1],
        t("tanggal"),
        options=dates,
        format_func=lambda text: widgets.date_label(pd.Timestamp(text)),
    )

    state.remember(state.REGION, kode)
    state.remember(state.DATE, tanggal)
    query = {"wilayah": kode, "tanggal": tanggal}
    linked = st.session_state.get(state.SKENARIO_LINKED)
    if linked is not None:
        query["skenario"] = str(linked)
    st.query_params.from_dict(query)
    return Place(packs[kode], pd.Timestamp(tanggal), tuple(notices))


def open_linked_scenario() -> str | None:
    """Load the scenario named by ``?skenario=ID`` into the inputs, once.

    Returns a notice when the link is bad (the page then keeps its inputs).
    """
    wanted = state.query_value("skenario")
    if wanted is None or wanted == str(st.session_state.get(state.SKENARIO_LINKED)):
        return None
    try:
        saved = store.get_scenario(cache.engine(), int(wanted))
    except (ValueError, GeoInputError):
        st.session_state[state.SKENARIO_LINKED] = None
        return t("skn_tautan_salah", value=wanted)

    kept = inputs()
    kept.update(saved.parameters.get("masukan", {}))
    _match_road_file(saved.parameters.get("masukan", {}))
    kept["wilayah"] = saved.region_kode
    if saved.data_date is not None:
        kept[f"tanggal_{saved.region_kode}"] = saved.data_date.isoformat()
    tables = st.session_state.setdefault(state.SKENARIO_TABLES, {})
    for name, records in saved.parameters.get("tabel", {}).items():
        tables[name] = pd.DataFrame.from_records(records)
        tables.pop(f"{name}__awal", None)
    kind = saved.results.get("kind")
    results = st.session_state.setdefault(state.SKENARIO_RESULTS, {})
    results[_result_key(kind, saved.region_kode)] = {
        "parameters": dict(saved.parameters),
        "parts": scenario.results_from_record(dict(saved.results)),
        "nama": saved.nama,
        "id": saved.id,
    }
    st.session_state[state.SKENARIO_LINKED] = saved.id
    st.session_state[state.REGION] = saved.region_kode
    query = {"wilayah": saved.region_kode, "skenario": str(saved.id)}
    if saved.data_date is not None:
        query["tanggal"] = saved.data_date.isoformat()
    st.query_params.from_dict(query)
    forget_widgets()
    return None


def road_label(name: str, sha: str) -> str:
    """Return how a road file is kept among the inputs: its name and short hash."""
    return f"{name} ({sha[:12]})"


def _match_road_file(masukan: dict[str, Any]) -> None:
    # a linked siting scenario keeps the session's road file only when it is
    # the file the scenario used; another file would make its inputs differ
    if "lok_jalan" not in masukan:
        return
    kept = st.session_state.get(state.SKENARIO_ROADS)
    if kept is None:
        return
    name, data = kept
    if road_label(name, imports.file_sha256(data)) != masukan["lok_jalan"]:
        st.session_state[state.SKENARIO_ROADS] = None


def remember_result(kind: str, parameters: dict[str, Any], parts: dict) -> None:
    """Keep the last result of ``kind`` for its region, with the inputs that made it."""
    results = st.session_state.setdefault(state.SKENARIO_RESULTS, {})
    key = _result_key(kind, parameters["wilayah"])
    results[key] = {"parameters": parameters, "parts": parts, "nama": None}


def last_result(kind: str, kode: str) -> dict[str, Any] | None:
    """Return the last kept result of ``kind`` in region ``kode``, or None."""
    return st.session_state.get(state.SKENARIO_RESULTS, {}).get(_result_key(kind, kode))


def _result_key(kind: str, kode: str) -> str:
    # results of one region are never shown on another region's layers
    return f"{kind}@{kode}"


def run_parameters(
    kind: str, place: Place, names: list[str], tables: dict[str, pd.DataFrame]
) -> dict[str, Any]:
    """Return the inputs of a run as plain data: kind, region, date, fields, tables."""
    kept = inputs()
    return {
        "jenis": kind,
        "wilayah": place.pack.kode,
        "tanggal": place.tanggal_text,
        "masukan": {name: kept.get(name) for name in names},
        "tabel": {
            name: json.loads(frame.to_json(orient="records"))
            for name, frame in tables.items()
        },
    }


def is_stale(kind: str, parameters: dict[str, Any]) -> bool:
    """Return True when the inputs differ from those of the kept result."""
    kept = last_result(kind, parameters["wilayah"])
    if kept is None:
        return False
    compared = ("tanggal", "masukan", "tabel")
    before = {key: kept["parameters"].get(key) for key in compared}
    now = {key: parameters.get(key) for key in compared}
    return json.dumps(before, sort_keys=True, default=str) != json.dumps(
        now, sort_keys=True, default=str
    )


def show_notes(notes: tuple[str, ...] | list[str]) -> None:
    """Show caveats as warnings, each once, in order."""
    for note in dict.fromkeys(notes):
        st.warning(note)


def save_form(kind: str, place: Place) -> None:
    """Draw the form that saves the last result of ``kind`` as a scenario."""
    kept = last_result(kind, place.pack.kode)
    if kept is None:
        return
    with st.form(f"skn_simpan_{kind}", border=True):
        st.markdown(f"**{t('skn_simpan_judul')}**")
        left, right = st.columns(2)
        nama = left.text_input(t("skn_nama_skenario"), key=f"skn_form_nama_{kind}")
        author = right.text_input(
            t("skn_penulis"), value=inputs().get("penulis", ""), key=f"skn_form_{kind}"
        )
        pressed = st.form_submit_button(t("skn_simpan"))
    if not pressed:
        return
    if not nama.strip() or not author.strip():
        st.error(t("skn_err_nama"))
        return
    if kept.get("id") is not None:
        # One run is one scenario: a second click (or a double click) saves nothing.
        st.info(t("skn_sudah_tersimpan", nama=kept["nama"], id=kept["id"]))
        return
    inputs()["penulis"] = author
    engine = cache.engine()
    store.save_region(
        engine, place.pack.kode, place.pack.nama, place.pack.metric_crs, who=author
    )
    scenario_id = store.save_scenario(
        engine,
        place.pack.kode,
        nama.strip(),
        author=author,
        parameters=kept["parameters"],
        results=scenario.results_record(kind, kept["parts"]),
        data_date=dt.date.fromisoformat(kept["parameters"]["tanggal"]),
    )
    kept["nama"], kept["id"] = nama.strip(), scenario_id
    st.success(
        t("skn_tersimpan", nama=nama.strip(), id=scenario_id, link=link(scenario_id))
    )


def link(scenario_id: int) -> str:
    """Return the address (path and query) that opens a saved scenario."""
    return f"/{PAGE_PATH}?skenario={scenario_id}"


def show_map(fmap: Any, key: str) -> None:
    """Draw a folium map that sends nothing back (panning never reruns)."""
    st_folium(
        fmap,
        key=key,
        height=MAP_HEIGHT_PX,
        use_container_width=True,
        returned_objects=[],
    )


def siting_map(
    place: Place, result: Any, candidates: pd.DataFrame, *, legend: bool = True
) -> Any:
    """Return the siting map of a result on the region's display layer."""
    return scenario_maps.siting_map(
        cache.display_layer(place.pack.kode),
        result,
        candidates,
        cache.kelurahan_centres(place.pack.kode),
        legend=legend,
    )


def compare_table(saved: list[store.StoredScenario]) -> pd.DataFrame:
    """Return the KPI table of saved scenarios, values formatted, with differences."""
    parts = {
        f"#{item.id} {item.nama}": scenario.results_from_record(dict(item.results))
        for item in saved
    }
    kind = saved[0].results.get("kind")
    kpis = {name: scenario.scenario_kpi(kind, part) for name, part in parts.items()}
    table = allocation.compare_kpis(kpis)
    unit = ""
    if kind == "lokasi":
        unit = unit_label(next(iter(parts.values()))["lokasi"].parameters["unit"])
    shown = pd.DataFrame({t("skn_indikator_kinerja"): table["label"]})
    for name in kpis:
        shown[name] = [
            scenario.kpi_text(key, value, unit)
            for key, value in zip(table["kpi"], table[name], strict=True)
        ]
    shown[t("skn_selisih")] = [
        ("+" if value > 0 else "") + scenario.kpi_text(key, value, unit)
        for key, value in zip(table["kpi"], table["difference"], strict=True)
    ]
    return shown


def parameter_differences(saved: list[store.StoredScenario]) -> pd.DataFrame:
    """Return the inputs that differ between saved scenarios, one row per input."""
    values = {
        f"#{item.id} {item.nama}": {
            "tanggal": item.parameters.get("tanggal"),
            **item.parameters.get("masukan", {}),
            **{
                f"tabel {name}": f"{len(records)} baris"
                for name, records in item.parameters.get("tabel", {}).items()
            },
        }
        for item in saved
    }
    keys = list(dict.fromkeys(key for row in values.values() for key in row))
    rows = []
    for key in keys:
        cells = {name: _plain(row.get(key)) for name, row in values.items()}
        if len(set(cells.values())) > 1:
            rows.append({t("skn_masukan"): t_input(key), **cells})
    return pd.DataFrame(rows)


def t_input(name: str) -> str:
    """Return the on-screen name of a kept input."""
    return TEXT.get(f"skn_masukan_{name}", name)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return t("alok_ya") if value else t("alok_tidak")
    if isinstance(value, float):
        return fmt_int(value) if value == int(value) else fmt_num(value, 2)
    if isinstance(value, int):
        return fmt_int(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "–" if value is None or value == "" else str(value)
