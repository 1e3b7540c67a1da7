from __future__ import annotations

import pandas as pd
import pytest

from geo import facilities
from geo.crs import UTM_48S
from geo.errors import GeoInputError


def _listing(text: str, tmp_path) -> pd.DataFrame:
    path = tmp_path / "fasilitas.csv"
    path.write_text(text, encoding="utf-8")
    return facilities.read_facility_listing(path)


def test_magelang_wrong_sign_latitude_is_flagged_not_corrected(magelang):
    table = magelang.facilities.table.set_index("nama")
    row = table.loc["Puskesmas Magelang Tengah"]
    assert not row["is_valid"]
    assert "tanda lintang salah" in row["masalah"]
    assert row["lat"] == pytest.approx(7.466413, abs=1e-9)  # value kept as given


def test_magelang_address_kelurahan_mismatch_is_flagged(magelang):
    table = magelang.facilities.table.set_index("nama")
    for name in ("RS Harapan Magelang", "Puskesmas Jurangombo"):
        assert not table.loc[name, "is_valid"]
        assert (
            "alamat menyebut kelurahan Jurangombo Utara" in table.loc[name, "masalah"]
        )


def test_magelang_duplicates_from_several_sources_are_kept_once(magelang):
    valid = magelang.facilities.valid
    assert valid["nama"].str.contains("tidar", case=False).sum() == 1
    assert valid["nama"].str.contains("soerojo", case=False).sum() == 1
    assert valid["nama"].str.contains("soedjono", case=False).sum() == 1
    table = magelang.facilities.table.set_index("nama")
    assert (
        "duplikat dari RSUD TIDAR KOTA MAGELANG"
        in table.loc["RSUD Tidar Magelang", "masalah"]
    )
    assert len(valid) == 15
    assert magelang.facilities.flagged["masalah"].str.len().gt(0).all()


def test_field_report_f05_outside_and_swapped_points(jakarta, tmp_path):
    listing = _listing(
        "nama,jenis,lat,lon,tempat_tidur\n"
        "RS Uji A,RS,-6.1862,106.8106,120\n"
        "Puskesmas Uji B,PKM,-6.2297,106.8660,0\n"
        "RS Uji C,RS,-0.0263,109.3425,80\n"
        "Puskesmas Uji D,PKM,106.8456,-6.2000,0\n",
        tmp_path,
    )
    check = facilities.check_facilities(listing, jakarta.kelurahan, UTM_48S)
    verdict = check.table.set_index("nama")
    assert verdict["is_valid"].to_dict() == {
        "RS Uji A": True,
        "Puskesmas Uji B": True,
        "RS Uji C": False,
        "Puskesmas Uji D": False,
    }
    assert "di luar batas wilayah" in verdict.loc["RS Uji C", "masalah"]
    assert "koordinat tidak valid" in verdict.loc["Puskesmas Uji D", "masalah"]
    assert "tertukar" in verdict.loc["Puskesmas Uji D", "masalah"]
    beds = pd.to_numeric(check.valid["tempat_tidur"]).sum()
    assert beds == 120
    assert any("80 tempat tidur" in note for note in check.notes)


def test_unreadable_coordinates_do_not_crash(magelang, tmp_path):
    listing = _listing("nama,jenis,lat,lon\nRS X,RS,,\nRS Y,RS,abc,110.2\n", tmp_path)
    check = facilities.check_facilities(listing, magelang.kelurahan, "EPSG:32749")
    assert not check.table["is_valid"].any()
    assert set(check.table["masalah"]) == {"koordinat kosong atau tidak terbaca"}


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("hospital (RSUD)", "RS"),
        ("puskesmas pembantu", "Puskesmas Pembantu"),
        ("PKM", "Puskesmas"),
        ("Klinik Pratama", "Klinik"),
    ],
    ids=["rsud", "pustu", "pkm", "klinik"],
)
def test_facility_type(label, expected):
    assert facilities.facility_type(label) == expected


def test_listing_without_coordinates_column_is_refused(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("nama,jenis\nRS,RS\n", encoding="utf-8")
    with pytest.raises(GeoInputError, match="tidak punya kolom lat, lon"):
        facilities.read_facility_listing(path)
