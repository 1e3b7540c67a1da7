"""Command ``hotspots``: hotspot, LISA and emerging classes per kelurahan.

``python -m geo hotspots --wilayah 33.71 --tanggal 2020-10-06 --jendela-hari 14
--indikator baru --json``. The computation (:func:`hotspot_report`) takes plain
inputs so it can be tested without region packs; :func:`load_region_inputs` is
the one piece of glue to ``geo.regions``.
"""

from __future__ import annotations

import argparse
import logging
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from geo.cli import iso_date, number, write_json, write_text
from geo.errors import GeoInputError
from geo.text import fmt_num, t

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.hotspots import HotspotResult
    from geo.regions import RegionData
    from geo.trends import EmergingResult, GrowthResult

    # (end, level, permutations, seed, neighbours) -> classes and their notes
    EmergingFn = Callable[
        [pd.Timestamp, str, int, int, dict[str, Any]],
        tuple[EmergingResult | None, tuple[str, ...]],
    ]

logger = logging.getLogger(__name__)

# The statistics modules import esda and libpysal (1-3 s here); they are
# imported when the command runs, so that building the parser for any other
# ``python -m geo`` command stays fast. Parser choices are kept here for the
# same reason; a test checks them against geo.hotspots.
LEVEL_CHOICES = ("kelurahan", "kecamatan", "kabkota")
NEIGHBOUR_RULES = ("queen", "knn", "distance")

DEFAULT_WINDOW_DAYS = 14
# indicator name on the command line -> what the hotspot statistics test
INDICATORS: dict[str, str] = {
    "baru": "value",
    "insidens": "rate",
    "insidens_eb": "rate_eb",
    "insidens_seb": "rate_seb",
}
MIN_EMERGING_DATES = 3
ROW_FIELDS = (
    "kode", "nama", "nama_kecamatan", "value", "population", "rate_per_10k",
    "rate_eb_per_10k", "rate_seb_per_10k", "gi_z", "gi_p", "gi_p_fdr",
    "hotspot_class", "hotspot_label", "lisa_i", "lisa_p", "lisa_p_fdr",
    "lisa_class", "lisa_label", "emerging_class", "emerging_label",
    "new_cases", "growth_per_day", "doubling_days",
)  # fmt: skip


@dataclass(frozen=True)
class RegionInputs:
    """What the hotspot command needs from a region pack."""

    kode: str
    kelurahan: gpd.GeoDataFrame
    cases: pd.DataFrame
    population: pd.Series | None
    metric_crs: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class HotspotReport:
    """Hotspots with growth and emerging classes, and every caveat once."""

    hotspots: HotspotResult
    growth: GrowthResult
    emerging: EmergingResult | None
    indikator: str
    summary: str
    notes: tuple[str, ...]


def load_region_inputs(kode: str) -> RegionInputs:
    """Return the layers of region ``kode`` as the app shows them (the store).

    Parameters
    ----------
    kode : str
        Region code, e.g. ``"33.71"``.

    Returns
    -------
    RegionInputs

    Raises
    ------
    GeoInputError
        From ``geo.regions`` when the region is unknown.
    """
    # imported here: the store and its migrations load only when the command runs
    from geo import bootstrap

    return region_inputs(bootstrap.stored_region(kode))


def region_inputs(region: RegionData) -> RegionInputs:
    """Return what the hotspot analysis needs from a region already read.

    Parameters
    ----------
    region : RegionData
        The region (:func:`geo.bootstrap.stored_region`, or the page's cache).

    Returns
    -------
    RegionInputs
    """
    return RegionInputs(
        kode=region.pack.kode,
        kelurahan=region.kelurahan,
        cases=region.cases,
        population=region.population,
        metric_crs=region.pack.metric_crs,
        notes=tuple(region.notes),
    )


