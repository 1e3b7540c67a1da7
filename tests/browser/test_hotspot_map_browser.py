"""A hotspot map opens in chromium on its view, with no control over the region.

Renders :func:`geo.mapview.polygon_map` as a self-contained HTML file (Leaflet
inline, every request off the machine blocked), opens it in Debian chromium at
the sizes the Hotspot page gives its maps, and measures in the browser: the
view bounds lie inside the map, clear of the legend, the zoom buttons, the
layer control, the scale and the attribution; the layer control is collapsed.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo import mapview
from geo.boundaries import view_bounds
from geo.display import display_geometry
from geo.hotspot_maps import GI_STYLES
from geo.hotspots import ISLAND, NOT_SIGNIFICANT
from geo.text import t
from tests.browser.test_map_browser import (  # noqa: F401 (fixture)
    CHROMIUM_ARGS,
    chromium_path,
)

# (width, height) of the page's maps: half of 1400 and 1920 wide screens, and
# the emerging map beside its table
SIZES = ((462, 520), (556, 520), (640, 520))
TOLERANCE_PX = 1.0
# the widest legend the page draws: Gi* with both "menonjol" classes
ENTRIES = (
    ("hsp_menonjol_tinggi", "prominent_high"),
    ("hsp_menonjol_rendah", "prominent_low"),
    ("hs_tidak_signifikan", NOT_SIGNIFICANT),
    ("hs_tanpa_tetangga", ISLAND),
)
MEASURE = """
([name, box]) => {
    const map = window[name];
    const frame = map.getContainer().getBoundingClientRect();
    const sw = map.latLngToContainerPoint([box[0][0], box[0][1]]);
    const ne = map.latLngToContainerPoint([box[1][0], box[1][1]]);
    const controls = [...map.getContainer().querySelectorAll(".leaflet-control")]
        .map((element) => {
            const r = element.getBoundingClientRect();
            return {
                name: element.className,
                left: r.left - frame.left,
                right: r.right - frame.left,
                top: r.top - frame.top,
                bottom: r.bottom - frame.top,
            };
        })
        .filter((r) => r.right > r.left && r.bottom > r.top);
    return {
        width: frame.width,
        height: frame.height,
        view: {left: sw.x, right: ne.x, top: ne.y, bottom: sw.y},
        controls: controls,
        expanded: document.querySelectorAll(".leaflet-control-layers-expanded").length,
    };
}
"""


def _map_file(region, folder: Path) -> tuple[Path, str, list[list[float]]]:
    layer = display_geometry(region.kelurahan, metric_crs=region.pack.metric_crs).layer
    view = view_bounds(region.kelurahan, region.pack.metric_crs)
    style = GI_STYLES[NOT_SIGNIFICANT]
    fmap = mapview.polygon_map(
        layer,
        dict.fromkeys(layer["kode"], style),
        tooltip={"nama": t("kelurahan")},
        layer_name=t("hsp_map_gi"),
        legend_title=t("hsp_map_gi"),
        legend_entries=[(t(key), GI_STYLES[code]) for key, code in ENTRIES],
        asset_base_url=None,
        bounds=(view.south, view.west, view.north, view.east),
    )
    path = folder / f"{region.pack.kode}.html"
    path.write_text(mapview.map_html(fmap), encoding="utf-8")
    box = [[view.south, view.west], [view.north, view.east]]
    return path, fmap.get_name(), box


def _overlaps(view: dict, control: dict) -> bool:
    return (
        control["left"] < view["right"] - TOLERANCE_PX
        and control["right"] > view["left"] + TOLERANCE_PX
        and control["top"] < view["bottom"] - TOLERANCE_PX
        and control["bottom"] > view["top"] + TOLERANCE_PX
    )


@pytest.mark.browser
@pytest.mark.parametrize("region_name", ["magelang", "jakarta"])
def test_view_is_clear_of_every_control(
    region_name,
    request,
    tmp_path,
    chromium_path,  # noqa: F811
):
    from playwright.sync_api import sync_playwright

    region = request.getfixturevalue(region_name)
    path, name, box = _map_file(region, tmp_path)

    def local_only(route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "about:")) or urlparse(url).hostname in (
            "127.0.0.1",
            "localhost",
        ):
            route.continue_()
        else:
            route.abort()  # basemap tiles: the map must not wait for them

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS
        )
        try:
            for width, height in SIZES:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.route("**/*", local_only)
                page.goto(path.as_uri())
                page.wait_for_selector(".petaruang-legend")
                shown = page.evaluate(MEASURE, [name, box])
                page.close()

                view = shown["view"]
                size = (width, height)
                assert shown["expanded"] == 0, size
                assert view["left"] >= -TOLERANCE_PX, (size, view)
                assert view["top"] >= -TOLERANCE_PX, (size, view)
                assert view["right"] <= shown["width"] + TOLERANCE_PX, (size, view)
                assert view["bottom"] <= shown["height"] + TOLERANCE_PX, (size, view)
                covering = [c for c in shown["controls"] if _overlaps(view, c)]
                assert covering == [], (size, view, covering)
                # and the region is not shrunk to a speck to get there
                fill = max(
                    (view["right"] - view["left"]) / shown["width"],
                    (view["bottom"] - view["top"]) / shown["height"],
                )
                assert fill >= 1 / 3, (size, view)
        finally:
            browser.close()
