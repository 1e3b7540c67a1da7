"""Words the intake recognises: column names, statuses, kinds, personal columns.

Column names are compared after reduction to lower case with "_" for any run of
other characters ("Tanggal Lahir" -> "tanggal_lahir"); the first synonym found
wins, in the order listed.
"""

from __future__ import annotations

import re

CASE_COLUMNS: tuple[str, ...] = ("positif", "dirawat", "isolasi", "sembuh", "meninggal")
STATUS_COLUMNS: tuple[str, ...] = ("dirawat", "isolasi", "sembuh", "meninggal")
CAPACITY_COLUMNS: tuple[str, ...] = (
    "tempat_tidur",
    "tempat_tidur_isolasi",
    "icu",
    "ventilator",
)
RESOURCE_KINDS: tuple[str, ...] = (
    "ambulans",
    "tim lapangan",
    "kit tes",
    "APD",
    "dosis vaksin",
    "paket bantuan",
)
SPLIT_CODE_COLUMNS = ("kode_prov", "kode_kab", "kode_kec", "kode_kel")
OCCUPANCY_COLUMNS: tuple[str, ...] = (
    "terisi_isolasi",
    "terisi_icu",
    "terisi_ventilator",
)
# The stored facility capacity each occupancy count must not exceed.
OCCUPANCY_CAPACITY: dict[str, str] = {
    "terisi_isolasi": "tempat_tidur_isolasi",
    "terisi_icu": "tempat_tidur_icu",
    "terisi_ventilator": "ventilator",
}

# fmt: off
SYNONYMS: dict[str, tuple[str, ...]] = {
    "kode": ("kode", "kode_kelurahan", "kode_kel_full", "kode_desa", "kode_wilayah",
        "kode_kemendagri", "id_kel", "id_kelurahan", "kdkel", "kode_bps",),
    "nama_kelurahan": ("nama_kelurahan", "kelurahan", "nama_kel", "desa", "nama_desa",
        "desa_kelurahan", "kelurahan_desa", "wilayah", "keterangan",),
    "kecamatan": ("nama_kecamatan", "kecamatan", "nama_kec", "kec",),
    "tanggal": ("tanggal", "tgl", "date", "tanggal_data", "tanggal_laporan",
        "tanggal_konfirmasi", "tgl_konfirmasi", "tanggal_positif", "tanggal_update",
        "date_update", "scrape_date", "periode",),
    "positif": ("positif", "total_positif", "konfirmasi", "kasus_positif",
        "terkonfirmasi", "positif_kumulatif", "kasus_baru", "positif_baru",
        "jumlah_kasus",),
    "dirawat": ("dirawat", "positif_dirawat", "perawatan", "dirawat_rs",),
    "isolasi": ("isolasi", "self_isolation", "isolasi_mandiri", "positif_isolasi",
        "isoman",),
    "sembuh": ("sembuh", "positif_sembuh",),
    "meninggal": ("meninggal", "positif_meninggal", "wafat",),
    "status": ("status", "status_pasien", "kondisi", "keadaan", "status_akhir",),
    "nama": ("nama", "nama_fasilitas", "facility", "nama_faskes",
        "nama_rs", "name",),
    "jenis": ("jenis", "jenis_fasilitas", "type", "tipe", "kategori", "sumber_daya",),
    "alamat": ("alamat", "address", "address_as_given", "alamat_fasilitas",),
    "kelurahan_alamat": ("kelurahan_alamat", "kelurahan_in_address",),
    "diperbarui": ("diperbarui", "tanggal_diperbarui", "updated_at", "pembaruan",),
    "status_data": ("status", "status_data",),
    "sumber": ("sumber", "source", "source_id",),
    "lat": ("lat", "latitude", "lintang", "y",),
    "lon": ("lon", "lng", "long", "longitude", "bujur", "x",),
    "tempat_tidur": ("tempat_tidur", "tt", "beds", "jumlah_tempat_tidur",),
    "tempat_tidur_isolasi": ("tempat_tidur_isolasi", "tt_isolasi", "bed_isolasi",
        "isolasi_tt",),
    "icu": ("icu", "tt_icu", "bed_icu", "tempat_tidur_icu",),
    "ventilator": ("ventilator", "jumlah_ventilator",),
    "jumlah": ("jumlah", "qty", "quantity", "kuantitas", "stok", "banyaknya",),
    "fasilitas": ("fasilitas_asal", "fasilitas", "home_facility", "pangkalan", "posko",
        "lokasi",),
    "penduduk": ("penduduk", "jumlah_penduduk", "populasi", "jumlah_jiwa", "jiwa",
        "population",),
    "fasilitas_okupansi": ("fasilitas", "nama_fasilitas", "nama_faskes", "faskes",
        "nama_rs", "rumah_sakit", "nama", "facility", "name",),
    "facility_id": ("facility_id", "id_fasilitas", "id_faskes", "id",),
    "terisi_isolasi": ("terisi_isolasi", "isolasi_terisi", "tt_isolasi_terisi",
        "bed_isolasi_terisi", "keterisian_isolasi",),
    "terisi_icu": ("terisi_icu", "icu_terisi", "tt_icu_terisi", "bed_icu_terisi",
        "keterisian_icu",),
    "terisi_ventilator": ("terisi_ventilator", "ventilator_terisi",
        "ventilator_terpakai", "ventilator_dipakai",),
    "nik": ("nik", "no_nik", "nomor_nik", "no_ktp", "nomor_ktp", "ktp",),
}

