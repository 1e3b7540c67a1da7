"""Start the Streamlit server while the map's heavy modules are imported meanwhile.

``make run`` starts the app through this module: ``python -m ui.launch run app.py``
takes the same arguments and environment variables as ``streamlit run``. The
server answers within a second; the first page then needs geopandas, folium,
SQLAlchemy and plotly, over a second of imports on two cores. Importing them in
a thread while the browser loads the page overlaps the two, so the first map is
drawn sooner.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading

from streamlit.web import cli

logger = logging.getLogger(__name__)

# Plain libraries and geo/ only: a Streamlit component (streamlit_folium) must be
# imported once the server runs, or its frame stays empty.
WARM_MODULES = (
    "plotly.graph_objects",  # first: app.py sends a chart before the page runs
    "streamlit.emojis",  # the tab icon is an emoji, looked up in this catalogue
    "geopandas",
    "folium",
    "geo.mapview",
    "sqlalchemy",
    "alembic",
    "geo.store",
    "geo.bootstrap",
    "geo.situation_maps",
    "geo.export_region",
)


def warm_imports() -> None:
    """Import the modules the first page needs; a failure is left to the page."""
    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            # the page imports it again and shows the real error there
            logger.exception("warm import of %s failed", name)
            return


def skip_direct_run_check() -> None:
    """Spare the first page Streamlit's check for a bare ``python app.py``.

    Before the first element a process sends, Streamlit looks whether it runs
    in a REPL or without ``streamlit run``, to print a hint; the look walks the
    whole stack reading source lines, 0.15 s of the first page on two cores.
    Started through here it is ``streamlit run``, so the hint never applies.
    """
    from streamlit import delta_generator

    if hasattr(delta_generator, "_use_warning_has_been_displayed"):
        delta_generator._use_warning_has_been_displayed = True


def main() -> None:
    """Run ``streamlit`` with the given arguments, warming imports alongside."""
    skip_direct_run_check()
    threading.Thread(target=warm_imports, name="warm-imports", daemon=True).start()
    sys.argv = ["streamlit", *sys.argv[1:]]
    cli.main()  # a click command: it exits the process itself


if __name__ == "__main__":
    main()
