"""The one catalogue of words a person reads, and Indonesian number formats.

Every label, message, chart title and export header comes from ``TEXT`` through
:func:`t`, so that an English catalogue can follow without touching the code.
"""

from __future__ import annotations

import pandas as pd

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
    # --- intake ---
    "intake_err_empty": "Berkas '{name}' kosong. Pilih berkas yang berisi tabel.",
    "intake_err_unreadable": (
        "Berkas '{name}' tidak dapat dibuka. Periksa nama dan lokasinya."
    ),
    "intake_err_not_table": (
        "Berkas '{name}' bukan tabel CSV atau Excel (.xlsx) yang terbaca. Simpan "
        "ulang sebagai CSV atau .xlsx lalu impor lagi."
    ),
    "intake_err_no_header": (
        "Baris judul kolom tidak ditemukan di 30 baris pertama berkas '{name}'. "
        "Pastikan ada satu baris berisi nama kolom di atas data."
    ),
    "intake_err_missing_column": (
        "Kolom {what} tidak ditemukan. Kolom yang ada: {columns}. Beri nama "
        "kolom misalnya {examples}."
    ),
    "intake_err_no_date": (
        "Berkas tidak punya kolom tanggal dan tanggal tidak terbaca dari nama "
        "berkas '{name}'. Tambahkan kolom 'tanggal' atau isi tanggal data."
    ),
    "intake_err_kelurahan_frame": (
        "Daftar kelurahan wilayah tidak lengkap: kolom {columns} tidak ada."
    ),
    "intake_err_no_geometry": (
        "Batas wilayah diperlukan untuk memeriksa titik koordinat, tetapi daftar "
        "kelurahan tidak punya geometri."
    ),
    "intake_err_no_crs": (
        "Berkas batas '{name}' tidak menyebut sistem koordinat (CRS). Isi CRS-nya, "
        "misalnya EPSG:4326 untuk lintang/bujur atau EPSG:32749 untuk UTM 49S."
    ),
    "intake_err_boundary_column": (
        "Kolom '{value}' tidak ada di berkas batas. Kolom yang ada: {columns}."
    ),
    "intake_err_boundary_read": (
        "Berkas batas '{name}' tidak terbaca sebagai GeoJSON, GeoPackage atau "
        "Shapefile dalam zip."
    ),
    "intake_err_date_order": (
        "Urutan tanggal '{value}' tidak dikenal. Pilih 'hb' (hari/bulan) atau "
        "'bh' (bulan/hari)."
    ),
    "intake_row": "baris {row}: {reason}",
    "intake_count_not_number": "nilai '{value}' bukan angka",
    "intake_count_negative": "jumlah '{value}' negatif",
    "intake_count_fraction": "jumlah '{value}' bukan bilangan bulat",
    "intake_coord_not_number": "koordinat '{value}' bukan angka",
    "intake_date_unread": "tanggal '{value}' tidak terbaca",
    "intake_date_missing": "tanggal kosong",
    "intake_date_ambiguous": (
        "tanggal '{value}' bisa dibaca hari/bulan atau bulan/hari; pilih urutan "
        "tanggal untuk seluruh kolom"
    ),
    "intake_name_ambiguous": (
        "nama kelurahan '{value}' ada di lebih dari satu kecamatan: {places}; "
        "tambahkan kolom kecamatan atau kode"
    ),
    "intake_name_unknown": "kelurahan '{value}' tidak dikenal",
    "intake_name_suggest": (
        "kelurahan '{value}' tidak dikenal; mungkin '{suggestion}'?"
    ),
    "intake_code_unknown": "kode '{value}' tidak ada di wilayah ini",
    "intake_code_empty": (
        "kode kelurahan kosong; baris tanpa kode tidak digabung ke kelurahan mana pun"
    ),
    "intake_no_kelurahan": "kode dan nama kelurahan kosong",
    "intake_population_label": (
        "baris tanpa kelurahan ('{value}') tidak dipakai untuk data penduduk"
    ),
    "intake_duplicate_row": "sama persis dengan baris {first} (duplikat)",
    "intake_duplicate_key": (
        "kelurahan {kode} tanggal {tanggal} sudah ada di baris {first} dengan "
        "nilai lain"
    ),
    "intake_duplicate_person": "orang yang sama sudah ada di baris {first}",
    "intake_status_unknown": (
        "status '{value}' tidak dikenal; pakai positif, dirawat, isolasi, sembuh "
        "atau meninggal"
    ),
    "intake_count_missing": "jumlah {column} kosong",
    "intake_point_missing": "koordinat kosong",
    "intake_point_invalid": "koordinat tidak valid (lintang {lat}, bujur {lon})",
    "intake_point_outside": "di luar batas wilayah (lintang {lat}, bujur {lon})",
    "intake_point_swap": (
        "; mungkin lintang dan bujur tertukar (lintang {lat}, bujur {lon}): "
        "periksa lalu perbaiki sendiri"
    ),
    "intake_point_sign": (
        "; mungkin tanda lintang salah (lintang {lat}): periksa lalu perbaiki sendiri"
    ),
    "intake_resource_kind": (
        "jenis sumber daya '{value}' tidak dikenal; pilih salah satu: {choices}"
    ),
    "intake_resource_place": "tidak ada koordinat maupun fasilitas asal",
    "intake_name_empty": "nama kosong",
    "intake_boundary_empty": "geometri kosong",
    "intake_boundary_duplicate": "kode '{value}' sudah ada di baris {first}",
    "intake_boundary_code": "kode '{value}' bukan kode Kemendagri",
    "intake_note_csv": "Dibaca sebagai CSV ({encoding}, pemisah {delimiter}).",
    "intake_note_xlsx": "Dibaca dari lembar '{sheet}' berkas Excel.",
    "intake_note_header_row": "Judul kolom ditemukan di baris {row}.",
    "intake_note_two_row_header": (
        "Judul kolom tersusun dua baris (baris {row} dan berikutnya) dan digabung."
    ),
    "intake_note_total_row": (
        "Baris {row} adalah baris jumlah/total dan tidak diimpor."
    ),
    "intake_note_discarded": ("Kolom data pribadi tidak disimpan: {columns}."),
    "intake_note_unused": "Kolom tidak dipakai: {columns}.",
    "intake_note_date_order": "Tanggal angka dibaca sebagai {order}.",
    "intake_note_date_from_name": (
        "Berkas tanpa kolom tanggal: tanggal {tanggal} diambil dari nama berkas."
    ),
    "intake_note_no_kelurahan_rows": (
        "{count} baris tanpa kelurahan disimpan dengan keterangannya: {labels}."
    ),
    "intake_note_daily_converted": (
        "Angka harian dijumlahkan menjadi kumulatif mulai tanggal pertama "
        "berkas ({first}); kasus sebelum tanggal itu tidak termasuk."
    ),
    "intake_note_line_list": (
        "{persons} orang dari daftar kasus dijumlahkan per kelurahan dan tanggal. "
        "Status (dirawat, sembuh, meninggal) adalah status terakhir di berkas, "
        "dihitung sejak tanggal konfirmasi."
    ),
    "intake_note_total_check": (
        "Jumlah {column} yang diterima ({accepted}) cocok dengan baris total "
        "berkas ({total})."
    ),
    "intake_note_total_mismatch": (
        "Jumlah {column} yang diterima ({accepted}) berbeda dengan baris total "
        "berkas ({total}); selisih ada di baris karantina."
    ),
    "intake_note_quarantined_total": (
        "{value} {column} dari {count} baris karantina tidak dihitung."
    ),
    "intake_note_name_code": (
        "{count} nama kelurahan di berkas berbeda dengan nama untuk kodenya; kode "
        "yang dipakai: {examples}."
    ),
    "intake_note_more": " dan {count} lainnya",
    "intake_note_confirmed": (
        "Nama kelurahan yang dikonfirmasi pengguna dipakai: {names}."
    ),
    "intake_note_geometry_repaired": (
        "{count} geometri tidak valid diperbaiki (make_valid): {codes}."
    ),
    "intake_note_crs_given": "Berkas tanpa CRS dibaca dengan CRS {crs} dari pengguna.",
    "intake_question_date_order": (
        "Kolom '{column}': semua tanggal cocok dibaca hari/bulan maupun "
        "bulan/hari (contoh '{example}'). Urutan mana yang benar?"
    ),
    "intake_question_cumulative": ("Angka kasus terbaca sebagai {detected}. Benar?"),
    "intake_question_match": (
        "Kelurahan '{value}' tidak dikenal. Apakah maksudnya '{suggestion}' ({kode})?"
    ),
    "intake_kumulatif": "kumulatif",
    "intake_harian": "kasus baru harian",
    "intake_hari_bulan": "hari/bulan (dd/mm/yyyy)",
    "intake_bulan_hari": "bulan/hari (mm/dd/yyyy)",
    "intake_cli_help": "Impor berkas data lalu periksa isinya (belum disimpan).",
    "intake_cli_kind": "Jenis data: {choices}.",
    "intake_cli_file": "Berkas CSV, Excel (.xlsx) atau batas wilayah.",
    "intake_cli_wilayah": "Kode wilayah, misalnya 33.71 untuk Kota Magelang.",
    "intake_cli_json": "Cetak hasil sebagai JSON.",
    "intake_cli_date_order": "Urutan tanggal angka: hb (hari/bulan) atau bh.",
    "intake_cli_harian": "Angka kasus adalah kasus baru harian, bukan kumulatif.",
    "intake_cli_tanggal": "Tanggal data bila berkas tidak punya kolom tanggal.",
    "intake_cli_kode_column": "Kolom kode pada berkas batas.",
    "intake_cli_nama_column": "Kolom nama pada berkas batas.",
    "intake_cli_crs": "CRS berkas batas bila tidak tercantum, misalnya EPSG:4326.",
    "intake_cli_summary": (
        "{rows_read} baris dibaca: {accepted} diterima, {quarantined} dikarantina."
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
    # --- hotspot page ---
    "page_hotspot": "Hotspot",
    "hsp_title": "Hotspot: {wilayah}",
    "hsp_caption": (
        "{label}; tingkat {level}; {permutations} permutasi, seed {seed}; "
        "koreksi FDR {fdr}."
    ),
    "hsp_fdr_on": "aktif",
    "hsp_fdr_off": "tidak aktif",
    "hsp_summary": "Ringkasan",
    "hsp_confidence": "Seberapa yakin hasil ini",
    "hsp_method": "Cara menghitung",
    "hsp_spinner": "Menghitung hotspot (permutasi)…",
    "hsp_spinner_map": "Menyiapkan peta hotspot…",
    "hsp_spinner_region": "Membaca data wilayah untuk hotspot…",
    "hsp_controls": "Pengaturan hotspot",
    "hsp_window": "Jendela waktu (hari)",
    "hsp_window_help": (
        "Kasus baru dihitung dari kasus kumulatif pada tanggal akhir dikurangi "
        "tanggal data terakhir sebelum awal jendela."
    ),
    "hsp_indicator": "Nilai yang diuji",
    "hsp_ind_baru": "Kasus baru dalam jendela",
    "hsp_ind_insidens": "Insidens per 10.000 penduduk (mentah)",
    "hsp_ind_insidens_eb": "Insidens per 10.000 (dihaluskan empirical Bayes)",
    "hsp_ind_insidens_seb": (
        "Insidens per 10.000 (dihaluskan empirical Bayes spasial)"
    ),
    "hsp_no_population": (
        "{wilayah} tidak memiliki data penduduk per kelurahan: insidens per "
        "10.000 tidak dapat dihitung, yang diuji jumlah kasus baru."
    ),
    "hsp_level": "Tingkat wilayah",
    "hsp_neighbours": "Tetangga",
    "hsp_nb_queen": "Bersinggungan batas (queen)",
    "hsp_nb_knn": "K tetangga terdekat",
    "hsp_nb_distance": "Dalam jarak tertentu",
    "hsp_k": "Jumlah tetangga terdekat (k)",
    "hsp_distance": "Jarak tetangga (m)",
    "hsp_permutations": "Jumlah permutasi",
    "hsp_permutations_help": (
        "Makin banyak permutasi, makin teliti nilai p (999 disarankan; 9.999 "
        "lebih teliti tetapi lebih lama)."
    ),
    "hsp_seed": "Seed permutasi",
    "hsp_seed_help": "Seed yang sama memberi hasil yang sama persis.",
    "hsp_fdr": "Koreksi FDR (Benjamini-Hochberg)",
    "hsp_fdr_help": (
        "Mengoreksi nilai p karena banyak wilayah diuji sekaligus; matikan hanya "
        "untuk penjelajahan."
    ),
    "hsp_bad_param": (
        "Nilai '{value}' untuk {name} di alamat halaman tidak dikenal; dipakai "
        "{default}."
    ),
    "hsp_kpi_hot": "Hotspot signifikan",
    "hsp_kpi_cold": "Coldspot signifikan",
    "hsp_kpi_menonjol": "Menonjol (belum signifikan)",
    "hsp_kpi_emerging": "Pola hotspot (waktu)",
    "hsp_kpi_tested": "{level} diuji",
    "hsp_kpi_tested_value": "{n} dari {total}",
    "hsp_map_gi": "Hotspot Gi* (tingkat kepercayaan)",
    "hsp_map_lisa": "Klaster LISA (Moran lokal)",
    "hsp_map_em": "Pola hotspot dari waktu ke waktu",
    "hsp_menonjol_tinggi": "menonjol tinggi (tidak signifikan setelah koreksi)",
    "hsp_menonjol_rendah": "menonjol rendah (tidak signifikan setelah koreksi)",
    "hsp_values": "Nilai mentah dan dihaluskan",
    "hsp_values_raw": "Nilai mentah",
    "hsp_outlying": (
        "Peta dibuka pada daratan; {n} wilayah jauh ({names}) tetap tergambar: "
        "perkecil peta untuk melihatnya."
    ),
    "hsp_values_caption": (
        "Kedua peta memakai kelas yang sama (kuantil), sehingga warna yang sama "
        "berarti nilai yang sama."
    ),
    "hsp_values_no_population": (
        "Tanpa data penduduk hanya jumlah kasus baru yang dapat dipetakan; "
        "penghalusan empirical Bayes memerlukan penduduk."
    ),
    "hsp_table": "{level} menurut tingkat signifikansi",
    "hsp_em_table": "Pola hotspot per {level}",
    "hsp_no_emerging": "Pola hotspot dari waktu ke waktu tidak tersedia.",
    "hsp_col_rate_per_10k": "Insidens /10.000 (mentah)",
    "hsp_col_rate_eb_per_10k": "Insidens /10.000 (EB)",
    "hsp_col_rate_seb_per_10k": "Insidens /10.000 (EB spasial)",
    "hsp_col_gi_class": "Kelas hotspot (Gi*)",
    "hsp_col_gi_z": "z Gi*",
    "hsp_col_gi_p": "p",
    "hsp_col_gi_p_fdr": "p setelah FDR",
    "hsp_col_lisa_class": "Klaster LISA",
    "hsp_col_lisa_p_fdr": "p LISA setelah FDR",
    "hsp_col_neighbours": "Jumlah tetangga",
    "hsp_col_emerging": "Pola dari waktu ke waktu",
    "hsp_col_growth": "Pertumbuhan per hari (%)",
    "hsp_col_doubling": "Waktu penggandaan (hari)",
    "hsp_col_n_hot": "Tanggal sebagai hotspot",
    "hsp_col_n_cold": "Tanggal sebagai coldspot",
    "hsp_col_tau": "Tren z (tau Mann-Kendall)",
    "hsp_col_trend_p": "p tren",
    "hsp_source": "Sumber: {sumber}. Data sampai {tanggal}.",
    "err_hsp_no_column": (
        "Hasil hotspot tidak memiliki kolom {missing}: insidens memerlukan data "
        "penduduk. Pilih jumlah kasus baru."
    ),
    "err_hsp_no_emerging": (
        "Hasil hotspot ini tidak memiliki pola hotspot dari waktu ke waktu "
        "(perlu paling sedikit 3 tanggal data)."
    ),
    "err_hsp_layer": (
        "Lapisan peta tidak memuat {n} wilayah dari hasil hotspot, misalnya "
        "{kode}. Pakai lapisan dari wilayah dan tingkat yang sama."
    ),
    "err_map_unstyled": (
        "{n} wilayah tidak memiliki gaya peta, misalnya {kode}. Beri setiap kode "
        "satu gaya."
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
    if _is_missing(value):
        return "–"
    return f"{round(value):,}".replace(",", ".")


def fmt_num(value: float | int | None, decimals: int = 1) -> str:
    """Return ``value`` with ',' decimals and '.' thousands ("1.234,5"), or "–"."""
    if _is_missing(value):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def fmt_signed(value: float | int | None) -> str:
    """Return a change as "+12", "−3" or "0" (Indonesian thousands), or "–"."""
    if _is_missing(value):
        return "–"
    if value > 0:
        return "+" + fmt_int(value)
    if value < 0:
        return "−" + fmt_int(-value)
    return "0"


def _is_missing(value: object) -> bool:
    # None, float NaN and pandas' NA (nullable Int64/Float64 columns) alike.
    return value is None or bool(pd.isna(value))
