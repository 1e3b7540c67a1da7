"""The app follows writes made outside it (a command-line import while it runs)."""

from __future__ import annotations

import streamlit as st

from geo import store
from ui import cache


def test_an_outside_write_drops_the_cached_results(magelang_store, monkeypatch):
    engine, _ = magelang_store
    monkeypatch.setattr(cache, "engine", lambda: engine)
    cache._store_seen().clear()
    computed = []

    @st.cache_data
    def derived() -> int:
        computed.append(1)
        return len(computed)

    cache.follow_store()
    assert derived() == 1
    cache.follow_store()  # nothing written since: kept
    assert derived() == 1

    # what `python -m geo` does: write to the store, not through the app
    resources = store.resources(engine, "33.71")
    store.update_resource(engine, int(resources["id"].iloc[0]), {"jumlah": 7}, "Sari")
    cache.follow_store()

    assert derived() == 2
    st.cache_data.clear()
