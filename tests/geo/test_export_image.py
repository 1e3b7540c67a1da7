from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import folium
import pandas as pd
import plotly.graph_objects as go
import pypdf
import pytest

from geo import charts
from geo.errors import GeoInputError
from geo.export_image import (
    ImageRenderer,
    figure_html,
    find_chromium,
    offline_map_html,
    screenshot_html,
)
from tests.geo.export_support import (
    PNG_SIGNATURE,
    group_alive,
    png_size,
    warm_renderer,
)

EXTERNAL_ASSET = re.compile(
    r"<(script|link)\b[^>]*\b(src|href)\s*=\s*[\"']?(https?:)?//", re.IGNORECASE
)
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def image_renderer(request: pytest.FixtureRequest) -> ImageRenderer:
    return warm_renderer(request.config)


@pytest.fixture
def three_bar_chart() -> go.Figure:
    table = pd.DataFrame({"nama_kecamatan": ["A", "B", "C"], "positif": [3, 12, 7]})
    return charts.kecamatan_comparison(
        table,
        value_column="positif",
        value_label="Positif",
        title="Kasus per kecamatan",
        subtitle="Data per 6 Okt 2020",
        source="Uji",
    )


@pytest.fixture
def small_map() -> folium.Map:
    fmap = folium.Map(location=[-7.47, 110.22], zoom_start=13)
    folium.CircleMarker([-7.47, 110.22], radius=8, tooltip="Puskesmas").add_to(fmap)
    return fmap


def test_png_for_slides_is_twice_the_layout_size(image_renderer, three_bar_chart):
    image = image_renderer.chart_image(three_bar_chart, "png", scale=2)

    assert image.startswith(PNG_SIGNATURE)
    assert png_size(image) == (2 * charts.WIDTH_PX, 2 * charts.HEIGHT_PX)


def test_svg_parses_and_carries_the_suppressed_label(image_renderer):
    table = pd.DataFrame({"nama_kecamatan": ["A", "B"], "positif": [3, 12]})
    figure = charts.kecamatan_comparison(
        table,
        value_column="positif",
        value_label="Positif",
        title="Kasus",
        subtitle="Data per 6 Okt 2020",
        source="Uji",
        public=True,
    )

    svg = image_renderer.chart_image(figure, "svg")

    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    texts = [node.text for node in root.iter() if node.tag.endswith("text")]
    assert "<5" in texts
    assert "3" not in texts


def test_pdf_has_one_page_with_the_title(image_renderer, three_bar_chart, tmp_path):
    path = tmp_path / "grafik.pdf"
    path.write_bytes(image_renderer.chart_image(three_bar_chart, "pdf"))

    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1
    assert "Kasus per kecamatan" in reader.pages[0].extract_text()


def test_repeated_exports_reuse_one_warm_browser(image_renderer, three_bar_chart):
    pid = image_renderer.browser_pid

    started = time.perf_counter()
    for _ in range(5):
        image_renderer.chart_image(three_bar_chart, "png", scale=1)
    seconds = time.perf_counter() - started

    assert image_renderer.browser_pid == pid
    assert seconds < 5 * 2.0  # warm: 0.2-0.4 s each here; a cold start is 3-5 s


def test_unknown_format_and_bad_scale_are_refused(image_renderer, three_bar_chart):
    with pytest.raises(GeoInputError, match="Format 'jpg' tidak didukung"):
        image_renderer.chart_image(three_bar_chart, "jpg")
    with pytest.raises(GeoInputError, match="Skala gambar"):
        image_renderer.chart_image(three_bar_chart, "png", scale=float("nan"))


def test_missing_chromium_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "tidak-ada" / "chromium"))

    with pytest.raises(GeoInputError, match="apt-get install chromium"):
        ImageRenderer().chart_image(go.Figure(), "png")


def test_browser_that_dies_at_start_is_reported_within_seconds(tmp_path):
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\nexit 1\n")
    broken.chmod(0o755)
    renderer = ImageRenderer(browser_path=str(broken))

    started = time.perf_counter()
    with pytest.raises(GeoInputError, match="berhenti segera setelah dinyalakan"):
        renderer.chart_image(go.Figure(), "png")

    assert time.perf_counter() - started < 15
    assert not renderer.is_running


