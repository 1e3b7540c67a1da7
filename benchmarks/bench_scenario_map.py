"""Seconds and bytes of the Skenario siting map, against plain folium layers.

Usage::

    python benchmarks/bench_scenario_map.py [--units 267 2000 8563]

A row of square kelurahan (200 m, in UTM 49S) per size, need 1-7 each, 20
candidate posts, MCLP with 5 sites and a 3 km radius (solved once, not timed).
Timed: building the folium map and rendering its whole HTML page. Ours is
``geo.scenario_maps.siting_map`` (one loop per layer of circles, one polyline of
many parts, outlines in compact geometry); the baseline draws the same layers the
plain folium way: ``folium.GeoJson`` outlines with a tooltip, a
``folium.CircleMarker`` with a tooltip per kelurahan and per unchosen candidate,
a ``folium.PolyLine`` per assignment and a ``folium.Marker`` per chosen site.
8,563 is the number of desa/kelurahan in Jawa Tengah.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from pathlib import Path

import folium
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo import scenario  # noqa: E402
from geo.crs import GEOGRAPHIC_CRS, UTM_49S  # noqa: E402
from geo.mapview import map_html  # noqa: E402
from geo.scenario_maps import siting_map  # noqa: E402
from tests.conftest import squares  # noqa: E402


def problem(units: int):
    codes = [f"K{index:05d}" for index in range(units)]
    kelurahan = squares(codes, size_m=200.0)
    weights = scenario.NeedWeights(
        key="aktif",
        label="Kasus aktif",
        values=pd.Series(np.arange(units) % 7 + 1.0, index=codes),
        names=kelurahan.set_index("kode")["nama"],
    )
    centres = scenario.kelurahan_centres(kelurahan, UTM_49S)
    posts = centres.sample(20, random_state=1)
    candidates = pd.DataFrame(
        {
            "id": [f"Pos {kode}" for kode in posts["kode"]],
            "asal": "tambahan",
            "lat": posts["lat"].to_numpy(),
            "lon": posts["lon"].to_numpy(),
            "kapasitas": float("nan"),
            "tetap": False,
        }
    )
    result = scenario.site_for_region(
        kelurahan,
        weights,
        candidates,
        "mclp",
        metric_crs=UTM_49S,
        n_sites=5,
        radius=3000.0,
        in_minutes=False,
        circuity=1.25,
        speed_kmh=30.0,
        time_limit_s=60.0,
    )
    return kelurahan, result, candidates, centres


def plain_folium(kelurahan, result, candidates, centres) -> folium.Map:
    layer = kelurahan.to_crs(GEOGRAPHIC_CRS)
    min_lon, min_lat, max_lon, max_lat = layer.total_bounds
    fmap = folium.Map(tiles=None)
    fmap.fit_bounds([[min_lat, min_lon], [max_lat, max_lon]])
    folium.GeoJson(
        layer[["kode", "nama", "geometry"]].to_json(),
        tooltip=folium.GeoJsonTooltip(fields=["nama"]),
    ).add_to(fmap)
    sites = result.sites.merge(candidates, on="id")
    at = sites.set_index("id")[["lat", "lon"]]
    demand = result.assignment.merge(centres, left_on="id", right_on="kode")
    for row in demand.itertuples(index=False):
        if isinstance(row.site_id, str) and row.site_id in at.index:
            target = at.loc[row.site_id]
            folium.PolyLine(
                [[row.lat, row.lon], [float(target["lat"]), float(target["lon"])]]
            ).add_to(fmap)
        folium.CircleMarker(
            [row.lat, row.lon], radius=5, tooltip=html.escape(str(row.nama))
        ).add_to(fmap)
    for row in sites.itertuples(index=False):
        if row.is_chosen:
            folium.Marker([row.lat, row.lon], tooltip=str(row.id)).add_to(fmap)
        else:
            folium.CircleMarker(
                [row.lat, row.lon], radius=4, tooltip=str(row.id)
            ).add_to(fmap)
    return fmap


def timed(build) -> tuple[float, int]:
    started = time.perf_counter()
    page = map_html(build())
    return time.perf_counter() - started, len(page.encode())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, nargs="+", default=[267, 2000, 8563])
    args = parser.parse_args()
    print(
        f"{'units':>6} {'ours s':>8} {'ours MB':>8} {'folium s':>9} "
        f"{'folium MB':>10} {'time ratio':>11} {'bytes ratio':>12}"
    )
    for units in args.units:
        parts = problem(units)
        ours_s, ours_bytes = timed(lambda parts=parts: siting_map(*parts))
        plain_s, plain_bytes = timed(lambda parts=parts: plain_folium(*parts))
        print(
            f"{units:>6} {ours_s:>8.2f} {ours_bytes / 1e6:>8.2f} {plain_s:>9.2f} "
            f"{plain_bytes / 1e6:>10.2f} {ours_s / plain_s:>11.2f} "
            f"{ours_bytes / plain_bytes:>12.2f}",
            flush=True,
        )
    print("ratio = ours / plain folium (build + render of the whole page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
