"""Plotly chart builders (interim epidemic curve; the export branch owns this file)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go


def epidemic_curve(
    series: pd.DataFrame, *, title: str, subtitle: str, source: str
) -> go.Figure:
    """Return cumulative confirmed cases and new cases per data date."""
    figure = go.Figure()
    figure.add_bar(x=series["tanggal"], y=series["positif"].diff(), name="Kasus baru")
    figure.add_scatter(
        x=series["tanggal"], y=series["positif"], name="Kumulatif", mode="lines+markers"
    )
    figure.update_layout(
        title=f"{title}<br><sup>{subtitle}</sup>",
        separators=",.",
        annotations=[
            {
                "text": source,
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": -0.25,
                "font": {"size": 10},
            }
        ],
    )
    return figure
