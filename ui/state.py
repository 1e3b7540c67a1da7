"""Session-state keys and query-parameter handling, in one place."""

from __future__ import annotations

import streamlit as st

# Keys of values that outlive a page (not owned by a widget: F02).
REGION = "wilayah"
DATE = "tanggal"
INDICATOR = "indikator"
SELECTED_KODE = "kelurahan_terpilih"

# Widget keys.
REGION_WIDGET = "situasi_wilayah_widget"
DATE_WIDGET = "situasi_tanggal_widget"
INDICATOR_WIDGET = "situasi_indikator_widget"
KELURAHAN_WIDGET = "situasi_kelurahan_widget"
MAP_WIDGET = "situasi_peta"


def init() -> None:
    """Create the session keys with their defaults once per session."""
    st.session_state.setdefault(SELECTED_KODE, None)


def query_value(name: str) -> str | None:
    """Return a query parameter as text, or None when absent or empty."""
    value = st.query_params.get(name)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def remember(key: str, value: object) -> None:
    """Store a widget's value under a key no widget owns, so it outlives the page."""
    st.session_state[key] = value


# --- skenario page ---
# Non-widget keys (F02): the planner's inputs, the last result of each kind,
# and the saved scenario a link opened.
SKENARIO_INPUTS = "skenario_masukan"
SKENARIO_TABLES = "skenario_tabel"
SKENARIO_RESULTS = "skenario_hasil"
SKENARIO_LINKED = "skenario_dari_tautan"
SKENARIO_WIDGET_PREFIX = "skn_"