def hotspot_report(
    inputs: RegionInputs,
    *,
    tanggal: str | pd.Timestamp | None = None,
    window_days: int = DEFAULT_WINDOW_DAYS,
    indikator: str = "baru",
    level: str = "kelurahan",
    permutations: int | None = None,
    seed: int | None = None,
    weights: str = "queen",
    k: int | None = None,
    distance_m: float | None = None,
    fdr: bool = True,
    emerging_for: EmergingFn | None = None,
) -> HotspotReport:
    """Return hotspots of new cases in a window, growth and emerging classes.

    Parameters
    ----------
    inputs : RegionInputs
        Kelurahan layer, tidy cumulative cases, population or None, metric CRS.
    tanggal : str, pandas.Timestamp or None
        Last day of the window; None takes the latest date of the data.
    window_days : int
        Window length in days.
    indikator : {"baru", "insidens", "insidens_eb", "insidens_seb"}
        New cases, or incidence per 10.000 (raw, empirical Bayes, spatial EB).
    level : {"kelurahan", "kecamatan", "kabkota"}
        Unit of analysis (coarser levels sum their kelurahan).
    permutations, seed
        Permutation settings of every Gi* and Local Moran run; None takes
        ``geo.hotspots.DEFAULT_PERMUTATIONS`` and ``DEFAULT_SEED``.
    weights, k, distance_m
        Neighbour rule ("queen", "knn" with ``k`` neighbours, or "distance"
        within ``distance_m`` metres), see :func:`geo.hotspots.build_weights`;
        None for ``k`` takes ``geo.hotspots.DEFAULT_K``.
    fdr : bool
        Benjamini-Hochberg correction (on by default), for the hotspots and for
        each date of the emerging classes.
    emerging_for : callable, optional
        ``emerging_for(end, level, permutations, seed, neighbours)`` returning
        what :func:`emerging_classes` returns for these inputs; the page passes
        a cached one, since the classes depend on neither the window nor the
        tested value. None computes them here.

    Returns
    -------
    HotspotReport

    Raises
    ------
    GeoInputError
        Unknown indicator, date or level, or any input problem of
        :func:`geo.hotspots.hotspots` and :func:`geo.trends.growth_trends`.
    """
    if indikator not in INDICATORS:
        raise GeoInputError(
            t(
                "err_indikator_unknown",
                value=indikator,
                wilayah=inputs.kode,
                tanggal=tanggal,
                choices=", ".join(INDICATORS),
            )
        )
    from geo import hotspots as spots
    from geo import trends

    if tanggal is None:
        tanggal = pd.to_datetime(inputs.cases["tanggal"]).max()
    permutations = spots.DEFAULT_PERMUTATIONS if permutations is None else permutations
    seed = spots.DEFAULT_SEED if seed is None else seed
    neighbours = {
        "weights": weights,
        "k": spots.DEFAULT_K if k is None else k,
        "distance_m": distance_m,
        "fdr": fdr,
    }
    names = inputs.kelurahan.set_index("kode")["nama"]
    growth = trends.growth_trends(inputs.cases, tanggal, window_days, names=names)

    # the counts are always new cases; what is tested follows the indicator
    window = {"days": growth.span_days, "end": growth.end.date()}
    new_cases = growth.table.set_index("kode")["new_cases"]
    result = spots.hotspots(
        inputs.kelurahan,
        new_cases,
        metric_crs=inputs.metric_crs,
        value_label=t("hs_label_baru", **window),
        tested_label=t(f"hs_label_{indikator}", **window),
        population=inputs.population,
        level=level,
        test_on=INDICATORS[indikator],
        permutations=permutations,
        seed=seed,
        **neighbours,
    )
    if emerging_for is None:
        emerging, emerging_notes = emerging_classes(
            inputs, growth.end, level, permutations, seed, neighbours
        )
    else:
        emerging, emerging_notes = emerging_for(
            growth.end, level, permutations, seed, neighbours
        )
    if emerging is not None:
        classes = emerging.table.set_index("kode")["emerging_class"]
        result = spots.with_emerging(result, classes)

    notes = [*result.notes, *growth.notes, *emerging_notes, *inputs.notes]
    summary = result.summary
    if emerging is not None:
        summary = f"{summary} {emerging.summary}"
    return HotspotReport(
        result, growth, emerging, indikator, summary, tuple(dict.fromkeys(notes))
    )


def split_notes(report: HotspotReport) -> tuple[list[str], list[str]]:
    """Return the report's notes as (how it was computed, why to be careful).

    The words are the report's own; only the grouping is new. The Hotspot page
    shows both groups; the briefing states the settings in one line and keeps
    the second group, the caveats.

    Parameters
    ----------
    report : HotspotReport
        Output of :func:`hotspot_report`.

    Returns
    -------
    tuple of (list of str, list of str)
        The method notes and the caveats, each in the report's order.
    """
    method = {*report.hotspots.notes[:2], t("hs_note_rates")}
    if report.emerging is not None:
        method.update(report.emerging.notes[:2])
    how = [note for note in report.notes if note in method]
    careful = [note for note in report.notes if note not in method]
    return how, careful


def report_payload(report: HotspotReport) -> dict[str, Any]:
    """Return the report as JSON-ready data (field names of the data, NaN → None).

    Parameters
    ----------
    report : HotspotReport
        Output of :func:`hotspot_report`.

    Returns
    -------
    dict
        ``pengaturan``, ``ringkasan``, ``jendela`` (start, end, days),
        ``wilayah`` (one record per unit) and ``catatan``.
    """
    table = report.hotspots.table
    if report.hotspots.settings.level == "kelurahan":
        growth = report.growth.table.drop(columns=["start_count", "end_count"])
        table = table.merge(growth, on="kode", how="left")
    fields = [name for name in ROW_FIELDS if name in table.columns]
    records = [
        {name: _plain(row[name]) for name in fields}
        for row in table[fields].to_dict("records")
    ]
    return {
        "pengaturan": {
            **asdict(report.hotspots.settings),
            "indikator": report.indikator,
        },
        "ringkasan": report.summary,
        "jendela": {
            "mulai": str(report.growth.start.date()),
            "sampai": str(report.growth.end.date()),
            "hari": report.growth.span_days,
        },
        "wilayah": records,
        "catatan": list(report.notes),
    }


