"""Which allocation do we adopt: who gets the stock, where to site, where beds run out?

Builds what-if scenarios for a region at a data date: a stock spread over
kelurahan by need, sites chosen from candidates (MCLP, p-median, LSCP,
p-center), a bed projection referred to hospitals, and days of stock; saves
them in the store, compares them and marks one adopted. Reads the region
pack's kelurahan, cases, facilities and population, and the store's resources
and scenarios.
"""

from __future__ import annotations

import streamlit as st

from geo.errors import GeoInputError
from geo.text import t
from ui import scenario, scenario_tabs, widgets

try:
    link_notice = scenario.open_linked_scenario()
    place = scenario.place_picker()
except GeoInputError as err:
    st.error(str(err))
    st.stop()

st.title(f"{t('page_skenario')}: {place.pack.nama}")
st.caption(t("skn_judul_bawah", date=widgets.date_label(place.tanggal)))
for notice in (link_notice, *place.notices):
    if notice:
        st.warning(notice)

tabs = st.tabs(
    [
        t("skn_tab_distribusi"),
        t("skn_tab_lokasi"),
        t("skn_tab_rujukan"),
        t("skn_tab_stok"),
        t("skn_tab_tersimpan"),
    ]
)
drawers = (
    scenario_tabs.distribution_tab,
    scenario_tabs.siting_tab,
    scenario_tabs.referral_tab,
    scenario_tabs.stock_tab,
    scenario_tabs.saved_tab,
)
# A problem in one tab (an infeasible cover, beds not entered) is shown there and
# the other tabs still draw, so no st.stop() here.
for tab, draw in zip(tabs, drawers, strict=True):
    with tab:
        try:
            draw(place)
        except GeoInputError as err:
            st.error(str(err))
