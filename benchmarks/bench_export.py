"""Benchmark chart PNG export and the whole "Laporan Situasi" PDF.

Run: ``.venv/bin/python benchmarks/bench_export.py``. Prints seconds per chart
PNG after the first (goal <= 0.5 s), the whole briefing (goal <= 10 s) for Kota
Magelang and DKI Jakarta at their latest date, and the ratio against a plain
baseline: a one-shot kaleido export that starts a browser per chart (what
``fig.to_image`` does without a warm server). The briefing is timed as
``export laporan`` makes it once the region is read: its hotspot and
adopted-scenario sections (the hotspot analysis with the page's defaults, 999
permutations) and then the PDF.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import kaleido

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import cli_export, export_region, store  # noqa: E402
from geo.export_image import ImageRenderer  # noqa: E402
from geo.export_region import ExportInputs  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CHART_RUNS = 10
BASELINE_RUNS = 2
CHARTS = ("kurva", "status", "kecamatan", "kelurahan")


def region_inputs(kode: str, engine) -> ExportInputs:
    """Return the region as the command line reads it (region pack, display layer)."""
    return cli_export.load_export_inputs(kode, None, engine=engine)


def main() -> None:
    engine = store.open_store()
    regions = {kode: region_inputs(kode, engine) for kode in ("33.71", "31")}
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
            filled = cli_export.with_sections(inputs, engine)
            sections_s = time.perf_counter() - started
            export_region.export(
                "laporan",
                filled,
                fmt="pdf",
                out_path=Path("/tmp") / f"bench-laporan-{kode}.pdf",
                renderer=renderer,
            )
            briefing[inputs.name] = (time.perf_counter() - started, sections_s)

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
    for region, (seconds, sections_s) in briefing.items():
        print(
            f"briefing PDF {region}: {seconds:.2f} s (goal <= 10 s), of which "
            f"hotspot and scenario sections {sections_s:.2f} s"
        )


if __name__ == "__main__":
    main()
