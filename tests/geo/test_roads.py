"""Road layers: reading, checks, node merging, counts, lengths and minutes."""

from __future__ import annotations

import hashlib
import zipfile

import geopandas as gpd
import networkx as nx
import numpy as np
import pytest
import shapely

from geo.crs import UTM_49S
from geo.errors import GeoInputError
from geo.roads import read_roads, road_columns
from tests.conftest import ROAD_ORIGIN, road_grid

JAKARTA_BOUNDS = (106.68, -6.38, 106.98, -6.08)
MAGELANG_BOUNDS = (110.19, -7.51, 110.24, -7.45)
# the grid goes to lon/lat and back: metres survive to well under a millimetre
ROUND_TRIP_M = 0.01


@pytest.fixture
def grid_file(tmp_path):
    path = tmp_path / "jalan.geojson"
    road_grid().to_file(path)
    return path


def _node_at(graph: nx.Graph, dx: float, dy: float):
    x0, y0 = ROAD_ORIGIN
    return min(
        graph.nodes,
        key=lambda n: np.hypot(
            graph.nodes[n]["x"] - (x0 + dx), graph.nodes[n]["y"] - (y0 + dy)
        ),
    )


def test_the_grid_is_counted_lines_nodes_and_components(grid_file):
    roads = read_roads(grid_file, bounds=MAGELANG_BOUNDS)

    # 6 ends and bends: (0,0), (0,2000), (0,3000), (2000,2000), (2500,0), (3000,0)
    assert (len(roads.lines), roads.edges, roads.nodes) == (4, 4, 6)
    assert roads.components == 2
    assert roads.largest_component_share == pytest.approx(4 / 6, rel=1e-12)
    assert roads.notes[0] == (
        "Jaringan jalan 'jalan.geojson': 4 ruas jalan, 6 simpul, 2 komponen terpisah."
    )
    assert "terpecah menjadi 2 bagian" in roads.notes[1]
    assert "66,7 % simpul" in roads.notes[1]
    assert roads.metric_crs == UTM_49S
    assert roads.lines.crs == "EPSG:4326"


def test_lengths_along_the_l_differ_from_the_straight_line(grid_file):
    graph = read_roads(grid_file).graph(UTM_49S, speed_kmh=30.0)
    corner_start, far_end = _node_at(graph, 0, 0), _node_at(graph, 2000, 2000)

    along = nx.shortest_path_length(graph, corner_start, far_end, weight="length_m")

    assert along == pytest.approx(4_000.0, abs=ROUND_TRIP_M)  # 2000 north + 2000 east
    assert not nx.has_path(graph, corner_start, _node_at(graph, 3000, 0))


def test_points_join_the_road_where_they_meet_it(grid_file):
    x0, y0 = ROAD_ORIGIN
    # beside road A at its 1000 m and 500 m marks, on its start, beside road E
    offsets = [(-300, 1000), (100, 500), (0, 0), (2750, 50)]
    points = np.array([(x0 + dx, y0 + dy) for dx, dy in offsets])

    graph = read_roads(grid_file, speed_column="kmj").graph(
        UTM_49S, speed_kmh=30.0, join=points
    )

    # three new nodes: the point on (0, 0) meets the road at an existing node
    assert graph.number_of_nodes() == 6 + 3
    joined = _node_at(graph, -300, 1000)
    assert graph.nodes[joined]["x"] == pytest.approx(x0, abs=ROUND_TRIP_M)
    assert graph.nodes[joined]["y"] == pytest.approx(y0 + 1000, abs=ROUND_TRIP_M)
    top = _node_at(graph, 0, 3000)
    length = nx.shortest_path_length(graph, _node_at(graph, 0, 0), top, "length_m")
    assert length == pytest.approx(3_000.0, abs=ROUND_TRIP_M)
    # the split keeps each part's share of the time: 2 km of road A at 60 km/h
    assert nx.shortest_path_length(graph, joined, top, "minutes") == pytest.approx(
        2.0, abs=1e-6
    )


