"""Seconds from ``streamlit run`` to the kelurahan drawn in the browser.

Usage::

    python benchmarks/bench_startup.py [--app app.py] [--query "wilayah=31"]
        [--expected 267] [--runs 3]

Debian chromium (driven by Playwright, never ``playwright install``) is started
first and is not counted. The clock starts when ``streamlit run`` is launched and
stops when the st_folium frame holds ``--expected`` Leaflet polygons; the time to
the server's health answer is printed too. Every request that does not go to the
local server is blocked, as on a command-center machine without internet.
``--store baru`` starts each run on an empty store (the first start ever, which
imports the region's pack); ``--store terisi`` (default) fills one store first and
times restarts. Goal: Kota Magelang drawn <= 5 s after start.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

# What `make run` starts; "streamlit" times a bare `streamlit run` for comparison.
LAUNCHER = "ui.launch"
ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
TIMEOUT_S = 120.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_server(app: Path, port: int) -> subprocess.Popen:
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [
                str(app.parent),  # the app's own geo/ and ui/ come first
                str(ROOT),
                *filter(None, [os.environ.get("PYTHONPATH")]),
            ]
        ),
    }
    command = [
        sys.executable,
        "-m",
        LAUNCHER,
        "run",
        str(app),
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--server.enableStaticServing=true",
        "--browser.gatherUsageStats=false",
    ]
    return subprocess.Popen(
        command,
        cwd=app.parent,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    raise RuntimeError(f"no health answer from {url} in {TIMEOUT_S} s")


def _only_local(route) -> None:
    url = route.request.url
    if url.startswith(("data:", "blob:")) or urlparse(url).hostname in LOCAL_HOSTS:
        route.continue_()
    else:
        route.abort()


def _one_run(browser, app: Path, query: str, expected: int) -> tuple[float, float]:
    """Return (seconds to health, seconds to the map drawn) for one cold start."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.route("**/*", _only_local)
    start = time.perf_counter()
    process = _start_server(app, port)
    try:
        _wait_healthy(url, process)
        healthy = time.perf_counter() - start
        page.goto(f"{url}/?{query}" if query else url)
        frame = page.frame_locator('iframe[title*="st_folium"]').first
        polygons = frame.locator(".leaflet-overlay-pane path.leaflet-interactive")
        polygons.nth(expected - 1).wait_for(state="attached", timeout=TIMEOUT_S * 1000)
        drawn = time.perf_counter() - start
        count = polygons.count()
        if count != expected:
            raise RuntimeError(f"{count} polygons drawn, expected {expected}")
        return healthy, drawn
    finally:
        page.close()
        process.terminate()
        process.wait(timeout=20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=ROOT / "app.py")
    parser.add_argument("--query", default="", help='URL query, e.g. "wilayah=31"')
    parser.add_argument("--expected", type=int, default=17)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--launcher",
        choices=("ui.launch", "streamlit"),
        default="ui.launch",
        help="ui.launch: what `make run` starts; streamlit: a bare `streamlit run`",
    )
    parser.add_argument(
        "--store",
        choices=("baru", "terisi"),
        default="terisi",
        help="baru: an empty store each run (first start: the pack is imported); "
        "terisi: one store filled before the clock starts (a restart)",
    )
    args = parser.parse_args()
    global LAUNCHER
    LAUNCHER = args.launcher
    app = args.app.resolve()
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.stderr.write("Debian chromium is missing: apt-get install chromium\n")
        return 2

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS
        )
        try:
            if args.store == "terisi":
                os.environ["CC_DATA_DIR"] = tempfile.mkdtemp(prefix="bench_store_")
                _one_run(browser, app, args.query, args.expected)  # fills it
            for run in range(1, args.runs + 1):
                if args.store == "baru":
                    os.environ["CC_DATA_DIR"] = tempfile.mkdtemp(prefix="bench_store_")
                healthy, drawn = _one_run(browser, app, args.query, args.expected)
                results.append(drawn)
                print(
                    f"run {run}: health {healthy:.2f} s, "
                    f"{args.expected} polygons drawn {drawn:.2f} s"
                )
        finally:
            browser.close()
    print(
        f"app {app} ?{args.query} (store {args.store}, {args.launcher}): median "
        f"{statistics.median(results):.2f} s "
        f"from 'streamlit run' to map drawn (goal for Kota Magelang: <= 5 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
