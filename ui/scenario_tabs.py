"""The tabs of the Skenario page: Distribusi, Lokasi, Rujukan, Hari stok, Tersimpan."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from geo import imports, projection, referral, scenario, scenario_maps, siting, store
from geo.distribution import DEFAULT_THRESHOLD_DAYS, days_of_stock, distribute_by_need
from geo.intake import LAYER_SUFFIXES
from geo.roads import RoadNetwork
from geo.siting import unit_label
from geo.text import fmt_int, fmt_num, local_time, t
from ui import cache, state, widgets
from ui import scenario as ui
from ui.scenario import Place, field
from ui.widgets import date_label

DEFAULT_TIME_LIMIT_S = 30
MODEL_NEEDS_P = siting.MODELS_WITH_P
GROWTH_SOURCE = {"set": "skn_laju_lipat", "fit": "skn_laju_taksir"}


def _weight_picker(place: Place, name: str) -> scenario.NeedWeights:
    region = cache.load_region(place.pack.kode)
    has_population = region.population is not None
    choices = scenario.weight_choices(
        cache.data_dates(place.pack.kode), place.tanggal, has_population
    )
    if not has_population:
        st.info(t("skn_tanpa_penduduk", nama=place.pack.nama))
    key = field(
        st.selectbox,
        name,
        "penduduk" if has_population else "aktif",
        t("skn_bobot"),
        options=choices,
        format_func=scenario.weight_label,
        help=t("skn_bobot_bantuan"),
    )
    return cache.need_weights(place.pack.kode, place.tanggal_text, key)


def distribution_tab(place: Place) -> None:
    """Spread a stock over kelurahan by need; explain each share."""
    st.caption(t("skn_distribusi_tanya"))
    left, middle, right = st.columns(3)
    with left:
        field(
            st.text_input,
            "dist_sumber_daya",
            t("skn_kit_tes"),
            t("skn_jenis_sumber_daya"),
        )
        stock = field(
            st.number_input, "dist_jumlah", 1000, t("skn_jumlah"), min_value=0, step=1
        )
    with middle:
        weights = _weight_picker(place, "dist_bobot")
    with right:
        minimum = field(
            st.number_input, "dist_minimum", 0, t("skn_minimum"), min_value=0, step=1
        )
        maximum = field(
            st.number_input,
            "dist_maksimum",
            0,
            t("skn_maksimum"),
            min_value=0,
            step=1,
            help=t("skn_maksimum_bantuan"),
        )
    default_held = pd.DataFrame(
        {
            "kode": weights.values.index,
            t("kelurahan"): weights.names.to_numpy(),
            "dimiliki": 0,
        }
    )
    with st.expander(t("skn_dimiliki_judul")):
        held_table = ui.table_field(
            f"dimiliki_{place.pack.kode}",
            default_held,
            disabled=["kode", t("kelurahan")],
            column_config={
                "kode": t("kode"),
                "dimiliki": st.column_config.NumberColumn(
                    t("skn_dimiliki"), min_value=0, step=1
                ),
            },
        )
    names = [
        "dist_sumber_daya",
        "dist_jumlah",
        "dist_bobot",
        "dist_minimum",
        "dist_maksimum",
    ]
    parameters = ui.run_parameters(
        "distribusi", place, names, {f"dimiliki_{place.pack.kode}": held_table}
    )
    if st.button(t("skn_hitung_distribusi"), type="primary", key="skn_btn_distribusi"):
        held = pd.to_numeric(
            held_table.set_index("kode")["dimiliki"], errors="coerce"
        ).fillna(0)
        result = distribute_by_need(
            weights.values,
            int(stock),
            minimum=int(minimum),
            maximum=int(maximum) if maximum > 0 else None,
            held=held,
            names=weights.names,
            weight_label=weights.label.lower(),
        )
        result = _with_notes(result, weights.notes)
        ui.remember_result("distribusi", parameters, {"distribusi": result})
    _show_distribution(place, parameters)


def _kept_result(
    kind: str, place: Place, parameters: dict[str, Any]
) -> dict[str, Any] | None:
    """Return the kept result of ``kind`` for the place, saying when it is stale."""
    kept = ui.last_result(kind, place.pack.kode)
    if kept is not None and ui.is_stale(kind, parameters):
        st.info(t("skn_basi"))
    return kept


def _circuity_field(name: str, is_used: bool = True) -> float:
    return field(
        st.number_input,
        name,
        siting.DEFAULT_CIRCUITY,
        t("skn_faktor"),
        min_value=1.0,
        max_value=3.0,
        step=0.05,
        disabled=not is_used,
        help=t("skn_faktor_bantuan" if is_used else "skn_faktor_jalan"),
    )


def _with_notes(result: Any, notes: tuple[str, ...]) -> Any:
    return dataclasses.replace(result, notes=(*notes, *result.notes))


def _show_distribution(place: Place, parameters: dict) -> None:
    kept = _kept_result("distribusi", place, parameters)
    if kept is None:
        return
    result = kept["parts"]["distribusi"]
    resource = kept["parameters"]["masukan"].get("dist_sumber_daya") or ""
    table = result.table
    columns = st.columns(3)
    columns[0].metric(t("skn_stok_dibagi", resource=resource), fmt_int(result.stock))
    columns[1].metric(t("skn_jumlah_dibagi"), fmt_int(result.allocated_total))
    columns[2].metric(
        t("skn_kelurahan_menerima"), fmt_int((table["allocated"] > 0).sum())
    )
    shown = pd.DataFrame(
        {
            t("kelurahan"): table["nama"],
            t("skn_dapat"): table["allocated"].map(fmt_int),
            t("skn_porsi"): (100 * table["weight_share"]).map(
                lambda v: f"{fmt_num(v, 1)} %"
            ),
            t("skn_bobot"): table["weight"].map(lambda v: fmt_num(v, 1)),
            t("skn_dimiliki"): table["held"].map(fmt_int),
            t("skn_total_setelah"): table["total_after"].map(fmt_int),
            t("skn_penjelasan"): table["explanation"],
            t("kode"): table["kode"],
        }
    ).iloc[np.lexsort((table["nama"].to_numpy(), -table["allocated"].to_numpy()))]
    st.dataframe(shown, hide_index=True, width="stretch")
    ui.show_map(
        scenario_maps.distribution_map(cache.display_layer(place.pack.kode), result),
        key=f"skn_peta_distribusi_{place.pack.kode}",
    )
    ui.show_notes(result.notes)
    ui.save_form("distribusi", place)


def siting_tab(place: Place) -> None:
    """Choose sites from candidates with one of four models; show map and KPIs."""
    st.caption(t("skn_lokasi_tanya"))
    region = cache.load_region(place.pack.kode)
    left, middle, right = st.columns(3)
    with left:
        model = field(
            st.radio,
            "lok_model",
            "mclp",
            t("skn_model"),
            options=list(siting.MODELS),
            format_func=lambda key: t(f"alok_model_{key}"),
        )
        n_sites = field(
            st.number_input,
            "lok_p",
            2,
            t("skn_p"),
            min_value=1,
            step=1,
            disabled=model not in MODEL_NEEDS_P,
            help=t("skn_p_bantuan"),
        )
        weights = _weight_picker(place, "lok_bobot")
    with middle:
        unit = field(
            st.radio,
            "lok_satuan",
            "m",
            t("skn_satuan"),
            options=["m", "min"],
            format_func=unit_label,
            horizontal=True,
        )
        radius = field(
            st.number_input,
            f"lok_radius_{unit}",
            2000.0 if unit == "m" else 10.0,
            t("skn_radius", unit=unit_label(unit)),
            min_value=0.0,
            step=100.0 if unit == "m" else 1.0,
            help=t("skn_radius_bantuan"),
        )
    with right:
        candidates, tables = _candidate_inputs(place, region)
    # the road file decides whether the circuity factor is used, so it is read
    # before the rest of the middle column is drawn
    roads, road_names = _road_inputs(place, in_minutes=unit == "min")
    with middle:
        circuity = _circuity_field("lok_faktor", is_used=roads is None)
        speed = field(
            st.number_input,
            "lok_kecepatan",
            siting.DEFAULT_SPEED_KMH,
            t("skn_kecepatan"),
            min_value=1.0,
            step=5.0,
            disabled=unit != "min",
            help=t("skn_kecepatan_bantuan"),
        )
        time_limit = field(
            st.number_input,
            "lok_batas_waktu",
            DEFAULT_TIME_LIMIT_S,
            t("skn_batas_waktu"),
            min_value=1,
            max_value=600,
            step=5,
        )
    names = [
        "lok_model",
        "lok_p",
        "lok_bobot",
        "lok_satuan",
        f"lok_radius_{unit}",
        "lok_faktor",
        "lok_kecepatan",
        "lok_batas_waktu",
        "lok_fasilitas",
        "lok_jenis",
        "lok_pusat",
        "lok_tetap",
        *road_names,
    ]
    parameters = ui.run_parameters("lokasi", place, names, tables)
    if st.button(t("skn_hitung_lokasi"), type="primary", key="skn_btn_lokasi"):
        table, notes = candidates()
        with st.spinner(t("skn_menghitung", seconds=fmt_int(time_limit))):
            result = scenario.site_for_region(
                region.kelurahan,
                weights,
                table,
                model,
                metric_crs=place.pack.metric_crs,
                n_sites=int(n_sites),
                radius=float(radius),
                in_minutes=unit == "min",
                circuity=float(circuity),
                speed_kmh=float(speed),
                time_limit_s=float(time_limit),
                roads=roads,
            )
        result = _with_notes(result, notes)
        parameters["kandidat"] = _records(table)
        if roads is not None:
            parameters["jalan"] = roads.record()
        ui.remember_result("lokasi", parameters, {"lokasi": result})
    _show_siting(place, parameters)


def _road_inputs(
    place: Place, in_minutes: bool
) -> tuple[RoadNetwork | None, list[str]]:
    """Draw the optional road file; return its network and the inputs it adds."""
    st.markdown(f"**{t('skn_jalan_judul')}**")
    kept = widgets.kept_upload(
        t("skn_jalan_berkas"),
        types=[suffix.lstrip(".") for suffix in LAYER_SUFFIXES],
        key="skn_jalan_unggah",
        help=t("skn_jalan_bantuan"),
        state_key=state.SKENARIO_ROADS,
        kept_text=t("skn_jalan_tersimpan", name="{name}"),
        forget_label=t("skn_jalan_buang"),
    )
    if kept is None:
        ui.inputs()["lok_jalan"] = None
        return None, ["lok_jalan"]

    name, data = kept
    sha = imports.file_sha256(data)
    columns, crs = cache.road_columns(name, sha, data)
    left, right = st.columns(2)
    speed_column = field(
        left.selectbox,
        "lok_kolom_kecepatan",
        "",
        t("skn_jalan_kolom"),
        options=["", *columns],
        format_func=lambda column: column or t("skn_jalan_tanpa_kolom"),
        disabled=not in_minutes,
        help=t("skn_jalan_kolom_bantuan"),
    )
    names = ["lok_jalan", "lok_kolom_kecepatan"]
    given = None
    if crs is None:
        given = field(
            right.text_input, "lok_crs_jalan", "EPSG:4326", t("skn_jalan_crs")
        )
        names.append("lok_crs_jalan")
    else:
        right.caption(t("skn_jalan_crs_terbaca", crs=crs))
    network = cache.road_network(
        place.pack.kode, name, sha, data, given, speed_column or None
    )
    ui.inputs()["lok_jalan"] = ui.road_label(name, sha)
    st.info(network.notes[0])
    ui.show_notes(network.notes[1:])
    return network, names


def _records(frame: pd.DataFrame) -> list[dict]:
    return json.loads(frame.to_json(orient="records"))


def _candidate_inputs(
    place: Place, region: Any
) -> tuple[Callable[[], tuple[pd.DataFrame, tuple[str, ...]]], dict]:
    facilities = None if region.facilities is None else region.facilities.valid
    kinds = [] if facilities is None else sorted(facilities["jenis"].dropna().unique())
    use_facilities = field(
        st.checkbox,
        "lok_fasilitas",
        True,
        t("skn_kandidat_fasilitas", count=0 if facilities is None else len(facilities)),
    )
    jenis = _jenis_picker(kinds)
    keep = field(
        st.checkbox, "lok_tetap", False, t("skn_tetap"), help=t("skn_tetap_bantuan")
    )
    # without a facility listing (Jakarta) the kelurahan centres are the candidates
    use_centres = field(
        st.checkbox, "lok_pusat", facilities is None, t("skn_kandidat_pusat")
    )
    chosen = scenario.facility_candidates(facilities, jenis)
    kode = place.pack.kode
    with st.expander(t("skn_kapasitas_judul")):
        st.caption(t("skn_kapasitas_bantuan"))
        capacity = ui.table_field(
            f"kapasitas_{kode}",
            chosen.assign(kapasitas="")[["id", "jenis", "kapasitas"]],
            disabled=["id", "jenis"],
            column_config={
                "id": t("nama"),
                "jenis": t("map_jenis"),
                "kapasitas": ui.number_text_column(t("skn_kapasitas")),
            },
        )
    with st.expander(t("skn_titik_tambahan")):
        added = ui.table_field(
            f"tambahan_{kode}",
            pd.DataFrame(
                {
                    "nama": pd.Series(dtype="str"),
                    "lat": pd.Series(dtype="str"),
                    "lon": pd.Series(dtype="str"),
                    "kapasitas": pd.Series(dtype="str"),
                }
            ),
            num_rows="dynamic",
            column_config={
                "nama": t("nama"),
                "lat": ui.number_text_column(t("skn_lat")),
                "lon": ui.number_text_column(t("skn_lon")),
                "kapasitas": ui.number_text_column(t("skn_kapasitas")),
            },
        )

    def build() -> tuple[pd.DataFrame, tuple[str, ...]]:
        with_capacity = chosen.merge(capacity[["id", "kapasitas"]], on="id", how="left")
        return scenario.candidate_sites(
            with_capacity if use_facilities else with_capacity.iloc[0:0],
            cache.kelurahan_centres(kode) if use_centres else None,
            added,
            keep_facilities=keep,
        )

    return build, {f"kapasitas_{kode}": capacity, f"tambahan_{kode}": added}


def _jenis_picker(kinds: list[str]) -> list[str]:
    kept = ui.inputs()
    if "lok_jenis" in kept:
        kept["lok_jenis"] = [kind for kind in kept["lok_jenis"] if kind in kinds]
    return field(
        st.multiselect, "lok_jenis", list(kinds), t("skn_jenis_fasilitas"), kinds
    )


def _show_siting(place: Place, parameters: dict) -> None:
    kept = _kept_result("lokasi", place, parameters)
    if kept is None:
        return
    result = kept["parts"]["lokasi"]
    used = result.parameters.get("roads")
    if used is not None and parameters["masukan"].get("lok_jalan") is None:
        # a saved scenario opened by its link: its results come from the store
        st.caption(t("skn_jalan_unggah_lagi", name=used["file_name"]))
    candidates = pd.DataFrame.from_records(kept["parameters"]["kandidat"])
    show_siting_result(place, result, candidates, key="skn_peta_lokasi")
    ui.save_form("lokasi", place)


def show_siting_result(
    place: Place, result, candidates: pd.DataFrame, key: str
) -> None:
    """Draw a siting answer: status, KPIs, map, tables and notes."""
    kpi, params = result.kpi, result.parameters
    unit = unit_label(params["unit"])
    if result.solve.is_optimal:
        st.success(
            t(
                "skn_status",
                solver=result.solve.solver,
                status=result.solve.status_text,
                seconds=fmt_num(result.solve.seconds, 2),
            )
        )
    else:
        st.warning(
            t(
                "skn_status_belum",
                solver=result.solve.solver,
                seconds=fmt_num(result.solve.time_limit_s, 0),
            )
        )
    columns = st.columns(5)
    share = kpi.get("covered_share")
    columns[0].metric(
        t("skn_kpi_tercakup"), "–" if share is None else f"{fmt_num(100 * share, 1)} %"
    )
    columns[1].metric(
        t("skn_kpi_rata"), scenario.kpi_text("mean_travel", kpi["mean_travel"], unit)
    )
    columns[2].metric(
        t("skn_kpi_terjauh"),
        scenario.kpi_text("worst_travel", kpi["worst_travel"], unit),
    )
    columns[3].metric(t("skn_kpi_tak_terpenuhi"), fmt_num(kpi["unmet_weight"], 1))
    columns[4].metric(t("skn_kpi_lokasi"), fmt_int(kpi["sites_chosen"]))
    st.caption(travel_caption(result))
    ui.show_map(ui.siting_map(place, result, candidates), key=key)
    sites = result.sites[result.sites["is_chosen"]]
    left, right = st.columns(2)
    left.markdown(f"**{t('skn_lokasi_terpilih')}**")
    left.dataframe(
        pd.DataFrame(
            {
                t("nama"): sites["id"],
                t("skn_tetap_kolom"): sites["is_fixed"].map(
                    lambda v: t("alok_ya") if v else t("alok_tidak")
                ),
                t("skn_dilayani"): sites["served_weight"].map(lambda v: fmt_num(v, 1)),
                t("skn_kelurahan_dilayani"): sites["served_points"].map(fmt_int),
                t("skn_kapasitas"): sites["capacity"].map(fmt_int),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    right.markdown(f"**{t('skn_penugasan')}**")
    right.dataframe(_assignment_table(place, result), hide_index=True, width="stretch")
    ui.show_notes(result.notes)


def travel_caption(result: Any) -> str:
    """Return how travel was measured: along the roads of a file, or straight."""
    params = result.parameters
    used = params.get("roads")
    if params.get("travel_method") == "jaringan" and used is not None:
        return t(
            "skn_tempuh_jalan",
            name=used["file_name"],
            lines=fmt_int(used["lines"]),
            components=fmt_int(used["components"]),
            sha=used["sha256"][:12],
        )
    if params.get("travel_method") == "jaringan":
        return t("alok_note_jaringan")
    return t("skn_tempuh_lurus", faktor=fmt_num(params["circuity"], 2))


def _assignment_table(place: Place, result: Any) -> pd.DataFrame:
    names = cache.kelurahan_centres(place.pack.kode).set_index("kode")["nama"]
    assignment = result.assignment
    params = result.parameters
    table = {
        t("kelurahan"): assignment["id"].map(names).fillna(assignment["id"]),
        t("skn_bobot"): assignment["weight"].map(lambda v: fmt_num(v, 1)),
        t("skn_ke_lokasi"): assignment["site_id"].fillna("–"),
        t("skn_jarak_m"): assignment["distance_m"].map(fmt_int),
    }
    if params["unit"] == "min":
        table[t("skn_tempuh", unit=unit_label("min"))] = assignment["travel"].map(
            lambda v: fmt_num(v, 1)
        )
    if params.get("radius") is not None:
        table[t("skn_kolom_tercakup")] = assignment["is_covered"].map(
            lambda v: t("alok_ya") if v else t("alok_tidak")
        )
    return pd.DataFrame(table)


def referral_tab(place: Place) -> None:
    """Project ward beds for N days and refer patients to hospitals by capacity."""
    st.caption(t("skn_rujukan_tanya"))
    region = cache.load_region(place.pack.kode)
    left, middle, right = st.columns(3)
    with left:
        days = field(
            st.number_input,
            "rjk_hari",
            projection.DEFAULT_DAYS,
            t("skn_hari"),
            min_value=1,
            max_value=90,
            step=1,
        )
        growth = field(
            st.radio,
            "rjk_laju",
            "taksir",
            t("skn_laju"),
            options=["taksir", "lipat"],
            format_func=lambda key: t(f"skn_laju_{key}"),
        )
        doubling = field(
            st.number_input,
            "rjk_lipat",
            14.0,
            t("skn_lipat"),
            min_value=0.5,
            step=1.0,
            disabled=growth != "lipat",
        )
        model = field(
            st.radio,
            "rjk_model",
            "sir",
            t("skn_model_epidemi"),
            options=list(projection.EPIDEMIC_MODELS),
            format_func=str.upper,
            horizontal=True,
        )
    with middle:
        infectious = field(
            st.number_input,
            "rjk_infeksius",
            projection.DEFAULT_INFECTIOUS_DAYS,
            t("skn_infeksius"),
            min_value=1.0,
            step=1.0,
        )
        incubation = field(
            st.number_input,
            "rjk_inkubasi",
            projection.DEFAULT_INCUBATION_DAYS,
            t("skn_inkubasi"),
            min_value=1.0,
            step=1.0,
            disabled=model != "seir",
        )
        ward_pct = field(
            st.number_input,
            "rjk_dirawat_pct",
            100 * projection.DEFAULT_HOSPITALISED_SHARE,
            t("skn_dirawat_pct"),
            min_value=0.0,
            max_value=100.0,
            step=1.0,
        )
        icu_pct = field(
            st.number_input,
            "rjk_icu_pct",
            100 * projection.DEFAULT_ICU_SHARE,
            t("skn_icu_pct"),
            min_value=0.0,
            max_value=100.0,
            step=0.5,
        )
    with right:
        los_ward = field(
            st.number_input,
            "rjk_los",
            projection.DEFAULT_LOS_WARD_DAYS,
            t("skn_los"),
            min_value=1,
            step=1,
        )
        los_icu = field(
            st.number_input,
            "rjk_los_icu",
            projection.DEFAULT_LOS_ICU_DAYS,
            t("skn_los_icu"),
            min_value=1,
            step=1,
        )
        circuity = _circuity_field("rjk_faktor")
    facilities = None if region.facilities is None else region.facilities.valid
    hospitals = scenario.facility_candidates(facilities, ["RS"])
    st.markdown(f"**{t('skn_rs_judul')}**")
    st.caption(t("skn_rs_bantuan"))
    name = f"rs_{place.pack.kode}"
    beds = ui.table_field(
        name,
        hospitals.assign(kapasitas="")[["id", "lat", "lon", "kapasitas"]],
        num_rows="dynamic",
        column_config={
            "id": t("nama"),
            "lat": st.column_config.NumberColumn(t("skn_lat"), format="%.5f"),
            "lon": st.column_config.NumberColumn(t("skn_lon"), format="%.5f"),
            "kapasitas": ui.number_text_column(t("skn_tempat_tidur")),
        },
    )
    names = [
        "rjk_hari", "rjk_laju", "rjk_lipat", "rjk_model", "rjk_infeksius",
        "rjk_inkubasi", "rjk_dirawat_pct", "rjk_icu_pct", "rjk_los", "rjk_los_icu",
        "rjk_faktor",
    ]  # fmt: skip
    parameters = ui.run_parameters("rujukan", place, names, {name: beds})
    if st.button(t("skn_hitung_rujukan"), type="primary", key="skn_btn_rujukan"):
        kept_beds, notes = scenario.hospital_beds(beds)
        population = region.population
        bed_projection = projection.project_beds(
            region.cases,
            days=int(days),
            population=None if population is None else float(population.sum()),
            doubling_days=float(doubling) if growth == "lipat" else None,
            model=model,
            infectious_days=float(infectious),
            incubation_days=float(incubation),
            hospitalised_share=float(ward_pct) / 100,
            icu_share=float(icu_pct) / 100,
            los_ward_days=int(los_ward),
            los_icu_days=int(los_icu),
            as_of=place.tanggal,
        )
        timeline = referral.refer_projection(
            bed_projection,
            region.kelurahan,
            kept_beds,
            metric_crs=place.pack.metric_crs,
            circuity=float(circuity),
        )
        timeline = _with_notes(timeline, notes)
        parts = {"proyeksi": bed_projection, "rujukan_harian": timeline}
        ui.remember_result("rujukan", parameters, parts)
    _show_referral(place, parameters)


def _show_referral(place: Place, parameters: dict) -> None:
    kept = _kept_result("rujukan", place, parameters)
    if kept is None:
        return
    show_referral_result(kept["parts"])
    ui.save_form("rujukan", place)


def show_referral_result(parts: dict) -> None:
    """Draw a projection and its referral: parameters, days, hospitals, notes."""
    bed_projection, timeline = parts["proyeksi"], parts["rujukan_harian"]
    daily = timeline.daily
    columns = st.columns(4)
    columns[0].metric(t("skn_kpi_puncak"), fmt_int(daily["demand"].max()))
    columns[1].metric(t("alok_kpi_capacity"), fmt_int(daily["capacity"].max()))
    columns[2].metric(t("skn_kpi_tak_tertampung"), fmt_int(daily["unplaced"].max()))
    columns[3].metric(
        t("skn_kpi_habis"),
        "–"
        if timeline.first_shortage is None
        else date_label(pd.Timestamp(timeline.first_shortage)),
    )
    with st.expander(t("skn_parameter_chime"), expanded=True):
        st.dataframe(_chime_table(bed_projection), hide_index=True, width="stretch")
    right, left = st.container(), st.container()  # hospitals first, then days
    census = bed_projection.daily.set_index("tanggal")
    left.markdown(f"**{t('skn_per_hari')}**")
    left.dataframe(
        pd.DataFrame(
            {
                t("tanggal"): daily["tanggal"].dt.strftime("%d-%m-%Y"),
                t("skn_rawat_proyeksi"): daily["tanggal"]
                .map(census["census_ward"])
                .map(lambda v: fmt_num(v, 1)),
                t("skn_icu_proyeksi"): daily["tanggal"]
                .map(census["census_icu"])
                .map(lambda v: fmt_num(v, 1)),
                t("alok_kpi_demand"): daily["demand"].map(fmt_int),
                t("alok_kpi_placed"): daily["placed"].map(fmt_int),
                t("alok_kpi_unplaced"): daily["unplaced"].map(fmt_int),
                t("skn_rs_penuh"): daily["hospitals_full"].replace("", "–"),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    hospitals = timeline.hospitals
    right.markdown(f"**{t('skn_rs_kapan')}**")
    right.dataframe(
        pd.DataFrame(
            {
                t("nama"): hospitals["hospital"],
                t("skn_tempat_tidur"): hospitals["capacity"].map(fmt_int),
                t("skn_terisi_puncak"): hospitals["peak_placed"].map(fmt_int),
                t("skn_penuh_sejak"): hospitals["first_full"].map(
                    lambda v: "–" if pd.isna(v) else v.strftime("%d-%m-%Y")
                ),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    ui.show_notes((*timeline.notes, *bed_projection.notes))


def _chime_table(bed_projection: Any) -> pd.DataFrame:
    params, growth = bed_projection.parameters, bed_projection.growth
    rows = [
        ("skn_p_model", params["model"].upper()),
        ("skn_p_mulai", params["as_of"]),
        ("skn_p_hari", fmt_int(params["days"])),
        ("skn_p_penduduk", fmt_int(params["N_population"])
         if params["N_population"] else t("skn_tidak_diketahui")),
        ("skn_p_sumber_laju", t(GROWTH_SOURCE.get(growth.source, "skn_laju_taksir"))),
        ("skn_p_lipat", fmt_num(params["T_d_doubling_days"], 1)
         if params["T_d_doubling_days"] else t("alok_tidak_berlipat")),
        ("skn_p_laju", f"{fmt_num(100 * params['g_growth_per_day'], 2)} %"),
        ("skn_p_infeksius", fmt_num(params["D_infectious_days"], 0)),
        ("skn_p_inkubasi", "–" if params["L_incubation_days"] is None
         else fmt_num(params["L_incubation_days"], 0)),
        ("skn_p_dirawat", f"{fmt_num(100 * params['h_hospitalised_share'], 1)} %"),
        ("skn_p_icu", f"{fmt_num(100 * params['u_icu_share'], 1)} %"),
        ("skn_p_los", fmt_int(params["LOS_ward_days"])),
        ("skn_p_los_icu", fmt_int(params["LOS_icu_days"])),
        ("skn_p_aktif", fmt_int(params["I0_active"])),
        ("skn_p_dirawat_kini", fmt_int(params["ward_now"])),
    ]  # fmt: skip
    return pd.DataFrame(
        {
            t("skn_parameter"): [t(key) for key, _ in rows],
            t("nilai"): [v for _, v in rows],
        }
    )


def stock_tab(place: Place) -> None:
    """Days until each resource runs out at its use rate, flagged under a threshold."""
    st.caption(t("skn_stok_tanya"))
    resources = _stored_resources(place.pack.kode)
    default = scenario.stock_from_resources(resources)
    if default.empty:
        st.info(t("skn_stok_tanpa_data"))
        default = pd.DataFrame(
            {
                "resource": [t(f"sumber_daya_{kind}") for kind in store.RESOURCE_KINDS],
                "on_hand": "",
                "use_per_day": "",
            }
        )
    else:
        st.caption(t("skn_stok_dari_data", count=len(resources)))
    threshold = field(
        st.columns(3)[0].number_input,
        "stok_ambang",
        DEFAULT_THRESHOLD_DAYS,
        t("skn_ambang"),
        min_value=1.0,
        step=1.0,
    )
    name = f"stok_{place.pack.kode}"
    table = ui.table_field(
        name,
        default,
        num_rows="dynamic",
        column_config={
            "resource": t("skn_jenis_sumber_daya"),
            "on_hand": ui.number_text_column(t("skn_stok_ada")),
            "use_per_day": ui.number_text_column(t("skn_pakai_per_hari")),
        },
    )
    parameters = ui.run_parameters("stok", place, ["stok_ambang"], {name: table})
    if st.button(t("skn_hitung_stok"), type="primary", key="skn_btn_stok"):
        result = days_of_stock(
            scenario.stock_rows(table),
            threshold_days=float(threshold),
            as_of=place.tanggal,
        )
        ui.remember_result("stok", parameters, {"stok": result})
    kept = _kept_result("stok", place, parameters)
    if kept is None:
        return
    show_stock_result(kept["parts"]["stok"])
    ui.save_form("stok", place)


def show_stock_result(result: Any) -> None:
    """Draw the days of stock, short resources first."""
    table = result.table.sort_values("days_left", na_position="last")
    st.dataframe(
        pd.DataFrame(
            {
                t("skn_jenis_sumber_daya"): table["resource"],
                t("skn_stok_ada"): table["on_hand"].map(fmt_int),
                t("skn_pakai_per_hari"): table["use_per_day"].map(
                    lambda v: fmt_num(v, 1)
                ),
                t("skn_sisa_hari"): table["days_left"].map(lambda v: fmt_num(v, 1)),
                t("skn_habis_pada"): table["runs_out_on"].map(
                    lambda v: "–" if pd.isna(v) else v.strftime("%d-%m-%Y")
                ),
                t("skn_kurang"): table["is_short"].map(
                    lambda v: "⚠ " + t("alok_ya") if v else t("alok_tidak")
                ),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    ui.show_notes(result.notes)


def _stored_resources(kode: str) -> pd.DataFrame | None:
    engine = cache.engine()
    if kode not in set(store.regions(engine)["kode"]):
        return None
    return store.resources(engine, kode)


def saved_tab(place: Place) -> None:
    """List the region's saved scenarios; compare two or more; adopt one."""
    engine = cache.engine()
    known = set(store.regions(engine)["kode"])
    listing = (
        store.list_scenarios(engine, place.pack.kode)
        if place.pack.kode in known
        else pd.DataFrame()
    )
    if listing.empty:
        st.info(t("skn_belum_ada"))
        return
    adopted = store.adopted_scenario(engine, place.pack.kode)
    if adopted is not None:
        st.success(
            t(
                "skn_diadopsi_info",
                nama=adopted.nama,
                id=adopted.id,
                who=adopted.adopted_by,
                when=local_time(adopted.adopted_at),
            )
        )
    saved = {
        int(row.id): store.get_scenario(engine, int(row.id))
        for row in listing.itertuples()
    }
    st.dataframe(
        pd.DataFrame(
            {
                "ID": [f"#{key}" for key in saved],
                t("skn_nama_skenario"): [item.nama for item in saved.values()],
                t("skn_jenis"): [
                    t(f"skn_jenis_{item.results.get('kind')}")
                    for item in saved.values()
                ],
                t("skn_penulis"): [item.author for item in saved.values()],
                t("skn_dibuat"): [
                    local_time(item.created_at) for item in saved.values()
                ],
                t("tanggal"): [
                    "–"
                    if item.data_date is None
                    else item.data_date.strftime("%d-%m-%Y")
                    for item in saved.values()
                ],
                t("skn_status_adopsi"): [
                    t(
                        "skn_diadopsi_oleh",
                        who=item.adopted_by,
                        when=local_time(item.adopted_at),
                    )
                    if item.is_adopted
                    else "–"
                    for item in saved.values()
                ],
                t("skn_tautan"): [ui.link(key) for key in saved],
            }
        ),
        hide_index=True,
        width="stretch",
    )

    def label(key: int) -> str:
        item = saved[key]
        return f"#{key} {item.nama} ({t('skn_jenis_' + item.results.get('kind', ''))})"

    st.subheader(t("skn_bandingkan"))
    chosen = st.multiselect(
        t("skn_pilih_banding"),
        list(saved),
        format_func=label,
        key="skn_banding",
        placeholder=t("skn_pilih_placeholder"),
    )
    if len(chosen) >= 2:
        _compare([saved[key] for key in chosen], place)
    elif chosen:
        st.caption(t("skn_pilih_dua"))

    st.subheader(t("skn_adopsi"))
    with st.form("skn_form_adopsi"):
        left, right = st.columns(2)
        target = left.selectbox(
            t("skn_pilih_adopsi"),
            list(saved),
            format_func=label,
            key="skn_adopsi_pilih",
        )
        who = right.text_input(
            t("skn_siapa"), value=ui.inputs().get("penulis", ""), key="skn_adopsi_siapa"
        )
        pressed = st.form_submit_button(t("skn_tandai_adopsi"))
    if pressed:
        result = store.adopt_scenario(engine, int(target), who)
        st.success(
            t(
                "skn_diadopsi_info",
                nama=result.nama,
                id=result.id,
                who=result.adopted_by,
                when=local_time(result.adopted_at),
            )
        )
        st.rerun()


