"""The running app draws the Magelang kelurahan in Debian chromium, offline.

Starts ``streamlit run`` headless on a free port, opens it in chromium driven by
Playwright (never ``playwright install``: the Debian package is used), blocks
every request that does not go to the local server, and counts the kelurahan
polygons Leaflet drew inside the st_folium component frame.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
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
HEALTH_TIMEOUT_S = 30.0
DRAW_TIMEOUT_MS = 30_000
MAGELANG_KELURAHAN = 17
KODE_PATTERN = re.compile(r"33\.71\.\d{2}\.\d{4}")

# A stand-in for app.py while the real app is not in this branch: the Magelang
# layer through display_geometry and situation_map into st_folium.
TINY_APP = textwrap.dedent(
    """
    import geopandas as gpd
    import numpy as np
    import streamlit as st
    from streamlit_folium import st_folium

    from geo.crs import UTM_49S
    from geo.display import display_geometry
    from geo.mapview import situation_map

    layer = gpd.read_file(KELURAHAN_PATH)
    layer["positif"] = np.arange(len(layer), dtype=float)
    shown = display_geometry(layer, metric_crs=UTM_49S).layer
    fmap = situation_map(shown, "positif", indicator_label="Kasus konfirmasi")
    returned = st_folium(
        fmap, key="peta", height=500, returned_objects=["last_active_drawing"]
    )
    feature = (returned or {}).get("last_active_drawing") or {}
    kode = (feature.get("properties") or {}).get("kode")
    if kode:
        st.write(f"Kelurahan dipilih: {kode}")
    """
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            pytest.fail(f"streamlit exited with {process.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as reply:
                if reply.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail(f"streamlit did not answer {url}/_stcore/health in {timeout_s} s")


@pytest.fixture(scope="session")
def app_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's app.py, or a tiny app drawing the map when it is absent."""
    real_app = ROOT / "app.py"
    if real_app.exists():
        return real_app
    folder = tmp_path_factory.mktemp("tiny_app")
    kelurahan = ROOT / "data" / "magelang" / "kelurahan.geojson"
    (folder / "app.py").write_text(
        TINY_APP.replace("KELURAHAN_PATH", repr(str(kelurahan)))
    )
    # a copy, not a symlink: Streamlit's static serving answers 400 through one
    shutil.copytree(ROOT / "static", folder / "static")
    return folder / "app.py"


@pytest.fixture(scope="session")
def app_url(app_path: Path) -> Iterator[str]:
    """Run ``streamlit run app_path`` headless on a free port; yield its URL."""
    port = _free_port()
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_path),
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--server.enableStaticServing=true",
        "--browser.gatherUsageStats=false",
    ]
    process = subprocess.Popen(
        command,
        cwd=app_path.parent,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, HEALTH_TIMEOUT_S)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.fail(
            "Debian chromium is not installed (no 'chromium' on PATH): install it "
            "with 'apt-get install chromium' (.ci/run does); never "
            "'playwright install'."
        )
    return path


@pytest.mark.browser
def test_magelang_kelurahan_are_drawn_offline(
    app_url: str, chromium_path: str, magelang
):
    from playwright.sync_api import expect, sync_playwright

    blocked: list[str] = []

    def only_local(route) -> None:
        url = route.request.url
        host = urlparse(url).hostname
        if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS
        )
        try:
            # A second session (a reload, or a second screen) must get the map
            # too: a folium map shared between sessions breaks on its second
            # pass through st_folium.
            for _session in range(2):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.route("**/*", only_local)
                page.goto(app_url)
                frame = page.frame_locator('iframe[title*="st_folium"]').first
                polygons = frame.locator(
                    ".leaflet-overlay-pane path.leaflet-interactive"
                )
                expect(polygons).to_have_count(
                    MAGELANG_KELURAHAN, timeout=DRAW_TIMEOUT_MS
                )
                expect(frame.locator(".petaruang-legend")).to_contain_text(
                    "tidak ada data"
                )
                if _session == 0:
                    # every valid facility has its symbol, with a popup on click
                    symbols = frame.locator(".leaflet-marker-pane .petaruang-symbol")
                    expect(symbols.first).to_be_attached(timeout=DRAW_TIMEOUT_MS)
                    assert symbols.count() >= len(magelang.facilities.valid)
                    symbols.first.dispatch_event("click")
                    expect(frame.locator(".leaflet-popup-content")).to_contain_text(
                        "Jenis"
                    )
                    # a click reports the kelurahan's kode back to the page
                    assert not KODE_PATTERN.search(page.locator("body").inner_text())
                    polygons.nth(3).dispatch_event("click")
                    expect(page.locator("body")).to_contain_text(
                        KODE_PATTERN, timeout=DRAW_TIMEOUT_MS
                    )
                page.close()
        finally:
            browser.close()

    # only basemap tiles may have been asked for outside the server
    assert [url for url in blocked if "tile.openstreetmap.org" not in url] == []
