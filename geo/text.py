"""The one catalogue of words a person reads, and Indonesian number formats.

Every label, message, chart title and export header comes from ``TEXT`` through
:func:`t`, so that an English catalogue can follow without touching the code.
"""

from __future__ import annotations

import functools
import logging
import os
import zoneinfo

import pandas as pd

logger = logging.getLogger(__name__)

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
    "err_store_url": (
        "CC_DATABASE_URL '{value}' bukan alamat basis data yang sah; contoh: "
        "postgresql+psycopg://pengguna@host/cc. Kosongkan untuk memakai berkas "
        "SQLite di CC_DATA_DIR."
    ),
    "err_store_driver": (
        "Driver basis data '{backend}' belum terpasang ({reason}). Pasang di .venv "
        "(untuk PostgreSQL: .venv/bin/pip install 'psycopg[binary]'), atau kosongkan "
        "CC_DATABASE_URL untuk memakai berkas SQLite."
    ),
    "err_store_connect": (
        "Basis data {url} tidak dapat dibuka: {reason}. Periksa alamat, nama "
        "pengguna dan bahwa servernya berjalan."
    ),
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
    "err_indikator_tidak_dikenal": (
        "Indikator '{value}' tidak dikenal; ditampilkan kasus konfirmasi kumulatif."
    ),
    "err_indikator_tidak_tersedia": (
        "Indikator '{value}' tidak tersedia untuk tanggal ini; ditampilkan kasus "
        "konfirmasi kumulatif."
    ),
    "err_tanggal_tidak_ada": (
        "Tidak ada data untuk tanggal {value}. Tanggal data yang ada: {available}."
    ),
    "tr_err_first_date": (
        "Tanggal {tanggal} adalah tanggal data pertama ({first}); pertumbuhan dan "
        "kasus baru perlu tanggal sebelumnya. Pilih tanggal yang lebih akhir."
    ),
    "err_berkas_os": (
        "Berkas '{path}' tidak dapat dibaca atau ditulis: periksa bahwa itu nama "
        "berkas (bukan folder), foldernya ada, dan Anda boleh menulis di sana."
    ),
    "err_indikator_tanpa_penduduk": (
        "Indikator '{value}' perlu data penduduk per kelurahan, yang tidak ada untuk "
        "wilayah ini; ditampilkan kasus konfirmasi kumulatif."
    ),
    "err_tanggal_tidak_valid": (
        "Tanggal '{value}' tidak valid; tulis sebagai TTTT-BB-HH, misalnya "
        "2020-10-06. Ditampilkan tanggal terakhir."
    ),
    # Peta Situasi page
    "kpi_cakupan_beda": (
        "Data {tanggal} ada untuk {n} kelurahan, data {sebelumnya} untuk "
        "{n_sebelumnya}: total di atas hanya menjumlahkan kelurahan yang punya data "
        "pada {tanggal}, dan perubahan dihitung atas {n_keduanya} kelurahan yang "
        "punya data pada kedua tanggal."
    ),
    "kpi_tanpa_kelurahan": "Kasus tanpa kelurahan",
    "kpi_fasilitas": "Fasilitas kesehatan di peta",
    "kpi_total_semua": (
        "Total kasus konfirmasi wilayah termasuk {tanpa} kasus tanpa kelurahan: "
        "{total}. Angka di atas, peta dan tabel menghitung kasus yang tercatat "
        "di kelurahan."
    ),
    "kpi_help_kelurahan": (
        "Jumlah atas kelurahan pada tanggal data; kasus tanpa kelurahan dihitung "
        "terpisah."
    ),
    "seluruh_wilayah": "Seluruh wilayah",
    "pilih_kelurahan_help": "Klik kelurahan di peta atau pilih di sini.",
    "peta_dibuka_daratan": (
        "Peta dibuka pada daratan; {n} kelurahan jauh ({names}) tetap tergambar: "
        "perkecil peta untuk melihatnya."
    ),
    "tabel_tanpa_kelurahan": "Kasus tanpa kelurahan (tidak tergambar di peta):",
    "mutu_fasilitas": "Mutu data fasilitas: {n} titik ditandai",
    "kelurahan_menurut": "Kelurahan menurut {indikator}",
    "sumber_data_per": "Sumber: {sumber}. Data per {tanggal}.",
    "kolom_keterangan": "Keterangan",
    "kolom_jenis": "Jenis",
    "kolom_sumber": "Sumber",
    "kolom_lintang": "Lintang",
    "kolom_bujur": "Bujur",
    "kolom_masalah": "Masalah",
    "kolom_konfirmasi": "Konfirmasi",
    "kolom_aktif": "Aktif",
    "kolom_dirawat": "Dirawat",
    "kolom_isolasi": "Isolasi",
    "kolom_sembuh": "Sembuh",
    "kolom_meninggal": "Meninggal",
    "kolom_baru": "Baru sejak tanggal sebelumnya",
    "cfr_kecil": (
        "{n} kelurahan punya kurang dari {minimum} kasus konfirmasi: CFR-nya "
        "berubah besar karena satu kematian, bacalah dengan hati-hati."
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
    "cli_err_angka": "'{value}' tidak bisa dipakai: isi {rule}.",
    "cli_angka_min": "angka {minimum} atau lebih",
    "cli_angka_lebih_dari": "angka lebih dari {minimum}",
    "cli_angka_bulat_min": "bilangan bulat {minimum} atau lebih",
    "unggah": "Unggah",
    "unggah_petunjuk": "Maks. {mb} MB per berkas • {types}",
    "intake_err_empty": "Berkas '{name}' kosong. Pilih berkas yang berisi tabel.",
    "intake_err_no_rows": (
        "Berkas '{name}' hanya berisi judul kolom (baris {row}) tanpa baris data; "
        "tidak ada yang disimpan. Isi datanya di bawah judul kolom lalu unggah lagi."
    ),
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
        "berkas '{name}'. Tambahkan kolom 'tanggal' atau isi tanggal data (di "
        "baris perintah: --tanggal TTTT-BB-HH)."
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
        "Berkas {what} '{name}' tidak terbaca sebagai GeoJSON, GeoPackage atau "
        "Shapefile dalam zip."
    ),
    "intake_batas": "batas",
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
    "intake_name_kecamatan": (
        "nama kelurahan '{value}' ada di lebih dari satu kecamatan ({places}) dan "
        "kecamatan '{kecamatan}' tidak cocok dengan satu pun; perbaiki nama "
        "kecamatan atau isi kode kelurahan"
    ),
    "intake_name_kecamatan_suggest": (
        "nama kelurahan '{value}' ada di lebih dari satu kecamatan ({places}) dan "
        "kecamatan '{kecamatan}' tidak cocok dengan satu pun; mungkin maksudnya "
        "kecamatan '{suggestion}'? Perbaiki nama kecamatan atau isi kode kelurahan"
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
    "intake_err_file_date_future": (
        "Tanggal berkas {tanggal} sesudah hari ini ({hari_ini}); periksa tanggal "
        "yang dipilih atau nama berkasnya, lalu impor lagi."
    ),
    "intake_date_future": (
        "tanggal sesudah hari ini ({hari_ini}); periksa ketikan atau konversi "
        "tanggalnya"
    ),
    "intake_duplicate_place": (
        "kelurahan {kode} sudah ada di baris {first}; baris ini tidak dipakai"
    ),
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
    "intake_err_facility_frame": (
        "Daftar fasilitas wilayah tidak punya kolom '{column}'."
    ),
    "intake_facility_empty": "nama fasilitas dan id fasilitas kosong",
    "intake_facility_unknown": "fasilitas '{value}' tidak ada di wilayah ini",
    "intake_facility_suggest": (
        "fasilitas '{value}' tidak ada di wilayah ini; mungkin '{suggestion}' "
        "(id {id})? Perbaiki namanya atau isi kolom facility_id"
    ),
    "intake_facility_ambiguous": (
        "nama fasilitas '{value}' cocok dengan lebih dari satu fasilitas ({places}); "
        "isi kolom facility_id"
    ),
    "intake_facility_id_unknown": "id fasilitas '{value}' tidak ada di wilayah ini",
    "intake_occupancy_empty": (
        "tidak ada angka keterisian (terisi_isolasi, terisi_icu, terisi_ventilator)"
    ),
    "intake_occupancy_over": (
        "{column} {value} melebihi kapasitas {capacity} ({capacity_column}) "
        "fasilitas {facility}"
    ),
    "intake_occupancy_duplicate": (
        "fasilitas {facility} tanggal {tanggal} sudah ada di baris {first}"
    ),
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
    "intake_note_fasilitas_ditandai": (
        "{rows} baris menyebut fasilitas yang ditandai bermasalah oleh pemeriksaan "
        "data fasilitas: {names}. Baris itu disimpan, tetapi grafik keterisian "
        "tidak menghitungnya sampai data fasilitasnya dibereskan (tab Ubah "
        "fasilitas) atau keterisian dicatat pada fasilitas yang sah."
    ),
    "intake_note_date_given": (
        "Berkas tanpa kolom tanggal: semua baris diberi tanggal {tanggal} yang "
        "diisikan pengguna."
    ),
    "intake_note_coverage": (
        "Pada {tanggal} berkas ini memuat {n} dari {total} kelurahan wilayah; "
        "kelurahan lain tidak punya data pada tanggal itu dan peta menggambarnya "
        "'tidak ada data', bukan nol."
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
        "dihitung sejak tanggal konfirmasi. Daftar dianggap berisi kasus yang "
        "dilaporkan pada tanggal-tanggalnya: saat disimpan, angkanya ditambahkan "
        "pada angka kumulatif terakhir yang sudah tersimpan sebelum tanggal "
        "pertama daftar, dan kelurahan tanpa kasus di daftar tetap pada angkanya."
    ),
    "intake_note_total_check": (
        "Jumlah {column} yang diterima ({accepted}) cocok dengan baris total "
        "berkas ({total})."
    ),
    "intake_note_total_mismatch": (
        "Jumlah {column} yang diterima ({accepted}) berbeda dengan baris total "
        "berkas ({total}); selisihnya ({quarantined}) ada di baris karantina."
    ),
    "intake_note_total_unexplained": (
        "Jumlah {column} yang diterima ({accepted}) berbeda dengan baris total "
        "berkas ({total}), dan baris karantina ({quarantined}) tidak menjelaskan "
        "selisihnya. Periksa baris total dan angka per kelurahan di berkas asal."
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
    "intake_cli_help": (
        "Periksa berkas data lalu simpan ke penyimpanan (--periksa-saja: hanya "
        "periksa)."
    ),
    "intake_cli_kind": "Jenis data: {choices}.",
    "intake_cli_file": "Berkas CSV, Excel (.xlsx) atau batas wilayah.",
    "intake_cli_wilayah": "Kode wilayah, misalnya 33.71 untuk Kota Magelang.",
    "intake_cli_json": "Cetak hasil sebagai JSON.",
    "intake_cli_date_order": "Urutan tanggal angka: hb (hari/bulan) atau bh.",
    "intake_cli_harian": "Angka kasus adalah kasus baru harian, bukan kumulatif.",
    "intake_cli_kumulatif": (
        "Angka kasus adalah jumlah kumulatif. Tanpa --harian atau --kumulatif "
        "jenisnya dideteksi, dan berkas yang terbaca harian tidak disimpan."
    ),
    "intake_cli_question": "{text} Dipakai: {used}.",
    "intake_cli_harian_perlu": (
        "Angka kasus di '{name}' terbaca sebagai kasus baru harian (angkanya turun "
        "dari tanggal ke tanggal), sehingga akan dijumlahkan menjadi kumulatif. "
        "Tidak ada yang disimpan. Jalankan lagi dengan --harian bila benar, atau "
        "--kumulatif bila angkanya memang kumulatif."
    ),
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
        "Hotspot dan klaster LISA: dengan {permutations} permutasi, nilai p "
        "terkecil adalah {p_min}; setelah koreksi FDR atas {n} {level} yang "
        "diuji, satu {level} yang ekstrem sendirian belum tentu signifikan. "
        "Untuk ketelitian lebih, jalankan dengan 9.999 permutasi."
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
    "hs_tested_rate_of": "{rate} dari {label}",
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
    "tr_note_resolution_fdr": (
        "Pola hotspot dari waktu ke waktu: Gi* tiap tanggal dikoreksi FDR "
        "tersendiri atas paling banyak {n} {level} yang diuji pada tanggal itu; "
        "dengan {permutations} permutasi (nilai p terkecil {p_min}), satu "
        "{level} yang ekstrem sendirian belum tentu signifikan pada tanggal itu."
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
    "hs_label_insidens": (
        "insidens kasus baru per 10.000 penduduk (mentah), {days} hari terakhir "
        "(sampai {end})"
    ),
    "hs_label_insidens_eb": (
        "insidens kasus baru per 10.000 penduduk (empirical Bayes), {days} hari "
        "terakhir (sampai {end})"
    ),
    "hs_label_insidens_seb": (
        "insidens kasus baru per 10.000 penduduk (empirical Bayes spasial), "
        "{days} hari terakhir (sampai {end})"
    ),
    "hs_pola": "Pola",
    "hs_catatan": "Catatan",
    "hs_cli_help": (
        "Hotspot (Gi*), klaster LISA dan pola hotspot dari waktu ke waktu per kelurahan"
    ),
    "hs_cli_wilayah": "Kode wilayah, misalnya 33.71 (Kota Magelang) atau 31",
    "hs_cli_tanggal": "Tanggal akhir jendela (TTTT-BB-HH); bawaan: tanggal terakhir",
    "hs_cli_jendela": "Panjang jendela dalam hari (bawaan 14)",
    "hs_cli_tingkat": "Tingkat analisis: kelurahan, kecamatan atau kabkota",
    "hs_cli_tetangga": (
        "Aturan tetangga: queen (berbatasan, bawaan), knn (k terdekat) atau "
        "distance (dalam --jarak-m meter)"
    ),
    "hs_cli_k": "Jumlah tetangga terdekat untuk --tetangga knn (bawaan 5)",
    "hs_cli_jarak": "Jarak tetangga dalam meter untuk --tetangga distance",
    "hs_cli_jarak_perlu": (
        "--tetangga distance memerlukan --jarak-m, misalnya --jarak-m 2000."
    ),
    "hs_cli_tanpa_fdr": (
        "Matikan koreksi false discovery rate (Benjamini-Hochberg); bawaan: aktif"
    ),
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
        "Jumlah permutasi harus bilangan bulat 99 sampai 99.999; diterima {value}. "
        "Pakai 999 untuk hasil yang stabil."
    ),
    "err_hs_seed": (
        "Seed harus bilangan bulat 0 sampai 4.294.967.295; diterima {value}."
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
    # --- ekspor ---
    "eks_sumber": "Sumber: {sumber}",
    "eks_data_per": "Data per {tanggal}",
    "eks_disamarkan": "Angka 1 sampai 4 ditampilkan sebagai <5 (rilis publik).",
    "eks_kecil": "<5",
    "eks_tanggal": "Tanggal",
    "eks_jumlah_kasus": "Jumlah kasus",
    "eks_kurva_satu_tanggal": (
        "{tanggal} adalah tanggal data pertama: {jumlah} kasus konfirmasi.<br>"
        "Kasus baru terhitung mulai tanggal data berikutnya."
    ),
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
    # briefing: hotspot and adopted-scenario sections (geo.briefing_sections)
    "brf_hs_gagal": "Analisis hotspot tidak dijalankan untuk tanggal ini: {alasan}",
    "brf_hs_pengaturan": (
        "Yang diuji: {nilai} per {tingkat} (jendela yang diminta {hari} hari); "
        "Getis-Ord Gi* dan Moran lokal dengan {permutasi} permutasi (seed "
        "{seed}); tetangga {tetangga}; koreksi FDR {fdr}."
    ),
    "brf_hs_kolom_nilai": "Kasus baru {hari} hari",
    "brf_hs_kolom_kelas": "Kelas",
    "brf_hs_tabel": (
        "Kelurahan hotspot signifikan ({n}), urut dari tingkat kepercayaan "
        "tertinggi lalu {nilai} terbanyak:"
    ),
    "brf_hs_tabel_sebagian": (
        "Kelurahan hotspot signifikan: {shown} teratas dari {n}, urut dari "
        "tingkat kepercayaan tertinggi lalu {nilai} terbanyak:"
    ),
    "brf_skn_diadopsi": (
        'Skenario "{nama}" (#{id}, {jenis}) diadopsi oleh {oleh} pada {tanggal}.'
    ),
    "brf_skn_bobot": "Kebutuhan diukur dengan: {bobot}.",
    "brf_skn_lokasi": "Lokasi terpilih ({n}): {names}.",
    "brf_skn_tanggal": "Skenario dihitung dari data per {tanggal}.",
    "brf_skn_beda_tanggal": (
        "Perhatian: skenario dihitung dari data per {skenario}, bukan dari data "
        "laporan ini ({laporan}); situasi mungkin sudah berubah."
    ),
    "brf_skn_tanpa_tanggal": (
        "Tanggal data skenario tidak tercatat; angkanya mungkin tidak sesuai "
        "dengan data laporan ini."
    ),
    "brf_skn_tak_terbaca": (
        "Hasil skenario #{id} tidak dapat dibaca; buka dan hitung ulang di "
        "halaman Skenario."
    ),
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
    # --- alokasi ---
    "alok_status_optimal": "optimal",
    "alok_status_belum": "terbaik sejauh ini, belum optimal",
    "alok_permintaan": "titik permintaan",
    "alok_kandidat": "kandidat lokasi",
    "alok_fasilitas": "fasilitas",
    "alok_stok": "tabel stok",
    "alok_kolom_minimum": "minimum",
    "alok_kolom_maximum": "maksimum",
    "alok_kolom_held": "stok yang sudah dimiliki",
    "alok_model_mclp": "MCLP (cakupan maksimum)",
    "alok_model_pmedian": "p-median (total jarak terkecil)",
    "alok_model_lscp": "LSCP (semua tercakup, lokasi paling sedikit)",
    "alok_model_pcenter": "p-center (jarak terjauh terkecil)",
    "alok_kapasitas_p": "dari {p} lokasi berkapasitas terbesar",
    "alok_kapasitas_semua": "dari semua kandidat",
    "alok_err_solver": "Solver '{value}' tidak dikenal. Pilih salah satu: {choices}.",
    "alok_err_time_limit": (
        "Batas waktu solver harus lebih dari 0 detik; diterima {value}."
    ),
    "alok_err_infeasible": (
        "Masalah ini tidak punya jawaban yang memenuhi syarat. {detail}"
    ),
    "alok_err_no_answer": (
        "Solver tidak menemukan jawaban dalam batas waktu {seconds} detik. "
        "Naikkan batas waktu atau kurangi jumlah kandidat."
    ),
    "alok_err_scenario_type": (
        "Skenario tersimpan memuat jenis hasil '{value}' yang tidak dikenal; "
        "skenario ini dibuat oleh versi aplikasi lain."
    ),
    "alok_err_stok": (
        "Stok yang dibagi harus bilangan bulat 0 atau lebih; diterima {value}."
    ),
    "alok_err_kode_ganda": (
        "Kode kelurahan {value} muncul lebih dari sekali pada bobot; setiap "
        "kelurahan cukup satu baris."
    ),
    "alok_err_bobot_kosong": (
        "Tidak ada kelurahan untuk dibagi; pilih paling sedikit satu kelurahan."
    ),
    "alok_err_bobot_negatif": (
        "Bobot kebutuhan {label} kosong atau negatif ({value}); {count} kelurahan "
        "bermasalah. Isi bobot 0 atau lebih untuk setiap kelurahan."
    ),
    "alok_err_bobot_nol": (
        "Semua bobot kebutuhan ({count} kelurahan) bernilai 0, jadi stok tidak "
        "bisa dibagi menurut kebutuhan. Pilih bobot lain."
    ),
    "alok_err_batas_bulat": (
        "Nilai {column} untuk {label} harus bilangan bulat 0 atau lebih; "
        "diterima {value}."
    ),
    "alok_err_min_max": (
        "Minimum {label} ({minimum}) lebih besar dari maksimumnya ({maximum}). "
        "Turunkan minimum atau naikkan maksimum."
    ),
    "alok_err_min_total": (
        "Jumlah minimum semua kelurahan {total} > stok {stock}. Turunkan minimum "
        "atau tambah stok."
    ),
    "alok_err_max_total": (
        "Jumlah maksimum yang bisa diterima {total} < stok {stock} ({zero} "
        "kelurahan berbobot 0 hanya menerima minimumnya). Naikkan maksimum atau "
        "kurangi stok."
    ),
    "alok_err_ambang": "Ambang hari harus lebih dari 0; diterima {value}.",
    "alok_err_kolom": "Kolom {columns} tidak ada pada {what}. Tambahkan kolom itu.",
    "alok_err_stok_angka": (
        "Nilai {column} untuk '{resource}' kosong atau negatif ({value}); "
        "isi angka 0 atau lebih."
    ),
    "alok_err_simpul": (
        "Titik '{value}' tidak ada di jaringan jalan ({count} titik tidak "
        "ditemukan). Hubungkan titik ke simpul jalan terdekat dulu."
    ),
    "alok_err_jaringan_kosong": (
        "Jaringan jalan tidak punya simpul satu pun; periksa berkas jalan."
    ),
    "alok_err_simpul_xy": (
        "Simpul jaringan jalan harus punya koordinat x dan y (meter); periksa "
        "{count} simpul jaringan."
    ),
    "alok_err_faktor": (
        "Faktor belok (jarak jalan ÷ jarak garis lurus) harus 1 atau lebih; "
        "diterima {value}."
    ),
    "alok_err_kecepatan": "Kecepatan harus lebih dari 0 km/jam; diterima {value}.",
    "alok_err_model": "Model '{value}' tidak dikenal. Pilih salah satu: {choices}.",
    "alok_err_kosong": (
        "Perlu paling sedikit satu titik permintaan dan satu kandidat lokasi; "
        "diterima {demand} titik permintaan dan {candidates} kandidat."
    ),
    "alok_err_panjang": (
        "Jumlah nilai {what} ({value}) tidak sama dengan jumlah baris ({expected})."
    ),
    "alok_err_bobot_titik": (
        "{count} titik permintaan punya bobot kosong atau negatif; isi bobot 0 "
        "atau lebih."
    ),
    "alok_err_biaya": (
        "Matriks jarak memuat nilai kosong atau negatif; periksa koordinat."
    ),
    "alok_err_p": (
        "Jumlah lokasi p harus bilangan bulat 1 sampai {candidates} (jumlah "
        "kandidat); diterima {value}."
    ),
    "alok_err_p_tetap": (
        "Jumlah lokasi p = {value} lebih kecil dari jumlah lokasi tetap {fixed}. "
        "Naikkan p atau lepaskan sebagian lokasi tetap."
    ),
    "alok_err_radius": "Jangkauan harus lebih dari 0 {unit}; diterima {value}.",
    "alok_err_radius_perlu": (
        "Model {model} memerlukan jangkauan (meter atau menit). Isi jangkauan."
    ),
    "alok_err_kapasitas_model": (
        "Kapasitas lokasi hanya dipakai oleh model p-median dan LSCP, bukan "
        "{model}. Kosongkan kapasitas atau pilih p-median/LSCP."
    ),
    "alok_err_kapasitas_negatif": (
        "Kapasitas lokasi harus 0 atau lebih; periksa kolom kapasitas."
    ),
    "alok_err_kapasitas": (
        "Kapasitas {capacity} < kebutuhan {need} (kapasitas {where}). Tambah "
        "lokasi, naikkan kapasitas, atau kurangi kebutuhan."
    ),
    "alok_err_kapasitas_titik": (
        "Kebutuhan titik '{name}' ({need}) lebih besar dari kapasitas lokasi "
        "terbesar ({capacity}); satu titik dilayani satu lokasi saja."
    ),
    "alok_err_tanpa_jalan": (
        "{count} titik permintaan (bobot {weight} dari {total}) tidak terhubung ke "
        "kandidat mana pun di jaringan jalan ({names}). Hubungkan titik itu ke "
        "jaringan, tambah kandidat di bagian jaringan itu, pilih MCLP (titik itu "
        "dihitung tidak tercakup), atau beri bobot 0."
    ),
    "alok_err_tanpa_jalan_semua": (
        "Tidak ada jalan antara titik permintaan dan kandidat: tak satu pun dari "
        "{demand} titik permintaan terhubung ke salah satu dari {candidates} "
        "kandidat di jaringan jalan. Periksa bahwa jalan menyambung keduanya, "
        "atau hitung tanpa jaringan jalan."
    ),
    "alok_err_jalan_jauh": (
        "Jaringan jalan '{name}' jauh dari semua titik: jalan terdekat berjarak "
        "{km} km dari titik permintaan atau kandidat terdekat (batas {limit} km). "
        "Periksa CRS berkas jalan atau pilih berkas jalan daerah ini."
    ),
    "alok_err_lscp_jauh": (
        "{count} titik permintaan tidak punya kandidat dalam jangkauan "
        "{radius} {unit} ({names}), jadi tidak semua bisa tercakup. Perbesar "
        "jangkauan atau tambah kandidat di dekatnya."
    ),
    "alok_infeasible_kapasitas": (
        "Kapasitas total {capacity}, kebutuhan {need}: kapasitas yang terjangkau "
        "tidak cukup atau tidak bisa dibagi sesuai syarat. Tambah lokasi atau "
        "kapasitas."
    ),
    "alok_infeasible_umum": (
        "Model {model} tidak bisa dipenuhi dengan lokasi tetap dan syarat yang "
        "dipilih. Longgarkan syaratnya."
    ),
    "alok_err_dua_radius": (
        "Isi jangkauan dalam meter atau dalam menit, tidak keduanya."
    ),
    "alok_err_crs": (
        "CRS {value} bukan sistem koordinat meter (proyeksi). Pakai misalnya "
        "EPSG:32749 untuk Jawa Tengah atau EPSG:32748 untuk Jakarta."
    ),
    "alok_err_crs_perlu": (
        "Koordinat x,y memerlukan CRS (misalnya --crs EPSG:32749); atau pakai "
        "kolom lat,lon."
    ),
    "alok_err_koordinat_kolom": (
        "Titik permintaan dan kandidat harus punya kolom lat,lon (derajat) atau "
        "x,y (meter, dengan CRS)."
    ),
    "alok_err_koordinat": (
        "Koordinat {what} '{id}' tidak valid ({first}, {second}); {count} baris "
        "bermasalah. {hint}"
    ),
    "alok_hint_derajat": (
        "Lintang (lat) harus antara -90 dan 90 dan bujur (lon) antara -180 dan 180; "
        "untuk Indonesia lat sekitar -11 sampai 6 dan lon 95 sampai 141. Periksa "
        "apakah kolom lat dan lon tertukar."
    ),
    "alok_hint_meter": "Isi x dan y dengan angka (meter, dalam CRS yang diberikan).",
    "alok_err_id_ganda": (
        "Id '{value}' muncul lebih dari sekali pada {what}; setiap id harus unik."
    ),
    "alok_err_angka": (
        "Nilai {column} untuk {what} '{id}' kosong atau negatif ({value}); "
        "isi angka 0 atau lebih."
    ),
    "alok_err_tetap": (
        "Nilai kolom tetap '{value}' tidak terbaca; pakai 1/0 atau ya/tidak."
    ),
    "alok_err_tanpa_crs": (
        "Lapisan kelurahan tidak punya CRS, jadi jarak tidak bisa diukur. "
        "Tetapkan CRS lapisan itu (misalnya EPSG:4326)."
    ),
    "alok_jelas_bagian": (
        "{label} {weight} ({share} % dari total) → bagian menurut kebutuhan {target}"
    ),
    "alok_jelas_dimiliki": "dikurangi stok yang sudah dimiliki {held}",
    "alok_jelas_min": "dinaikkan ke minimum {value}",
    "alok_jelas_max": "dibatasi maksimum {value}",
    "alok_jelas_cukup": "stok yang dimiliki sudah melebihi bagiannya",
    "alok_jelas_bulat": "{quota} dibulatkan ke bawah menjadi {value}",
    "alok_jelas_bulat_naik": (
        "{quota} dibulatkan ke atas menjadi {value} (sisa pecahan terbesar)"
    ),
    "alok_note_hamilton": (
        "Stok {stock} dibagi sebanding bobot dan dibulatkan dengan metode sisa "
        "terbesar (Hamilton): jumlahnya tepat sama dengan stok."
    ),
    "alok_note_batas": (
        "{count} kelurahan terkena batas minimum/maksimum; sisanya dibagi ulang "
        "ke kelurahan lain menurut bobot."
    ),
    "alok_note_dimiliki": (
        "Stok yang sudah dimiliki kelurahan ({held}) ikut dihitung: bagian tiap "
        "kelurahan dihitung dari stok baru ditambah stok yang dimiliki, lalu "
        "dikurangi yang sudah dimiliki."
    ),
    "alok_note_bobot_nol": ("{count} kelurahan berbobot 0 hanya menerima minimumnya."),
    "alok_note_stok": "Ditandai bila stok habis dalam kurang dari {days} hari.",
    "alok_note_stok_tanpa_pakai": (
        "Tanpa laju pemakaian, tidak dihitung kapan habis: {names}."
    ),
    "alok_cek_beda": (
        "Bobot tercakup menurut solver {solver}, hasil periksa ulang {checked}; "
        "angka yang ditampilkan adalah hasil periksa ulang."
    ),
    "alok_cek_kapasitas": "Periksa ulang: {count} lokasi melebihi kapasitas.",
    "alok_cek_lscp": (
        "Periksa ulang: {count} titik permintaan tidak tercakup dalam jangkauan."
    ),
    "alok_cek_p": "Periksa ulang: {value} lokasi terpilih, bukan {p}.",
    "alok_cek_tak_terlayani": (
        "Periksa ulang: {count} titik permintaan tidak dilayani penuh."
    ),
    "alok_cek_tetap": "Periksa ulang: ada lokasi tetap yang tidak terpilih.",
    "alok_cek_tutup": "Periksa ulang: ada penugasan ke lokasi yang tidak dibuka.",
    "alok_note_garis_lurus": (
        "Jarak tempuh = jarak garis lurus × faktor belok {circuity}; jalan "
        "sebenarnya bisa lebih jauh (sungai, jalan satu arah)."
    ),
    "alok_note_jaringan": (
        "Jarak tempuh diukur lewat jaringan jalan (jalur terpendek; dalam menit: "
        "jalur tercepat)."
    ),
    "alok_note_kecepatan_ruas": (
        "Waktu tempuh dari kecepatan tiap ruas jalan; ruas tanpa kecepatan dan "
        "jalan dari titik ke jalan memakai {speed} km/jam, tanpa kemacetan."
    ),
    "alok_note_kecepatan_ruas_diabaikan": (
        "Kecepatan per ruas tidak dipakai: jangkauan dalam meter, jadi jalur "
        "terpendek menurut panjang jalan."
    ),
    "alok_note_jalan_faktor": (
        "Faktor belok {circuity} tidak dipakai: jarak diukur sepanjang jaringan jalan."
    ),
    "alok_note_jalan_celah": (
        "Dari setiap titik ke tempat terdekat di jalan ditambahkan jarak garis "
        "lurus: paling jauh {gap} m ('{id}'); {demand} titik permintaan dan "
        "{candidates} kandidat berjarak lebih dari {limit} m dari jalan."
    ),
    "alok_note_jalan_terputus": (
        "{count} titik permintaan (bobot {weight} dari {total}) tidak terhubung "
        "lewat jalan ke kandidat mana pun ({names}); titik itu tidak pernah "
        "dihitung tercakup."
    ),
    "alok_note_kandidat_terputus": (
        "{count} kandidat tidak terhubung lewat jalan ke titik permintaan mana "
        "pun ({names}); kandidat itu tidak melayani siapa pun."
    ),
    # road layer (geo/roads.py) and network travel in siting
    "jalan_berkas": "jalan",
    "jalan_tanpa_geometri": "tanpa geometri",
    "jalan_err_tanpa_crs": (
        "Berkas jalan '{name}' tidak menyebut sistem koordinat (CRS). Isi CRS-nya "
        "(di baris perintah: --crs-jalan), misalnya EPSG:4326 untuk lintang/bujur "
        "atau EPSG:32749 untuk UTM 49S."
    ),
    "jalan_err_crs": (
        "CRS '{value}' tidak dikenal. Tulis kode EPSG, misalnya EPSG:4326 atau "
        "EPSG:32749."
    ),
    "jalan_err_kosong": (
        "Berkas jalan '{name}' tidak berisi fitur apa pun. Unggah lapisan garis jalan."
    ),
    "jalan_err_tanpa_garis": (
        "Berkas jalan '{name}' tidak berisi garis (LineString atau "
        "MultiLineString); isinya: {kinds}. Unggah lapisan garis jalan, bukan "
        "titik atau poligon."
    ),
    "jalan_err_tanpa_ruas": (
        "{lines} garis di berkas jalan '{name}' tidak membentuk satu ruas pun "
        "(setiap garis hanya satu titik). Periksa geometri berkas."
    ),
    "jalan_err_kolom": (
        "Kolom kecepatan '{value}' tidak ada di berkas jalan '{name}'. Kolom yang "
        "ada: {columns}."
    ),
    "jalan_err_koordinat": (
        "Koordinat berkas jalan '{name}' tidak cocok dengan CRS-nya ({crs}): "
        "diubah ke lintang/bujur menjadi bujur {lon} dan lintang {lat}. Periksa "
        "CRS berkas (koordinat meter yang dibaca sebagai derajat?)."
    ),
    "jalan_err_luar_wilayah": (
        "Jaringan jalan '{name}' tidak bertumpang dengan wilayah: jalan di bujur "
        "{lon} dan lintang {lat}, wilayah di bujur {region_lon} dan lintang "
        "{region_lat}. Periksa CRS berkas (lintang dan bujur tertukar?) atau "
        "pilih berkas jalan untuk wilayah ini."
    ),
    "jalan_note_ringkas": (
        "Jaringan jalan '{name}': {lines} ruas jalan, {nodes} simpul, "
        "{components} komponen terpisah."
    ),
    "jalan_note_komponen": (
        "Jaringan jalan terpecah menjadi {components} bagian yang tidak saling "
        "tersambung; bagian terbesar memuat {pct} % simpul. Titik di satu bagian "
        "tidak bisa mencapai lokasi di bagian lain dan tidak pernah dihitung "
        "tercakup olehnya. Ruas tersambung hanya bila ujungnya bertemu di titik "
        "yang sama."
    ),
    "jalan_note_bukan_garis": (
        "{count} fitur bukan garis dilewati ({kinds}); hanya LineString dan "
        "MultiLineString yang dipakai."
    ),
    "jalan_note_kecepatan": "Kecepatan per ruas dari kolom '{column}' (km/jam).",
    "jalan_note_kecepatan_aneh": (
        "{count} ruas punya kecepatan di luar {low}-{high} km/jam di kolom "
        "'{column}' (misalnya {examples}); tetap dipakai, tetapi periksa satuannya "
        "(km/jam, bukan m/detik) dan ketikannya."
    ),
    "jalan_tanpa_kolom": "(tidak ada kolom atribut)",
    "jalan_note_ringkas_satu": (
        "Jaringan jalan '{name}': {lines} ruas jalan, {nodes} simpul, semuanya "
        "tersambung."
    ),
    "jalan_note_kecepatan_kosong": (
        "{count} ruas tanpa kecepatan yang sah di kolom '{column}' (kosong, bukan "
        "angka, atau 0 ke bawah) memakai kecepatan rata-rata yang diisi."
    ),
    "alok_note_kecepatan": (
        "Waktu tempuh dihitung pada kecepatan rata-rata {speed} km/jam, tanpa "
        "kemacetan."
    ),
    "alok_note_solver": "Solver {solver}: {status}.",
    "alok_note_fallback": "HiGHS tidak memberi jawaban; dipakai CBC sebagai cadangan.",
    "alok_note_belum_optimal": (
        "Solver berhenti pada batas waktu {seconds} detik: jawaban terbaik sejauh "
        "ini, belum terbukti optimal."
    ),
    "alok_note_sparse": (
        "Model disusun hanya dari pasangan dalam jangkauan (matriks jarang) agar "
        "cepat; hasilnya sama dengan model penuh."
    ),
    "alok_note_tetap": "{count} lokasi yang sudah ada dipertahankan.",
    "alok_note_terdekat": (
        "Model p-median disusun dari {k} kandidat terdekat per titik agar cepat; "
        "hasilnya terbukti sama dengan model penuh."
    ),
    "alok_note_bobot_nol_titik": (
        "{count} titik permintaan berbobot 0 tidak ikut menentukan cakupan."
    ),
    "alok_note_lscp_bagi": (
        "Dengan kapasitas, kebutuhan satu titik boleh dibagi ke beberapa lokasi; "
        "tabel menunjukkan lokasi dengan bagian terbesar."
    ),
    "alok_note_titik_tengah": (
        "Setiap kelurahan diwakili satu titik di dalam wilayahnya; penduduk di "
        "tepi kelurahan bisa lebih jauh."
    ),
    "alok_note_bobot_kosong": (
        "{count} kelurahan tanpa nilai bobot dihitung dengan bobot 0."
    ),
    "alok_note_fasilitas_dibuang": (
        "{count} fasilitas tidak dipakai karena lokasinya tidak valid: {names}."
    ),
    "alok_kasus": "tabel kasus",
    "alok_pasien": "pasien",
    "alok_tempat_tidur": "tempat tidur",
    "alok_tidak_berlipat": "tidak berlipat (kasus aktif tidak naik)",
    "alok_err_lipat": (
        "Waktu berlipat ganda harus lebih dari 0 hari; diterima {value}."
    ),
    "alok_err_fit": (
        "Hanya {count} tanggal dengan kasus aktif dalam {days} hari sampai {end}; "
        "perlu paling sedikit 3 untuk menaksir laju pertumbuhan. Isi waktu "
        "berlipat ganda sendiri atau perpanjang jendela."
    ),
    "alok_err_aktif": (
        "Jumlah kasus aktif awal harus lebih dari 0; diterima {value}. Tanpa "
        "kasus aktif tidak ada yang diproyeksikan."
    ),
    "alok_err_sembuh": (
        "Jumlah sembuh dan meninggal awal harus 0 atau lebih; diterima {value}."
    ),
    "alok_err_penduduk": (
        "Penduduk {value} tidak lebih besar dari jumlah kasus {cases}; periksa "
        "angka penduduk."
    ),
    "alok_err_laju": (
        "Laju pertumbuhan harian harus lebih dari -100 %; diterima {value}."
    ),
    "alok_err_hari": (
        "Jumlah hari proyeksi harus bilangan bulat 1 sampai 365; diterima {value}."
    ),
    "alok_err_porsi": "Porsi harus antara 0 dan 1 (0-100 %); diterima {value}.",
    "alok_err_los": (
        "Lama rawat harus bilangan bulat 1 sampai 120 hari; diterima {value}."
    ),
    "alok_err_tanggal": (
        "Tidak ada data kasus pada tanggal {value}; pilih tanggal yang ada di data."
    ),
    "alok_err_tanpa_kasus": (
        "Tidak ada kasus per kelurahan sampai {end}, jadi pasien tidak bisa "
        "disebar ke kelurahan."
    ),
    "alok_err_bulat": (
        "Jumlah {what} harus bilangan bulat 0 atau lebih; diterima {value}."
    ),
    "alok_err_hari_kosong": "Tidak ada hari untuk dirujuk; proyeksi kosong.",
    "alok_err_banding": (
        "Perlu paling sedikit 2 skenario untuk dibandingkan; dipilih {count}."
    ),
    "alok_kpi_total_weight": "Total kebutuhan (bobot)",
    "alok_kpi_covered_weight": "Kebutuhan tercakup",
    "alok_kpi_covered_share": "Porsi tercakup (0-1)",
    "alok_kpi_mean_travel": "Tempuh rata-rata",
    "alok_kpi_worst_travel": "Tempuh terjauh",
    "alok_kpi_mean_distance_m": "Jarak rata-rata (m)",
    "alok_kpi_worst_distance_m": "Jarak terjauh (m)",
    "alok_kpi_unmet_weight": "Kebutuhan tidak terpenuhi",
    "alok_kpi_sites_chosen": "Jumlah lokasi",
    "alok_kpi_demand": "Pasien",
    "alok_kpi_placed": "Pasien mendapat tempat",
    "alok_kpi_unplaced": "Pasien tidak tertampung",
    "alok_kpi_capacity": "Kapasitas tempat tidur",
    "alok_kpi_hospitals_full": "Rumah sakit penuh",
    "alok_err_kode_hilang": (
        "Kelurahan {value} ada di data kasus tetapi tidak di peta batas wilayah "
        "({count} kode); periksa kode kelurahan di data kasus."
    ),
    "alok_note_chime": (
        "Proyeksi memakai model SIR/SEIR seperti CHIME: laju penularan dihitung "
        "dari waktu berlipat ganda; porsi dirawat, porsi ICU dan lama rawat adalah "
        "asumsi yang bisa diubah."
    ),
    "alok_note_fit": (
        "Laju pertumbuhan ditaksir dari kasus aktif {first} sampai {last}: "
        "{rate} % per hari, berlipat ganda {doubling} hari (R² = {r2})."
    ),
    "alok_note_tanpa_penduduk": (
        "Tanpa data penduduk: proyeksi tumbuh eksponensial tanpa berkurangnya "
        "warga yang rentan, jadi bisa terlalu tinggi bila wabah sudah luas."
    ),
    "alok_note_puncak": ("Kebutuhan tempat tidur rawat tertinggi {beds} pada {date}."),
    "alok_note_sebaran": (
        "Pasien disebar ke {count} kelurahan menurut porsi kasus baru terakhir; "
        "kasus tanpa kelurahan tidak ikut menentukan porsi."
    ),
    "alok_note_porsi_kini": (
        "Saat ini {ward} dari {active} kasus aktif dirawat ({pct} %); porsi "
        "kasus baru yang dirawat dalam proyeksi {share} %."
    ),
    "alok_note_icu_awal": (
        "Pasien ICU yang sudah dirawat tidak ada di data, jadi kebutuhan ICU "
        "dimulai dari 0."
    ),
    "alok_note_rujukan": (
        "{placed} dari {demand} pasien mendapat tempat tidur dengan total jarak "
        "tempuh terkecil."
    ),
    "alok_note_kurang_bed": (
        "Kapasitas {capacity} tempat tidur < kebutuhan {demand}: {unplaced} "
        "pasien tidak mendapat tempat."
    ),
    "alok_note_tak_terjangkau": (
        "{unplaced} pasien tidak mendapat tempat dalam batas tempuh {limit} "
        "{unit}, walau masih ada tempat tidur lebih jauh."
    ),
    "alok_note_tak_tertampung_di": "Paling banyak pasien tak tertampung: {places}.",
    "alok_note_rs_penuh": "Rumah sakit penuh: {names}.",
    "alok_note_bed_kosong": (
        "Kapasitas yang dipakai adalah tempat tidur untuk pasien ini; tempat "
        "tidur yang terisi pasien lain harus sudah dikurangkan."
    ),
    "alok_note_habis": (
        "Tempat tidur habis mulai {date}: {unplaced} pasien tidak tertampung."
    ),
    "alok_note_cukup": "Tempat tidur cukup selama {days} hari proyeksi.",
    "alok_berkas_bobot": "data bobot",
    "alok_tetap": "tetap",
    "alok_satuan_menit": "menit",
    "alok_ya": "ya",
    "alok_tidak": "tidak",
    "alok_tercakup": "tercakup",
    "alok_cli_bobot": "CSV kode,bobot[,nama,minimum,maksimum,dimiliki]",
    "alok_cli_stok": "jumlah unit yang dibagi",
    "alok_cli_min": "minimum unit per kelurahan (bila tidak ada di berkas)",
    "alok_cli_max": "maksimum unit per kelurahan (bila tidak ada di berkas)",
    "alok_cli_p": "jumlah lokasi, termasuk lokasi tetap",
    "alok_cli_m": "jangkauan dalam meter",
    "alok_cli_menit": "jangkauan dalam menit pada --kecepatan-kmj",
    "alok_cli_tetap": "jangan pertahankan lokasi bertanda tetap",
    "alok_cli_maks": "batas jarak/waktu tempuh rujukan",
    "alok_cli_wilayah": (
        "kode wilayah (33.71, 31): kelurahan, kasus dan fasilitas dari paket "
        "wilayah, tanpa berkas"
    ),
    "alok_cli_permintaan": "CSV id,lat,lon,bobot atau id,x,y,bobot (dengan --crs)",
    "alok_cli_kandidat": "CSV id,lat,lon[,kapasitas,tetap] atau id,x,y,...",
    "alok_cli_crs": "CRS meter untuk kolom x,y, misalnya EPSG:32749",
    "alok_cli_faktor": "faktor belok: jarak jalan ÷ jarak garis lurus",
    "alok_cli_kecepatan": "kecepatan rata-rata dalam km/jam",
    "alok_cli_jalan": (
        "lapisan garis jalan (GeoJSON, GeoPackage, Shapefile dalam .zip): tempuh "
        "lewat jaringan jalan, bukan garis lurus × faktor belok"
    ),
    "alok_cli_kolom_kecepatan": (
        "kolom kecepatan per ruas (km/jam) di berkas --jalan; ruas tanpa nilai "
        "memakai --kecepatan-kmj"
    ),
    "alok_cli_crs_jalan": "CRS berkas --jalan bila berkas tidak menyebutnya",
    "alok_err_tanpa_jalan_opsi": (
        "{option} hanya dipakai bersama --jalan. Tambahkan --jalan BERKAS atau "
        "hapus {option}."
    ),
    "alok_err_berkas_perlu": "Berkas {what} perlu diisi.",
    "alok_err_berkas": "Berkas {what} '{path}' tidak ditemukan. Periksa jalurnya.",
    "alok_err_berkas_baca": (
        "Berkas {what} '{path}' tidak terbaca sebagai CSV UTF-8 dengan baris judul."
    ),
    "alok_err_berkas_kosong": "Berkas {what} '{path}' tidak berisi baris data.",
    "alok_note_kapasitas_diabaikan": (
        "Kolom kapasitas tidak dipakai oleh model {model}; pilih p-median atau "
        "LSCP untuk memakai kapasitas."
    ),
    "alok_cli_judul_distribusi": "Pembagian {stock} unit:",
    "alok_cli_model": "Model: {model}",
    "alok_cli_solver": "Solver: {solver}, {status} ({seconds} detik)",
    "alok_cli_terpilih": "Lokasi terpilih ({count}): {names}",
    "alok_cli_tercakup": (
        "Bobot tercakup dalam {radius} {unit}: {covered} dari {total} ({pct} %)"
    ),
    "alok_cli_tempuh": (
        "Tempuh rata-rata (berbobot) {mean} {unit}, terjauh {worst} {unit} (di antara "
        "titik berbobot lebih dari 0)"
    ),
    "alok_bobot_penduduk": (
        "Bobot permintaan: jumlah penduduk per kelurahan (total {total})."
    ),
    "alok_bobot_aktif": (
        "Bobot permintaan: kasus aktif per kelurahan pada {tanggal} (total {total}; "
        "wilayah ini tidak punya data penduduk). {zero} kelurahan berbobot 0 (di "
        "antaranya {missing} tanpa data) tidak mengubah cakupan, rata-rata maupun "
        "terjauh, walau penugasannya tetap tercantum."
    ),
    "alok_cli_penugasan": "Penugasan titik permintaan:",
    "alok_cli_catatan": "Catatan:",
    "alok_cli_rujukan": (
        "Pasien {demand}: mendapat tempat {placed}, tidak tertampung {unplaced}"
    ),
    "alok_cli_rs": "  {name}: {placed} dari {capacity} tempat tidur",
    # --- data page ---
    "audit_aksi_insert": "tambah",
    "audit_aksi_update": "ubah",
    "audit_aksi_replace": "ganti",
    "audit_aksi_delete": "hapus",
    "audit_aksi_import": "impor",
    "audit_aksi_adopt": "tetapkan",
    "audit_aksi_unadopt": "batal tetapkan",
    "audit_tabel_import_batch": "impor",
    "audit_tabel_case_count": "kasus",
    "audit_tabel_facility": "fasilitas",
    "audit_tabel_facility_occupancy": "okupansi",
    "audit_tabel_resource": "sumber daya",
    "audit_tabel_population": "penduduk",
    "audit_tabel_kelurahan": "kelurahan",
    "audit_tabel_region": "wilayah",
    "audit_tabel_scenario": "skenario",
    "audit_kolom_kind": "jenis",
    "audit_kolom_file_name": "berkas",
    "audit_kolom_file_sha256": "sha256",
    "audit_kolom_rows_read": "dibaca",
    "audit_kolom_rows_accepted": "diterima",
    "audit_kolom_rows_quarantined": "dikarantina",
    "audit_kolom_inserted": "baru",
    "audit_kolom_replaced": "diganti",
    "audit_kolom_unchanged": "tetap",
    "audit_kolom_removed": "dihapus",
    "audit_kolom_is_example": "contoh",
    "audit_kolom_facility_id": "fasilitas",
    "audit_kolom_updated_at": "diperbarui",
    "audit_kolom_geometry_changed": "batas berubah",
    "audit_kolom_region_kode": "wilayah",
    "audit_kolom_is_adopted": "diadopsi",
    "audit_kolom_adopted_by": "diadopsi oleh",
    "audit_kolom_adopted_at": "waktu adopsi",
    "audit_kolom_author": "penulis",
    "audit_kolom_data_date": "tanggal data",
    "audit_kolom_metric_crs": "CRS meter",
    "audit_kolom_kelurahan_alamat": "kelurahan alamat",
    "cli_oleh_default": "baris perintah",
    "cli_oleh": "nama yang dicatat di log audit (bawaan: 'baris perintah')",
    "cli_sumber": "sumber data (wajib untuk penduduk bila berkas tidak menyebutnya)",
    "cli_per_tanggal": "tanggal data penduduk, TTTT-BB-HH",
    "cli_nama_wilayah": "nama wilayah baru saat mengimpor batas",
    "cli_periksa_saja": "hanya periksa berkas; tidak ada yang disimpan",
    "err_cli_per_tanggal": (
        "Tanggal '{value}' tidak terbaca; tulis sebagai TTTT-BB-HH, mis. 2019-12-31."
    ),
    "data_intro": (
        "Impor berkas data, periksa baris yang diterima dan yang dikarantina, lalu "
        "simpan. Setiap impor dan perubahan tercatat di log audit."
    ),
    "data_tab_impor": "Impor berkas",
    "data_tab_ubah": "Ubah fasilitas dan sumber daya",
    "data_tab_riwayat": "Riwayat impor dan log audit",
    "data_jenis": "Jenis data",
    "data_kind_kasus": "Kasus per kelurahan per tanggal",
    "data_kind_daftar-kasus": "Daftar kasus per orang",
    "data_kind_fasilitas": "Fasilitas kesehatan",
    "data_kind_sumber-daya": "Sumber daya",
    "data_kind_penduduk": "Penduduk per kelurahan",
    "data_kind_batas": "Batas wilayah baru",
    "data_kind_okupansi": "Keterisian tempat tidur per fasilitas per tanggal",
    "data_oleh": "Nama Anda (oleh)",
    "data_sumber": "Sumber data",
    "data_per_tanggal": "Data penduduk per tanggal",
    "data_tanggal_berkas": "Tanggal data (bila berkas tidak punya kolom tanggal)",
    "data_berkas": "Berkas",
    "data_berkas_help": (
        "CSV atau XLSX; untuk batas wilayah: GeoJSON, GeoPackage atau Shapefile "
        "dalam .zip. Kolom data pribadi (NIK, nama, alamat, nomor HP, tanggal "
        "lahir) dibuang saat dibaca dan tidak pernah disimpan."
    ),
    "data_berkas_tersimpan": "Berkas yang sedang diperiksa: {name}",
    "data_buang_berkas": "Lepaskan berkas",
    "data_kolom_kode": "Kolom kode kelurahan",
    "data_kolom_nama": "Kolom nama kelurahan",
    "data_crs_tanya": "Sistem koordinat berkas (tidak tertulis di berkas)",
    "data_crs_terbaca": "Sistem koordinat terbaca: {crs}",
    "data_pertanyaan": "Pertanyaan sebelum impor",
    "data_opsi_hb": "hari/bulan/tahun",
    "data_opsi_bh": "bulan/hari/tahun",
    "data_opsi_kumulatif": "kumulatif",
    "data_opsi_harian": "kasus baru harian",
    "data_dibaca": "Baris dibaca",
    "data_diterima": "Diterima",
    "data_dikarantina": "Dikarantina",
    "data_kolom": "Kolom",
    "data_total_kolom": "Jumlah kolom angka di tiap sisi:",
    "data_kolom_dibuang": "Kolom data pribadi dibuang, tidak disimpan: {columns}.",
    "data_baris_karantina": (
        "Baris yang dikarantina dan alasannya (unduh, perbaiki, lalu impor lagi):"
    ),
    "data_unduh_karantina": "Unduh baris karantina (CSV)",
    "data_sudah_diimpor": (
        "Berkas ini sudah pernah diimpor (impor nomor {id}, oleh {who}); tidak ada "
        "yang berubah."
    ),
    "data_simpan": "Simpan impor",
    "data_tersimpan": (
        "Impor nomor {id} tersimpan: {accepted} baris diterima, {quarantined} "
        "dikarantina."
    ),
    "data_wilayah_kode": "Kode wilayah baru (Kemendagri, mis. 33.08)",
    "data_wilayah_nama": "Nama wilayah baru",
    "data_wilayah_crs": (
        "Jarak dan luas wilayah baru diukur dalam zona UTM selatan yang memuat "
        "titik tengahnya."
    ),
    "data_ubah_keterangan": (
        "Ubah sel lalu tekan simpan; setiap perubahan tercatat di log audit atas "
        "nama Anda. Posisi diubah lewat kolom lintang (lat) dan bujur (lon)."
    ),
    "data_fasilitas": "Fasilitas kesehatan",
    "data_fasilitas_kosong": "Wilayah ini belum punya data fasilitas.",
    "data_simpan_fasilitas": "Simpan perubahan fasilitas",
    "data_sumber_daya": "Sumber daya",
    "data_simpan_sumber_daya": "Simpan perubahan sumber daya",
    "data_edit_hasil": (
        "Perubahan tersimpan: {changed} diubah, {added} ditambah, {deleted} dihapus."
    ),
    "data_riwayat": "Riwayat impor",
    "data_pilih_batch": "Impor dengan baris karantina",
    "data_batch_label": "Impor {id}: {name} ({count} baris dikarantina)",
    "data_audit": "Log audit",
    "data_edit_col_id": "Nomor",
    "data_edit_col_nama": "Nama",
    "data_edit_col_jenis": "Jenis",
    "data_edit_col_alamat": "Alamat",
    "data_edit_col_lat": "Lintang (lat)",
    "data_edit_col_lon": "Bujur (lon)",
    "data_edit_col_tempat_tidur": "Tempat tidur",
    "data_edit_col_tempat_tidur_isolasi": "TT isolasi",
    "data_edit_col_tempat_tidur_icu": "TT ICU",
    "data_edit_col_ventilator": "Ventilator",
    "data_edit_col_jumlah": "Jumlah",
    "data_edit_col_contoh": "Contoh",
    "data_col_id": "Nomor",
    "data_col_baris": "Baris",
    "data_col_kolom": "Kolom",
    "data_col_nilai": "Nilai",
    "data_col_alasan": "Alasan",
    "data_col_waktu": "Waktu",
    "data_col_jenis": "Jenis",
    "data_col_wilayah": "Wilayah",
    "data_col_oleh": "Oleh",
    "data_col_berkas": "Berkas",
    "data_col_dibaca": "Dibaca",
    "data_col_diterima": "Diterima",
    "data_col_dikarantina": "Dikarantina",
    "data_col_tindakan": "Tindakan",
    "data_col_tabel": "Tabel",
    "data_col_rekaman": "Rekaman",
    "data_col_sebelum": "Sebelum",
    "data_col_sesudah": "Sesudah",
    "err_edit_who": "Isi nama Anda (kolom 'oleh') sebelum menyimpan perubahan.",
    "edit_problem": "{label}: {reason}",
    "err_region_no_cases": (
        "Wilayah {nama} belum punya data kasus; impor data kasus di halaman Data."
    ),
    "data_resources_contoh": (
        "Sumber daya di peta adalah contoh (bukan data nyata) sampai Anda mengimpor "
        "data sumber daya sendiri di halaman Data."
    ),
    "page_data": "Data",
    "err_region_no_boundaries": (
        "Wilayah {nama} belum punya batas kelurahan di penyimpanan; impor batas "
        "wilayah di halaman Data lebih dulu."
    ),
    "err_data_no_facilities": (
        "Wilayah ini belum punya fasilitas kesehatan di penyimpanan, jadi "
        "keterisian '{name}' tidak bisa dicocokkan. Impor fasilitas dulu."
    ),
    "err_data_no_kelurahan": (
        "Berkas {name} tidak dapat diperiksa: wilayah yang dipilih belum punya batas "
        "kelurahan. Impor batas wilayah lebih dulu."
    ),
    "err_data_kind": "Jenis data '{value}' tidak dikenal; pilih salah satu: {choices}.",
    "err_data_boundary_suffix": (
        "Berkas {what} '{name}' tidak dikenali; unggah salah satu: {choices} "
        "(Shapefile dalam .zip)."
    ),
    "err_data_region_fields": (
        "Wilayah baru perlu kode dan nama; diterima kode '{kode}' dan nama '{nama}'."
    ),
    "err_data_no_boundaries": (
        "Tidak ada batas kelurahan yang diterima dari {name}; perbaiki baris yang "
        "dikarantina lalu impor lagi."
    ),
    # --- ekspor page ---
    "page_ekspor": "Grafik & Ekspor",
    "eks_kpi_tanpa_kelurahan": "Kasus tanpa kelurahan",
    "eks_kpi_fasilitas": "Fasilitas kesehatan di peta",
    "eks_judul_status": "Kasus kumulatif menurut status",
    "eks_judul_keterisian": "Keterisian tempat tidur per fasilitas",
    "eks_tempat_tidur_isolasi": "isolasi",
    "eks_tempat_tidur_icu": "ICU",
    "eks_sumber_keterisian": (
        "catatan keterisian tempat tidur di basis data; kapasitas dari data fasilitas"
    ),
    "eks_keterisian_per": "keterisian per {tanggal}",
    "eks_keterisian_per_rentang": (
        "keterisian terakhir tiap fasilitas, {awal} s.d. {akhir}"
    ),
    "eks_fasilitas_contoh": "fasilitas contoh, bukan data nyata",
    "eks_keterisian_rincian": "{n} fasilitas ({jenis})",
    "eks_keterisian_tanpa_catatan": (
        "Tidak digambar karena belum ada catatan keterisian sampai {tanggal}: "
        "{rincian}."
    ),
    "eks_keterisian_catatan_tanpa_kapasitas": (
        "Tidak digambar karena kapasitas tempat tidurnya tidak tercatat di data "
        "fasilitas: {rincian} dengan catatan keterisian."
    ),
    "eks_keterisian_ditandai": (
        "Tidak digambar karena fasilitasnya ditandai bermasalah di pemeriksaan "
        "data fasilitas: {n} fasilitas dengan catatan keterisian."
    ),
    "eks_keterisian_kosong": "belum ada data keterisian tempat tidur untuk wilayah ini",
    "eks_keterisian_setelah": (
        "data keterisian tempat tidur baru ada sejak {awal}, sesudah tanggal data "
        "{tanggal}"
    ),
    "eks_keterisian_tanpa_kapasitas": (
        "ada catatan keterisian tempat tidur sampai {tanggal}, tetapi tidak untuk "
        "fasilitas yang lolos pemeriksaan dan tercatat kapasitas tempat tidur "
        "isolasi atau ICU-nya"
    ),
    "eks_judul_stok": "Stok sumber daya menurut jenis",
    "eks_judul_stok_contoh": "Stok sumber daya menurut jenis (data contoh)",
    "eks_stok_sampai": "stok tercatat sampai {tanggal}",
    "eks_stok_contoh": "data contoh buatan, bukan data nyata",
    "eks_sumber_stok": (
        "catatan sumber daya di basis data, tiap impor dan suntingan menurut log audit"
    ),
    "eks_sumber_stok_kini": "catatan sumber daya di basis data, stok saat ini",
    "eks_stok_riwayat_tidak_lengkap": (
        "Log audit tidak memuat seluruh riwayat stok wilayah ini; hanya stok saat "
        "ini yang digambar, pada tanggal pembaruan terakhir tiap jenis."
    ),
    "eks_stok_setelah": "{n} perubahan stok sesudah {tanggal} tidak digambar.",
    "eks_stok_jenis_setelah": (
        "{n} jenis sumber daya diperbarui sesudah {tanggal}, tidak digambar."
    ),
    "eks_stok_kosong": "wilayah ini belum punya catatan sumber daya",
    "eks_stok_setelah_saja": (
        "stok sumber daya baru tercatat sejak {awal}, sesudah tanggal data {tanggal}"
    ),
    "eks_stok_tidak_ada": "tidak ada stok sumber daya yang tercatat sampai {tanggal}",
    "eks_grafik_tidak_tersedia": "Grafik {grafik} tidak tersedia: {alasan}.",
    "eks_urutan": "Urutan menurut",
    "ekp_judul": "Grafik & Ekspor: {wilayah}",
    "ekp_keterangan": (
        "Data per {tanggal}. Berkas dibuat hanya saat diminta: pilih format, "
        "tekan Siapkan berkas (untuk laporan: Buat Laporan Situasi), lalu Unduh."
    ),
    "ekp_rilis_publik": "Rilis publik (angka 1–4 jadi <5)",
    "ekp_rilis_publik_bantuan": (
        "Untuk bahan yang dibagikan ke luar: setiap unduhan menulis angka 1 "
        'sampai 4 sebagai "<5" agar kelompok kecil tidak dapat dikenali.'
    ),
    "ekp_rilis_aktif": "Rilis publik aktif: angka 1 sampai 4 ditulis <5.",
    "ekp_laporan": "Laporan Situasi (PDF)",
    "ekp_laporan_isi": (
        "Satu berkas PDF untuk rapat pagi: ringkasan indikator dengan "
        "perubahannya, peta, kurva epidemi, kelurahan tertinggi, ringkasan "
        "hotspot, skenario alokasi yang diadopsi bila ada, sumber data dan "
        "catatan."
    ),
    "ekp_buat_laporan": "Buat Laporan Situasi",
    "ekp_grafik": "Grafik",
    "ekp_tabel": "Tabel kelurahan",
    "ekp_peta": "Peta dan lapisan",
    "ekp_peta_isi": (
        "Peta yang sama dengan halaman Peta Situasi. HTML terbuka tanpa "
        "internet; GeoJSON dan GeoPackage memuat batas kelurahan (EPSG:4326) "
        "dengan angka tabel."
    ),
    "ekp_unduh_menu": "Unduh",
    "ekp_format": "Format",
    "ekp_siapkan": "Siapkan berkas",
    "ekp_unduh": "Unduh {nama}",
    "ekp_menyiapkan": "Menyiapkan berkas {format}…",
    "ekp_pengganti": ("Unduhan pengganti yang tidak memerlukan peramban di server:"),
    "ekp_grafik_absen": "Grafik {grafik} tidak ditampilkan: {alasan}.",
    "ekp_catatan": "Catatan data",
    "ekp_sumber": "Sumber: {sumber}. Data per {tanggal}.",
    "ekp_fmt_png": "PNG (2× untuk slide)",
    "ekp_fmt_svg": "SVG (vektor)",
    "ekp_fmt_pdf": "PDF",
    "ekp_fmt_html_grafik": "HTML interaktif",
    "ekp_fmt_csv": "CSV (data)",
    "ekp_fmt_xlsx": "XLSX (dengan lembar Keterangan)",
    "ekp_fmt_html_peta": "HTML mandiri (tanpa internet)",
    "ekp_fmt_png_peta": "PNG",
    "ekp_fmt_geojson": "GeoJSON",
    "ekp_fmt_gpkg": "GeoPackage",
    "ekp_grafik_kurva": "Kurva epidemi",
    "ekp_grafik_status": "Kumulatif menurut status",
    "ekp_grafik_kecamatan": "Perbandingan kecamatan",
    "ekp_grafik_kelurahan": "Kelurahan tertinggi",
    "ekp_grafik_keterisian": "Keterisian fasilitas",
    "ekp_grafik_stok": "Stok sumber daya",
    "ekp_catatan_jauh": (
        "Peta dibuka pada daratan; {n} kelurahan jauh ({nama}) tidak tampak di "
        "gambar peta, tetapi angkanya ada di tabel dan jumlah."
    ),
    # --- skenario page ---
    "page_skenario": "Skenario",
    "skn_judul_bawah": (
        "Skenario alokasi untuk rapat: bagi stok, pilih lokasi, rujuk pasien, "
        "hitung hari stok; simpan, bandingkan dan adopsi. Data per {date}."
    ),
    "skn_tab_distribusi": "Distribusi",
    "skn_tab_lokasi": "Lokasi",
    "skn_tab_rujukan": "Rujukan",
    "skn_tab_stok": "Hari stok",
    "skn_tab_tersimpan": "Skenario tersimpan",
    "skn_wilayah_bawaan": "Ditampilkan wilayah bawaan.",
    "skn_pilih_placeholder": "Pilih skenario",
    "skn_tanggal_bawaan": (
        "Tidak ada data untuk tanggal {value} di wilayah ini; ditampilkan tanggal "
        "terakhir."
    ),
    "skn_tautan_salah": (
        "Skenario '{value}' dari tautan tidak ditemukan; ditampilkan masukan "
        "terakhir. Pilih skenario di tab Skenario tersimpan."
    ),
    "skn_err_tanpa_kasus": (
        "{nama} belum punya data kasus, jadi tidak ada tanggal data untuk skenario. "
        "Impor data kasus lebih dulu."
    ),
    "skn_tanpa_penduduk": (
        "{nama} tidak punya data penduduk per kelurahan, jadi bobot penduduk dan "
        "insidens tidak tersedia. Pakai jumlah kasus (misalnya kasus aktif) sebagai "
        "bobot."
    ),
    "skn_bobot": "Bobot kebutuhan",
    "skn_bobot_bantuan": (
        "Setiap kelurahan mendapat bagian sebanding dengan bobot ini pada tanggal "
        "data yang dipilih."
    ),
    "skn_bobot_penduduk": "Penduduk",
    "skn_bobot_dirawat": "Kasus dirawat",
    "skn_bobot_isolasi": "Kasus isolasi mandiri",
    "skn_bobot_sembuh": "Sembuh kumulatif",
    "skn_err_tanpa_penduduk": (
        "Bobot penduduk dipilih, tetapi wilayah ini tidak punya data penduduk. "
        "Pilih bobot kasus."
    ),
    "skn_err_bobot": "Bobot '{value}' tidak dikenal untuk wilayah ini.",
    "skn_note_bobot_kosong": (
        "{count} kelurahan tanpa data pada tanggal ini diberi bobot 0."
    ),
    "skn_note_bobot_negatif": (
        "{count} kelurahan dengan nilai negatif (koreksi data) diberi bobot 0."
    ),
    "skn_distribusi_tanya": (
        "Berapa unit yang diterima tiap kelurahan? Stok dibagi menurut bobot "
        "kebutuhan dalam unit utuh, dengan batas minimum/maksimum dan dikurangi "
        "stok yang sudah dimiliki."
    ),
    "skn_kit_tes": "Kit tes",
    "skn_jenis_sumber_daya": "Jenis sumber daya",
    "skn_jumlah": "Jumlah yang dibagi (unit)",
    "skn_minimum": "Minimum per kelurahan (unit)",
    "skn_maksimum": "Maksimum per kelurahan (unit, 0 = tanpa batas)",
    "skn_maksimum_bantuan": "Isi 0 bila tidak ada batas atas.",
    "skn_dimiliki_judul": "Stok yang sudah dimiliki tiap kelurahan (opsional)",
    "skn_dimiliki": "Sudah dimiliki",
    "skn_hitung_distribusi": "Hitung distribusi",
    "skn_stok_dibagi": "Stok dibagi: {resource}",
    "skn_jumlah_dibagi": "Jumlah teralokasi",
    "skn_kelurahan_menerima": "Kelurahan menerima",
    "skn_porsi": "Porsi bobot",
    "skn_dapat": "Mendapat",
    "skn_total_setelah": "Total setelah dibagi",
    "skn_penjelasan": "Penjelasan",
    "skn_peta_dibagi": "Unit yang diterima",
    "skn_basi": (
        "Masukan sudah berubah sejak hasil ini dihitung; tekan tombol hitung untuk "
        "memperbarui."
    ),
    "skn_lokasi_tanya": (
        "Di mana lokasi dibuka agar kebutuhan sebanyak mungkin terjangkau? Jarak "
        "garis lurus dikali faktor belok, atau lewat jaringan jalan bila berkasnya "
        "diunggah; dalam menit pada kecepatan yang dipilih."
    ),
    "skn_model": "Model",
    "skn_p": "Jumlah lokasi (p), termasuk yang tetap",
    "skn_p_bantuan": "Dipakai oleh MCLP, p-median dan p-center; LSCP mencari sendiri.",
    "skn_satuan": "Jangkauan dalam",
    "skn_radius": "Jangkauan ({unit})",
    "skn_radius_bantuan": (
        "Wajib untuk MCLP dan LSCP; untuk p-median dan p-center hanya dipakai "
        "untuk melaporkan porsi tercakup."
    ),
    "skn_faktor": "Faktor belok (jarak jalan ÷ garis lurus)",
    "skn_faktor_bantuan": "1,3 berarti jalan 30 % lebih panjang dari garis lurus.",
    "skn_faktor_jalan": (
        "Tidak dipakai: dengan jaringan jalan, jarak diukur sepanjang jalan."
    ),
    "skn_jalan_judul": "Jaringan jalan (opsional)",
    "skn_jalan_berkas": "Berkas garis jalan: GeoJSON, GeoPackage atau Shapefile (.zip)",
    "skn_jalan_bantuan": (
        "Bila diunggah, tempuh diukur lewat jaringan jalan (jalur terpendek, atau "
        "tercepat dalam menit), bukan garis lurus × faktor belok."
    ),
    "skn_jalan_membaca": "Membaca jaringan jalan…",
    "skn_jalan_tersimpan": "Berkas jalan dipakai: {name}",
    "skn_jalan_buang": "Jangan pakai berkas jalan",
    "skn_jalan_kolom": "Kolom kecepatan (km/jam)",
    "skn_jalan_tanpa_kolom": "— tanpa kolom: pakai isian kecepatan",
    "skn_jalan_kolom_bantuan": (
        "Kecepatan tiap ruas dipakai bila jangkauan dalam menit; ruas tanpa "
        "kecepatan memakai isian Kecepatan."
    ),
    "skn_jalan_crs": "CRS berkas jalan (berkas tidak menyebutnya)",
    "skn_jalan_crs_terbaca": "CRS dari berkas: {crs}",
    "skn_jalan_unggah_lagi": (
        "Hasil ini dihitung lewat jaringan jalan '{name}', yang tidak sedang "
        "diunggah (hasil skenario tersimpan dibaca dari penyimpanan). Unggah "
        "berkas itu lagi untuk menghitung ulang dengan jalan yang sama."
    ),
    "skn_tempuh_jalan": (
        "Tempuh lewat jaringan jalan '{name}' ({lines} ruas, {components} komponen; "
        "SHA-256 {sha}…), bukan garis lurus × faktor belok."
    ),
    "skn_tempuh_lurus": "Tempuh: jarak garis lurus × faktor belok {faktor}.",
    "skn_kecepatan": "Kecepatan (km/jam)",
    "skn_kecepatan_bantuan": "Dipakai bila jangkauan dalam menit.",
    "skn_batas_waktu": "Batas waktu solver (detik)",
    "skn_kandidat_fasilitas": "Fasilitas kesehatan yang ada ({count} titik valid)",
    "skn_jenis_fasilitas": "Jenis fasilitas",
    "skn_tetap": "Pertahankan fasilitas yang ada (tetap dibuka)",
    "skn_tetap_bantuan": (
        "Fasilitas yang dipilih di atas selalu dibuka dan dihitung dalam p."
    ),
    "skn_kandidat_pusat": "Titik pusat kelurahan",
    "skn_pusat": "Pusat {nama}",
    "skn_kapasitas_judul": "Kapasitas lokasi (opsional)",
    "skn_kapasitas_bantuan": (
        "Dalam satuan bobot. Dipakai oleh p-median dan LSCP; kosong berarti tanpa "
        "batas."
    ),
    "skn_kapasitas": "Kapasitas",
    "skn_titik_tambahan": "Titik kandidat tambahan (lat/lon)",
    "skn_titik_nomor": "Titik tambahan {nomor}",
    "skn_note_titik_dilewati": "{count} baris titik tambahan tanpa koordinat dilewati.",
    "skn_err_titik": (
        "Titik tambahan '{nama}' punya koordinat tidak valid (lat {lat}, lon {lon}); "
        "lat harus -90..90 dan lon -180..180."
    ),
    "skn_err_kapasitas": (
        "Kapasitas {nama} harus angka 0 atau lebih; diterima '{value}'. Kosongkan "
        "bila tanpa batas."
    ),
    "skn_err_tanpa_kandidat": (
        "Tidak ada kandidat lokasi. Centang fasilitas atau pusat kelurahan, atau "
        "tambahkan titik."
    ),
    "skn_note_tanpa_kapasitas": (
        "{count} kandidat tanpa kapasitas dianggap tanpa batas."
    ),
    "skn_hitung_lokasi": "Hitung lokasi",
    "skn_menghitung": "Menghitung (batas waktu {seconds} detik)…",
    "skn_status": "Solver {solver}: {status} ({seconds} detik).",
    "skn_status_belum": (
        "Solver {solver} berhenti di batas waktu {seconds} detik: jawaban terbaik "
        "sejauh ini, belum optimal."
    ),
    "skn_kpi_tercakup": "Tercakup",
    "skn_kpi_rata": "Tempuh rata-rata",
    "skn_kpi_terjauh": "Tempuh terjauh",
    "skn_kpi_tak_terpenuhi": "Tak terjangkau",
    "skn_kpi_lokasi": "Lokasi dibuka",
    "skn_lokasi_terpilih": "Lokasi terpilih",
    "skn_tetap_kolom": "Tetap",
    "skn_dilayani": "Kebutuhan dilayani",
    "skn_kelurahan_dilayani": "Kelurahan dilayani",
    "skn_penugasan": "Penugasan kelurahan",
    "skn_ke_lokasi": "Ke lokasi",
    "skn_jarak_m": "Jarak (m)",
    "skn_tempuh": "Tempuh ({unit})",
    "skn_tercakup": "dalam jangkauan",
    "skn_tak_tercakup": "di luar jangkauan",
    "skn_tidak_dipilih": "tidak dipilih",
    "skn_err_posisi": (
        "Posisi '{value}' tidak ditemukan untuk peta ({count} titik); hitung ulang "
        "skenario ini."
    ),
    "skn_peta_jangkauan": "Jangkauan",
    "skn_peta_penugasan": "Garis penugasan",
    "skn_peta_permintaan": "Kebutuhan per kelurahan",
    "skn_peta_kandidat": "Kandidat tidak dipilih",
    "skn_peta_terpilih": "Lokasi terpilih",
    "skn_peta_tetap": "Lokasi tetap (sudah ada)",
    "skn_peta_radius": "jangkauan {radius} {unit}, faktor belok {faktor}",
    "skn_peta_lingkaran": ("Lingkaran: {radius}, yaitu {meter} m garis lurus."),
    "skn_peta_radius_jalan": "jangkauan {radius} {unit} lewat jaringan jalan",
    "skn_peta_jalan": (
        "Tanpa lingkaran: {radius}, dan jangkauan lewat jalan tidak berbentuk "
        "lingkaran."
    ),
    "skn_peta_garis": "Garis putus-putus: kelurahan ke lokasinya.",
    "skn_peta_tip_permintaan": (
        "{nama}: bobot {bobot}, ke {site}, {jarak} m ({tempuh} {unit})"
    ),
    "skn_peta_tip_lokasi": "{nama}: melayani bobot {bobot} dari {titik} kelurahan",
    "skn_peta_tiga": "Peta ditampilkan untuk tiga skenario pertama.",
    "skn_rujukan_tanya": (
        "Berapa tempat tidur dibutuhkan N hari ke depan, rumah sakit mana yang penuh "
        "dan kapan, dan berapa pasien tidak tertampung? Proyeksi gaya CHIME."
    ),
    "skn_hari": "Jumlah hari proyeksi",
    "skn_laju": "Laju pertumbuhan",
    "skn_laju_taksir": "Ditaksir dari kasus aktif terakhir",
    "skn_laju_lipat": "Dari waktu berlipat ganda",
    "skn_lipat": "Waktu berlipat ganda (hari)",
    "skn_model_epidemi": "Model",
    "skn_infeksius": "Lama kasus aktif D (hari)",
    "skn_inkubasi": "Masa inkubasi L (hari, SEIR)",
    "skn_dirawat_pct": "Porsi kasus baru dirawat (%)",
    "skn_icu_pct": "Porsi kasus baru ICU (%)",
    "skn_los": "Lama rawat bangsal (hari)",
    "skn_los_icu": "Lama rawat ICU (hari)",
    "skn_rs_judul": "Kapasitas tempat tidur rumah sakit",
    "skn_rs_bantuan": (
        "Daftar fasilitas tidak memuat jumlah tempat tidur: isi tempat tidur bangsal "
        "yang tersedia untuk pasien ini. Rumah sakit yang dikosongkan tidak dipakai."
    ),
    "skn_tempat_tidur": "Tempat tidur",
    "skn_err_tanpa_bed": (
        "Belum ada kapasitas tempat tidur untuk {count} rumah sakit. Isi kolom "
        "Tempat tidur minimal untuk satu rumah sakit."
    ),
    "skn_err_bed": (
        "Tempat tidur {nama} harus bilangan bulat 0 atau lebih; diterima {value}."
    ),
    "skn_note_rs_tanpa_bed": (
        "{count} rumah sakit tanpa kapasitas tidak dipakai: {names}."
    ),
    "skn_hitung_rujukan": "Hitung proyeksi dan rujukan",
    "skn_kpi_puncak": "Pasien rawat puncak",
    "skn_kpi_tak_tertampung": "Tidak tertampung (puncak)",
    "skn_kpi_habis": "Tempat tidur habis mulai",
    "skn_parameter_chime": "Parameter proyeksi (seperti CHIME)",
    "skn_parameter": "Parameter",
    "skn_per_hari": "Per hari",
    "skn_rawat_proyeksi": "Rawat bangsal (proyeksi)",
    "skn_icu_proyeksi": "ICU (proyeksi)",
    "skn_rs_penuh": "Rumah sakit penuh",
    "skn_rs_kapan": "Kapan rumah sakit penuh",
    "skn_terisi_puncak": "Terisi puncak",
    "skn_penuh_sejak": "Penuh sejak",
    "skn_tidak_diketahui": "tidak diketahui",
    "skn_p_model": "Model",
    "skn_p_mulai": "Mulai dari tanggal",
    "skn_p_hari": "Hari diproyeksikan",
    "skn_p_penduduk": "Penduduk N",
    "skn_p_sumber_laju": "Sumber laju pertumbuhan",
    "skn_p_lipat": "Waktu berlipat ganda T_d (hari)",
    "skn_p_laju": "Laju pertumbuhan g per hari",
    "skn_p_infeksius": "Lama kasus aktif D (hari)",
    "skn_p_inkubasi": "Masa inkubasi L (hari)",
    "skn_p_dirawat": "Porsi dirawat h",
    "skn_p_icu": "Porsi ICU u",
    "skn_p_los": "Lama rawat bangsal (hari)",
    "skn_p_los_icu": "Lama rawat ICU (hari)",
    "skn_p_aktif": "Kasus aktif awal I0",
    "skn_p_dirawat_kini": "Dirawat saat ini",
    "skn_stok_tanya": (
        "Kapan setiap sumber daya habis pada laju pemakaian sekarang? Ditandai bila "
        "lebih cepat dari ambang."
    ),
    "skn_stok_tanpa_data": (
        "Belum ada data sumber daya wilayah ini di basis data: isi stok dan "
        "pemakaian per hari di tabel."
    ),
    "skn_stok_dari_data": (
        "Stok diisi dari {count} catatan sumber daya di basis data; isi pemakaian "
        "per hari."
    ),
    "skn_ambang": "Ambang (hari)",
    "skn_stok_ada": "Stok ada",
    "skn_pakai_per_hari": "Pemakaian per hari",
    "skn_sisa_hari": "Sisa hari",
    "skn_habis_pada": "Habis pada",
    "skn_kurang": "Kurang dari ambang",
    "skn_hitung_stok": "Hitung hari stok",
    "skn_err_stok_kosong": (
        "Tidak ada baris dengan jenis, stok dan pemakaian per hari. Isi minimal satu "
        "baris lengkap."
    ),
    "skn_simpan_judul": "Simpan sebagai skenario",
    "skn_nama_skenario": "Nama skenario",
    "skn_penulis": "Penulis",
    "skn_simpan": "Simpan skenario",
    "skn_err_nama": "Isi nama skenario dan nama penulis sebelum menyimpan.",
    "skn_tersimpan": ("Skenario '{nama}' tersimpan sebagai #{id}. Tautan: {link}"),
    "skn_sudah_tersimpan": (
        "Hasil ini sudah tersimpan sebagai skenario '{nama}' (#{id}); tidak disimpan "
        "dua kali. Ubah masukan dan hitung ulang untuk menyimpan skenario baru."
    ),
    "skn_err_rekaman": (
        "Hasil skenario tersimpan tidak bisa dibaca halaman ini; hitung ulang dan "
        "simpan lagi."
    ),
    "skn_belum_ada": (
        "Belum ada skenario tersimpan untuk wilayah ini. Hitung di salah satu tab "
        "lalu simpan."
    ),
    "skn_jenis": "Jenis",
    "skn_jenis_distribusi": "Distribusi",
    "skn_jenis_lokasi": "Lokasi",
    "skn_jenis_rujukan": "Rujukan",
    "skn_jenis_stok": "Hari stok",
    "skn_dibuat": "Dibuat",
    "skn_status_adopsi": "Adopsi",
    "skn_diadopsi_oleh": "diadopsi oleh {who}, {when}",
    "skn_diadopsi_info": "Diadopsi: '{nama}' (#{id}) oleh {who}, {when}.",
    "skn_tautan": "Tautan",
    "skn_bandingkan": "Bandingkan skenario",
    "skn_pilih_banding": "Pilih dua skenario sejenis atau lebih",
    "skn_pilih_dua": "Pilih minimal dua skenario untuk dibandingkan.",
    "skn_err_beda_jenis": (
        "Skenario yang dipilih berbeda jenis; bandingkan skenario sejenis saja."
    ),
    "skn_kpi_banding": "Indikator kinerja",
    "skn_indikator_kinerja": "Indikator",
    "skn_selisih": "Selisih (terakhir − pertama)",
    "skn_beda_masukan": "Masukan yang berbeda",
    "skn_masukan": "Masukan",
    "skn_masukan_sama": "Semua masukan sama.",
    "skn_adopsi": "Tandai diadopsi",
    "skn_pilih_adopsi": "Skenario",
    "skn_siapa": "Nama Anda",
    "skn_tandai_adopsi": "Tandai diadopsi",
    "skn_masukan_tanggal": "Tanggal data",
    "skn_masukan_dist_sumber_daya": "Jenis sumber daya",
    "skn_masukan_dist_jumlah": "Jumlah dibagi",
    "skn_masukan_dist_bobot": "Bobot",
    "skn_masukan_dist_minimum": "Minimum",
    "skn_masukan_dist_maksimum": "Maksimum",
    "skn_masukan_lok_model": "Model",
    "skn_masukan_lok_p": "Jumlah lokasi p",
    "skn_masukan_lok_bobot": "Bobot",
    "skn_masukan_lok_satuan": "Satuan jangkauan",
    "skn_masukan_lok_radius_m": "Jangkauan (m)",
    "skn_masukan_lok_radius_min": "Jangkauan (menit)",
    "skn_masukan_lok_faktor": "Faktor belok",
    "skn_masukan_lok_kecepatan": "Kecepatan (km/jam)",
    "skn_masukan_lok_batas_waktu": "Batas waktu (detik)",
    "skn_masukan_lok_fasilitas": "Kandidat fasilitas",
    "skn_masukan_lok_jenis": "Jenis fasilitas",
    "skn_masukan_lok_pusat": "Kandidat pusat kelurahan",
    "skn_masukan_lok_tetap": "Fasilitas tetap",
    "skn_masukan_lok_jalan": "Jaringan jalan",
    "skn_masukan_lok_kolom_kecepatan": "Kolom kecepatan jalan",
    "skn_masukan_lok_crs_jalan": "CRS berkas jalan",
    "skn_masukan_rjk_hari": "Hari proyeksi",
    "skn_masukan_rjk_laju": "Laju pertumbuhan",
    "skn_masukan_rjk_lipat": "Waktu berlipat ganda",
    "skn_masukan_rjk_model": "Model",
    "skn_masukan_rjk_infeksius": "Lama kasus aktif",
    "skn_masukan_rjk_inkubasi": "Masa inkubasi",
    "skn_masukan_rjk_dirawat_pct": "Porsi dirawat (%)",
    "skn_masukan_rjk_icu_pct": "Porsi ICU (%)",
    "skn_masukan_rjk_los": "Lama rawat bangsal",
    "skn_masukan_rjk_los_icu": "Lama rawat ICU",
    "skn_masukan_rjk_faktor": "Faktor belok",
    "skn_masukan_stok_ambang": "Ambang (hari)",
    "alok_kpi_covered_pct": "Kebutuhan tercakup (%)",
    "alok_kpi_stock": "Stok dibagi",
    "alok_kpi_kelurahan_served": "Kelurahan menerima",
    "alok_kpi_largest_share": "Bagian terbesar satu kelurahan",
    "alok_kpi_demand_peak": "Pasien rawat puncak",
    "alok_kpi_unplaced_peak": "Tidak tertampung (puncak)",
    "alok_kpi_days_short": "Hari dengan pasien tak tertampung",
    "alok_kpi_resources_short": "Sumber daya di bawah ambang",
    "alok_kpi_fewest_days": "Sisa hari tersedikit",
    "alok_err_wilayah_data": (
        "Wilayah {value} tidak punya data penduduk maupun data kasus untuk bobot "
        "kebutuhan; pakai --permintaan dengan kolom bobot."
    ),
    "alok_err_wilayah_fasilitas": (
        "Wilayah {value} tidak punya daftar fasilitas untuk kandidat lokasi; pakai "
        "--kandidat."
    ),
    "skn_kolom_tercakup": "Dalam jangkauan",
    "skn_lat": "Lintang (lat)",
    "skn_lon": "Bujur (lon)",
    "skn_angka_kosong": "Angka; kosongkan bila tidak diketahui.",
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
    "hsp_kpi_tested": "{level} diuji (dari {total})",
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


MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
)  # fmt: skip


# Times are stored in UTC and shown in the command center's own zone.
ZONE_LABELS = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
DEFAULT_ZONE = "Asia/Jakarta"


def local_time(value: object) -> str:
    """Return a stored UTC time as "06-10-2020 14:05 WIB" (zone: ``CC_TIMEZONE``).

    ``CC_TIMEZONE`` is an IANA zone (default Asia/Jakarta); naive values are
    taken as UTC. Missing values give "–".
    """
    if _is_missing(value):
        return "–"
    shown, label = _in_local_zone(value)
    return f"{shown:%d-%m-%Y %H:%M} {label}"


def local_long_time(value: object) -> str:
    """Return a stored UTC time for a sentence: "6 Oktober 2020, 14.05 WIB"."""
    if _is_missing(value):
        return "–"
    shown, label = _in_local_zone(value)
    return f"{long_date(shown)}, {shown:%H.%M} {label}"


@functools.lru_cache(maxsize=8)
def command_center_zone(setting: str) -> str:
    """Return the IANA zone a ``CC_TIMEZONE`` value names (default Asia/Jakarta).

    Blanks and case are forgiven and WIB, WITA and WIT name their zones; an
    unknown name is logged once and gives UTC, rather than a guessed zone.
    """
    wanted = setting.strip() or DEFAULT_ZONE
    by_label = {label.lower(): zone for zone, label in ZONE_LABELS.items()}
    if wanted.lower() in by_label:
        return by_label[wanted.lower()]
    try:
        zoneinfo.ZoneInfo(wanted)
        return wanted
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        pass
    # a tenth of a second: only for a name not spelt as the tz database does
    known = {zone.lower(): zone for zone in zoneinfo.available_timezones()}
    if wanted.lower() in known:
        return known[wanted.lower()]
    logger.warning("unknown CC_TIMEZONE %r; times shown in UTC", setting)
    return "UTC"


def utc_now() -> pd.Timestamp:
    """Return the current time in UTC (the one clock the product reads)."""
    return pd.Timestamp.now(tz="UTC")


def local_today() -> pd.Timestamp:
    """Return today in the command center's zone (``CC_TIMEZONE``), as midnight.

    Not the server's own day: on a server kept in UTC, 06:00 WIB on 5 October
    is still 4 October.
    """
    return local_day(utc_now())


def local_day(value: object) -> pd.Timestamp:
    """Return the command center's calendar day of a stored UTC time, as midnight.

    An edit at 23:30 UTC on 6 October is on 7 October in WIB; a bare date (a
    file's "diperbarui") stays that date.
    """
    shown, _ = _in_local_zone(value)
    return pd.Timestamp(shown.date())


def _in_local_zone(value: object) -> tuple[pd.Timestamp, str]:
    zone = command_center_zone(os.environ.get("CC_TIMEZONE", ""))
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize("UTC")
    return stamp.tz_convert(zone), ZONE_LABELS.get(zone, zone)


def long_date(value: object) -> str:
    """Return a date as people write it in Indonesian: "6 Oktober 2020"."""
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {MONTHS[stamp.month - 1]} {stamp.year}"


def dates_text(dates: list, most: int = 12) -> str:
    """Return the data dates in words: all of them when few, else the span."""
    if not dates:
        return "–"
    if len(dates) <= most:
        return ", ".join(long_date(date) for date in dates)
    return f"{long_date(dates[0])} sampai {long_date(dates[-1])} ({len(dates)} tanggal)"


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
