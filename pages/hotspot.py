"""Which kelurahan are real hotspots, which only stand out, which are emerging?

And how sure can a leader be? Reads a region pack's kelurahan boundaries, its
cumulative case counts per date and, where known, its population; runs Gi*,
Local Moran and the emerging-hotspot classes through ``geo.cli_hotspots``, so
the page, the command line and the briefing say the same words.

The URL carries every choice (``wilayah``, ``tanggal``, ``jendela``, ``nilai``,
``tingkat``, ``tetangga``, ``permutasi``, ``seed``, ``fdr``); tests open the page
with ``?permutasi=99`` to stay fast, the page default stays 999.
"""

from __future__ import annotations

from dataclasses import asdict

import streamlit as st

from geo import cli_hotspots, hotspot_maps
from geo.errors import GeoInputError
from geo.text import fmt_int, t
from ui import cache, state, widgets

state.init()
try:
    view = widgets.view_picker(with_indicator=False, skip_first_date=True)
    notices = list(view.notices)
    choice = widgets.hotspot_controls(view, notices)
    report = cache.hotspot_report(**asdict(choice))
    keys = asdict(choice)
    maps = {
        kind: cache.hotspot_map(kind, **keys)
        for kind in ("gi", "lisa", "emerging", "values")
        if kind != "emerging" or report.emerging is not None
    }
except GeoInputError as err:
    st.error(str(err))
    st.stop()

settings = report.hotspots.settings
level = t(f"hs_level_{settings.level}")
st.title(t("hsp_title", wilayah=view.pack.nama))
st.caption(
    t(
        "hsp_caption",
        label=settings.tested_label[:1].upper() + settings.tested_label[1:],
        level=level,
        permutations=fmt_int(settings.permutations),
        seed=settings.seed,
        fdr=t("hsp_fdr_on") if settings.fdr else t("hsp_fdr_off"),
    )
)
for notice in notices:
    st.warning(notice)

with st.container(border=True):
    st.subheader(t("hsp_summary"))
    st.markdown(f"##### {widgets.markdown_text(report.summary)}")
    widgets.hotspot_kpis(report)

method, caveats = cli_hotspots.split_notes(report)
if caveats:
    st.warning(widgets.bullets(t("hsp_confidence"), caveats))
st.info(widgets.bullets(t("hsp_method"), method))

gi_column, lisa_column = st.columns(2)
with gi_column:
    st.subheader(t("hsp_map_gi"))
    widgets.hotspot_map(maps["gi"], key=f"{state.HOTSPOT_MAP_WIDGET}_gi")
with lisa_column:
    st.subheader(t("hsp_map_lisa"))
    widgets.hotspot_map(maps["lisa"], key=f"{state.HOTSPOT_MAP_WIDGET}_lisa")
outlying = cache.view_bounds(view.pack.kode).outlying
if outlying:
    st.caption(t("hsp_outlying", n=len(outlying), names=", ".join(outlying)))

st.subheader(t("hsp_map_em"))
if report.emerging is None:
    st.info(t("hsp_no_emerging"))
else:
    st.markdown(widgets.markdown_text(report.emerging.summary))
    em_map, em_table = st.columns([3, 2])
    with em_map:
        widgets.hotspot_map(maps["emerging"], key=f"{state.HOTSPOT_MAP_WIDGET}_em")
    with em_table:
        st.dataframe(
            hotspot_maps.emerging_table(report.emerging),
            hide_index=True,
            height=520,
            width="stretch",
        )

has_rates = len(maps["values"]) > 1
st.subheader(t("hsp_values") if has_rates else t("hsp_values_raw"))
st.caption(t("hsp_values_caption") if has_rates else t("hsp_values_no_population"))
for column, value_map, index in zip(
    st.columns(2), maps["values"], range(len(maps["values"])), strict=False
):
    with column:
        widgets.hotspot_map([value_map], key=f"{state.HOTSPOT_MAP_WIDGET}_v{index}")

st.subheader(t("hsp_table", level=level.capitalize()))
growth = report.growth.table if settings.level == "kelurahan" else None
st.dataframe(
    hotspot_maps.hotspot_table(report.hotspots, growth),
    hide_index=True,
    width="stretch",
)
region = cache.load_region(view.pack.kode)
source = region.pack.kasus.sumber if region.pack.kasus else "–"
st.caption(t("hsp_source", sumber=source, tanggal=widgets.date_label(view.tanggal)))
