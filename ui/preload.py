"""Have the browser load the chart library while the first page is computed.

Streamlit's browser code fetches and runs its Plotly bundle (4.7 MB, about 0.8 s
of the browser's main thread on two cores) only when the first Plotly chart
arrives. On the first page that is the epidemic curve, which comes a moment
before the map, so the map's frame waited behind the bundle. A session's first
run therefore sends one blank, invisible chart before anything else and removes
it when the run ends: the bundle then loads while the server is still reading
data and building the map (benchmarks/bench_startup.py: Kota Magelang drawn
about 0.4 s sooner). A style keeps the chart out of the layout (the browser
still loads and draws it), so a run stopped early (``st.stop`` on an error, after
which nothing more can be sent) leaves no gap either. Later runs of the session
send nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

# Session key: the chart library has been asked for in this session.
CHART_LIBRARY = "pustaka_grafik_dimuat"
BLANK_KEY = "pustaka_grafik"
BLANK_HEIGHT_PX = 10
# Streamlit names an element's box after its key; a style-only st.html takes no room.
HIDE_BLANK = f"<style>.st-key-{BLANK_KEY} {{display: none;}}</style>"


def chart_library() -> Callable[[], None]:
    """Send the blank chart on a session's first run; return what removes it.

    Call it before the page runs and the returned function after it.
    """
    if st.session_state.get(CHART_LIBRARY):
        return _nothing
    st.session_state[CHART_LIBRARY] = True
    st.html(HIDE_BLANK)
    slot = st.sidebar.empty()
    blank = go.Figure(
        layout={
            "height": BLANK_HEIGHT_PX,
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "paper_bgcolor": "rgba(0,0,0,0)",
            "plot_bgcolor": "rgba(0,0,0,0)",
        }
    )
    slot.plotly_chart(
        blank,
        height=BLANK_HEIGHT_PX,
        theme=None,
        config={"staticPlot": True, "displayModeBar": False},
        key=BLANK_KEY,
    )
    return slot.empty


def _nothing() -> None:
    return None
