"""Import a seeded 1,000,000-row case line list and sum it per kelurahan and date.

Prints seconds and peak memory (resident set size) of
``geo.intake.import_line_list`` against a plain ``pandas.read_csv`` +
``groupby`` of the same file, each measured in its own process. Goal: at most
15 s and 2 GB for the import.

    .venv/bin/python benchmarks/bench_intake.py [--rows 1000000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
KELURAHAN = ROOT / "data" / "jakarta" / "kelurahan.geojson"
STATUS = np.array(["dirawat", "isolasi mandiri", "sembuh", "meninggal", ""])
STATUS_SHARE = np.array([0.10, 0.25, 0.60, 0.03, 0.02])


def make_line_list(path: Path, rows: int, seed: int) -> int:
    """Write a line list with personal columns, Indonesian dates and names.

    About 0.5 % of names are misspelt, 0.1 % of dates impossible and 0.1 % of
    rows sent twice, so the quarantine path is measured too.
    """
    rng = np.random.default_rng(seed)
    kelurahan = gpd.read_file(KELURAHAN, columns=["nama", "nama_kecamatan"])
    picks = rng.integers(0, len(kelurahan), rows)
    days = pd.Timestamp("2020-03-01") + pd.to_timedelta(rng.integers(0, 365, rows), "D")
    frame = pd.DataFrame(
        {
            "NIK": rng.integers(3_100_000_000_000_000, 3_200_000_000_000_000, rows),
            "Nama": "Warga " + pd.Series(rng.integers(0, 10**6, rows)).astype(str),
            "tanggal_konfirmasi": days.strftime("%d/%m/%Y"),
            "kecamatan": kelurahan["nama_kecamatan"].to_numpy()[picks],
            "kelurahan": kelurahan["nama"].to_numpy()[picks],
            "status": rng.choice(STATUS, rows, p=STATUS_SHARE),
        }
    )
    messy = rng.random(rows)
    frame.loc[messy < 0.005, "kelurahan"] += "x"  # misspelt: quarantined
    frame.loc[messy > 0.999, "tanggal_konfirmasi"] = "31/02/2020"  # impossible
    repeats = frame.sample(frac=0.001, random_state=seed)  # sent twice
    frame = pd.concat([frame, repeats], ignore_index=True)
    frame.to_csv(path, index=False)
    return len(frame)


def run_intake(path: Path) -> dict[str, float]:
    """Import the line list through geo.intake (run in a child process)."""
    from geo.intake import import_line_list

    kelurahan = gpd.read_file(KELURAHAN)
    start, cpu_start = time.perf_counter(), time.process_time()
    result = import_line_list(path, kelurahan)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu_start,
        "rows_read": result.rows_read,
        "accepted": result.accepted_rows,
        "table_rows": len(result.accepted),
    }


def run_baseline(path: Path) -> dict[str, float]:
    """Plain pandas: read_csv and count rows per kelurahan and date."""
    start, cpu_start = time.perf_counter(), time.process_time()
    frame = pd.read_csv(path)
    counts = frame.groupby(["kelurahan", "tanggal_konfirmasi"]).size()
    return {
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu_start,
        "rows_read": len(frame),
        "table_rows": len(counts),
    }


def _child(kind: str, path: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", kind, "--file", str(path)]
    output = subprocess.run(
        command, check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", choices=("intake", "baseline"))
    parser.add_argument("--file", type=Path)
    args = parser.parse_args()

    if args.child:
        sys.path.insert(0, str(ROOT))
        figures = (run_intake if args.child == "intake" else run_baseline)(args.file)
        figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(figures))
        return

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "daftar_kasus.csv"
        start = time.perf_counter()
        written = make_line_list(path, args.rows, args.seed)
        size_mb = path.stat().st_size / 1e6
        print(
            f"made {written:,} rows ({size_mb:.0f} MB) in "
            f"{time.perf_counter() - start:.1f} s, seed {args.seed}"
        )
        baseline = _child("baseline", path)
        intake = _child("intake", path)

    print(
        f"baseline read_csv+groupby: {baseline['seconds']:.2f} s "
        f"({baseline['cpu_seconds']:.2f} s CPU), "
        f"peak {baseline['peak_mb']:.0f} MB, {baseline['table_rows']:,} groups"
    )
    print(
        f"geo.intake import_line_list: {intake['seconds']:.2f} s "
        f"({intake['cpu_seconds']:.2f} s CPU), "
        f"peak {intake['peak_mb']:.0f} MB, {intake['accepted']:,} of "
        f"{intake['rows_read']:,} rows accepted, {intake['table_rows']:,} table rows"
    )
    print(
        f"quarantined {intake['rows_read'] - intake['accepted']:,} rows "
        f"(misspelt names, impossible dates, repeats)"
    )
    print(
        f"ratio intake/baseline: time {intake['seconds'] / baseline['seconds']:.1f}x, "
        f"memory {intake['peak_mb'] / baseline['peak_mb']:.1f}x"
    )
    load = os.getloadavg()[0]
    print(
        f"machine load average {load:.1f} on {os.cpu_count()} cores (wall time grows)"
    )
    verdict = intake["seconds"] <= 15 and intake["peak_mb"] <= 2048
    print(f"goal <= 15 s and <= 2 GB: {'met' if verdict else 'NOT met'}")


if __name__ == "__main__":
    main()
