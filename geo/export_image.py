"""Static images of charts and maps through a warm headless Chromium, with timeouts.

Charts go through kaleido 1.x (PNG, SVG, PDF); maps are folium HTML made
self-contained (Leaflet inlined from ``static/vendor``) and screenshotted by
Chromium. Every wait is bounded: a missing browser, a failed start or a hung
export raises :class:`geo.errors.GeoInputError` with a Bahasa Indonesia message
that says what to install, and the browser process group is killed so that no
browser processes pile up (FIELD-REPORTS F08).

Why not ``kaleido.start_sync_server()``: in kaleido 1.5 its ``call_function``
waits on ``Queue.join()`` with no timeout, and when the browser fails to start
the server thread dies while ``is_running()`` stays true, so the next export
waits forever. :class:`ImageRenderer` keeps the same warm ``kaleido.Kaleido`` in
its own event-loop thread and waits on each result with a timeout.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import mimetypes
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from types import TracebackType
from typing import Any

import folium
import plotly.graph_objects as go
import plotly.io as pio

from geo.errors import GeoInputError
from geo.text import t

logger = logging.getLogger(__name__)

IMAGE_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
# a cold start plus one hung export stays under 30 s: 15 + 12 + ~1 s to clean up
DEFAULT_TIMEOUT_S = 12.0
START_TIMEOUT_S = 15.0
CLOSE_TIMEOUT_S = 5.0
THREAD_JOIN_S = 0.5
SLIDE_SCALE = 2.0
MAP_WIDTH_PX = 1000
MAP_HEIGHT_PX = 700
MAP_SETTLE_MS = 400  # time Leaflet gets to draw after the page load event
BROWSER_NAMES: tuple[str, ...] = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
)
LEAFLET_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor" / "leaflet"


# a browser that crashed or closed mid-session is restarted on the next export
def _browser_errors() -> tuple[type[Exception], ...]:
    """Return the errors of a browser that died under kaleido (choreographer's).

    Imported when an error is being matched: choreographer takes 0.1 s to
    import, and the first page of the app needs no image.
    """
    from choreographer.errors import (
        BrowserClosedError,
        BrowserFailedError,
        ChannelClosedError,
    )

    return (BrowserClosedError, BrowserFailedError, ChannelClosedError)


_TAG_PATTERN = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"'](?P<src>[^\"']+)[\"'][^>]*>\s*</script>"
    r"|<link\b[^>]*\bhref\s*=\s*[\"'](?P<href>[^\"']+)[\"'][^>]*/?>",
    re.IGNORECASE,
)
_CSS_URL_PATTERN = re.compile(r"url\(\s*[\"']?(?P<url>[^)\"']+)[\"']?\s*\)")


def find_chromium(browser_path: str | None = None) -> str:
    """Return the path of the Chromium executable to drive.

    Parameters
    ----------
    browser_path : str, optional
        Explicit path. Otherwise ``BROWSER_PATH`` from the environment, then
        ``chromium`` (Debian), ``chromium-browser`` or Chrome on the ``PATH``.

    Returns
    -------
    str
        Absolute path of an executable file.

    Raises
    ------
    GeoInputError
        If no executable browser is found; the message says to run
        ``apt-get install chromium``.
    """
    explicit = browser_path or os.environ.get("BROWSER_PATH")
    if explicit:
        candidates = [explicit]
        found = explicit if _is_executable(explicit) else None
    else:
        candidates = list(BROWSER_NAMES)
        found = next(filter(None, (shutil.which(name) for name in candidates)), None)

    if found is None:
        raise GeoInputError(
            t("err_eks_chromium_tidak_ada", dicari=", ".join(candidates))
        )
    return str(Path(found).resolve())


class ImageRenderer:
    """A warm headless Chromium for chart and map images, with bounded waits.

    Create one per process (the command line uses a ``with`` block; the app can
    keep one as a shared resource). The browser starts on first use, or with
    :meth:`start`; every later chart takes 0.2-0.4 s instead of 3-5 s.

    Parameters
    ----------
    timeout_s : float
        Seconds one export may take before it is stopped and the browser is
        killed (the next export starts a fresh one).
    browser_path : str, optional
        Chromium executable; see :func:`find_chromium`.
    """

    def __init__(
        self, *, timeout_s: float = DEFAULT_TIMEOUT_S, browser_path: str | None = None
    ) -> None:
        # LIMITATION: one browser tab renders charts one at a time; when many
        # users export at once, each waits in line and may hit the timeout.
        self.timeout_s = float(timeout_s)
        self._browser_path = browser_path
        self._lock = threading.RLock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None

    def __enter__(self) -> ImageRenderer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def is_running(self) -> bool:
        """Whether a warm browser is running."""
        return self._kaleido is not None

    @property
    def browser_pid(self) -> int | None:
        """Process (and process-group) id of the warm browser, or None."""
        process = getattr(self._kaleido, "subprocess", None)
        return None if process is None else process.pid

    def start(self) -> None:
        """Start the warm browser if it is not running.

        Raises
        ------
        GeoInputError
            If Chromium is missing, fails to start, or does not start within
            ``START_TIMEOUT_S`` seconds.
        """
        with self._lock:
            if self._kaleido is not None:
                return
            path = find_chromium(self._browser_path)
            started = time.perf_counter()
            self._start_loop()
            try:
                self._submit(
                    self._open_kaleido(path),
                    START_TIMEOUT_S,
                    t("eks_menyalakan", path=path),
                    failure_key="eks_alasan_mati",
                )
            except GeoInputError:
                raise
            except (*_browser_errors(), RuntimeError, OSError) as err:
                logger.warning("chromium %s failed to start: %s", path, err)
                self._abandon()
                raise GeoInputError(
                    t("err_eks_chromium_gagal", path=path, alasan=t("eks_alasan_mati"))
                ) from err
            logger.info(
                "chromium started (pid %s) in %.1f s",
                self.browser_pid,
                time.perf_counter() - started,
            )

    def close(self) -> None:
        """Stop the browser and its thread; never waits more than a few seconds."""
        with self._lock:
            if self._loop is None:
                return
            if self._kaleido is not None:
                try:
                    future = asyncio.run_coroutine_threadsafe(
                        self._kaleido.close(), self._loop
                    )
                    future.result(timeout=CLOSE_TIMEOUT_S)
                except (TimeoutError, RuntimeError, OSError) as err:
                    logger.warning("chromium did not close cleanly: %s", err)
            self._abandon()

    def chart_image(
        self,
        fig: go.Figure,
        fmt: str = "png",
        *,
        scale: float = SLIDE_SCALE,
        width: int | None = None,
        height: int | None = None,
    ) -> bytes:
        """Return a chart as PNG, SVG or PDF bytes.

        Parameters
        ----------
        fig : go.Figure
            The chart (see :mod:`geo.charts`).
        fmt : str
            ``"png"``, ``"svg"`` or ``"pdf"``.
        scale : float
            Pixel multiplier for PNG (2 for slides), from over 0 up to 4.
        width, height : int, optional
            Size in CSS pixels; default the figure's own layout size.

        Returns
        -------
        bytes

        Raises
        ------
        GeoInputError
            If the format or scale is not supported, Chromium is missing, or
            the export does not finish within ``timeout_s``.
        """
        fmt = _check_format(fmt, IMAGE_FORMATS, t("eks_grafik"))
        if not 0 < scale <= 4:  # written this way so that NaN is rejected too
            raise GeoInputError(t("err_eks_skala", value=scale))
        options = {
            "format": fmt,
            "scale": scale,
            "width": width or fig.layout.width or 1000,
            "height": height or fig.layout.height or 562,
        }
        spec = fig.to_dict()

        self.start()
        started = time.perf_counter()
        image = self._submit(
            self._kaleido_call(spec, options),
            self.timeout_s,
            t("eks_apa_grafik", format=fmt.upper()),
        )
        logger.debug("chart %s in %.2f s", fmt, time.perf_counter() - started)
        return image

    def map_png(
        self,
        html: str,
        *,
        width: int = MAP_WIDTH_PX,
        height: int = MAP_HEIGHT_PX,
        scale: float = SLIDE_SCALE,
    ) -> bytes:
        """Return a PNG screenshot of a map page, taken in a tab of the warm browser.

        Parameters
        ----------
        html : str
            Page from :func:`offline_map_html` (no external scripts needed).
        width, height : int
            Viewport in CSS pixels.
        scale : float
            Device pixel ratio (2 for slides), from over 0 up to 4.

        Returns
        -------
        bytes
            PNG of ``width * scale`` by ``height * scale`` pixels.

        Raises
        ------
        GeoInputError
            If Chromium is missing or fails, or the screenshot does not finish
            within ``timeout_s``.
        """
        if not 0 < scale <= 4:  # written this way so that NaN is rejected too
            raise GeoInputError(t("err_eks_skala", value=scale))

        self.start()
        with tempfile.TemporaryDirectory(prefix="peta-") as folder:
            page = Path(folder) / "peta.html"
            page.write_text(html, encoding="utf-8")
            coroutine = self._screenshot(page.as_uri(), int(width), int(height), scale)
            return self._submit(coroutine, self.timeout_s, t("eks_apa_peta"))

    async def _open_kaleido(self, path: str) -> None:
        import kaleido  # heavy import, only when an image is asked for

        # mathjax=False: the default loads MathJax from a CDN, which hangs offline
        self._kaleido = kaleido.Kaleido(
            n=1, timeout=self.timeout_s, mathjax=False, path=path
        )
        await self._kaleido.open()

    async def _kaleido_call(self, spec: dict, options: dict) -> bytes:
        return await self._kaleido.calc_fig(spec, opts=options)

    async def _screenshot(
        self, url: str, width: int, height: int, scale: float
    ) -> bytes:
        """Open ``url`` in a new tab of the warm browser and capture it as PNG."""
        tab = await self._kaleido.create_tab(url="about:blank")
        try:
            await tab.send_command("Page.enable")
            metrics = {
                "width": width,
                "height": height,
                "deviceScaleFactor": scale,
                "mobile": False,
            }
            await tab.send_command("Emulation.setDeviceMetricsOverride", params=metrics)
            loaded = tab.get_session().subscribe_once("Page.loadEventFired")
            await tab.send_command("Page.navigate", params={"url": url})
            await loaded
            await asyncio.sleep(MAP_SETTLE_MS / 1000)  # Leaflet draws after load
            shot = await tab.send_command(
                "Page.captureScreenshot", params={"format": "png"}
            )
        finally:
            await self._kaleido.close_tab(tab.target_id)
        if "error" in shot:
            from choreographer.errors import BrowserFailedError

            raise BrowserFailedError(str(shot["error"]))
        return base64.b64decode(shot["result"]["data"])

    def _start_loop(self) -> None:
        loop = asyncio.new_event_loop()
        thread = threading.Thread(
            target=loop.run_forever, name="image-renderer", daemon=True
        )
        thread.start()
        self._loop, self._thread = loop, thread

    def _submit(
        self,
        coroutine: Coroutine,
        timeout_s: float,
        what: str,
        failure_key: str = "eks_alasan_putus",
    ) -> Any:
        loop = self._loop
        if loop is None:  # another thread abandoned the browser meanwhile
            coroutine.close()
            raise GeoInputError(
                t("err_eks_waktu_habis", apa=what, detik=f"{timeout_s:g}")
            )
        future = asyncio.run_coroutine_threadsafe(coroutine, loop)
        try:
            return future.result(timeout=timeout_s)
        except TimeoutError as err:  # ours, or kaleido's own render timeout
            future.cancel()
            logger.warning("%s export timed out after %.1f s", what, timeout_s)
            self._abandon()
            raise GeoInputError(
                t("err_eks_waktu_habis", apa=what, detik=f"{timeout_s:g}")
            ) from err
        except _browser_errors() as err:
            logger.warning("%s failed, browser closed: %s", what, err)
            path = getattr(self._kaleido, "_browser_impl", None)
            self._abandon()
            raise GeoInputError(
                t(
                    "err_eks_chromium_gagal",
                    path=getattr(path, "path", "chromium"),
                    alasan=t(failure_key),
                )
            ) from err

    def _abandon(self) -> None:
        """Kill the browser's process group and stop the loop thread."""
        process = getattr(self._kaleido, "subprocess", None)
        if process is not None:
            _kill_group(process.pid)
            _reap(process)
        _remove_temporary_folders(self._kaleido)
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            # a daemon thread: it ends once the stopped loop returns; no need to wait
            self._thread.join(timeout=THREAD_JOIN_S)
        self._loop, self._thread, self._kaleido = None, None, None


def screenshot_html(
    html: str,
    *,
    browser_path: str,
    width: int = MAP_WIDTH_PX,
    height: int = MAP_HEIGHT_PX,
    scale: float = SLIDE_SCALE,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> bytes:
    """Return a PNG screenshot of an HTML page from a one-shot headless Chromium.

    For scripts without an :class:`ImageRenderer`; it starts a browser per call
    (about 1 s), in its own process group, killed as a whole when it ends.

    Parameters
    ----------
    html : str
        A self-contained page.
    browser_path : str
        Chromium executable (see :func:`find_chromium`).
    width, height : int
        Viewport in CSS pixels.
    scale : float
        Device pixel ratio.
    timeout_s : float
        Seconds before the browser's whole process group is killed.

    Returns
    -------
    bytes

    Raises
    ------
    GeoInputError
        If Chromium fails or does not finish within ``timeout_s``.
    """
    with tempfile.TemporaryDirectory(prefix="peta-") as folder:
        page = Path(folder) / "peta.html"
        page.write_text(html, encoding="utf-8")
        image = Path(folder) / "peta.png"
        command = [
            browser_path,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={Path(folder) / 'profil'}",
            f"--window-size={int(width)},{int(height)}",
            f"--force-device-scale-factor={scale:g}",
            "--virtual-time-budget=3000",
            f"--screenshot={image}",
            page.as_uri(),
        ]
        _run_bounded(command, timeout_s, browser_path)
        if not image.is_file() or image.stat().st_size == 0:
            raise GeoInputError(
                t(
                    "err_eks_chromium_gagal",
                    path=browser_path,
                    alasan=t("eks_tangkapan_kosong"),
                )
            )
        return image.read_bytes()


def offline_map_html(
    source: folium.Map | str, *, vendor_dir: Path = LEAFLET_DIR
) -> str:
    """Return a map page that opens with no internet: local assets inlined.

    Every ``<script src>`` and stylesheet ``<link href>`` whose file name exists
    under ``vendor_dir`` (Leaflet: ``leaflet.js``, ``leaflet.css``, with its
    images as data URIs) is inlined; every other external script or stylesheet
    (jQuery, Bootstrap, Font Awesome, awesome-markers) is removed.

    Parameters
    ----------
    source : folium.Map or str
        The map, or the HTML it rendered (CDN or ``/app/static`` URLs alike).
    vendor_dir : Path
        Folder holding the local Leaflet files.

    Returns
    -------
    str
        HTML with no external script or stylesheet URL.

    Raises
    ------
    GeoInputError
        If ``leaflet.js`` is not in ``vendor_dir``.
    """
    if not (vendor_dir / "leaflet.js").is_file():
        raise GeoInputError(t("err_eks_leaflet", path=vendor_dir))
    html = source if isinstance(source, str) else source.get_root().render()
    local = {path.name: path for path in vendor_dir.rglob("*") if path.is_file()}

    dropped: list[str] = []

    def _replace(match: re.Match) -> str:
        url = match.group("src") or match.group("href")
        tag = match.group(0)
        is_script = tag.lower().startswith("<script")
        if not is_script and "stylesheet" not in tag.lower():
            return tag  # icons and other links are not fetched to draw the map
        asset = local.get(url.split("?")[0].rstrip("/").rsplit("/", 1)[-1])
        if asset is None:
            dropped.append(url)
            return ""
        if is_script:
            code = asset.read_text(encoding="utf-8").replace("</script", "<\\/script")
            return f"<script>{code}</script>"
        return f"<style>{_inline_css_urls(asset)}</style>"

    page = _TAG_PATTERN.sub(_replace, html)
    if dropped:
        # LIMITATION: plugins whose files are not in static/vendor (awesome-markers,
        # d3 for branca legends) are removed; maps using them lose those parts.
        logger.info(
            "offline map: removed %d external assets: %s", len(dropped), dropped
        )
    return page


def figure_html(fig: go.Figure) -> bytes:
    """Return the chart as a self-contained interactive HTML page (plotly.js inlined).

    This is the fallback download when static export fails: it needs no browser
    on the server and opens with no internet.
    """
    return pio.to_html(fig, include_plotlyjs=True, full_html=True).encode("utf-8")


def _inline_css_urls(css_file: Path) -> str:
    css = css_file.read_text(encoding="utf-8")

    def _data_uri(match: re.Match) -> str:
        url = match.group("url")
        target = (css_file.parent / url).resolve()
        if url.startswith(("data:", "http:", "https:", "//")) or not target.is_file():
            return match.group(0)
        mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        encoded = base64.b64encode(target.read_bytes()).decode("ascii")
        return f'url("data:{mime};base64,{encoded}")'

    return _CSS_URL_PATTERN.sub(_data_uri, css)


def _run_bounded(command: list[str], timeout_s: float, browser_path: str) -> None:
    try:
        process = subprocess.Popen(  # noqa: S603 (fixed argument list, no shell)
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # own process group, killed as one below
        )
    except OSError as err:
        logger.warning("chromium %s could not be run: %s", browser_path, err)
        raise GeoInputError(
            t("err_eks_chromium_gagal", path=browser_path, alasan=t("eks_alasan_mati"))
        ) from err
    try:
        code = process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired as err:
        raise GeoInputError(
            t("err_eks_waktu_habis", apa=t("eks_apa_peta"), detik=f"{timeout_s:g}")
        ) from err
    finally:
        _kill_group(process.pid)
        process.wait(timeout=CLOSE_TIMEOUT_S)
    if code != 0:
        raise GeoInputError(
            t(
                "err_eks_chromium_gagal",
                path=browser_path,
                alasan=t("eks_kode_keluar", kode=code),
            )
        )


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        return
    logger.debug("killed browser process group %s", pid)


def _reap(process: subprocess.Popen) -> None:
    try:
        process.wait(timeout=CLOSE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        logger.warning("browser process %s did not exit after SIGKILL", process.pid)


def _remove_temporary_folders(renderer: Any) -> None:
    """Remove kaleido's page folder and the browser profile after a kill."""
    folders = (
        getattr(renderer, "_html_tmp_dir", None),
        getattr(getattr(renderer, "_browser_impl", None), "tmp_dir", None),
    )
    for folder in folders:
        if folder is None:
            continue
        try:
            folder.clean()
        except OSError as err:
            logger.debug("temporary folder not removed: %s", err)


def _is_executable(path: str) -> bool:
    return Path(path).is_file() and os.access(path, os.X_OK)


def _check_format(fmt: str, choices: tuple[str, ...], what: str) -> str:
    normal = str(fmt).lower().lstrip(".")
    if normal not in choices:
        raise GeoInputError(
            t("err_eks_format", value=fmt, apa=what, choices=", ".join(choices))
        )
    return normal
