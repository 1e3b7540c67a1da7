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


# Hotspot page: chosen settings kept under keys no widget owns (F02), and the
# widget keys. The URL carries the same choices (see widgets.hotspot_controls).
HOTSPOT_CHOICES = "hotspot_pilihan"
HOTSPOT_WINDOW_WIDGET = "hotspot_jendela_widget"
HOTSPOT_INDICATOR_WIDGET = "hotspot_nilai_widget"
HOTSPOT_LEVEL_WIDGET = "hotspot_tingkat_widget"
HOTSPOT_NEIGHBOURS_WIDGET = "hotspot_tetangga_widget"
HOTSPOT_K_WIDGET = "hotspot_k_widget"
HOTSPOT_DISTANCE_WIDGET = "hotspot_jarak_widget"
HOTSPOT_PERMUTATIONS_WIDGET = "hotspot_permutasi_widget"
HOTSPOT_SEED_WIDGET = "hotspot_seed_widget"
HOTSPOT_FDR_WIDGET = "hotspot_fdr_widget"
HOTSPOT_MAP_WIDGET = "hotspot_peta"
