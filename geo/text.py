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
    # --- store ---
    "contoh": "contoh",
    "sumber_daya_ambulans": "Ambulans",
    "sumber_daya_tim_lapangan": "Tim lapangan",
    "sumber_daya_kit_tes": "Kit tes",
    "sumber_daya_apd": "APD",
    "sumber_daya_dosis_vaksin": "Dosis vaksin",
    "sumber_daya_paket_bantuan": "Paket bantuan",
    "err_store_region_unknown": (
        "Wilayah '{value}' belum ada di penyimpanan data. Muat paket wilayahnya "
        "atau impor batas wilayahnya lebih dulu."
    ),
    "err_store_kind_unknown": (
        "Jenis impor '{value}' tidak dikenal. Pilih salah satu: {choices}."
    ),
    "err_store_who_empty": (
        "Nama pengguna masih kosong. Tulis nama Anda agar setiap perubahan "
        "tercatat di log audit."
    ),
    "err_store_columns_missing": (
        "Data {kind} tidak punya kolom {columns}. Kolom yang ada: {present}."
    ),
    "err_store_duplicate_key": (
        "Data {kind} memuat {count} baris ganda untuk {what}, misalnya {example}. "
        "Satukan baris ganda itu, lalu impor lagi."
    ),
    "err_store_count_invalid": (
        "Kolom '{column}' berisi {value} pada baris data ke-{row}; yang diharapkan "
        "bilangan bulat 0 atau lebih."
    ),
    "err_store_date_invalid": (
        "Kolom '{column}' berisi '{value}' pada baris data ke-{row}; yang "
        "diharapkan tanggal."
    ),
    "err_store_lokasi_missing": (
        "{count} baris kasus tidak punya kode kelurahan maupun keterangan. "
        "Isi salah satunya."
    ),
    "err_store_invalid_rows": (
        "{count} baris fasilitas ditandai tidak valid, misalnya '{example}'. "
        "Baris seperti itu masuk karantina, bukan ke data."
    ),
    "err_store_text_missing": (
        "Kolom '{column}' kosong pada baris data ke-{row}; kolom ini wajib diisi."
    ),
    "err_store_jenis_unknown": (
        "Jenis sumber daya '{value}' tidak dikenal. Pilih salah satu: {choices}."
    ),
    "err_store_position_missing": (
        "Sumber daya '{nama}' tidak punya koordinat maupun fasilitas asal. "
        "Isi lat dan lon, atau nama fasilitasnya."
    ),
    "err_store_position_range": (
        "Koordinat lat {lat}, lon {lon} tidak valid: lat harus antara -90 dan 90, "
        "lon antara -180 dan 180. Mungkin lat dan lon tertukar?"
    ),
    "err_store_position_half": (
        "Koordinat hanya terisi sebagian (lat {lat}, lon {lon}). "
        "Isi keduanya atau kosongkan keduanya."
    ),
    "err_store_position_outside": (
        "Titik lat {lat}, lon {lon} berada di luar wilayah {wilayah}. Periksa "
        "tanda minus dan urutan lat/lon."
    ),
    "err_store_facility_unknown": "Fasilitas nomor {value} tidak ada.",
    "err_store_facility_name_unknown": (
        "Fasilitas '{value}' tidak ada di data fasilitas {wilayah}. Impor "
        "fasilitasnya lebih dulu atau periksa ejaannya."
    ),
    "err_store_resource_unknown": "Sumber daya nomor {value} tidak ada.",
    "err_store_scenario_unknown": "Skenario nomor {value} tidak ada.",
    "err_store_field_unknown": (
        "Kolom '{value}' tidak dapat diubah. Kolom yang dapat diubah: {choices}."
    ),
    "err_store_as_of_missing": (
        "Tanggal keadaan data penduduk belum diisi. Isi tanggalnya, misalnya "
        "2019-12-31."
    ),
    "err_store_sumber_missing": (
        "Sumber data penduduk belum diisi. Tulis asal datanya, misalnya "
        "'Dukcapil, Desember 2019'."
    ),
    "err_store_crs_missing": (
        "Batas wilayah tidak punya sistem koordinat (CRS). Pilih CRS berkasnya, "
        "misalnya EPSG:4326, lalu impor lagi."
    ),
    "err_store_geometry_empty": (
        "Kelurahan {nama} ({kode}) tidak punya batas wilayah (geometri kosong)."
    ),
    "masalah_store_no_position": "koordinat tidak ada",
    "note_store_duplicate": (
        "Berkas '{file}' sudah diimpor pada {when} oleh {who} (impor nomor "
        "{batch}); tidak ada yang diubah."
    ),
    "note_store_replaced": (
        "{count} baris menggantikan nilai dari impor sebelumnya; nilai lama dan "
        "baru tercatat di log audit."
    ),
    "note_store_examples_removed": (
        "{count} sumber daya contoh dihapus karena data sumber daya sendiri "
        "sudah diimpor."
    ),
    "note_store_facility_missing": (
        "Fasilitas asal '{value}' untuk '{nama}' tidak ditemukan; posisinya "
        "diambil dari koordinatnya sendiri."
    ),
    "note_store_kelurahan_removed": (
        "{count} kelurahan lama yang tidak ada di berkas batas baru dihapus."
    ),
    "note_store_example_data": (
        "Data sumber daya ini adalah contoh buatan, bukan data nyata. Impor data "
        "sumber daya Anda sendiri untuk menggantinya."
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
