"""The Peta Situasi map: public release of its tooltips and legend."""

from __future__ import annotations

import pandas as pd

from geo.indicators import situation
from geo.situation_maps import situation_map
from tests.geo.export_support import three_kelurahan_region


def _html(public: bool) -> str:
    region = three_kelurahan_region()
    result = situation(
        region.kelurahan, region.cases, pd.Timestamp("2020-10-06"), "positif"
    )
    fmap = situation_map(region, result, basemap=False, public=public)
    return fmap.get_root().render()


def test_public_map_shows_three_cases_as_under_five():
    """Kel 2 has 3 cases: its tooltip and the legend read "<5" in a public map."""
    public, internal = _html(public=True), _html(public=False)

    assert '"nilai":"3"' in internal
    assert '"nilai":"3"' not in public
    assert '"nilai":"\\u003c5"' in public
    assert '"nilai":"1.234"' in public  # large counts stay as they are
