"""The briefing's hotspot and adopted-scenario sections, built once for everyone.

:func:`with_briefing_sections` fills the ``hotspot_*`` and ``scenario_*``
fields of :class:`geo.export_region.ExportInputs` for the "Laporan Situasi":
the hotspot analysis with the Hotspot page's defaults
(:func:`hotspot_defaults`) ending at the briefing's date, and the region's
adopted scenario from the store (:func:`geo.store.adopted_scenario`) with the
KPIs the Skenario page shows (:func:`geo.scenario.scenario_kpi`). The page
(``ui.downloads``) passes its cached hotspot report, the command line
(:mod:`geo.cli_export`) one computed from the region it read; both get the
same sections.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from geo import scenario, store
from geo.errors import GeoInputError
from geo.indicators import INDICATORS
from geo.siting import unit_label
from geo.text import TEXT, fmt_int, local_long_time, long_date, t

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from geo.cli_hotspots import HotspotReport
    from geo.export_region import ExportInputs

    # hotspot_for(tanggal, **hotspot_defaults()) -> the report ending at tanggal
    HotspotFn = Callable[..., HotspotReport]

logger = logging.getLogger(__name__)

HOTSPOT_ROWS = 10  # significant hotspots listed; the summary names the rest
# KPIs of scenario.scenario_kpi that count patients, whatever the inputs
PATIENT_KPIS = ("demand_peak", "unplaced_peak")
# KPIs that sum the need weights: people when the weight counts people
WEIGHT_KPIS = ("covered_weight", "total_weight", "unmet_weight")
PEOPLE_WEIGHTS = ("penduduk", *scenario.COUNT_WEIGHTS)


def hotspot_defaults() -> dict[str, Any]:
    """Return the Hotspot page's default settings, as keywords of the analysis.

    Returns
    -------
    dict
        ``window_days``, ``indikator``, ``level``, ``weights``, ``k``,
        ``distance_m``, ``permutations``, ``seed`` and ``fdr``: the keywords
        of :func:`geo.cli_hotspots.hotspot_report` and of the page's cached
        ``ui.cache.hotspot_report``, so the briefing reuses what the page
        computed with its defaults.
    """
    # imported here: geo.hotspots loads esda and libpysal (1-3 s)
    from geo.cli_hotspots import DEFAULT_WINDOW_DAYS
    from geo.hotspots import DEFAULT_K, DEFAULT_PERMUTATIONS, DEFAULT_SEED

    return {
        "window_days": DEFAULT_WINDOW_DAYS,
        "indikator": "baru",
        "level": "kelurahan",
        "weights": "queen",
        "k": DEFAULT_K,
        "distance_m": None,
        "permutations": DEFAULT_PERMUTATIONS,
        "seed": DEFAULT_SEED,
        "fdr": True,
    }


def with_briefing_sections(
    inputs: ExportInputs, engine: Engine, hotspot_for: HotspotFn
) -> ExportInputs:
    """Return ``inputs`` with the briefing's hotspot and scenario sections filled.

    Parameters
    ----------
    inputs : ExportInputs
        The region at the briefing's date.
    engine : sqlalchemy.Engine
        The store holding the region's saved scenarios.
    hotspot_for : callable
        ``hotspot_for(tanggal, **hotspot_defaults())`` returns the
        :class:`geo.cli_hotspots.HotspotReport` ending at ``tanggal``
        (``YYYY-MM-DD``); it raises GeoInputError when the analysis cannot
        run (e.g. on the first data date).

    Returns
    -------
    ExportInputs
        A copy with ``hotspot_summary`` and ``hotspot_table`` (always: the
        summary, or one sentence saying why there is none) and, when the region
        has an adopted scenario, ``scenario_text`` and ``scenario_table``.
    """
    summary, table = hotspot_section(inputs, hotspot_for)
    adopted = store.adopted_scenario(engine, inputs.kode)
    text, kpis = scenario_section(inputs, adopted) if adopted else ((), None)
    if adopted is None:
        logger.info("briefing %s: no adopted scenario", inputs.kode)
    return replace(
        inputs,
        hotspot_summary=summary,
        hotspot_table=table,
        scenario_text=text,
        scenario_table=kpis,
    )


def hotspot_section(
    inputs: ExportInputs, hotspot_for: HotspotFn
) -> tuple[tuple[str, ...], pd.DataFrame | None]:
    """Return the hotspot paragraphs and the table of significant hotspots.

    Parameters
    ----------
    inputs : ExportInputs
        The region at the briefing's date.
    hotspot_for : callable
        As :func:`with_briefing_sections`.

    Returns
    -------
    tuple
        Paragraphs: the report's summary, the settings tested in one line,
        its caveats (those not already among the briefing's notes) and, when
        there are significant hotspots, the line introducing their table.
        The table (None when there is no significant hotspot): ``Kelurahan``,
        ``Kecamatan``, new cases in the window (Int64, so that a public
        release hides 1 to 4) and the class. When the analysis cannot run,
        one sentence says why and there is no table.
    """
    # LIMITATION: counts written inside sentences (summary, caveats) are not
    # hidden in a public release; only table cells are.
    from geo.cli_hotspots import split_notes

    settings = hotspot_defaults()
    tanggal = inputs.data_date.date().isoformat()
    try:
        report = hotspot_for(tanggal, **settings)
    except GeoInputError as err:
        logger.info("briefing %s %s without hotspots: %s", inputs.kode, tanggal, err)
        return (t("brf_hs_gagal", alasan=str(err)),), None

    tested = report.hotspots.settings
    line = t(
        "brf_hs_pengaturan",
        nilai=tested.value_label,
        tingkat=t(f"hs_level_{tested.level}"),
        hari=settings["window_days"],
        permutasi=fmt_int(tested.permutations),
        seed=tested.seed,
        tetangga=t(f"hsp_nb_{tested.weights}").lower(),
        fdr=t("hsp_fdr_on") if tested.fdr else t("hsp_fdr_off"),
    )
    _, caveats = split_notes(report)
    shown = set(inputs.notes)
    paragraphs = [report.summary, line]
    paragraphs += [f"• {note}" for note in caveats if note not in shown]

    hot = report.hotspots.table
    hot = hot[hot["hotspot_class"].str.startswith("hot_")]
    if hot.empty:
        return tuple(paragraphs), None
    hot = hot.assign(value=hot["value"].round().astype("Int64")).sort_values(
        ["hotspot_class", "value", "nama"], ascending=[False, False, True]
    )
    value_header = t("brf_hs_kolom_nilai", hari=report.growth.span_days)
    table = pd.DataFrame(
        {
            t("kelurahan"): hot["nama"].astype(str),
            t("kecamatan"): hot["nama_kecamatan"].astype(str),
            value_header: hot["value"],
            t("brf_hs_kolom_kelas"): hot["hotspot_label"].astype(str),
        }
    ).head(HOTSPOT_ROWS)
    paragraphs.append(
        t("brf_hs_tabel", n=len(hot), nilai=value_header.lower())
        if len(hot) <= HOTSPOT_ROWS
        else t(
            "brf_hs_tabel_sebagian",
            n=len(hot),
            shown=HOTSPOT_ROWS,
            nilai=value_header.lower(),
        )
    )
    return tuple(paragraphs), table.reset_index(drop=True)


def scenario_section(
    inputs: ExportInputs, adopted: store.StoredScenario
) -> tuple[tuple[str, ...], pd.DataFrame | None]:
    """Return the paragraphs and KPI table of the region's adopted scenario.

    Parameters
    ----------
    inputs : ExportInputs
        The region at the briefing's date.
    adopted : StoredScenario
        The adopted scenario (:func:`geo.store.adopted_scenario`).

    Returns
    -------
    tuple
        Paragraphs: name, kind, who adopted it and when, the need weight when
        recorded, its data date and a warning when that is not the briefing's
        date. The table ``Indikator``, ``Nilai``: the KPIs of
        :func:`geo.scenario.scenario_kpi` as the Skenario page writes them;
        counts of people (patients, and needs weighted by a count) stay
        numbers, so that a public release hides 1 to 4. None when the stored
        results cannot be read (a sentence says so).
    """
    kind = str(adopted.results.get("kind", ""))
    paragraphs = [
        t(
            "brf_skn_diadopsi",
            nama=adopted.nama,
            id=adopted.id,
            jenis=TEXT.get(f"skn_jenis_{kind}", kind),
            oleh=adopted.adopted_by or "–",
            tanggal=local_long_time(adopted.adopted_at),
        )
    ]
    masukan = adopted.parameters.get("masukan") or {}
    weight = _weight_key(masukan)
    if weight is not None:
        paragraphs.append(t("brf_skn_bobot", bobot=scenario.weight_label(weight)))
    sites_at = len(paragraphs)  # the chosen sites follow what the need was
    briefing_date = inputs.data_date.date()
    if adopted.data_date is None:
        paragraphs.append(t("brf_skn_tanpa_tanggal"))
    elif adopted.data_date != briefing_date:
        paragraphs.append(
            t(
                "brf_skn_beda_tanggal",
                skenario=long_date(adopted.data_date),
                laporan=long_date(briefing_date),
            )
        )
    else:
        paragraphs.append(t("brf_skn_tanggal", tanggal=long_date(adopted.data_date)))

    try:
        parts = scenario.results_from_record(dict(adopted.results))
        kpi = scenario.scenario_kpi(kind, parts).kpi
        unit = (
            unit_label(parts["lokasi"].parameters["unit"]) if kind == "lokasi" else ""
        )
    except (GeoInputError, KeyError) as err:
        logger.warning(
            "briefing %s: scenario #%s unread: %s", inputs.kode, adopted.id, err
        )
        paragraphs.append(t("brf_skn_tak_terbaca", id=adopted.id))
        return tuple(paragraphs), None
    if kind == "lokasi":
        sites = parts["lokasi"].sites
        chosen = sites.loc[sites["is_chosen"], "id"].astype(str).tolist()
        if chosen:
            names = ", ".join(chosen)
            paragraphs.insert(sites_at, t("brf_skn_lokasi", n=len(chosen), names=names))
    counts_people = _counts_people(weight)
    values = [
        _kpi_cell(key, value, unit, counts_people=counts_people)
        for key, value in kpi.items()
    ]
    table = pd.DataFrame(
        {
            t("skn_indikator_kinerja"): [
                TEXT.get(f"alok_kpi_{key}", key) for key in kpi
            ],
            t("brf_nilai"): pd.Series(values, dtype=object),
        }
    )
    return tuple(paragraphs), table


def _kpi_cell(key: str, value: Any, unit: str, *, counts_people: bool) -> object:
    """Return a KPI as a number when it counts people, else as its text."""
    is_count = key in PATIENT_KPIS or (key in WEIGHT_KPIS and counts_people)
    if is_count and value is not None and not pd.isna(value):
        return float(value)
    return scenario.kpi_text(key, value, unit)


def _weight_key(masukan: Mapping[str, Any]) -> str | None:
    """Return the need weight the scenario was run with (``*_bobot``), if saved."""
    for name, value in masukan.items():
        if name.endswith("_bobot") and value:
            return str(value)
    return None


def _counts_people(weight: str | None) -> bool:
    """Whether sums of this need weight are people (unknown: assume they are)."""
    if weight is None or weight in PEOPLE_WEIGHTS:
        return True
    indicator = INDICATORS.get(weight)
    return indicator is None or indicator.is_count
