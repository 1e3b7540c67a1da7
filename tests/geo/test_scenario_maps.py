from __future__ import annotations

import re

import folium
import geopandas as gpd
import pandas as pd
import pytest
import shapely
from pyproj import Transformer

from geo import scenario
from geo.crs import GEOGRAPHIC_CRS, UTM_49S
from geo.distribution import distribute_by_need
from geo.mapview import TILE_URL, CircleLayer, map_html
from geo.roads import read_roads
from geo.scenario_maps import (
    UNCOVERED_COLOUR,
    distribution_map,
    legend_html,
    siting_map,
    straight_reach_m,
)
from tests.conftest import squares

URL_PATTERN = re.compile(r"""(?:https?:)?//[^\s"'<>`)\\]+""")


def _lat_lon(x: float, y: float) -> tuple[float, float]:
    lon, lat = Transformer.from_crs(UTM_49S, GEOGRAPHIC_CRS, always_xy=True).transform(
        x, y
    )
    return lat, lon


@pytest.fixture
def row_of_five():
    """Five 1 km squares A-E in a row; need 10, 20, 0, 0, 5; sites at A and E."""
    kelurahan = squares(["A", "B", "C", "D", "E"])
    weights = scenario.NeedWeights(
        key="aktif",
        label="Kasus aktif",
        values=pd.Series([10.0, 20.0, 0.0, 0.0, 5.0], index=list("ABCDE")),
        names=kelurahan.set_index("kode")["nama"],
    )
    sites = [_lat_lon(420_500.0, 9_170_500.0), _lat_lon(424_500.0, 9_170_500.0)]
    candidates = pd.DataFrame(
        {
            "id": ["Pos A", "Pos E"],
            "asal": "tambahan",
            "lat": [lat for lat, _ in sites],
            "lon": [lon for _, lon in sites],
            "kapasitas": float("nan"),
            "tetap": False,
        }
    )
    centres = scenario.kelurahan_centres(kelurahan, UTM_49S)
    return kelurahan, weights, candidates, centres


def _solve(row_of_five, circuity: float):
    kelurahan, weights, candidates, _ = row_of_five
    return scenario.site_for_region(
        kelurahan,
        weights,
        candidates,
        "mclp",
        metric_crs=UTM_49S,
        n_sites=1,
        radius=1500.0,
        in_minutes=False,
        circuity=circuity,
        speed_kmh=30.0,
        time_limit_s=10.0,
    )


def test_siting_map_draws_sites_lines_and_reach(row_of_five):
    kelurahan, _, candidates, centres = row_of_five
    result = _solve(row_of_five, circuity=1.25)

    fmap = siting_map(kelurahan, result, candidates, centres)
    page = map_html(fmap)

    # A covers A and B (1 km × 1,25 ≤ 1,5 km): 30 of 35
    assert result.kpi["covered_share"] == pytest.approx(30 / 35, rel=1e-9)
    circles = re.findall(
        r"L\.circle\(\s*\[[^\]]*\],\s*\{[^}]*\"radius\": ([\d.]+)", page
    )
    # the reach drawn is straight-line: 1 500 m ÷ 1,25 = 1 200 m
    assert [float(radius) for radius in circles] == [pytest.approx(1200.0, abs=1e-6)]
    # one polyline of five parts: every kelurahan to the one site
    (lines,) = [child for child in _walk(fmap) if isinstance(child, folium.PolyLine)]
    assert len(lines.locations) == 5
    circles = [
        circle
        for child in _walk(fmap)
        if isinstance(child, CircleLayer)
        for circle in child.circles
    ]
    assert len(circles) == 6  # five kelurahan and Pos E
    assert page.count("L.circleMarker(") == 2  # one loop per layer, not per circle
    assert sum(circle.colour == UNCOVERED_COLOUR for circle in circles) == 3  # C, D, E
    assert "Lokasi terpilih" in page
    assert "di luar jangkauan" in page
    assert "Kel D" in page


def _walk(element):
    for child in element._children.values():
        yield child
        yield from _walk(child)


def test_siting_map_loads_nothing_from_the_internet(row_of_five):
    kelurahan, _, candidates, centres = row_of_five
    result = _solve(row_of_five, circuity=1.0)

    page = map_html(siting_map(kelurahan, result, candidates, centres, basemap=False))

    external = {url for url in URL_PATTERN.findall(page) if "." in url.split("/")[2]}
    assert external == set()
    assert TILE_URL not in page
    assert "/app/static/vendor/leaflet/leaflet.js" in page


def test_reach_in_minutes_is_drawn_in_straight_metres(row_of_five):
    kelurahan, weights, candidates, _ = row_of_five
    result = scenario.site_for_region(
        kelurahan,
        weights,
        candidates,
        "lscp",
        metric_crs=UTM_49S,
        n_sites=None,
        radius=4.0,
        in_minutes=True,
        circuity=1.3,
        speed_kmh=30.0,
        time_limit_s=10.0,
    )

    # 4 minutes at 30 km/h is 2 000 m of road, 2 000 / 1,3 m in a straight line
    assert straight_reach_m(result) == pytest.approx(2000.0 / 1.3, rel=1e-12)


def test_pmedian_without_radius_draws_no_circle(row_of_five):
    kelurahan, weights, candidates, centres = row_of_five
    result = _solve(row_of_five, circuity=1.0)
    plain = result.__class__(
        **{**result.__dict__, "parameters": {**result.parameters, "radius": None}}
    )

    page = map_html(siting_map(kelurahan, plain, candidates, centres))

    assert straight_reach_m(plain) is None
    assert "L.circle(" not in page


def test_distribution_map_colours_the_units_received(row_of_five):
    kelurahan, weights, _, _ = row_of_five
    result = distribute_by_need(weights.values, 70, names=weights.names)

    page = map_html(distribution_map(kelurahan, result))

    assert "Unit yang diterima" in page
    assert page.count('"kode"') >= 5


def test_reach_along_roads_is_no_circle_and_the_legend_says_so(row_of_five, tmp_path):
    kelurahan, weights, candidates, centres = row_of_five
    # one road through the five centres, from A to E
    road = gpd.GeoDataFrame(
        geometry=[shapely.LineString([(420_500, 9_170_500), (424_500, 9_170_500)])],
        crs=UTM_49S,
    )
    path = tmp_path / "jalan.geojson"
    road.to_crs(GEOGRAPHIC_CRS).to_file(path)
    result = scenario.site_for_region(
        kelurahan,
        weights,
        candidates,
        "mclp",
        metric_crs=UTM_49S,
        n_sites=1,
        radius=1500.0,
        in_minutes=False,
        circuity=1.3,
        speed_kmh=30.0,
        time_limit_s=10.0,
        roads=read_roads(path),
    )

    page = map_html(siting_map(kelurahan, result, candidates, centres))

    # by road A reaches B 1 km away, not C 2 km away: 30 of 35
    assert result.kpi["covered_share"] == pytest.approx(30 / 35, rel=1e-9)
    assert straight_reach_m(result) is None
    assert "L.circle(" not in page
    legend = legend_html(result)
    assert "jangkauan 1.500 m lewat jaringan jalan" in legend
    assert "faktor belok" not in legend
    assert "di luar jangkauan" in legend
