"""Map-room core: everything that runs without a Streamlit server.

Floors, bottom to top (nothing imports upward):

1. reading and checking data (``regions``, ``boundaries``, ``cases``,
   ``facilities``), with ``errors``, ``crs`` and ``text`` beside them;
2. computation (``indicators`` and later analyses): frames in, frames and
   dataclasses out, never importing folium or plotly;
3. rendering (``mapview``, ``charts``, exports);
4. the command line (``cli``, run as ``python -m geo``).
"""
