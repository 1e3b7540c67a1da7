"""A page opened by its own URL on a freshly started server still gets the app.

With a ``pages/`` folder, Streamlit's legacy multipage mode runs ``/ekspor`` without
``app.py`` until some session has run ``app.py`` once: no page config, a sidebar
listing file names. ``ui.state.init`` routes such a visit through ``app.py``,
keeping its query parameters.
"""

from __future__ import annotations

import pytest

from tests.browser.test_map_browser import (  # noqa: F401 (fixtures)
    CHROMIUM_ARGS,
    app_path,
    app_url,
    chromium_path,
)


@pytest.mark.browser
def test_first_visit_to_a_sub_page_gets_the_navigation(app_url, chromium_path):  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{app_url}/ekspor?wilayah=31")
            navigation = page.locator('[data-testid="stSidebarNav"]')
            expect(navigation).to_contain_text("Peta Situasi", timeout=30_000)
            expect(navigation).not_to_contain_text("peta situasi")
            expect(page.locator("h1")).to_contain_text("DKI Jakarta", timeout=60_000)
        finally:
            browser.close()
