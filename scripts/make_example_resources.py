"""Write the example resource set of Kota Magelang (no real resource data exist).

Every row is marked ``status = contoh`` so that the app labels it an example
wherever it appears, until the user imports real resources. Deterministic for a
given seed: ``python scripts/make_example_resources.py --seed 3371``.

Ambulances stand at the hospitals of the public facility listing (source S2,
points inside the kelurahan polygons); field teams, stocks (test kits, APD,
vaccine doses) and aid packages are placed at random points inside the
kelurahan polygons of ``data/magelang/kelurahan.geojson``.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
from pathlib import Path

import numpy as np
import shapely

logger = logging.getLogger("make_example_resources")

ROOT = Path(__file__).resolve().parents[1]
KELURAHAN_FILE = ROOT / "data" / "magelang" / "kelurahan.geojson"
FACILITY_FILE = ROOT / "data" / "magelang" / "health_facilities.csv"
OUTPUT_FILE = ROOT / "data" / "magelang" / "example_resources.csv"
DEFAULT_SEED = 3371
UPDATED = "2020-10-06"  # last date of the bundled Magelang case data
COLUMNS = (
    "jenis",
    "nama",
    "jumlah",
    "lat",
    "lon",
    "fasilitas",
    "kode_kelurahan",
    "diperbarui",
    "status",
)
# (jenis, name stem, number of rows, smallest and largest quantity)
PLACED_STOCKS = (
    ("tim_lapangan", "Tim lapangan", 6, 1, 1),
    ("kit_tes", "Stok kit tes", 3, 200, 1_000),
    ("apd", "Stok APD", 3, 100, 600),
    ("dosis_vaksin", "Stok dosis vaksin", 2, 500, 3_000),
    ("paket_bantuan", "Paket bantuan", 3, 50, 300),
)


def load_kelurahan(path: Path) -> list[tuple[str, shapely.Geometry]]:
    """Return (kode, polygon) of every kelurahan in the GeoJSON file."""
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return [
        (feature["properties"]["kode"], shapely.from_geojson(json.dumps(feature)))
        for feature in features
    ]


def kelurahan_at(
    kelurahan: list[tuple[str, shapely.Geometry]], lon: float, lat: float
) -> str | None:
    """Return the code of the kelurahan covering the point, or None."""
    point = shapely.Point(lon, lat)
    for kode, polygon in kelurahan:
        if polygon.covers(point):
            return kode
    return None


def random_point(
    polygon: shapely.Geometry, rng: np.random.Generator
) -> tuple[float, float]:
    """Return a uniform random (lon, lat) inside ``polygon``, rounded to 1e-6 deg."""
    lon_min, lat_min, lon_max, lat_max = polygon.bounds
    while True:
        lon = round(float(rng.uniform(lon_min, lon_max)), 6)
        lat = round(float(rng.uniform(lat_min, lat_max)), 6)
        if polygon.covers(shapely.Point(lon, lat)):
            return lon, lat


def hospitals(
    path: Path, kelurahan: list[tuple[str, shapely.Geometry]]
) -> list[tuple[str, float, float, str]]:
    """Return (name, lon, lat, kode) of the S2-listed hospitals inside the city."""
    with path.open(encoding="utf-8") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if row["source_id"] == "S2" and row["type"].startswith("hospital")
        ]
    found = []
    for row in rows:
        lon, lat = float(row["lon"]), float(row["lat"])
        kode = kelurahan_at(kelurahan, lon, lat)
        if kode is not None:
            found.append((row["facility"], lon, lat, kode))
    return found


def example_rows(seed: int) -> list[dict[str, object]]:
    """Return the example resource rows for ``seed``."""
    rng = np.random.default_rng(seed)
    kelurahan = load_kelurahan(KELURAHAN_FILE)

    rows: list[dict[str, object]] = []
    for name, lon, lat, kode in hospitals(FACILITY_FILE, kelurahan):
        rows.append(
            _row("ambulans", f"Ambulans {name}", int(rng.integers(1, 4)), lon, lat)
            | {"fasilitas": name, "kode_kelurahan": kode}
        )

    for jenis, stem, count, smallest, largest in PLACED_STOCKS:
        chosen = rng.choice(len(kelurahan), size=count, replace=False)
        for number, index in enumerate(sorted(chosen), start=1):
            kode, polygon = kelurahan[index]
            lon, lat = random_point(polygon, rng)
            quantity = int(rng.integers(smallest, largest + 1))
            if quantity > 10:
                quantity = int(round(quantity, -1))
            rows.append(
                _row(jenis, f"{stem} {number}", quantity, lon, lat)
                | {"kode_kelurahan": kode}
            )
    return rows


def _row(jenis: str, nama: str, jumlah: int, lon: float, lat: float) -> dict:
    return {
        "jenis": jenis,
        "nama": nama,
        "jumlah": jumlah,
        "lat": f"{lat:.6f}",
        "lon": f"{lon:.6f}",
        "fasilitas": "",
        "kode_kelurahan": "",
        "diperbarui": UPDATED,
        "status": "contoh",
    }


def write_rows(rows: list[dict[str, object]], path: Path) -> None:
    """Write ``rows`` as UTF-8 CSV with the columns of :data:`COLUMNS`."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    """Parse the arguments and write the example file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--output", type=Path, default=OUTPUT_FILE)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    rows = example_rows(args.seed)
    write_rows(rows, args.output)
    logger.info("%d example resources written to %s", len(rows), args.output)


if __name__ == "__main__":
    main()