def report_lines(report: HotspotReport) -> list[str]:
    """Return the report as lines for people (Bahasa Indonesia)."""
    table = report.hotspots.table
    lines = [report.summary, ""]
    for row in table.to_dict("records"):
        parts = [
            f"{row['kode']} {row['nama']}",
            f"{t('nilai')} {_value_text(row['value'])}",
            row["hotspot_label"],
            f"LISA: {row['lisa_label']}",
        ]
        if "emerging_label" in row:
            parts.append(f"{t('hs_pola')}: {row['emerging_label']}")
        lines.append(" | ".join(parts))
    lines.extend(["", t("hs_catatan") + ":"])
    lines.extend(f"- {note}" for note in report.notes)
    return lines


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``hotspots`` command and set ``func`` on its parser."""
    parser = subparsers.add_parser(
        "hotspots",
        help=t("hs_cli_help"),
        description=t("hs_cli_help"),
    )
    parser.add_argument("--wilayah", required=True, help=t("hs_cli_wilayah"))
    parser.add_argument("--tanggal", default=None, help=t("hs_cli_tanggal"))
    parser.add_argument(
        "--jendela-hari",
        type=number(1, whole=True),
        default=DEFAULT_WINDOW_DAYS,
        help=t("hs_cli_jendela"),
    )
    parser.add_argument(
        "--indikator", default="baru", choices=tuple(INDICATORS), help=t("indikator")
    )
    parser.add_argument(
        "--tingkat",
        default="kelurahan",
        choices=LEVEL_CHOICES,
        help=t("hs_cli_tingkat"),
    )
    parser.add_argument(
        "--tetangga",
        default="queen",
        choices=NEIGHBOUR_RULES,
        help=t("hs_cli_tetangga"),
    )
    parser.add_argument(
        "--k", type=number(1, whole=True), default=None, help=t("hs_cli_k")
    )
    parser.add_argument(
        "--jarak-m", type=number(0, above=True), default=None, help=t("hs_cli_jarak")
    )
    parser.add_argument("--tanpa-fdr", action="store_true", help=t("hs_cli_tanpa_fdr"))
    parser.add_argument("--permutasi", type=int, default=None, help=t("hs_cli_perm"))
    parser.add_argument("--seed", type=int, default=None, help=t("hs_cli_seed"))
    parser.add_argument("--json", action="store_true", help=t("hs_cli_json"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the command for parsed ``args`` and return the exit code."""
    if args.tetangga == "distance" and args.jarak_m is None:
        raise GeoInputError(t("hs_cli_jarak_perlu"))
    inputs = load_region_inputs(args.wilayah)
    report = hotspot_report(
        inputs,
        tanggal=iso_date(args.tanggal),
        window_days=args.jendela_hari,
        indikator=args.indikator,
        level=args.tingkat,
        permutations=args.permutasi,
        seed=args.seed,
        weights=args.tetangga,
        k=args.k,
        distance_m=args.jarak_m,
        fdr=not args.tanpa_fdr,
    )
    if args.json:
        write_json(report_payload(report))
    else:
        write_text("\n".join(report_lines(report)))
    return 0


def emerging_classes(
    inputs: RegionInputs,
    end: pd.Timestamp,
    level: str,
    permutations: int,
    seed: int,
    neighbours: dict[str, Any],
) -> tuple[EmergingResult | None, tuple[str, ...]]:
    """Return the emerging-hotspot classes over every data date up to ``end``.

    Returns
    -------
    tuple
        The classes (None when the data have too few dates) and their notes.
    """
    cases = inputs.cases[pd.to_datetime(inputs.cases["tanggal"]) <= end]
    n_dates = cases["tanggal"].nunique()
    if n_dates < MIN_EMERGING_DATES:
        note = t(
            "tr_note_no_emerging_dates",
            n=n_dates,
            end=end.date(),
            minimum=MIN_EMERGING_DATES,
        )
        return None, (note,)
    from geo.trends import emerging_hotspots

    emerging = emerging_hotspots(
        inputs.kelurahan,
        cases,
        metric_crs=inputs.metric_crs,
        level=level,
        permutations=permutations,
        seed=seed,
        **neighbours,
    )
    return emerging, emerging.notes


def _plain(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return _plain(value.item())
    if value is pd.NA:
        return None
    return value


def _value_text(value: float) -> str:
    if isinstance(value, float) and math.isnan(value):
        return t("tidak_ada_data")
    return fmt_num(value, 0)
