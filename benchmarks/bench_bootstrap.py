"""Benchmark: first start (bundled packs into an empty store) and a restart.

Run from the repository root: ``.venv/bin/python benchmarks/bench_bootstrap.py``.
Our path checks every pack file with the intake and writes it to a fresh SQLite
store (one transaction per file), then reads both regions back from the store.
The plain baseline reads the same packs straight from the files
(``geo.regions.load_region`` without a store), which checks nothing row by row
and stores nothing. A restart only hashes the files.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo import bootstrap, regions, store  # noqa: E402

REGIONS = ("33.71", "31")


def _seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    """Print the timings and their ratio to the plain file read."""
    baseline = _seconds(lambda: [regions.load_region(kode) for kode in REGIONS])
    with tempfile.TemporaryDirectory() as folder:
        engine = store.open_store(f"sqlite:///{Path(folder) / 'cc.sqlite'}")
        first = _seconds(lambda: bootstrap.ensure_bundled(engine))
        again = _seconds(lambda: bootstrap.ensure_bundled(engine))
        read = _seconds(
            lambda: [regions.load_region(kode, engine=engine) for kode in REGIONS]
        )
        files = len(store.batches(engine))
        engine.dispose()

    print(f"plain read of both packs from files: {baseline:6.2f} s")
    print(f"first start, {files} files into an empty store: {first:6.2f} s")
    print(f"restart (hash only): {again:6.3f} s")
    print(f"both regions read from the store: {read:6.2f} s")
    print(f"ratio first start / plain read: {first / baseline:5.1f}")
    print(f"ratio store read / plain read: {read / baseline:5.2f}")


if __name__ == "__main__":
    main()