def _compare(items: list[Any], place: Place) -> None:
    kinds = {item.results.get("kind") for item in items}
    if len(kinds) > 1:
        st.warning(t("skn_err_beda_jenis"))
        return
    kind = kinds.pop()
    st.markdown(f"**{t('skn_kpi_banding')}**")
    st.dataframe(ui.compare_table(items), hide_index=True, width="stretch")
    differences = ui.parameter_differences(items)
    st.markdown(f"**{t('skn_beda_masukan')}**")
    if differences.empty:
        st.caption(t("skn_masukan_sama"))
    else:
        st.dataframe(differences, hide_index=True, width="stretch")
    if kind not in ("lokasi", "distribusi"):
        return
    columns = st.columns(min(len(items), 3))
    for position, item in enumerate(items[:3]):
        parts = scenario.results_from_record(dict(item.results))
        with columns[position]:
            st.markdown(f"**#{item.id} {item.nama}**")
            if kind == "lokasi":
                candidates = pd.DataFrame.from_records(item.parameters["kandidat"])
                fmap = ui.siting_map(place, parts["lokasi"], candidates, legend=False)
            else:
                fmap = scenario_maps.distribution_map(
                    cache.display_layer(place.pack.kode), parts["distribusi"]
                )
            ui.show_map(fmap, key=f"skn_peta_banding_{item.id}")
            if kind == "lokasi":
                st.html(scenario_maps.legend_html(parts["lokasi"]))
    if len(items) > 3:
        st.caption(t("skn_peta_tiga"))