def test_missing_chromium_on_an_empty_path_fails_fast_in_a_fresh_process(tmp_path):
    script = textwrap.dedent(
        """
        import plotly.graph_objects as go
        from geo.errors import GeoInputError
        from geo.export_image import ImageRenderer
        try:
            ImageRenderer(timeout_s=5).chart_image(go.Figure(), "png")
        except GeoInputError as err:
            raise SystemExit(f"GAGAL: {err}")
        """
    )
    env = {"PATH": str(tmp_path), "PYTHONPATH": str(REPO), "HOME": str(tmp_path)}

    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

    assert time.perf_counter() - started < 30
    assert "GAGAL: Ekspor gambar memerlukan peramban Chromium" in done.stderr
    assert "apt-get install chromium" in done.stderr


def test_hung_export_times_out_and_leaves_no_browser(
    monkeypatch, image_renderer, three_bar_chart
):
    async def never_returns(spec: dict, options: dict) -> bytes:
        await asyncio.sleep(3600)
        return b""

    # the session's browser is killed here; the next test starts a fresh one
    monkeypatch.setattr(image_renderer, "_kaleido_call", never_returns)
    monkeypatch.setattr(image_renderer, "timeout_s", 1.0)
    pid = image_renderer.browser_pid

    started = time.perf_counter()
    with pytest.raises(GeoInputError, match="tidak selesai dalam 1 detik"):
        image_renderer.chart_image(three_bar_chart, "png")

    assert time.perf_counter() - started < 10
    assert not image_renderer.is_running
    assert not group_alive(pid)


class BrowserIgnoringClose:
    """Stands in for kaleido: a process group, and a close that does nothing."""

    def __init__(self) -> None:
        self.subprocess = subprocess.Popen(["sleep", "600"], start_new_session=True)

    async def close(self) -> None:
        return None


def test_close_kills_the_browser_process_group_even_if_close_is_ignored():
    renderer = ImageRenderer()
    renderer._start_loop()
    renderer._kaleido = BrowserIgnoringClose()
    pid = renderer.browser_pid

    renderer.close()

    assert not group_alive(pid)
    assert not renderer.is_running


def test_hung_map_screenshot_is_killed_within_the_timeout(tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nexec sleep 600\n")
    fake.chmod(0o755)

    started = time.perf_counter()
    with pytest.raises(GeoInputError, match="peta PNG tidak selesai"):
        screenshot_html("<html></html>", browser_path=str(fake), timeout_s=1)

    assert time.perf_counter() - started < 8
    leftovers = subprocess.run(
        ["pgrep", "-f", str(fake)], capture_output=True, check=False
    )
    assert leftovers.stdout == b""


def test_offline_map_has_no_external_script_or_stylesheet(small_map):
    html = offline_map_html(small_map)

    assert EXTERNAL_ASSET.search(html) is None
    assert "L.map(" in html
    assert "leaflet-container" in html  # leaflet.css inlined
    assert "data:image/png;base64" in html  # its images too


def test_offline_map_accepts_html_with_app_static_urls():
    html = (
        '<html><head><script src="/app/static/vendor/leaflet/leaflet.js"></script>'
        '<link rel="stylesheet" href="/app/static/vendor/leaflet/leaflet.css"/>'
        '<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>'
        "</head><body></body></html>"
    )

    page = offline_map_html(html)

    assert "/app/static" not in page
    assert "jquery" not in page
    assert "Leaflet" in page


def test_offline_map_without_local_leaflet_says_how_to_fetch_it(tmp_path, small_map):
    with pytest.raises(GeoInputError, match="fetch_assets.sh"):
        offline_map_html(small_map, vendor_dir=tmp_path)


def test_map_png_is_rendered_on_the_server(image_renderer, small_map):
    image = image_renderer.map_png(
        offline_map_html(small_map), width=400, height=300, scale=2
    )

    assert image.startswith(PNG_SIGNATURE)
    assert png_size(image) == (800, 600)


def test_interactive_chart_fallback_needs_no_internet(three_bar_chart):
    html = figure_html(three_bar_chart).decode("utf-8")

    assert EXTERNAL_ASSET.search(html) is None
    assert "Kasus per kecamatan" in html


def test_find_chromium_prefers_browser_path(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/usr/bin/chromium")

    assert Path(find_chromium()).name.startswith("chromium")
    assert os.access(find_chromium(), os.X_OK)
