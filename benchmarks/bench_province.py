"""Peta Situasi on a whole province: seconds per interaction, Jawa Tengah 8,563 desa.

Usage: ``python benchmarks/bench_province.py [--jateng DIR]``

A temporary store is filled the way a user would (``python -m geo import``): the
Jawa Tengah desa/kelurahan boundaries as region 33, then the desa-level case
scrapes of five kab/kota (Banjarnegara, Kebumen, Karanganyar, Kota Pekalongan,
Kota Tegal). The page then runs in Streamlit's AppTest (server side only; the
browser's part, about 4 MB of map to draw, is measured by bench_map.py) and the
seconds of each step are printed: first open, a rerun with nothing changed, a
date switch and an indicator switch. Baseline: a plain
``GeoDataFrame.explore()`` of the same 8,563 polygons with the same counts, built
to HTML, which a page without caching would pay on every rerun.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
JATENG_DEFAULT = ROOT.parent / "shared" / "data" / "jateng"
SCRAPES = ("3304", "3305", "3313", "3375", "3376")


def _import(*argv: str) -> float:
    from geo import cli

    start = time.perf_counter()
    code = cli.main(["import", *argv, "--wilayah", "33", "--oleh", "bench"])
    if code != 0:
        raise RuntimeError(f"import {argv} exited {code}")
    return time.perf_counter() - start


def _fill_store(jateng: Path, work: Path) -> None:
    boundaries = jateng / "desa_kelurahan.geojson.zip"
    seconds = _import("batas", str(boundaries), "--nama-wilayah", "Jawa Tengah")
    print(f"import 8,563 boundaries: {seconds:.1f} s")
    for path in sorted((jateng / "covid" / "kominfo_pedulilindungi_scrapes").glob("*")):
        if path.name[:4] not in SCRAPES:
            continue
        plain = work / path.name.removesuffix(".gz")
        plain.write_bytes(gzip.decompress(path.read_bytes()))
        seconds = _import("kasus", str(plain), "--kumulatif")
        print(f"import {plain.name}: {seconds:.1f} s")


def _step(label: str, action) -> float:
    start = time.perf_counter()
    app = action()
    seconds = time.perf_counter() - start
    if app.exception:
        raise RuntimeError(f"{label}: {app.exception}")
    print(f"{label}: {seconds:.2f} s")
    return seconds


def _baseline(region) -> float:
    latest = region.cases["tanggal"].max()
    counts = region.cases[region.cases["tanggal"] == latest]
    layer = region.kelurahan.merge(
        counts.groupby("kode")["positif"].sum().reset_index(), on="kode", how="left"
    )
    start = time.perf_counter()
    layer.explore(column="positif").get_root().render()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jateng", type=Path, default=JATENG_DEFAULT)
    args = parser.parse_args()
    if not (args.jateng / "desa_kelurahan.geojson.zip").exists():
        sys.stderr.write(f"Jawa Tengah data not found in {args.jateng}\n")
        return 2

    work = Path(tempfile.mkdtemp(prefix="bench_province_"))
    os.environ["CC_DATA_DIR"] = str(work / "store")
    os.environ.pop("CC_DATABASE_URL", None)
    _fill_store(args.jateng, work)

    from streamlit.testing.v1 import AppTest

    from geo import bootstrap, indicators, regions, store

    engine = store.open_store()
    bootstrap.ensure_bundled(engine, regions.DATA_DIR)
    province = regions.load_region("33", engine=engine)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    app.query_params["wilayah"] = "33"
    first = _step("first open of Jawa Tengah (imports, geometry, map)", app.run)
    rerun = _step("rerun, nothing changed", app.run)
    dates = indicators.data_dates(province.cases)
    switch = _step(
        "date switch", lambda: app.sidebar.select_slider[0].set_value(dates[-5]).run()
    )
    indicators = app.sidebar.radio[0].options
    other = _step(
        "indicator switch",
        lambda: app.sidebar.radio[0].set_value(indicators[1]).run(),
    )
    baseline = _baseline(province)
    print(f"baseline explore() of the same layer to HTML: {baseline:.2f} s")
    print(
        f"ratios to baseline: first {first / baseline:.1f}, rerun "
        f"{rerun / baseline:.2f}, date switch {switch / baseline:.2f}, "
        f"indicator switch {other / baseline:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