def test_without_a_speed_column_minutes_are_at_the_given_speed(grid_file):
    graph = read_roads(grid_file).graph(UTM_49S, speed_kmh=30.0)

    minutes = nx.shortest_path_length(
        graph, _node_at(graph, 0, 0), _node_at(graph, 2000, 2000), weight="minutes"
    )

    assert minutes == pytest.approx(8.0, abs=1e-4)  # 4 km at 30 km/h


def test_each_road_at_its_own_speed(grid_file):
    roads = read_roads(grid_file, speed_column="kmj")
    graph = roads.graph(UTM_49S, speed_kmh=20.0)

    minutes = nx.shortest_path_length(
        graph, _node_at(graph, 0, 0), _node_at(graph, 2000, 2000), weight="minutes"
    )
    stray = nx.shortest_path_length(
        graph, _node_at(graph, 2500, 0), _node_at(graph, 3000, 0), weight="minutes"
    )

    assert roads.has_speeds
    # 2 km of road A at 60 km/h (2 min) then 2 km of road B at 30 km/h (4 min)
    assert minutes == pytest.approx(6.0, abs=1e-4)
    # road E has no speed: 500 m at the given 20 km/h
    assert stray == pytest.approx(1.5, abs=1e-4)
    assert roads.default_speed_lines == 1
    assert "Kecepatan per ruas dari kolom 'kmj'" in roads.notes[2]
    assert "1 ruas tanpa kecepatan yang sah di kolom 'kmj'" in roads.notes[3]


@pytest.mark.parametrize("bad", [0, -5, "cepat"], ids=["zero", "negative", "text"])
def test_a_speed_that_is_not_positive_takes_the_given_speed(tmp_path, bad):
    layer = road_grid().assign(kmj=[60, 60, 30, bad]).astype({"kmj": str})
    path = tmp_path / "jalan.geojson"
    layer.to_file(path)

    roads = read_roads(path, speed_column="kmj")

    assert roads.default_speed_lines == 1
    assert roads.lines["speed_kmh"].isna().tolist() == [False, False, False, True]


def test_implausible_speeds_are_kept_but_said(tmp_path):
    layer = road_grid().assign(kmj=[60, 0.001, 30, 1e9])
    path = tmp_path / "jalan.geojson"
    layer.to_file(path)

    roads = read_roads(path, speed_column="kmj")

    assert roads.default_speed_lines == 0
    odd = [note for note in roads.notes if "di luar 2-150 km/jam" in note]
    assert len(odd) == 1 and odd[0].startswith("2 ruas")


def test_a_connected_network_says_so(tmp_path):
    layer = road_grid().iloc[:2]  # the two roads of the L, joined at the corner
    path = tmp_path / "jalan.geojson"
    layer.to_file(path)

    roads = read_roads(path)

    assert roads.notes[0].endswith("semuanya tersambung.")


def test_an_unknown_speed_column_lists_the_columns(grid_file):
    with pytest.raises(GeoInputError, match="'laju' tidak ada .* nama, kmj"):
        read_roads(grid_file, speed_column="laju")


@pytest.mark.parametrize("kind", ["gpkg", "zip"], ids=["geopackage", "shapefile"])
def test_geopackage_and_zipped_shapefile_read_alike(tmp_path, kind):
    if kind == "gpkg":
        path = tmp_path / "jalan.gpkg"
        road_grid().to_file(path, driver="GPKG")
    else:
        folder = tmp_path / "shp"
        folder.mkdir()
        road_grid().to_file(folder / "jalan.shp")
        path = tmp_path / "jalan.zip"
        with zipfile.ZipFile(path, "w") as bundle:
            for part in folder.iterdir():
                bundle.write(part, part.name)

    roads = read_roads(path.read_bytes(), path.name, speed_column="kmj")

    assert (len(roads.lines), roads.nodes, roads.components) == (4, 6, 2)
    assert roads.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert roads.record()["file_name"] == path.name
    assert roads.default_speed_lines == 1


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_a_file_without_crs_asks_for_one(tmp_path):
    path = tmp_path / "jalan.gpkg"
    road_grid().to_crs(UTM_49S).set_crs(None, allow_override=True).to_file(
        path, driver="GPKG"
    )

    assert road_columns(path) == (["nama", "kmj"], None)
    with pytest.raises(GeoInputError, match="tidak menyebut sistem koordinat"):
        read_roads(path)
    with pytest.raises(GeoInputError, match="CRS 'UTM 49' tidak dikenal"):
        read_roads(path, crs="UTM 49")
    given = read_roads(path, crs="EPSG:32749")
    assert given.nodes == 6
    assert "dengan CRS EPSG:32749 dari pengguna" in " ".join(given.notes)


