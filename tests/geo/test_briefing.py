from __future__ import annotations

import io

import folium
import pandas as pd
import pypdf
import pytest

from geo.briefing import BriefingInput, KpiRow, build_briefing
from geo.errors import GeoInputError
from geo.export_image import ImageRenderer, offline_map_html
from tests.geo.export_support import (
    three_kelurahan_cases,
    warm_renderer,
)


@pytest.fixture
def image_renderer(request: pytest.FixtureRequest) -> ImageRenderer:
    return warm_renderer(request.config)


class FailingRenderer:
    """Stands in for a browser that is missing: every picture fails."""

    def map_png(self, html: str, **options: object) -> bytes:
        raise GeoInputError("Chromium tidak ditemukan; apt-get install chromium")

    def chart_image(self, figure: object, fmt: str, **options: object) -> bytes:
        raise GeoInputError("Chromium tidak ditemukan; apt-get install chromium")


@pytest.fixture
def content() -> BriefingInput:
    fmap = folium.Map(location=[-7.47, 110.22], zoom_start=13, tiles=None)
    top = pd.DataFrame(
        {
            "nama": ["Kemirirejo", "Cacaban"],
            "nama_kecamatan": ["Magelang Tengah", "Magelang Tengah"],
            "positif": pd.array([1234, 3], dtype="Int64"),
        }
    )
    return BriefingInput(
        region="Kota Uji",
        data_date=pd.Timestamp("2020-10-06"),
        previous_date=pd.Timestamp("2020-10-05"),
        kpis=(
            KpiRow("Kasus konfirmasi kumulatif", 1237, 6),
            KpiRow("Kasus aktif", 32, -2),
            KpiRow("CFR (%)", 8.25, 0.5, is_count=False),
        ),
        top_kelurahan=top,
        epidemic_series=three_kelurahan_cases(),
        map_html=offline_map_html(fmap),
        column_labels={"nama": "Kelurahan", "positif": "Positif"},
        hotspot_summary=("Dua kelurahan menjadi hotspot (Gi*, p < 0,05).",),
        scenario_text=("Skenario B diadopsi: 120 tempat tidur.",),
        sources=("Dinkes Kota Uji",),
        notes=("Data penduduk tidak tersedia.",),
    )


def pdf_text(data: bytes) -> tuple[int, str, pypdf.PdfReader]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), text, reader


def test_briefing_has_every_section_page_numbers_and_date(image_renderer, content):
    pages, text, reader = pdf_text(build_briefing(content, image_renderer))

    assert pages >= 2
    for expected in (
        "Laporan Situasi",
        "Kota Uji · data per 6 Okt 2020",
        "Ringkasan indikator",
        "Kasus konfirmasi kumulatif",
        "1.237",
        "+6",
        "−2",
        "8,2",  # 8,25 with one decimal
        "Perubahan sejak tanggal data sebelumnya, 5 Okt 2020.",
        "Peta situasi",
        "Kurva epidemi",
        "Kemirirejo",
        "Magelang Tengah",
        "Dua kelurahan menjadi hotspot",
        "Skenario B diadopsi",
        "Dinkes Kota Uji",
        "Data penduduk tidak tersedia.",
        "Kasus baru pada tanggal data pertama (5 Okt 2020) tidak diketahui",
        f"Halaman 1 dari {pages}",
        f"Halaman {pages} dari {pages}",
    ):
        assert expected in text, expected
    images = sum(len(page.images) for page in reader.pages)
    assert images == 2  # the map and the epidemic curve


def test_public_briefing_hides_small_counts(image_renderer, content):
    _, text, _ = pdf_text(build_briefing(content, image_renderer, public=True))

    lines = text.splitlines()
    assert "<5" in lines  # Cacaban's 3 cases
    assert "3" not in lines
    assert "−<5" in lines  # the change of -2 in active cases
    assert "Angka 1 sampai 4 ditampilkan sebagai <5 (rilis publik)." in text
    assert "1.237" in lines


def test_briefing_says_so_when_pictures_cannot_be_drawn(content):
    pages, text, reader = pdf_text(build_briefing(content, FailingRenderer()))

    assert pages >= 1
    assert "Peta tidak dapat digambar untuk laporan ini" in text
    assert "Grafik tidak dapat digambar untuk laporan ini" in text
    assert "apt-get install chromium" in " ".join(text.split())  # may wrap
    assert sum(len(page.images) for page in reader.pages) == 0


def test_briefing_without_renderer_or_map_still_builds(content):
    bare = BriefingInput(
        region=content.region,
        data_date=content.data_date,
        kpis=content.kpis,
        top_kelurahan=content.top_kelurahan.iloc[0:0],
    )

    _, text, _ = pdf_text(build_briefing(bare, None))

    assert "tidak ada peta yang diberikan" in text
    assert "Tidak ada data untuk tabel ini." in text
    assert "Ringkasan hotspot" not in text
