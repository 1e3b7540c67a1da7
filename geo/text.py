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
    # --- hotspots ---
    "hs_hot": "Hotspot {conf} %",
    "hs_cold": "Coldspot {conf} %",
    "hs_tidak_signifikan": "tidak signifikan",
    "hs_menonjol": "menonjol (tidak signifikan setelah koreksi)",
    "hs_tanpa_tetangga": "tanpa tetangga – tidak diuji",
    "hs_lisa_hh": "Tinggi-Tinggi (High-High)",
    "hs_lisa_ll": "Rendah-Rendah (Low-Low)",
    "hs_lisa_hl": "Tinggi-Rendah (High-Low)",
    "hs_lisa_lh": "Rendah-Tinggi (Low-High)",
    "hs_em_new_hot": "hotspot baru",
    "hs_em_consecutive_hot": "hotspot berturut-turut",
    "hs_em_intensifying_hot": "hotspot menguat",
    "hs_em_persistent_hot": "hotspot menetap",
    "hs_em_diminishing_hot": "hotspot melemah",
    "hs_em_sporadic_hot": "hotspot sporadis",
    "hs_em_oscillating_hot": "hotspot berosilasi",
    "hs_em_historical_hot": "hotspot historis",
    "hs_em_new_cold": "coldspot baru",
    "hs_em_consecutive_cold": "coldspot berturut-turut",
    "hs_em_intensifying_cold": "coldspot menguat",
    "hs_em_persistent_cold": "coldspot menetap",
    "hs_em_diminishing_cold": "coldspot melemah",
    "hs_em_sporadic_cold": "coldspot sporadis",
    "hs_em_oscillating_cold": "coldspot berosilasi",
    "hs_em_historical_cold": "coldspot historis",
    "hs_em_none": "tidak ada pola",
    "hs_level_kelurahan": "kelurahan",
    "hs_level_kecamatan": "kecamatan",
    "hs_level_kabkota": "kab/kota",
    "hs_weights_queen": (
        "persinggungan batas (queen) dengan toleransi {tolerance} m untuk celah "
        "dan tumpang-tindih kecil antarbatas"
    ),
    "hs_weights_knn": "{k} tetangga terdekat (titik tengah wilayah)",
    "hs_weights_distance": "jarak titik tengah paling jauh {distance} m",
    "hs_note_settings": (
        "Getis-Ord Gi* dan Moran lokal diuji dengan {permutations} permutasi "
        "(seed {seed}), hipotesis {alternative}; koreksi FDR Benjamini-Hochberg "
        "{fdr}; tetangga: {weights}."
    ),
    "hs_alt_two_sided": "dua arah",
    "hs_alt_greater": "satu arah (lebih tinggi)",
    "hs_alt_lesser": "satu arah (lebih rendah)",
    "hs_alt_folded": "dua arah (terlipat)",
    "hs_alt_directed": "arah dipilih dari data (tidak disarankan)",
    "hs_fdr_on": "aktif",
    "hs_fdr_off": (
        "TIDAK aktif: dengan banyak {level} diuji sekaligus, sebagian hasil "
        "signifikan bisa kebetulan"
    ),
    "hs_note_resolution": (
        "Dengan {permutations} permutasi, nilai p terkecil adalah {p_min}: "
        "tingkat kepercayaan 99 % tidak dapat dicapai; pakai 999 permutasi."
    ),
    "hs_note_resolution_fdr": (
        "Dengan {permutations} permutasi, nilai p terkecil adalah {p_min}; "
        "setelah koreksi FDR atas {n} {level}, satu {level} yang ekstrem "
        "sendirian belum tentu signifikan. Untuk ketelitian lebih, jalankan "
        "dengan 9.999 permutasi."
    ),
    "hs_note_undefined": (
        "{n} {level} bertetangga dengan (hampir) seluruh wilayah, sehingga Gi* "
        "dan Moran lokalnya tidak terdefinisi dan dianggap tidak signifikan: "
        "{names}."
    ),
    "hs_note_few_units": (
        "Hanya {n} {level} yang diuji (kurang dari {threshold}): statistik lokal "
        "pada sedikit wilayah jarang signifikan. Anggap hasil ini petunjuk, bukan "
        "kepastian."
    ),
    "hs_note_few_events": (
        "Hanya {total} kasus di seluruh wilayah untuk {label}: angka sekecil ini "
        "mudah berubah karena satu-dua kasus."
    ),
    "hs_note_many_zeros": (
        "{zeros} dari {n} {level} bernilai nol: pola ruang sulit dibedakan dari "
        "kebetulan."
    ),
    "hs_note_missing": (
        "{n} {level} tanpa data tidak ikut dihitung dan digambar sebagai "
        '"tidak ada data" (bukan nol): {names}.'
    ),
    "hs_note_islands": (
        "{n} {level} tanpa tetangga tidak diuji (statistik lokal tanpa tetangga "
        "tidak bermakna): {names}."
    ),
    "hs_note_no_population": (
        "Data penduduk tidak tersedia: yang diuji adalah jumlah kasus, bukan "
        "insidens, sehingga {level} berpenduduk banyak bisa tampak lebih tinggi."
    ),
    "hs_note_population_missing": (
        "{n} {level} tanpa data penduduk, sehingga insidensnya tidak dihitung: {names}."
    ),
    "hs_note_rates": (
        "Insidens per 10.000 penduduk ditampilkan mentah dan dihaluskan dengan "
        "empirical Bayes (global dan spasial) agar wilayah berpenduduk sedikit "
        "tidak tampak ekstrem karena kebetulan."
    ),
    "hs_note_tested_on": "Nilai yang diuji: {what}.",
    "hs_tested_value": "{label}",
    "hs_tested_rate": "insidens mentah per 10.000 penduduk",
    "hs_tested_rate_eb": "insidens per 10.000 penduduk (empirical Bayes)",
    "hs_tested_rate_seb": "insidens per 10.000 penduduk (empirical Bayes spasial)",
    "hs_note_menonjol": (
        '"Menonjol" berarti nilai p mentah < 0,05 atau |z| ≥ 1,96 tetapi tidak '
        "signifikan setelah koreksi FDR: layak dipantau, belum bukti klaster."
    ),
    "hs_note_level_partial": (
        "{n} {level} dianggap tanpa data karena ada kelurahannya yang tanpa "
        "data (jumlahnya akan terlalu kecil): {names}."
    ),
    "hs_summary_hot": (
        "{n} {level}{where} membentuk hotspot signifikan ({conf} %) untuk "
        "{label}: {names}."
    ),
    "hs_summary_cold": (
        "{n} {level} membentuk coldspot signifikan ({conf} %): {names}."
    ),
    "hs_summary_none": (
        "Tidak ada {level} yang membentuk hotspot signifikan untuk {label}{why}."
    ),
    "hs_summary_none_fdr": " setelah koreksi FDR",
    "hs_summary_none_few": (
        "; dengan hanya {n} {level} diuji, uji ini jarang signifikan"
    ),
    "hs_note_constant": (
        "Semua {level} yang diuji bernilai sama ({value}): tidak ada pola ruang "
        "yang dapat diuji."
    ),
    "hs_summary_menonjol": (
        "{n} {level} menonjol tetapi tidak signifikan setelah koreksi: {names}."
    ),
    "hs_summary_where": " di {kecamatan}",
    "hs_and_more": "dan {n} lainnya",
    # trends
    "tr_note_window": (
        "Pertumbuhan dihitung dari kasus kumulatif {start} sampai {end} "
        "({days} hari); data tidak tersedia tepat {window} hari sebelumnya."
    ),
    "tr_note_start_zero": (
        "{n} kelurahan tanpa kasus di awal jendela: laju pertumbuhan dan waktu "
        "penggandaan tidak dapat dihitung (bukan nol)."
    ),
    "tr_note_decrease": (
        "{n} kelurahan dengan kasus kumulatif menurun (koreksi data): "
        "{names}; angka kasus barunya dianggap tidak ada data."
    ),
    "tr_note_steps": (
        "Pola hotspot dari waktu ke waktu dihitung dari {steps} langkah waktu "
        "({first} sampai {last}), Gi* per langkah dengan {permutations} "
        "permutasi (seed {seed}), signifikan bila p {p_kind} ≤ {alpha}; tren "
        "Mann-Kendall signifikan bila p ≤ {alpha}."
    ),
    "tr_note_few_steps": (
        "Hanya {steps} langkah waktu (disarankan minimal 10): klasifikasi pola "
        "hotspot dari waktu ke waktu kurang dapat diandalkan."
    ),
    "tr_note_spatial_only": (
        "Tetangga dihitung menurut ruang saja (tanpa tetangga waktu seperti di "
        "ArcGIS): pola per langkah waktu bisa lebih berisik."
    ),
    "tr_summary": "Pola hotspot dari waktu ke waktu: {patterns}.",
    "tr_summary_none": (
        "Tidak ada {level} dengan pola hotspot dari waktu ke waktu yang signifikan."
    ),
    "tr_p_fdr": "setelah koreksi FDR",
    "tr_p_raw": "mentah",
    "tr_note_missing_steps": (
        "{n} {level} tanpa data pada sebagian tanggal (atau kasus kumulatifnya "
        "menurun karena koreksi data): langkah itu tidak diuji, bukan dianggap "
        "nol: {names}."
    ),
    "tr_note_no_emerging_dates": (
        "Pola hotspot dari waktu ke waktu tidak dihitung: hanya {n} tanggal "
        "data sampai {end} (perlu paling sedikit {minimum})."
    ),
    "hs_label_baru": "kasus baru {days} hari terakhir (sampai {end})",
    "hs_pola": "Pola",
    "hs_catatan": "Catatan",
    "hs_cli_help": (
        "Hotspot (Gi*), klaster LISA dan pola hotspot dari waktu ke waktu per kelurahan"
    ),
    "hs_cli_wilayah": "Kode wilayah, misalnya 33.71 (Kota Magelang) atau 31",
    "hs_cli_tanggal": "Tanggal akhir jendela (TTTT-BB-HH); bawaan: tanggal terakhir",
    "hs_cli_jendela": "Panjang jendela dalam hari (bawaan 14)",
    "hs_cli_tingkat": "Tingkat analisis: kelurahan, kecamatan atau kabkota",
    "hs_cli_perm": "Jumlah permutasi (bawaan 999; minimal 99)",
    "hs_cli_json": "Keluaran JSON dengan nama kolom data",
    "hs_cli_seed": "Seed permutasi (bawaan 20201006), agar hasil dapat diulang",
    "err_hs_columns": (
        "Lapisan {level} tidak memiliki kolom {missing}. Kolom yang ada: "
        "{present}. Pakai lapisan batas wilayah dari aplikasi ini."
    ),
    "err_hs_no_crs": (
        "Lapisan {level} tidak memiliki sistem koordinat (CRS). Tetapkan CRS, "
        "misalnya EPSG:4326, sebelum analisis hotspot."
    ),
    "err_hs_metric_crs": (
        "Sistem koordinat '{value}' bukan sistem meter. Pakai UTM, misalnya "
        "EPSG:32749 untuk Jawa Tengah atau EPSG:32748 untuk Jakarta."
    ),
    "err_hs_values_index": (
        "Nilai tidak cocok dengan kode {level}: {n} kode tidak dikenal, misalnya "
        "{examples}. Pakai kode Kemendagri bertitik seperti 33.71.01.1003."
    ),
    "err_hs_duplicate": (
        "Ada {n} kode {level} yang muncul lebih dari sekali, misalnya "
        "{examples}. Jumlahkan dulu nilainya agar tiap kode muncul sekali."
    ),
    "err_hs_negative": (
        "Nilai negatif tidak dapat diuji ({n} {level}, misalnya {examples}). "
        "Periksa data kasus; kasus baru tidak boleh kurang dari nol."
    ),
    "err_hs_too_few": (
        "Hanya {n} {level} memiliki data; analisis hotspot perlu "
        "paling sedikit {minimum}. Pilih wilayah yang lebih luas atau tanggal "
        "dengan data lebih lengkap."
    ),
    "err_hs_permutations": (
        "Jumlah permutasi harus bilangan bulat 99 atau lebih; diterima {value}. "
        "Pakai 999 untuk hasil yang stabil."
    ),
    "err_hs_option": (
        "Pilihan {name} '{value}' tidak dikenal. Pilih salah satu: {choices}."
    ),
    "err_hs_k": (
        "Jumlah tetangga terdekat harus bilangan bulat 1 sampai {maximum}; "
        "diterima {value}."
    ),
    "err_hs_distance": (
        "Jarak tetangga harus lebih dari 0 m; diterima {value} m. Contoh: 2000."
    ),
    "err_hs_needs_population": (
        "Pilihan '{value}' memerlukan data penduduk, yang tidak tersedia untuk "
        "wilayah ini. Pakai jumlah kasus."
    ),
    "err_hs_window": (
        "Jendela waktu harus lebih dari 0 hari; diterima {value}. Contoh: 14."
    ),
    "err_hs_dates": (
        "Perlu paling sedikit {minimum} tanggal data untuk {what}; tersedia {n}."
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
