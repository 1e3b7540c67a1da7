"""Benchmark chart PNG export and the whole "Laporan Situasi" PDF.

Run: ``.venv/bin/python benchmarks/bench_export.py``. Prints seconds per chart
PNG after the first (goal <= 0.5 s), the whole briefing (goal <= 10 s) for Kota
Magelang and DKI Jakarta, and the ratio against a plain baseline: a one-shot
kaleido export that starts a browser per chart (what ``fig.to_image`` does
without a warm server).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import geopandas as gpd
import kaleido
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import cli_export, export_region  # noqa: E402
from geo.export_image import ImageRenderer  # noqa: E402
from geo.export_region import ExportInputs, inputs_from_region  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared/data")
CHART_RUNS = 10
BASELINE_RUNS = 2
CHARTS = ("kurva", "status", "kecamatan", "kelurahan")


def region_inputs(kode: str) -> ExportInputs:
    """Return the region through geo.regions when present, else from raw files."""
    try:
        return cli_export.load_export_inputs(kode, None)
    except ImportError:
        pass
    if kode == "33.71":
        raw = pd.read_csv(
            REPO / "data/magelang/covid/3371_kota_magelang_covid_scrape.csv"
        )
        cases = pd.DataFrame(
            {
                "kode": raw["kode_wilayah_match"],
                "tanggal": pd.to_datetime(raw["scrape_date"]),
                "positif": raw["total_positif"],
                "dirawat": raw["positif_dirawat"],
                "isolasi": raw["positif_isolasi"],
                "sembuh": raw["positif_sembuh"],
                "meninggal": raw["positif_meninggal"],
            }
        )
        layer, name = REPO / "data/magelang/kelurahan.geojson", "Kota Magelang"
    else:
        raw = pd.read_csv(SHARED / "jakarta/covid/kelurahan_positif_monthly.csv")
        cases = raw.rename(
            columns={"snapshot_date": "tanggal", "self_isolation": "isolasi"}
        )
        cases["tanggal"] = pd.to_datetime(cases["tanggal"])
        layer, name = REPO / "data/jakarta/kelurahan.geojson", "DKI Jakarta"
    for column in ("positif", "dirawat", "isolasi", "sembuh", "meninggal"):
        cases[column] = cases[column].astype("Int64")
    return inputs_from_region(
        kode=kode,
        name=name,
        kelurahan=gpd.read_file(layer),
        cases=cases,
        source="bench",
        notes=(),
        tanggal=None,
    )


def main() -> None:
    regions = {kode: region_inputs(kode) for kode in ("33.71", "31")}
    magelang = regions["33.71"]
    figures = [
        export_region.chart_figure(magelang, chart, public=False) for chart in CHARTS
    ]

    with ImageRenderer() as renderer:
        started = time.perf_counter()
        renderer.chart_image(figures[0], "png", scale=2)
        first_s = time.perf_counter() - started

        warm = []
        for run in range(CHART_RUNS):
            figure = figures[run % len(figures)]
            started = time.perf_counter()
            renderer.chart_image(figure, "png", scale=2)
            warm.append(time.perf_counter() - started)

        briefing = {}
        for kode, inputs in regions.items():
            started = time.perf_counter()
            export_region.export(
                "laporan",
                inputs,
                fmt="pdf",
                out_path=Path("/tmp") / f"bench-laporan-{kode}.pdf",
                renderer=renderer,
            )
            briefing[inputs.region] = time.perf_counter() - started

    baseline = []
    for _ in range(BASELINE_RUNS):
        started = time.perf_counter()
        kaleido.calc_fig_sync(
            figures[0].to_dict(),
            opts={"format": "png", "scale": 2},
            kopts={"mathjax": False},
        )
        baseline.append(time.perf_counter() - started)

    per_chart = statistics.median(warm)
    print(f"first chart PNG (browser start included): {first_s:.2f} s")
    print(
        f"chart PNG after the first: median {per_chart:.3f} s, "
        f"max {max(warm):.3f} s over {CHART_RUNS} (goal <= 0.5 s)"
    )
    baseline_s = statistics.median(baseline)
    print(f"baseline one-shot kaleido PNG: median {baseline_s:.2f} s")
    print(f"ratio baseline / warm: {baseline_s / per_chart:.1f}x")
    for region, seconds in briefing.items():
        print(f"briefing PDF {region}: {seconds:.2f} s (goal <= 10 s)")


if __name__ == "__main__":
    main()
