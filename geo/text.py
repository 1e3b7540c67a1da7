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
    # --- ekspor ---
    "eks_sumber": "Sumber: {sumber}",
    "eks_data_per": "Data per {tanggal}",
    "eks_disamarkan": "Angka 1 sampai 4 ditampilkan sebagai <5 (rilis publik).",
    "eks_kecil": "<5",
    "eks_tanggal": "Tanggal",
    "eks_jumlah_kasus": "Jumlah kasus",
    "eks_orang": "Orang",
    "eks_baru_harian": "Kasus baru per hari",
    "eks_baru_bulanan": "Kasus baru per bulan",
    "eks_baru_periode": "Kasus baru sejak tanggal data sebelumnya",
    "eks_rata7": "Rata-rata bergerak 7 hari",
    "eks_rata_per_hari": "Rata-rata per hari dalam periode",
    "eks_periode": "Periode {awal} s.d. {akhir} ({hari} hari)",
    "eks_catatan_harian": (
        "Tanggal data berurutan harian: batang = kasus baru per hari, garis = "
        "rata-rata bergerak 7 hari."
    ),
    "eks_catatan_bulanan": (
        "Data tersedia per bulan: batang = kasus baru dalam sebulan; rata-rata "
        "bergerak harian tidak dihitung."
    ),
    "eks_catatan_tidak_teratur": (
        "Tanggal data tidak berurutan (ada jeda {jeda} hari): batang = kasus baru "
        "sejak tanggal data sebelumnya, garis = rata-rata per hari dalam periode; "
        "rata-rata bergerak 7 hari tidak dihitung."
    ),
    "eks_catatan_awal": (
        "Kasus baru pada tanggal data pertama ({tanggal}) tidak diketahui karena "
        "tidak ada data sebelumnya."
    ),
    "eks_catatan_koreksi": (
        "Ada {jumlah} periode dengan angka kumulatif turun (koreksi data); "
        "kasus barunya tampil negatif."
    ),
    "eks_status_dirawat": "Dirawat",
    "eks_status_isolasi": "Isolasi mandiri",
    "eks_status_sembuh": "Sembuh",
    "eks_status_meninggal": "Meninggal",
    "eks_keterisian": "Keterisian (%)",
    "eks_terisi_dari": "{terisi} dari {kapasitas} terisi",
    "eks_stok": "Stok",
    "eks_sumber_daya": "Sumber daya",
    "eks_skenario": "Skenario",
    "eks_indikator": "Indikator",
    "eks_nilai": "Nilai",
    "eks_sheet_data": "Data",
    "eks_sheet_keterangan": "Keterangan",
    "eks_judul": "Judul",
    "eks_wilayah": "Wilayah",
    "eks_tanggal_data": "Tanggal data",
    "eks_dibuat": "Dibuat",
    "eks_filter": "Filter",
    "eks_definisi": "Definisi",
    "eks_catatan": "Catatan",
    "eks_tidak_ada_filter": "tanpa filter",
    "eks_peta_gagal": ("Peta tidak dapat digambar untuk laporan ini: {alasan}"),
    "eks_grafik_gagal": ("Grafik tidak dapat digambar untuk laporan ini: {alasan}"),
    "brf_judul": "Laporan Situasi",
    "brf_wilayah_tanggal": "{wilayah} · data per {tanggal}",
    "brf_dibuat": "Dibuat {waktu}",
    "brf_kpi": "Ringkasan indikator",
    "brf_indikator": "Indikator",
    "brf_nilai": "Nilai",
    "brf_perubahan": "Perubahan",
    "brf_perubahan_sejak": "Perubahan sejak tanggal data sebelumnya, {tanggal}.",
    "brf_peta": "Peta situasi",
    "brf_kurva": "Kurva epidemi",
    "brf_grafik_lain": "Grafik pendukung",
    "brf_top": "Kelurahan dengan angka tertinggi",
    "brf_hotspot": "Ringkasan hotspot",
    "brf_skenario": "Skenario alokasi yang diadopsi",
    "brf_sumber": "Sumber data",
    "brf_catatan": "Catatan dan keterbatasan",
    "brf_halaman": "Halaman {nomor} dari {total}",
    "brf_kaki": "Laporan Situasi {wilayah} · data per {tanggal} · dibuat {waktu}",
    "brf_tidak_ada_tabel": "Tidak ada data untuk tabel ini.",
    "brf_tanpa_peta": "tidak ada peta yang diberikan",
    "brf_tanpa_peramban": "peramban untuk menggambar tidak tersedia",
    "eks_menyalakan": "Penyalaan Chromium ({path})",
    "eks_alasan_mati": "peramban berhenti segera setelah dinyalakan",
    "eks_alasan_putus": "sambungan ke peramban terputus",
    "eks_ya": "ya",
    "eks_tidak": "tidak",
    "eks_grafik": "grafik",
    "eks_ekspor": "ekspor",
    "eks_tangkapan_kosong": "tangkapan layar peta kosong",
    "eks_kode_keluar": "Chromium berhenti dengan kode {kode}",
    "eks_judul_kecamatan": "{indikator} per kecamatan",
    "eks_judul_top": "{n} kelurahan dengan {indikator} tertinggi",
    "eks_apa_grafik": "Ekspor grafik {format}",
    "eks_apa_peta": "Ekspor peta PNG",
    "err_eks_chromium_tidak_ada": (
        "Ekspor gambar memerlukan peramban Chromium, tetapi tidak ditemukan "
        "(dicari: {dicari}). Pasang dengan 'apt-get install chromium' atau "
        "arahkan BROWSER_PATH ke berkasnya; sementara itu unduh grafik interaktif "
        "(HTML) atau datanya sebagai CSV."
    ),
    "err_eks_chromium_gagal": (
        "Peramban Chromium ({path}) gagal dijalankan untuk ekspor gambar: {alasan}. "
        "Pasang ulang dengan 'apt-get install chromium'; sementara itu unduh "
        "grafik interaktif (HTML) atau datanya sebagai CSV."
    ),
    "err_eks_waktu_habis": (
        "{apa} tidak selesai dalam {detik} detik dan dihentikan. Coba lagi; "
        "bila terulang, pasang ulang Chromium ('apt-get install chromium'), dan "
        "sementara itu unduh grafik interaktif (HTML) atau datanya sebagai CSV."
    ),
    "err_eks_format": (
        "Format '{value}' tidak didukung untuk {apa}. Pilih salah satu: {choices}."
    ),
    "err_eks_kolom": (
        "Tabel untuk {apa} tidak punya kolom {missing}; kolom yang ada: {ada}."
    ),
    "err_eks_kosong": (
        "Tidak ada data untuk {apa}; periksa wilayah, tanggal dan filter."
    ),
    "err_eks_skala": (
        "Skala gambar harus lebih dari 0 dan paling besar 4; didapat {value}."
    ),
    "err_eks_crs": (
        "Lapisan untuk {apa} tidak punya sistem koordinat (CRS); tetapkan CRS "
        "sebelum mengekspor."
    ),
    "err_eks_leaflet": (
        "Berkas Leaflet lokal tidak ditemukan di {path}; jalankan "
        "'bash scripts/fetch_assets.sh static/vendor' terlebih dahulu."
    ),
    "err_eks_tanggal_wilayah": (
        "Data wilayah {wilayah} tidak dapat dimuat untuk ekspor: {alasan}"
    ),
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
