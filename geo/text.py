"""The one catalogue of words a person reads, and Indonesian number formats.

Every label, message, chart title and export header comes from ``TEXT`` through
:func:`t`, so that an English catalogue can follow without touching the code.
"""

from __future__ import annotations

import math

TEXT: dict[str, str] = {
    # app and navigation
    "app_title": "Ruang Peta Command Center",
    "page_peta": "Peta Situasi",
    "wilayah": "Wilayah",
    "tanggal": "Tanggal data",
    "indikator": "Indikator",
    "kelurahan": "Kelurahan",
    "kecamatan": "Kecamatan",
    "kode": "Kode",
    "nama": "Nama",
    "nilai": "Nilai",
    "tanpa_kelurahan": "tanpa kelurahan",
    "tidak_ada_data": "tidak ada data",
    "total_wilayah": "Total wilayah",
    # indicators
    "ind_positif": "Kasus konfirmasi kumulatif",
    "ind_aktif": "Kasus aktif",
    "ind_baru": "Kasus baru sejak tanggal data sebelumnya",
    "ind_baru_7": "Kasus baru 7 hari",
    "ind_baru_30": "Kasus baru 30 hari",
    "ind_insidens": "Insidens kumulatif per 10.000 penduduk",
    "ind_meninggal": "Meninggal kumulatif",
    "ind_cfr": "CFR (% meninggal dari kasus konfirmasi)",
    "ind_sembuh": "Sembuh kumulatif",
    # generic problems
    "err_wilayah_unknown": (
        "Wilayah '{value}' tidak dikenal. Pilih salah satu: {choices}."
    ),
    "err_tanggal_unknown": (
        "Tidak ada data untuk tanggal {value}. Tanggal yang tersedia: "
        "{first} sampai {last}."
    ),
    "err_tanggal_format": (
        "Tanggal '{value}' tidak terbaca. Tulis sebagai TTTT-BB-HH, "
        "misalnya 2020-10-06."
    ),
    "err_indikator_unknown": (
        "Indikator '{value}' tidak tersedia untuk {wilayah} pada {tanggal}. "
        "Pilih salah satu: {choices}."
    ),
    # --- map (display geometry, situation map) ---
    "err_display_no_crs": (
        "Lapisan batas wilayah tidak punya sistem koordinat (CRS). Tetapkan CRS-nya, "
        "misalnya EPSG:4326, lalu muat ulang."
    ),
    "err_display_negative": (
        "Nilai {name} = {value} tidak dapat dipakai untuk penyederhanaan peta; "
        "isikan angka 0 atau lebih."
    ),
    "display_repaired": (
        "{count} batas wilayah tidak valid secara geometri dan diperbaiki otomatis "
        "untuk tampilan peta (kode: {kode})."
    ),
    "err_map_classes": (
        "Jumlah kelas peta {value} tidak dapat dipakai; pilih 1 sampai {maximum}."
    ),
    "err_map_scheme": (
        "Skema klasifikasi '{value}' tidak dikenal. Pilih salah satu: {choices}."
    ),
    "err_map_columns": (
        "Lapisan kelurahan tidak punya kolom {missing}. Kolom yang ada: {columns}."
    ),
    "err_map_kode_repeated": (
        "Kode kelurahan muncul lebih dari sekali: {kode}. Setiap kelurahan harus "
        "tepat satu baris; periksa berkas batas wilayah."
    ),
    "err_map_not_numbers": (
        "Kolom {column} berisi nilai yang bukan angka, misalnya {examples}. "
        "Isikan angka atau kosongkan sel bila datanya tidak ada."
    ),
    "err_map_assets": (
        "Berkas Leaflet untuk peta tidak ditemukan di {folder}. Jalankan "
        "'make setup' (atau scripts/fetch_assets.sh) lalu coba lagi."
    ),
    "map_tile_attribution": "&copy; kontributor OpenStreetMap",
    "map_layer_basemap": "Peta dasar (OpenStreetMap)",
    "map_layer_kelurahan": "Kelurahan: {indikator}",
    "map_layer_fasilitas": "Fasilitas kesehatan",
    "map_layer_sumber_daya": "Sumber daya",
    "map_lainnya": "Lainnya",
    "map_jenis": "Jenis",
    "map_alamat": "Alamat",
    "map_sumber": "Sumber",
    "map_jumlah": "Jumlah",
    "map_diperbarui": "Diperbarui",
    "map_keterangan": "Keterangan",
    "map_contoh": "contoh",
    "map_tanpa_peta_dasar": "tanpa peta dasar",
}


def t(key: str, **values: object) -> str:
    """Return the catalogue text for ``key`` with ``values`` filled in.

    Parameters
    ----------
    key : str
        Catalogue key.
    **values
        Values for the ``{name}`` fields of the text.

    Returns
    -------
    str
        The text in Bahasa Indonesia.

    Raises
    ------
    KeyError
        If ``key`` is not in the catalogue (a programming error, not user input).
    """
    text = TEXT[key]
    return text.format(**values) if values else text


def fmt_int(value: float | int | None) -> str:
    """Return ``value`` as a whole number with '.' thousands ("1.234"), or "–"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{round(value):,}".replace(",", ".")


def fmt_num(value: float | int | None, decimals: int = 1) -> str:
    """Return ``value`` with ',' decimals and '.' thousands ("1.234,5"), or "–"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def fmt_signed(value: float | int | None) -> str:
    """Return a change as "+12", "−3" or "0" (Indonesian thousands), or "–"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if value > 0:
        return "+" + fmt_int(value)
    if value < 0:
        return "−" + fmt_int(-value)
    return "0"
