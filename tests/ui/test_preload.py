"""The blank chart that makes the browser load Plotly early: sent once, then gone."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui import preload

ROOT = Path(__file__).resolve().parents[2]


def test_the_blank_chart_is_removed_at_the_end_of_the_first_run_and_not_resent():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)

    app.run()
    assert not app.exception, app.exception
    assert app.session_state[preload.CHART_LIBRARY] is True
    # what remains is the page's own chart, the epidemic curve
    assert app.sidebar.get("plotly_chart") == []
    assert len(app.get("plotly_chart")) == 1

    app.run()
    assert not app.exception, app.exception
    assert app.sidebar.get("plotly_chart") == []
    assert len(app.get("plotly_chart")) == 1


def _first_run_sends_it() -> None:
    from ui import preload

    preload.chart_library()  # not removed: the test looks at what was sent


def test_the_first_run_of_a_session_sends_one_blank_chart_in_the_sidebar():
    app = AppTest.from_function(_first_run_sends_it)

    app.run()
    sent = app.sidebar.get("plotly_chart")
    assert len(sent) == 1
    assert json.loads(sent[0].proto.spec)["layout"]["height"] == 10

    app.run()
    assert app.sidebar.get("plotly_chart") == []


def test_a_page_stopped_on_an_error_leaves_the_blank_chart_hidden(monkeypatch):
    from geo.errors import GeoInputError
    from ui import widgets

    def no_cases(**_kwargs):
        raise GeoInputError("Wilayah Kota Uji belum punya data kasus.")

    monkeypatch.setattr(widgets, "view_picker", no_cases)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)

    app.run()

    assert [error.value for error in app.error] == [
        "Wilayah Kota Uji belum punya data kasus."
    ]
    # nothing can be sent after st.stop: the chart stays, kept out of the layout
    (blank,) = app.sidebar.get("plotly_chart")
    assert blank.key == preload.BLANK_KEY
    assert preload.HIDE_BLANK in [html.proto.body for html in app.get("html")]
