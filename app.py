"""Ruang peta command center: page config, logging and navigation."""

from __future__ import annotations

import logging

import streamlit as st

from geo.text import t
from ui import preload, state

# The tab icon stays an emoji: a Material icon there is fetched from Google's font
# server (the navigation's Material icons come from Streamlit's bundled font).
st.set_page_config(page_title=t("app_title"), page_icon="🗺️", layout="wide")


@st.cache_resource
def _configure_logging() -> None:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


_configure_logging()
# first, so the chart library loads in the browser while the page is computed
remove_blank_chart = preload.chart_library()
navigation = st.navigation(
    [
        st.Page(
            "pages/peta_situasi.py",
            title=t("page_peta"),
            icon=":material/map:",
            default=True,
        ),
        st.Page(
            "pages/hotspot.py",
            title=t("page_hotspot"),
            icon=":material/local_fire_department:",
        ),
        st.Page(
            "pages/skenario.py", title=t("page_skenario"), icon=":material/calculate:"
        ),
        st.Page("pages/ekspor.py", title=t("page_ekspor"), icon=":material/bar_chart:"),
        st.Page("pages/data.py", title=t("page_data"), icon=":material/folder_open:"),
    ]
)
try:
    state.navigation_ready()
    navigation.run()
finally:
    # also after an exception in the page; after st.stop nothing more can be
    # sent, and the chart's style keeps it out of sight (ui/preload.py)
    remove_blank_chart()
