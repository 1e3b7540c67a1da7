"""Command ``python -m geo export {grafik,tabel,peta,laporan}`` for scheduled jobs.

Example: ``python -m geo export laporan --wilayah 33.71 --tanggal 2020-10-06
--format pdf --keluar laporan.pdf``. Region loading is isolated in
:func:`load_export_inputs` (and :func:`load_briefing_inputs`, which adds the
briefing's hotspot and adopted-scenario sections); the exports themselves are
in :mod:`geo.export_region`.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.cli import number
from geo.export_image import DEFAULT_TIMEOUT_S, ImageRenderer
from geo.export_region import (
    CHARTS,
    KINDS,
    STORE_CHARTS,
    ExportInputs,
    export,
    inputs_from_region,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

logger = logging.getLogger(__name__)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``export`` command on ``subparsers``."""
    parser = subparsers.add_parser(
        "export",
        help="Ekspor grafik, tabel, peta atau Laporan Situasi ke berkas.",
        description=(
            "Ekspor untuk jadwal harian: grafik (png, svg, pdf, html), tabel "
            "(xlsx, csv), peta (html, png, geojson, gpkg), laporan (pdf)."
        ),
    )
    parser.add_argument("jenis", choices=KINDS, help="Apa yang diekspor.")
    parser.add_argument("--wilayah", required=True, help="Kode wilayah, mis. 33.71.")
    parser.add_argument(
        "--tanggal", default=None, help="Tanggal data TTTT-BB-HH (bawaan: terakhir)."
    )
    parser.add_argument("--format", dest="fmt", default=None, help="Format berkas.")
    parser.add_argument("--keluar", required=True, type=Path, help="Berkas hasil.")
    parser.add_argument(
        "--grafik",
        default="kurva",
        choices=CHARTS,
        help=(
            "Grafik yang diekspor; keterisian dan stok hanya bila basis data "
            "mencatatnya sampai tanggal data."
        ),
    )
    parser.add_argument(
        "--publik", action="store_true", help="Rilis publik: angka 1-4 jadi <5."
    )
    parser.add_argument(
        "--batas-waktu",
        dest="timeout_s",
        type=number(0, above=True),
        default=DEFAULT_TIMEOUT_S,
        help="Detik paling lama untuk satu gambar.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``export`` from parsed arguments and return the exit code."""
    if args.jenis == "laporan":
        inputs = load_briefing_inputs(args.wilayah, args.tanggal)
    else:
        wanted = args.jenis == "grafik" and args.grafik in STORE_CHARTS
        inputs = load_export_inputs(
            args.wilayah, args.tanggal, with_store_charts=wanted
        )
    with ImageRenderer(timeout_s=args.timeout_s) as renderer:
        path = export(
            args.jenis,
            inputs,
            fmt=args.fmt,
            out_path=args.keluar,
            chart=args.grafik,
            public=args.publik,
            renderer=renderer,
        )
    logger.info("export written: %s", path)
    return 0


def load_export_inputs(
    kode: str,
    tanggal: str | None,
    *,
    engine: Engine | None = None,
    with_store_charts: bool = True,
) -> ExportInputs:
    """Return the export inputs of region ``kode`` at ``tanggal`` (latest if None).

    The one place that reads a region (:func:`geo.bootstrap.stored_region`);
    the map uses the display layer of the Peta Situasi page
    (:func:`geo.display.display_geometry`), so both draw the same map, and
    the facility occupancy and resource stock come from the same store
    (:func:`geo.store_charts.store_charts`), as on the Grafik & Ekspor page.

    Parameters
    ----------
    kode : str
        Region code, e.g. ``"33.71"``.
    tanggal : str or None
        Data date ``YYYY-MM-DD``; None takes the latest.
    engine : sqlalchemy.Engine, optional
        The store; by default the one ``CC_DATABASE_URL`` / ``CC_DATA_DIR``
        name.
    with_store_charts : bool
        Read occupancy and stock (which replays the audit log); only the
        ``keterisian`` and ``stok`` charts need them.

    Raises
    ------
    GeoInputError
        If the region is unknown, its files unreadable, or the date absent.
    """
    from geo import store  # the store, opened only when run
    from geo.bootstrap import stored_region
    from geo.display import display_geometry
    from geo.store_charts import store_charts

    engine = store.open_store() if engine is None else engine
    region = stored_region(kode, engine)
    layer = display_geometry(region.kelurahan, metric_crs=region.pack.metric_crs)
    inputs = inputs_from_region(region, tanggal, layer=layer.layer)
    if not with_store_charts:
        return inputs
    occupancy, stock = store_charts(engine, region, inputs.data_date)
    return replace(inputs, occupancy=occupancy, stock=stock)


def load_briefing_inputs(kode: str, tanggal: str | None) -> ExportInputs:
    """Return the export inputs with the briefing's hotspot and scenario sections.

    As :func:`load_export_inputs`, then :func:`with_sections` from the same
    store, so the scheduled briefing has what the page's briefing has.

    Raises
    ------
    GeoInputError
        As :func:`load_export_inputs`.
    """
    from geo import store

    engine = store.open_store()
    inputs = load_export_inputs(kode, tanggal, engine=engine, with_store_charts=False)
    return with_sections(inputs, engine)


def with_sections(inputs: ExportInputs, engine: Engine) -> ExportInputs:
    """Return ``inputs`` with the briefing's hotspot and adopted-scenario sections.

    :func:`geo.briefing_sections.with_briefing_sections` with the hotspot
    analysis (:func:`geo.cli_hotspots.hotspot_report`) of the region already
    read and the adopted scenario of ``engine``.

    Parameters
    ----------
    inputs : ExportInputs
        The region at the briefing's date (:func:`load_export_inputs`).
    engine : sqlalchemy.Engine
        The store the region was read from.

    Returns
    -------
    ExportInputs
    """
    from geo import briefing_sections, cli_hotspots

    region = cli_hotspots.region_inputs(inputs.region)

    def hotspot_for(date: str, **settings: Any) -> cli_hotspots.HotspotReport:
        return cli_hotspots.hotspot_report(region, tanggal=date, **settings)

    return briefing_sections.with_briefing_sections(inputs, engine, hotspot_for)
