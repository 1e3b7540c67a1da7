"""Road networks for siting: read a road line layer, check it, build a graph.

Question: "Which kelurahan are within 10 minutes of a site along the roads, not
as the crow flies?". A road layer (GeoJSON, GeoPackage or zipped Shapefile of
lines) is read with :func:`read_roads` into a :class:`RoadNetwork`; its
:meth:`RoadNetwork.graph` is the ``networkx`` graph that
:func:`geo.siting.network_cost_from_points` walks. Every pair of consecutive
vertices is an edge with its length in metres (and minutes at the segment's
speed); vertices that coincide after rounding to :data:`NODE_ROUNDING_M` are one
node, which is how two roads meet.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError

from geo.crs import GEOGRAPHIC_CRS, utm_for
from geo.errors import GeoInputError
from geo.intake import read_layer
from geo.text import fmt_int, fmt_num, t

if TYPE_CHECKING:
    import networkx as nx

logger = logging.getLogger(__name__)

LINE_TYPES = ("LineString", "MultiLineString")
# Vertices that round to the same multiple of this (metres) are one node.
# LIMITATION: two vertices under 0.5 m apart that fall either side of a
# rounding step stay two nodes; their roads are then counted as separate
# components (the notes show the count).
NODE_ROUNDING_M = 0.5
PLAUSIBLE_KMH = (2, 150)  # outside this a road speed is said to look wrong


@dataclass(frozen=True, eq=False)
class RoadNetwork:
    """A checked road layer: its lines, speeds, counts and the notes to show.

    ``lines`` holds one row per road line of the file (LineString or
    MultiLineString) in EPSG:4326, with ``speed_kmh`` (NaN where the file
    gives no valid speed, or when no speed column was chosen). ``columns`` are
    the file's attribute columns. The counts were made in ``metric_crs``:
    ``edges`` (vertex-to-vertex segments), ``nodes`` (junctions and bends) and
    ``components`` (parts not joined to each other by any road).
    """

    lines: gpd.GeoDataFrame
    name: str
    sha256: str
    columns: tuple[str, ...]
    speed_column: str | None
    metric_crs: str
    edges: int
    nodes: int
    components: int
    largest_component_share: float
    default_speed_lines: int
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def has_speeds(self) -> bool:
        """Return True when some line has its own speed from the file."""
        return bool(self.lines["speed_kmh"].notna().any())

    def graph(
        self, metric_crs: str, speed_kmh: float, join: np.ndarray | None = None
    ) -> nx.Graph:
        """Return the road graph in ``metric_crs`` (nodes ``x``, ``y`` in metres).

        Parameters
        ----------
        metric_crs : str
            Projected CRS of the points the graph will serve.
        speed_kmh : float
            Speed of the lines without their own speed, for ``minutes``.
        join : np.ndarray, optional
            Points (n, 2) in ``metric_crs``; each gets a node at the nearest
            point of the nearest road, so that the nearest node of a point is
            where it meets the road.

        Returns
        -------
        nx.Graph
            Edges carry ``length_m`` and ``minutes``.

        Raises
        ------
        GeoInputError
            If the speed is not positive.
        """
        if not speed_kmh > 0:  # written this way so that NaN is rejected too
            raise GeoInputError(t("alok_err_kecepatan", value=speed_kmh))
        projected = self.lines.to_crs(metric_crs)
        speeds = projected["speed_kmh"].fillna(speed_kmh).to_numpy(dtype=float)
        graph = _graph(projected.geometry.to_numpy(), speeds)
        if join is not None and len(join):
            _join_points(graph, np.asarray(join, dtype=float))
        return graph

    def record(self) -> dict[str, Any]:
        """Return what a saved result keeps of the layer (file, hash, counts)."""
        return {
            "file_name": self.name,
            "sha256": self.sha256,
            "lines": len(self.lines),
            "edges": self.edges,
            "nodes": self.nodes,
            "components": self.components,
            "speed_column": self.speed_column,
            "default_speed_lines": self.default_speed_lines,
        }


def road_columns(
    source: str | Path | bytes, name: str = ""
) -> tuple[list[str], str | None]:
    """Return a road file's attribute columns and its CRS (None when unstated).

    Parameters
    ----------
    source : str, Path or bytes
        GeoJSON, GeoPackage or zipped Shapefile, or its bytes.
    name : str
        The file's name (needed with bytes: its suffix picks the reader).

    Returns
    -------
    tuple of (list of str, str or None)
        Columns other than the geometry, and the CRS as text.

    Raises
    ------
    GeoInputError
        If the file cannot be read as a vector layer.
    """
    layer, _ = read_layer(source, name, what=t("jalan_berkas"), rows=1)
    columns = [str(column) for column in layer.columns if column != "geometry"]
    return columns, None if layer.crs is None else layer.crs.to_string()


def read_roads(
    source: str | Path | bytes,
    name: str = "",
    *,
    crs: str | None = None,
    speed_column: str | None = None,
    bounds: tuple[float, float, float, float] | None = None,
    metric_crs: str | None = None,
) -> RoadNetwork:
    """Return a road layer read, checked and counted as a :class:`RoadNetwork`.

    Parameters
    ----------
    source : str, Path or bytes
        GeoJSON, GeoPackage or zipped Shapefile of road lines, or its bytes.
    name : str
        The file's name (needed with bytes: its suffix picks the reader).
    crs : str, optional
        CRS to assume when the file states none (e.g. "EPSG:4326").
    speed_column : str, optional
        Column holding each line's speed in km/h; rows without a speed above
        0 take the speed set for the run.
    bounds : tuple of float, optional
        (min lon, min lat, max lon, max lat) of the region in EPSG:4326; the
        roads must overlap it.
    metric_crs : str, optional
        Projected CRS for the counts; by default the UTM zone of the roads.

    Returns
    -------
    RoadNetwork
        Lines in EPSG:4326 with ``speed_kmh``, counts of segments, nodes and
        components, and notes (lines, nodes, components; geometries left out;
        speeds missing).

    Raises
    ------
    GeoInputError
        If the file cannot be read, has no CRS and none is given (or one that
        is not a CRS), is empty or holds no lines (or only one-point lines),
        names no such speed column, has coordinates that do not fit its CRS,
        or lies outside ``bounds``.
    """
    layer, name = read_layer(source, name, what=t("jalan_berkas"))
    digest = _sha256(source)
    layer, notes = _with_crs(layer, crs, name)
    if layer.empty:
        raise GeoInputError(t("jalan_err_kosong", name=name))
    lines, dropped = _lines_only(layer, name)
    notes.extend(dropped)
    speeds, speed_notes, default_lines = _speeds(lines, speed_column, name)
    notes.extend(speed_notes)

    geographic = gpd.GeoDataFrame(
        {"speed_kmh": speeds.to_numpy()},
        geometry=lines.geometry.to_crs(GEOGRAPHIC_CRS).to_numpy(),
        crs=GEOGRAPHIC_CRS,
    )
    _check_position(geographic, name, lines.crs, bounds)
    if metric_crs is None:
        west, south, east, north = geographic.total_bounds
        metric_crs = utm_for((west + east) / 2, (south + north) / 2)

    # counted on the file's own vertices; a run's graph adds a node where each
    # point meets its road
    counted = _graph(
        geographic.to_crs(metric_crs).geometry.to_numpy(), np.ones(len(lines))
    )
    edges, nodes, components, largest = _counts(counted)
    if edges == 0:
        raise GeoInputError(t("jalan_err_tanpa_ruas", name=name, lines=len(lines)))
    notes = [*_summary(name, len(lines), nodes, components, largest), *notes]

    logger.info(
        "road layer %s: %s lines, %s edges, %s nodes, %s components in %s",
        name,
        len(lines),
        edges,
        nodes,
        components,
        metric_crs,
    )
    return RoadNetwork(
        lines=geographic,
        name=name,
        sha256=digest,
        columns=tuple(str(c) for c in layer.columns if c != "geometry"),
        speed_column=speed_column,
        metric_crs=metric_crs,
        edges=edges,
        nodes=nodes,
        components=components,
        largest_component_share=largest,
        default_speed_lines=default_lines,
        notes=tuple(notes),
    )


def _summary(
    name: str, lines: int, nodes: int, components: int, largest: float
) -> list[str]:
    notes = [
        t(
            "jalan_note_ringkas" if components > 1 else "jalan_note_ringkas_satu",
            name=name,
            lines=fmt_int(lines),
            nodes=fmt_int(nodes),
            components=fmt_int(components),
        )
    ]
    if components > 1:
        notes.append(
            t(
                "jalan_note_komponen",
                components=fmt_int(components),
                pct=fmt_num(100 * largest, 1),
            )
        )
    return notes


def _sha256(source: str | Path | bytes) -> str:
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    return hashlib.sha256(data).hexdigest()


def _with_crs(
    layer: gpd.GeoDataFrame, crs: str | None, name: str
) -> tuple[gpd.GeoDataFrame, list[str]]:
    if layer.crs is not None:
        return layer, []
    if crs is None or not str(crs).strip():
        raise GeoInputError(t("jalan_err_tanpa_crs", name=name))
    try:
        given = CRS.from_user_input(str(crs).strip())
    except CRSError as err:
        raise GeoInputError(t("jalan_err_crs", value=crs)) from err
    return layer.set_crs(given), [t("intake_note_crs_given", crs=crs)]


def _lines_only(
    layer: gpd.GeoDataFrame, name: str
) -> tuple[gpd.GeoDataFrame, list[str]]:
    geometry = layer.geometry
    kinds = geometry.geom_type.fillna(t("jalan_tanpa_geometri"))
    kinds = kinds.where(~geometry.is_empty.fillna(False), t("jalan_tanpa_geometri"))
    is_line = kinds.isin(LINE_TYPES)
    others = kinds[~is_line].value_counts()
    listed = ", ".join(f"{kind} {fmt_int(count)}" for kind, count in others.items())
    if not is_line.any():
        raise GeoInputError(t("jalan_err_tanpa_garis", name=name, kinds=listed))
    notes = []
    if len(others):
        notes.append(
            t("jalan_note_bukan_garis", count=fmt_int(others.sum()), kinds=listed)
        )
    return layer[is_line.to_numpy()].reset_index(drop=True), notes


def _speeds(
    lines: gpd.GeoDataFrame, column: str | None, name: str
) -> tuple[pd.Series, list[str], int]:
    if column is None:
        return pd.Series(np.nan, index=lines.index), [], len(lines)
    if column not in lines:
        columns = ", ".join(str(c) for c in lines.columns if c != "geometry")
        columns = columns or t("jalan_tanpa_kolom")
        raise GeoInputError(
            t("jalan_err_kolom", value=column, name=name, columns=columns)
        )
    values = pd.to_numeric(lines[column], errors="coerce").astype(float)
    # NaN fails the comparison too: empty, text and non-positive take the default
    valid = values > 0
    notes = [t("jalan_note_kecepatan", column=column)]
    missing = int((~valid).sum())
    if missing:
        notes.append(
            t("jalan_note_kecepatan_kosong", count=fmt_int(missing), column=column)
        )
    # kept, but said: 0,001 km/h or 10^9 km/h is a typing or unit error
    odd = valid & ((values < PLAUSIBLE_KMH[0]) | (values > PLAUSIBLE_KMH[1]))
    if odd.any():
        notes.append(
            t(
                "jalan_note_kecepatan_aneh",
                count=fmt_int(int(odd.sum())),
                column=column,
                low=fmt_int(PLAUSIBLE_KMH[0]),
                high=fmt_int(PLAUSIBLE_KMH[1]),
                examples=", ".join(fmt_num(v, 3) for v in values[odd].head(3)),
            )
        )
    return values.where(valid), notes, missing


def _check_position(
    lines: gpd.GeoDataFrame,
    name: str,
    crs: Any,
    bounds: tuple[float, float, float, float] | None,
) -> None:
    west, south, east, north = lines.total_bounds
    fits = np.isfinite([west, south, east, north]).all() and (
        -180 <= west <= east <= 180 and -90 <= south <= north <= 90
    )
    if not fits:
        raise GeoInputError(
            t(
                "jalan_err_koordinat",
                name=name,
                crs=CRS.from_user_input(crs).to_string(),
                lon=_range_text(west, east),
                lat=_range_text(south, north),
            )
        )
    if bounds is None:
        return
    region = shapely.box(*bounds)
    if not lines.intersects(region).any():
        raise GeoInputError(
            t(
                "jalan_err_luar_wilayah",
                name=name,
                lon=_range_text(west, east),
                lat=_range_text(south, north),
                region_lon=_range_text(bounds[0], bounds[2]),
                region_lat=_range_text(bounds[1], bounds[3]),
            )
        )


def _range_text(low: float, high: float) -> str:
    return f"{fmt_num(low, 3)} … {fmt_num(high, 3)}"


# LIMITATION: every road is two-way at one speed in both directions; one-way
# streets, turn restrictions and congestion are ignored, so some trips look
# shorter or quicker than they are.
# LIMITATION: lines that cross without a shared vertex do not meet (right for
# a bridge, wrong for a file that splits roads only at their ends); trips
# needing such a crossing go round or find no road.
def _graph(geometry: np.ndarray, speeds: np.ndarray) -> nx.Graph:
    """Graph of every consecutive vertex pair; coinciding vertices are one node."""
    import networkx as nx  # only road networks need it (0.3 s import)

    parts, part_of = shapely.get_parts(geometry, return_index=True)
    coords, line_of = shapely.get_coordinates(parts, return_index=True)
    keys = np.round(coords / NODE_ROUNDING_M).astype(np.int64)
    unique_keys, node_of = np.unique(keys, axis=0, return_inverse=True)
    node_of = node_of.reshape(-1)

    pair = line_of[1:] == line_of[:-1]
    start, end = node_of[:-1][pair], node_of[1:][pair]
    length = np.hypot(*(coords[1:][pair] - coords[:-1][pair]).T)
    speed = speeds[part_of[line_of[:-1][pair]]]
    segments = pd.DataFrame(
        {
            "a": np.minimum(start, end),
            "b": np.maximum(start, end),
            "length_m": length,
            "minutes": length / (speed * 1000.0 / 60.0),
        }
    )
    # a vertex pair rounded into one node is no road; two lines along the same
    # stretch give one edge with the shorter length and the quicker time
    segments = segments[segments["a"] != segments["b"]]
    edges = segments.groupby(["a", "b"], sort=False).min().reset_index()

    graph = nx.Graph()
    used = np.unique(edges[["a", "b"]].to_numpy())
    xy = unique_keys[used] * NODE_ROUNDING_M
    graph.add_nodes_from(
        (int(node), {"x": float(x), "y": float(y)})
        for node, (x, y) in zip(used, xy, strict=True)
    )
    graph.add_edges_from(
        (int(a), int(b), {"length_m": float(length_m), "minutes": float(minutes)})
        for a, b, length_m, minutes in edges.itertuples(index=False)
    )
    return graph


def _join_points(graph: nx.Graph, points: np.ndarray) -> None:
    """Split each point's nearest edge where the point meets it (in place)."""
    ends = np.array(list(graph.edges), dtype=np.int64)
    node_xy = {node: (data["x"], data["y"]) for node, data in graph.nodes(data=True)}
    start = np.array([node_xy[a] for a in ends[:, 0]])
    end = np.array([node_xy[b] for b in ends[:, 1]])
    segments = shapely.linestrings(np.stack([start, end], axis=1))
    located = shapely.points(points)
    point_at, edge_at = shapely.STRtree(segments).query_nearest(
        located, all_matches=False
    )
    along = shapely.line_locate_point(segments[edge_at], located[point_at])

    next_node = max(graph.nodes) + 1
    for edge in np.unique(edge_at):
        a, b = (int(node) for node in ends[edge])
        span = float(shapely.length(segments[edge]))
        cuts = np.unique(along[edge_at == edge])
        cuts = cuts[(cuts > 0) & (cuts < span)]
        if not len(cuts):
            continue
        data = graph.edges[a, b]
        chain = [a]
        for cut in cuts:
            x, y = start[edge] + (end[edge] - start[edge]) * (cut / span)
            graph.add_node(next_node, x=float(x), y=float(y))
            chain.append(next_node)
            next_node += 1
        chain.append(b)
        shares = np.diff(np.concatenate([[0.0], cuts, [span]])) / span
        graph.remove_edge(a, b)
        for u, v, share in zip(chain[:-1], chain[1:], shares, strict=True):
            graph.add_edge(
                u,
                v,
                length_m=data["length_m"] * share,
                minutes=data["minutes"] * share,
            )


def _counts(graph: nx.Graph) -> tuple[int, int, int, float]:
    import networkx as nx

    sizes = [len(part) for part in nx.connected_components(graph)]
    largest = max(sizes) / graph.number_of_nodes() if sizes else 0.0
    return graph.number_of_edges(), graph.number_of_nodes(), len(sizes), largest
