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


def persist(widget_key: str, key: str, default: object) -> None:
    """Seed a widget from its page-surviving key before it is drawn (F02).

    Draw the widget without a default of its own, then :func:`remember` its
    value under ``key``.
    """
    if widget_key not in st.session_state:
        st.session_state[widget_key] = st.session_state.get(key, default)
