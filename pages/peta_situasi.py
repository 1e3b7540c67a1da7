"""Where are the cases, where are they rising, where are the facilities?

Reads a region pack's kelurahan, case counts, facilities and population.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from geo import charts
from geo.errors import GeoInputError
from geo.indicators import INDICATORS
from geo.text import fmt_int, t
from ui import cache, downloads, state, widgets

state.init()
try:
    view = widgets.view_picker()
    region = cache.load_region(view.pack.kode)
    tanggal = view.tanggal.date().isoformat()
    result = cache.situation(view.pack.kode, tanggal, view.indicator)
    public = widgets.public_release_toggle()
    exports = downloads.export_inputs(view.pack.kode, tanggal, view.indicator)
except GeoInputError as err:
    st.error(str(err))
    st.stop()

indicator = INDICATORS[view.indicator]

st.title(f"{t('page_peta')}: {view.pack.nama}")
st.caption(f"{indicator.label}, {widgets.date_label(view.tanggal)}")
for notice in view.notices:
    st.warning(notice)

facilities = region.facilities
widgets.kpi_row(result, None if facilities is None else len(facilities.valid))

map_column, detail_column = st.columns([3, 2])
names = dict(zip(result.table["kode"], result.table["nama"], strict=True))
# The details and the curve go out before the map: the browser loads the chart
# library while the map is being built, not while it draws the map.
with detail_column:
    selected = st.selectbox(
        t("kelurahan"),
        [None, *sorted(names, key=names.get)],
        format_func=lambda kode: t("seluruh_wilayah") if kode is None else names[kode],
        key=state.KELURAHAN_WIDGET,
        help=t("pilih_kelurahan_help"),
        # what an emptied box (its "x", or a kelurahan of the region left
        # behind) reads: the whole region, which is what None shows
        placeholder=t("seluruh_wilayah"),
    )
    state.remember(state.SELECTED_KODE, selected)
    if selected is not None:
        row = result.table.set_index("kode").loc[selected]
        st.subheader(f"{row['nama']} ({selected})")
        st.write(f"{t('kecamatan')} {row['nama_kecamatan']}")
        shown = widgets.value_text(row["value"], indicator)
        st.metric(indicator.label, shown)
        st.write(
            f"Konfirmasi {fmt_int(row['positif'])} · aktif {fmt_int(row['aktif'])} "
            f"· sembuh {fmt_int(row['sembuh'])} · meninggal {fmt_int(row['meninggal'])}"
        )
    place = view.pack.nama if selected is None else names[selected]
    series = cache.series(view.pack.kode, selected, tanggal)
    curve = partial(
        charts.epidemic_curve,
        series,
        title=f"Kasus konfirmasi, {place}",
        subtitle=f"Data sampai {widgets.date_label(view.tanggal)}",
        source=region.pack.kasus.sumber if region.pack.kasus else "–",
    )
    widgets.show_chart(curve(), key="situasi_kurva")
    downloads.chart_downloads(
        "situasi_kurva",
        curve,
        series,
        stem=f"kurva_{selected or view.pack.kode}_{tanggal}",
        public=public,
        context=f"{view.pack.kode}|{selected}|{tanggal}",
    )

with map_column:
    # a click on a kelurahan selects it in the picker beside the map
    widgets.situation_map(view.pack.kode, tanggal, view.indicator)
    resources = region.resources
    if resources is not None and resources["is_example"].any():
        st.caption(t("data_resources_contoh"))
    downloads.map_downloads(exports, public=public, key="situasi_peta_unduh")
    outlying = cache.view_bounds(view.pack.kode).outlying
    if outlying:
        st.caption(t("peta_dibuka_daratan", n=len(outlying), names=", ".join(outlying)))

facility_notes = () if facilities is None else facilities.notes
# the coverage note is already shown under the KPIs
situation_notes = [note for note in result.notes if note != result.coverage_note]
for note in (*region.notes, *situation_notes, *facility_notes):
    st.warning(note)

st.subheader(t("kelurahan_menurut", indikator=indicator.label.lower()))
widgets.kelurahan_table(result)
downloads.table_downloads(exports, public=public, key="situasi_tabel_unduh")
if len(result.unassigned):
    st.caption(t("tabel_tanpa_kelurahan"))
    widgets.unassigned_table(result)

if facilities is not None and len(facilities.flagged):
    with st.expander(t("mutu_fasilitas", n=len(facilities.flagged))):
        widgets.flagged_facilities(facilities.flagged)

sources = [source for source in (region.pack.kasus, region.pack.fasilitas) if source]
source_text = "; ".join(source.sumber for source in sources)
st.caption(
    t("sumber_data_per", sumber=source_text, tanggal=widgets.date_label(view.tanggal))
)
