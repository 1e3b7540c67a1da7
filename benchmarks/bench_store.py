"""Benchmark the store on a province-sized case table (Jawa Tengah: 8,563 desa).

Prints seconds for a first import, a re-import with equal values, a re-import
replacing every value (each change audit-logged) and a read, each against a
plain baseline on the same frame: pandas ``to_sql`` into an empty SQLite file
(no checks, no audit) and ``read_sql`` of the table.

Run: ``.venv/bin/python benchmarks/bench_store.py [--desa 8563] [--dates 30]``
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import create_engine

# Run as a plain script (``make bench``): the project root holds ``geo``.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from geo import store  # noqa: E402

logger = logging.getLogger("bench_store")
SEED = 33


def case_frame(n_desa: int, n_dates: int, rng: np.random.Generator) -> pd.DataFrame:
    """Return a tidy case table of ``n_desa`` x ``n_dates`` cumulative counts."""
    kode = [
        f"33.{71 + index // 100_000:02d}.01.{index % 100_000:05d}"
        for index in range(n_desa)
    ]
    dates = pd.date_range("2020-10-01", periods=n_dates, freq="D")
    frame = pd.DataFrame(
        {
            "kode": np.repeat(kode, n_dates),
            "keterangan": pd.NA,
            "tanggal": np.tile(dates, n_desa),
        }
    )
    for column in store.CASE_COUNT_COLUMNS:
        frame[column] = rng.integers(0, 500, len(frame))
    return frame


def timed(label: str, action, baseline_s: float | None = None) -> float:
    """Run ``action``, log its seconds (and ratio to ``baseline_s``), return them."""
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    ratio = "" if baseline_s is None else f"  ({seconds / baseline_s:.1f}x baseline)"
    logger.info("%-46s %7.2f s%s", label, seconds, ratio)
    return seconds


def main() -> None:
    """Run the benchmark and log the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desa", type=int, default=8_563)
    parser.add_argument("--dates", type=int, default=30)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    rng = np.random.default_rng(SEED)
    frame = case_frame(args.desa, args.dates, rng)
    changed = frame.assign(positif=frame["positif"] + 1)
    empty = pd.DataFrame()
    logger.info("%d rows (%d desa x %d dates)", len(frame), args.desa, args.dates)

    with tempfile.TemporaryDirectory() as tmp:
        baseline = create_engine(f"sqlite:///{Path(tmp) / 'plain.sqlite'}")
        write_s = timed(
            "baseline: pandas to_sql",
            lambda: frame.to_sql("case_count", baseline, index=False, chunksize=10_000),
        )
        read_s = timed(
            "baseline: pandas read_sql",
            lambda: pd.read_sql_table("case_count", baseline),
        )

        engine = store.open_store(f"sqlite:///{Path(tmp) / 'cc.sqlite'}")
        store.save_region(engine, "33", "Jawa Tengah", "EPSG:32749", who="bench")

        def import_as(data: pd.DataFrame, letter: str) -> None:
            store.write_import(
                engine,
                "kasus",
                "33",
                data,
                empty,
                who="bench",
                file_name=f"{letter}.csv",
                file_sha256=letter * 64,
            )

        timed("store: first import", lambda: import_as(frame, "a"), write_s)
        timed("store: same file again (no change)", lambda: import_as(frame, "a"))
        timed("store: re-import, equal values", lambda: import_as(frame, "b"), write_s)
        timed(
            "store: re-import, every value replaced+audited",
            lambda: import_as(changed, "c"),
            write_s,
        )
        timed(
            "store: case_counts read", lambda: store.case_counts(engine, "33"), read_s
        )
        engine.dispose()
        baseline.dispose()


if __name__ == "__main__":
    main()
