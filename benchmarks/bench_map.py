"""Map payload and server build time per region, against GeoDataFrame.explore().

Usage: ``python benchmarks/bench_map.py [--jateng PATH] [--skip-jateng]``

For each layer (Kota Magelang 17 kelurahan, DKI Jakarta 267, Jawa Tengah 8,563
desa/kelurahan) it builds, with the same seeded case counts:

- baseline: ``GeoDataFrame.explore(column=...)`` rendered to HTML;
- ours: ``display_geometry`` (coverage clean + simplify in the metric CRS,
  rounding) then ``situation_map`` rendered to HTML;
- ours without simplification (rounded coordinates only), to show which part
  of the saving comes from the encoding and which from simplification.

It prints bytes, seconds and ratios. Goal: Jakarta payload <= half of explore()'s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.crs import UTM_48S, UTM_49S  # noqa: E402
from geo.display import display_geometry  # noqa: E402
from geo.mapview import map_html, situation_map  # noqa: E402

SEED = 20201006
JATENG_DEFAULT = (
    ROOT.parent / "shared" / "data" / "jateng" / "desa_kelurahan.geojson.zip"
)


def _layers(jateng: Path | None) -> list[tuple[str, str, str, float]]:
    layers = [
        ("Kota Magelang", str(ROOT / "data/magelang/kelurahan.geojson"), UTM_49S, 20.0),
        ("DKI Jakarta", str(ROOT / "data/jakarta/kelurahan.geojson"), UTM_48S, 20.0),
    ]
    if jateng is not None:
        source = f"zip://{jateng}!desa_kelurahan.geojson"
        layers.append(("Jawa Tengah", source, UTM_49S, 50.0))
    return layers


def _timed(function, *args, **kwargs):
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - start


def _explore_html(layer: gpd.GeoDataFrame) -> str:
    return layer.explore(column="positif").get_root().render()


def _ours_html(layer: gpd.GeoDataFrame, metric_crs: str, tolerance_m: float) -> str:
    shown = display_geometry(layer, metric_crs=metric_crs, tolerance_m=tolerance_m)
    fmap = situation_map(
        shown.layer, "positif", indicator_label="Kasus konfirmasi kumulatif"
    )
    return map_html(fmap)


def _ours_unsimplified_html(layer: gpd.GeoDataFrame) -> str:
    fmap = situation_map(layer, "positif", indicator_label="Kasus konfirmasi kumulatif")
    return map_html(fmap)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jateng", type=Path, default=JATENG_DEFAULT)
    parser.add_argument("--skip-jateng", action="store_true")
    args = parser.parse_args()
    jateng = None if args.skip_jateng or not args.jateng.exists() else args.jateng
    rng = np.random.default_rng(SEED)

    header = (
        f"{'wilayah':<14}{'n':>6}{'explore MB':>12}{'explore s':>11}"
        f"{'ours MB':>10}{'ours s':>9}{'ratio':>8}{'unsimpl MB':>12}{'unsimpl s':>11}"
    )
    print(header)
    for name, source, metric_crs, tolerance_m in _layers(jateng):
        layer = gpd.read_file(source)
        layer["positif"] = rng.poisson(40, len(layer))
        baseline, baseline_s = _timed(_explore_html, layer)
        ours, ours_s = _timed(_ours_html, layer, metric_crs, tolerance_m)
        plain, plain_s = _timed(_ours_unsimplified_html, layer)
        print(
            f"{name:<14}{len(layer):>6}{len(baseline) / 1e6:>12.3f}{baseline_s:>11.2f}"
            f"{len(ours) / 1e6:>10.3f}{ours_s:>9.2f}"
            f"{len(ours) / len(baseline):>8.2f}"
            f"{len(plain) / 1e6:>12.3f}{plain_s:>11.2f}"
        )
    print(
        "ratio = ours / explore() bytes (goal for DKI Jakarta: <= 0.50); "
        "tolerance 20 m (kota), 50 m (provinsi)"
    )
    if jateng is None:
        print("Jawa Tengah skipped: pass --jateng PATH to desa_kelurahan.geojson.zip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
