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
        "{count} titik permintaan tidak terhubung ke kandidat mana pun di "
        "jaringan jalan ({names}). Hubungkan titik itu ke jaringan atau beri "
        "bobot 0."
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
        "Koordinat {what} '{id}' tidak valid ({x}, {y}); {count} baris "
        "bermasalah. Periksa apakah lintang dan bujur tertukar."
    ),
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
    "alok_note_jaringan": "Jarak tempuh diukur sepanjang jaringan jalan.",
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
    "alok_berkas_bobot": "berkas bobot",
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
    "alok_cli_wilayah": "kode wilayah (belum tersambung; pakai berkas)",
    "alok_cli_permintaan": "CSV id,lat,lon,bobot atau id,x,y,bobot (dengan --crs)",
    "alok_cli_kandidat": "CSV id,lat,lon[,kapasitas,tetap] atau id,x,y,...",
    "alok_cli_crs": "CRS meter untuk kolom x,y, misalnya EPSG:32749",
    "alok_cli_faktor": "faktor belok: jarak jalan ÷ jarak garis lurus",
    "alok_cli_kecepatan": "kecepatan rata-rata dalam km/jam",
    "alok_err_berkas_perlu": "Berkas {what} perlu diisi.",
    "alok_err_berkas": "Berkas {what} '{path}' tidak ditemukan. Periksa jalurnya.",
    "alok_err_berkas_baca": (
        "Berkas {what} '{path}' tidak terbaca sebagai CSV UTF-8 dengan baris judul."
    ),
    "alok_err_berkas_kosong": "Berkas {what} '{path}' tidak berisi baris data.",
    "alok_err_wilayah": (
        "Mode --wilayah {value} belum tersambung ke paket wilayah; pakai "
        "--permintaan dan --kandidat."
    ),
    "alok_note_kapasitas_diabaikan": (
        "Kolom kapasitas tidak dipakai oleh model {model}; pilih p-median atau "
        "LSCP untuk memakai kapasitas."
    ),
    "alok_cli_judul_distribusi": "Pembagian {stock} unit:",
    "alok_cli_model": "Model: {model}",
    "alok_cli_solver": "Solver: {solver}, {status} ({seconds} detik)",
    "alok_cli_terpilih": "Lokasi terpilih ({count}): {names}",
    "alok_cli_tercakup": (
        "Tercakup dalam {radius} {unit}: {covered} dari {total} ({pct} %)"
    ),
    "alok_cli_tempuh": "Tempuh rata-rata {mean} {unit}, terjauh {worst} {unit}",
    "alok_cli_penugasan": "Penugasan titik permintaan:",
    "alok_cli_catatan": "Catatan:",
    "alok_cli_rujukan": (
        "Pasien {demand}: mendapat tempat {placed}, tidak tertampung {unplaced}"
    ),
    "alok_cli_rs": "  {name}: {placed} dari {capacity} tempat tidur",
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