PERSONAL_ALWAYS = frozenset(
    {
        "nik", "no_nik", "nomor_nik", "ktp", "no_ktp", "nomor_ktp", "no_kk",
        "nomor_kk", "no_hp", "nomor_hp", "hp", "handphone", "telepon", "telp",
        "no_telp", "no_telepon", "nomor_telepon", "phone", "telephone", "no_wa",
        "whatsapp", "email", "e_mail", "tanggal_lahir", "tgl_lahir", "tempat_lahir",
        "ttl", "tempat_tanggal_lahir", "date_of_birth", "dob", "user_pic", "pic",
        "nama_pasien", "nama_lengkap", "nama_pelapor", "nama_petugas", "nama_ibu",
        "nama_ayah", "nama_kk", "alamat_rumah", "alamat_domisili", "alamat_ktp", "rt",
        "rw", "rt_rw",
    }
)
PERSONAL_LINE_LIST = frozenset(
    {
        "nama", "name", "alamat", "address", "alamat_lengkap",
    }
)

STATUS_WORDS: dict[str, str] = {
    "positif": "positif", "konfirmasi": "positif", "terkonfirmasi": "positif",
    "aktif": "positif", "dirawat": "dirawat", "dirawatdirs": "dirawat",
    "rawatinap": "dirawat", "perawatan": "dirawat", "perawatanrs": "dirawat",
    "isolasi": "isolasi", "isolasimandiri": "isolasi", "isoman": "isolasi",
    "selfisolation": "isolasi", "isolasidirumah": "isolasi", "sembuh": "sembuh",
    "selesaiisolasi": "sembuh", "meninggal": "meninggal",
    "meninggaldunia": "meninggal", "wafat": "meninggal",
}
RESOURCE_WORDS: dict[str, str] = {
    "ambulans": "ambulans", "ambulan": "ambulans", "ambulance": "ambulans",
    "timlapangan": "tim lapangan", "tim": "tim lapangan", "timmedis": "tim lapangan",
    "timtracing": "tim lapangan", "kittes": "kit tes", "kit": "kit tes",
    "testkit": "kit tes", "rapidtest": "kit tes", "alattes": "kit tes", "apd": "APD",
    "ppe": "APD", "alatpelindungdiri": "APD", "dosisvaksin": "dosis vaksin",
    "vaksin": "dosis vaksin", "vaccine": "dosis vaksin",
    "paketbantuan": "paket bantuan", "bantuan": "paket bantuan",
    "sembako": "paket bantuan",
}
FACILITY_KINDS: dict[str, str] = {
    "rs": "RS", "rsud": "RS", "rsu": "RS", "rumahsakit": "RS", "hospital": "RS",
    "pkm": "Puskesmas", "puskesmas": "Puskesmas", "pustu": "Puskesmas Pembantu",
    "puskesmaspembantu": "Puskesmas Pembantu", "klinik": "Klinik", "clinic": "Klinik",
}
# fmt: on
NO_KELURAHAN_LABEL = re.compile(
    r"^(BELUM DIKETAHUI|TIDAK DIKETAHUI|LUAR\b.*|PROSES UPDATE.*|TANPA "
    r"(KELURAHAN|ALAMAT|KODE).*|LAIN[- ]?LAIN|LAINNYA)$"
)
