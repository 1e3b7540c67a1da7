"""The import rules of the layout: geo/ never loads streamlit; computation no maps."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDERING = {
    "mapview",
    "situation_maps",
    "scenario_maps",
    "hotspot_maps",
    "charts",
    "display",
}
RENDER_PREFIXES = ("export", "briefing", "cli")


def _modules() -> list[str]:
    names = [path.stem for path in (ROOT / "geo").glob("*.py")]
    return sorted(f"geo.{name}" for name in names if name != "__main__")


def _loaded(modules: list[str], forbidden: list[str]) -> list[str]:
    code = (
        "import sys\n"
        f"for name in {modules!r}: __import__(name)\n"
        f"print(','.join(m for m in {forbidden!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return [name for name in done.stdout.strip().split(",") if name]


def test_geo_never_imports_streamlit():
    assert _loaded(_modules(), ["streamlit", "streamlit_folium"]) == []


def test_computation_modules_load_neither_folium_nor_plotly():
    computation = [
        name
        for name in _modules()
        if name.split(".")[1] not in RENDERING
        and not name.split(".")[1].startswith(RENDER_PREFIXES)
    ]
    assert computation, "no computation modules found"
    assert _loaded(computation, ["folium", "plotly"]) == []


def test_the_first_page_path_loads_neither_pyplot_nor_the_hotspot_libraries():
    # start-up time: mapclassify (with scipy.stats and scikit-learn), pyplot,
    # libpysal/esda and the planners' solvers are not needed to draw the first
    # map (benchmarks/bench_startup.py)
    first_page = ["geo.situation_maps", "geo.charts", "ui.cache", "ui.widgets"]
    first_page += ["ui.downloads", "ui.preload"]
    unneeded = ["matplotlib.pyplot", "esda", "libpysal", "mapclassify", "sklearn"]
    # and kaleido's browser driver: images only
    unneeded += ["scipy.stats", "pulp", "choreographer", "kaleido"]
    assert _loaded(first_page, unneeded) == []


def test_mapclassify_and_a_later_pyplot_still_work_after_the_guarded_import():
    code = (
        "import geo.mapview, mapclassify, matplotlib.pyplot as plt\n"
        "print(mapclassify.Quantiles([1, 2, 3, 4], k=2).bins.tolist(), plt.gcf())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("[2.5, 4.0] Figure(")
