"""Session-state keys and query-parameter handling, in one place."""

from __future__ import annotations

import inspect
from pathlib import Path

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

# Set by app.py once st.navigation has run in this session.
NAVIGATION_READY = "navigasi_siap"
PAGE_AFTER_NAVIGATION = "halaman_setelah_navigasi"


def init() -> None:
    """Route a page opened outside app.py through it; create the session keys.

    On a freshly started server Streamlit's legacy multipage mode (because a
    ``pages/`` folder exists) runs a page opened by its own URL without
    ``app.py``, so without the page config and the navigation. Such a page is
    sent through ``app.py`` once, which then opens it with the same query
    parameters (``st.switch_page`` would otherwise drop them).
    """
    if not st.session_state.get(NAVIGATION_READY):
        caller = Path(inspect.stack()[1].filename)
        query = {name: st.query_params.get_all(name) for name in st.query_params}
        st.session_state[PAGE_AFTER_NAVIGATION] = (f"pages/{caller.name}", query)
        st.switch_page("app.py", query_params=query)
    st.session_state.setdefault(SELECTED_KODE, None)


def navigation_ready() -> None:
    """Mark the navigation as set up; open the page a first visit asked for."""
    st.session_state[NAVIGATION_READY] = True
    wanted = st.session_state.pop(PAGE_AFTER_NAVIGATION, None)
    if wanted is not None:
        page, query = wanted
        st.switch_page(page, query_params=query)


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


# Data page: the user's in-progress choices, kept under keys no widget owns (F02).
DATA_KIND = "data_jenis"
DATA_REGION = "data_wilayah"
DATA_WHO = "data_oleh"
DATA_SUMBER = "data_sumber"
DATA_AS_OF = "data_per_tanggal"
DATA_TANGGAL = "data_tanggal"
DATA_FILE = "data_berkas"  # (name, bytes) of the last upload
DATA_ANSWERS = "data_jawaban"  # answers to the intake's questions, by file hash
DATA_QUESTIONS = "data_pertanyaan"  # questions asked about each file, by file hash
DATA_NEW_REGION = "data_wilayah_baru"  # (kode, nama) typed for new boundaries
DATA_MESSAGE = "data_pesan"  # outcome of the last write, shown after the rerun
DATA_SAVED_BATCH = "data_impor_tersimpan"  # id of the import this session just saved


def persist(widget_key: str, key: str, default: object) -> None:
    """Seed a widget from its page-surviving key before it is drawn (F02).

    Draw the widget without a default of its own, then :func:`remember` its
    value under ``key``.
    """
    if widget_key not in st.session_state:
        st.session_state[widget_key] = st.session_state.get(key, default)


# --- ekspor page ---
PUBLIC = "rilis_publik"  # the "Rilis publik" choice, shared by every download
PUBLIC_WIDGET = "ekspor_rilis_publik_widget"
EXPORT_FILES = "ekspor_berkas"  # download key -> the last file made on request
# --- skenario page ---
# Non-widget keys (F02): the planner's inputs, the last result of each kind,
# and the saved scenario a link opened.
SKENARIO_INPUTS = "skenario_masukan"
SKENARIO_TABLES = "skenario_tabel"
SKENARIO_RESULTS = "skenario_hasil"
SKENARIO_LINKED = "skenario_dari_tautan"
SKENARIO_ROADS = "skenario_jalan"  # (name, bytes) of the road file, or None
SKENARIO_WIDGET_PREFIX = "skn_"
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
