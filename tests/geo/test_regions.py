from __future__ import annotations

import json

import pytest

from geo import regions
from geo.errors import GeoInputError


def test_bundled_packs_default_first():
    packs = regions.list_packs()
    assert [pack.kode for pack in packs][:2] == ["33.71", "31"]
    assert packs[0].is_default
    assert regions.default_pack().nama == "Kota Magelang"


def test_magelang_and_jakarta_kelurahan_counts(magelang, jakarta):
    assert len(magelang.kelurahan) == 17
    assert magelang.kelurahan["nama_kecamatan"].nunique() == 3
    assert len(jakarta.kelurahan) == 267
    assert magelang.population is None
    assert jakarta.population.sum() == pytest.approx(11_011_862, abs=0.5)


def test_unknown_region_lists_the_choices():
    with pytest.raises(GeoInputError, match=r"Wilayah '99' tidak dikenal.*33\.71"):
        regions.load_region("99")


def test_adding_a_region_is_adding_a_folder(tmp_path, magelang):
    folder = tmp_path / "uji"
    folder.mkdir()
    (folder / "kelurahan.geojson").write_bytes(
        magelang.pack.kelurahan_file.read_bytes()
    )
    manifest = {"kode": "99.99", "nama": "Kota Uji", "metric_crs": "EPSG:32749",
                "kelurahan": "kelurahan.geojson"}  # fmt: skip
    (folder / "region.json").write_text(json.dumps(manifest), encoding="utf-8")
    region = regions.load_region("99.99", data_dir=tmp_path)
    assert len(region.kelurahan) == 17
    assert region.cases.empty
    assert region.facilities is None


def test_broken_manifest_is_explained(tmp_path):
    (tmp_path / "rusak").mkdir()
    (tmp_path / "rusak" / "region.json").write_text("{", encoding="utf-8")
    with pytest.raises(GeoInputError, match="rusak"):
        regions.list_packs(tmp_path)
