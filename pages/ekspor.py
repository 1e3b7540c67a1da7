"""What goes to the morning meeting, and may it be shown to the public?

Charts, tables, layers and the one-click "Laporan Situasi" PDF of the chosen
region and date, each with its downloads, for Bappeda to brief the mayor, the
DPRD and the province. Reads the region pack (kelurahan, cases, facilities,
population) through the same situation as Peta Situasi, so every file shows
the page's numbers; bed occupancy and resource stock come from the store
(:mod:`geo.store_charts`), and a caption says which of the two is missing.
"""

from __future__ import annotations

import streamlit as st

from geo import export_region
from geo.errors import GeoInputError
from geo.text import t
from ui import downloads, state, widgets

state.init()
try:
    pack, tanggal, notices = widgets.region_date_picker()
    public = widgets.public_release_toggle()
    inputs = downloads.export_inputs(
        pack.kode, tanggal.date().isoformat(), with_store_charts=True
    )
except GeoInputError as err:
    st.error(str(err))
    st.stop()

st.title(t("ekp_judul", wilayah=pack.nama))
st.caption(t("ekp_keterangan", tanggal=widgets.date_label(tanggal)))
for notice in notices:
    st.warning(notice)
if public:
    st.info(t("ekp_rilis_aktif"))

st.subheader(t("ekp_laporan"))
st.write(t("ekp_laporan_isi"))
downloads.briefing_button(inputs, public=public)

st.subheader(t("ekp_grafik"))
available = export_region.available_charts(inputs)
for chart in available:
    try:
        figure = export_region.chart_figure(inputs, chart, public=public)
    except GeoInputError as err:
        st.warning(str(err))
        continue
    widgets.show_chart(figure, key=f"ekspor_grafik_{chart}")
    downloads.export_chart_downloads(inputs, chart, public=public)
for chart, why in export_region.absent_charts(inputs):
    name = t(f"ekp_grafik_{chart}").lower()
    st.caption(t("ekp_grafik_absen", grafik=name, alasan=why))

st.subheader(t("ekp_tabel"))
widgets.kelurahan_table(inputs.situation)
downloads.table_downloads(inputs, public=public, key="ekspor_tabel")

st.subheader(t("ekp_peta"))
st.caption(t("ekp_peta_isi"))
downloads.map_downloads(inputs, public=public, key="ekspor_peta")

st.subheader(t("ekp_catatan"))
for note in inputs.notes:
    st.warning(note)
sumber = "; ".join(inputs.sources)
st.caption(t("ekp_sumber", sumber=sumber, tanggal=widgets.date_label(tanggal)))