def test_points_and_polygons_are_left_out_and_counted(tmp_path):
    grid = road_grid()
    x, y = grid.geometry.iloc[0].coords[0]
    others = gpd.GeoDataFrame(
        {"nama": ["halte", "pasar"], "kmj": [None, None]},
        geometry=[shapely.Point(x, y), shapely.box(x, y, x + 0.001, y + 0.001)],
        crs="EPSG:4326",
    )
    path = tmp_path / "campur.geojson"
    gpd.pd.concat([grid, others], ignore_index=True).to_file(path)

    roads = read_roads(path)

    assert len(roads.lines) == 4
    assert (
        "2 fitur bukan garis dilewati (Point 1, Polygon 1); hanya LineString dan "
        "MultiLineString yang dipakai." in roads.notes
    )


def test_a_layer_without_lines_is_refused(tmp_path):
    path = tmp_path / "titik.geojson"
    gpd.GeoDataFrame(
        {"nama": ["halte"]}, geometry=[shapely.Point(110.22, -7.47)], crs=4326
    ).to_file(path)

    with pytest.raises(GeoInputError, match=r"tidak berisi garis .*: Point 1"):
        read_roads(path)


def test_an_empty_layer_is_refused(tmp_path):
    path = tmp_path / "kosong.gpkg"
    road_grid().iloc[0:0].to_file(path, driver="GPKG")

    with pytest.raises(GeoInputError, match="tidak berisi fitur apa pun"):
        read_roads(path)


def test_roads_of_another_region_are_refused_with_both_extents(grid_file):
    with pytest.raises(
        GeoInputError, match=r"tidak bertumpang dengan wilayah: jalan di bujur 110,2"
    ) as caught:
        read_roads(grid_file, bounds=JAKARTA_BOUNDS)

    assert "wilayah di bujur 106,680 … 106,980" in str(caught.value)


def test_metres_labelled_as_degrees_are_refused(tmp_path):
    path = tmp_path / "salah.geojson"
    wrong = road_grid().to_crs(UTM_49S).set_crs("EPSG:4326", allow_override=True)
    wrong.to_file(path)

    with pytest.raises(GeoInputError, match="tidak cocok dengan CRS-nya"):
        read_roads(path)


def test_a_wrong_suffix_is_refused_in_indonesian(grid_file):
    with pytest.raises(GeoInputError, match="Berkas jalan 'jalan.csv' tidak dikenali"):
        read_roads(grid_file.read_bytes(), "jalan.csv")


def test_ends_closer_than_half_a_metre_join_and_farther_ones_do_not(tmp_path):
    x0, y0 = ROAD_ORIGIN
    layer = gpd.GeoDataFrame(
        geometry=[
            shapely.LineString([(x0, y0), (x0 + 1_000.0, y0)]),
            # starts 0.14 m from the first line's end: the same junction
            shapely.LineString([(x0 + 1_000.1, y0 + 0.1), (x0 + 1_000.0, y0 + 800)]),
            # starts 3 m away: not joined
            shapely.LineString([(x0 + 1_003.0, y0), (x0 + 2_000.0, y0)]),
        ],
        crs=UTM_49S,
    )
    path = tmp_path / "sambung.gpkg"
    layer.to_file(path, driver="GPKG")

    roads = read_roads(path)

    assert (roads.nodes, roads.components) == (5, 2)
