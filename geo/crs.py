"""Coordinate reference systems used by the product, defined once."""

from __future__ import annotations

GEOGRAPHIC_CRS = "EPSG:4326"
# UTM zones that hold each province whole: distances and areas are measured here.
UTM_48S = "EPSG:32748"  # DKI Jakarta, Banten, Jawa Barat west of 108 deg E
UTM_49S = "EPSG:32749"  # Jawa Tengah, DI Yogyakarta
METRIC_CRS = UTM_49S  # the default region, Kota Magelang, lies in 49S


def utm_south_for_lon(lon: float) -> str:
    """Return the EPSG code of the southern-hemisphere UTM zone holding ``lon``.

    Parameters
    ----------
    lon : float
        Longitude in degrees east.

    Returns
    -------
    str
        ``"EPSG:327NN"`` where NN is the UTM zone number.
    """
    zone = int((lon + 180.0) // 6.0) + 1
    return f"EPSG:{32700 + zone}"


def utm_for(lon: float, lat: float) -> str:
    """Return the EPSG code of the UTM zone holding (``lon``, ``lat``).

    Parameters
    ----------
    lon, lat : float
        Longitude and latitude in degrees.

    Returns
    -------
    str
        ``"EPSG:327NN"`` south of the equator, ``"EPSG:326NN"`` north of it.
    """
    south = utm_south_for_lon(lon)
    return south if lat < 0 else south.replace("EPSG:327", "EPSG:326")
