"""Tests of the store: migrations, one-transaction imports, reads, edits, scenarios."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import importlib.util
import io
import os
import re
import sqlite3
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateIndex, CreateTable

from geo import store
from geo import store_models as tables
from geo.errors import GeoInputError
from geo.text import TEXT

ROOT = Path(__file__).resolve().parents[2]
MAGELANG = ROOT / "data" / "magelang"
REGION = "33.71"
K1, K2 = "33.71.01.1001", "33.71.01.1002"
WHO = "Petugas Uji"


def _sha(label: str) -> str:
    """A stand-in SHA-256 for a file called ``label``."""
    return hashlib.sha256(label.encode()).hexdigest()


@pytest.fixture
def engine(tmp_path):
    """A migrated empty store: SQLite in tmp_path, or CC_TEST_DATABASE_URL if set.

    ``CC_TEST_DATABASE_URL=postgresql+psycopg://...`` runs this suite on a
    PostgreSQL server (emptied after each test) to check portability.
    """
    shared_url = os.environ.get("CC_TEST_DATABASE_URL")
    engine = store.open_store(shared_url or f"sqlite:///{tmp_path / 'cc.sqlite'}")
    yield engine
    if shared_url:
        store.downgrade(engine, "base")
    engine.dispose()


@pytest.fixture
def two_kelurahan() -> gpd.GeoDataFrame:
    """Two 0.01-degree squares side by side near Magelang (K1 west, K2 east)."""
    return gpd.GeoDataFrame(
        {
            "kode": [K1, K2],
            "nama": ["Barat", "Timur"],
            "kode_kecamatan": ["33.71.01", "33.71.01"],
            "nama_kecamatan": ["Uji", "Uji"],
            "kode_kabkota": [REGION, REGION],
            "nama_kabkota": ["Kota Uji", "Kota Uji"],
        },
        geometry=[
            shapely.box(110.20, -7.50, 110.21, -7.49),
            shapely.box(110.21, -7.50, 110.22, -7.49),
        ],
        crs="EPSG:4326",
    )


@pytest.fixture
def region(engine, two_kelurahan):
    store.save_region(engine, REGION, "Kota Uji", "EPSG:32749", who=WHO)
    _import_boundaries(engine, two_kelurahan)
    return engine


def _import_boundaries(engine, layer: gpd.GeoDataFrame):
    return store.write_import(
        engine,
        "batas",
        REGION,
        layer,
        pd.DataFrame(),
        who=WHO,
        file_name="batas.geojson",
        file_sha256=_sha("0"),
    )


def _cases(positif: list[int], tanggal: str = "2020-10-01") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kode": pd.array([K1, K2, None][: len(positif)], dtype="string"),
            "keterangan": pd.array(
                [None, None, "BELUM DIKETAHUI"][: len(positif)], dtype="string"
            ),
            "tanggal": pd.to_datetime([tanggal] * len(positif)),
            "positif": pd.array(positif, dtype="Int64"),
            "dirawat": pd.array([1] * len(positif), dtype="Int64"),
        }
    )


def _problems() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row": [5, 5, 7],
            "column": ["positif", "tanggal", "kelurahan"],
            "value": ["1,5", "31/02/2020", "Kedungsarii"],
            "reason": [
                "baris 5: jumlah pecahan",
                "baris 5: tanggal tidak ada",
                "baris 7: kelurahan 'Kedungsarii' tidak dikenal; mungkin 'Kedungsari'?",
            ],
            "kelurahan": ["Barat", "Barat", "Kedungsarii"],
            "positif": ["1,5", "1,5", "4"],
        }
    )


def _import_cases(engine, frame, letter, quarantined=None):
    return store.write_import(
        engine,
        "kasus",
        REGION,
        frame,
        pd.DataFrame() if quarantined is None else quarantined,
        who=WHO,
        file_name=f"kasus_{letter}.csv",
        file_sha256=_sha(letter),
    )


def _snapshot(engine) -> dict[str, list[tuple]]:
    """Every row of every table, for comparing the whole store before and after."""
    with Session(engine) as session:
        return {
            table.name: sorted(
                (tuple(map(str, row)) for row in session.execute(select(table))),
            )
            for table in tables.Base.metadata.sorted_tables
        }


def test_open_store_creates_data_dir_with_wal_and_foreign_keys(tmp_path, monkeypatch):
    data_dir = tmp_path / "nested" / "var"
    monkeypatch.setenv("CC_DATA_DIR", str(data_dir))
    monkeypatch.delenv("CC_DATABASE_URL", raising=False)

    engine = store.open_store()

    assert (data_dir / "cc.sqlite").is_file()
    assert store.schema_revision(engine) == "0002_facility_listing"
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_database_url_env_wins_over_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CC_DATA_DIR", str(tmp_path / "unused"))
    monkeypatch.setenv("CC_DATABASE_URL", f"sqlite:///{tmp_path / 'other.sqlite'}")

    store.open_store()

    assert (tmp_path / "other.sqlite").is_file()
    assert not (tmp_path / "unused").exists()


def test_the_data_version_moves_with_each_write_and_only_then(engine, two_kelurahan):
    empty = store.data_version(engine)
    store.save_region(engine, REGION, "Kota Uji", "EPSG:32749", who=WHO)
    with_region = store.data_version(engine)
    _import_boundaries(engine, two_kelurahan)
    with_boundaries = store.data_version(engine)
    _import_cases(engine, _cases([3, 4]), "a")
    with_cases = store.data_version(engine)

    assert len({empty, with_region, with_boundaries, with_cases}) == 4
    assert store.data_version(engine) == with_cases  # reading changes nothing


def test_migrated_schema_matches_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, tables.Base.metadata) == []


def test_downgrade_to_empty_then_upgrade_again(engine):
    store.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}

    store.migrate(engine)

    names = set(inspect(engine).get_table_names())
    assert set(tables.Base.metadata.tables) <= names
    assert store.schema_revision(engine) == "0002_facility_listing"


def test_schema_and_migration_render_for_postgresql():
    dialect = postgresql.dialect()
    for table in tables.Base.metadata.sorted_tables:
        CreateTable(table).compile(dialect=dialect)
        for index in table.indexes:
            CreateIndex(index).compile(dialect=dialect)

    buffer = io.StringIO()
    config = Config(output_buffer=buffer)
    config.set_main_option("script_location", str(store.MIGRATIONS_DIR))
    config.attributes["dialect_name"] = "postgresql"
    command.upgrade(config, "head", sql=True)
    sql = buffer.getvalue()

    assert "CREATE TABLE case_count" in sql
    assert "WHERE is_adopted = true" in sql
    assert "AUTOINCREMENT" not in sql.upper()
    assert "PRAGMA" not in sql.upper()


def test_store_module_sends_no_handwritten_sql():
    source = (ROOT / "geo" / "store.py").read_text(encoding="utf-8")
    imported = {
        alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module == "sqlalchemy"
        for alias in node.names
    }

    assert not imported & {"text", "literal_column", "DDL"}
    # The only SQL text is the SQLite connection setup, applied on SQLite only.
    assert source.count("exec_driver_sql(") == 1
    assert 'exec_driver_sql("BEGIN")' in source
    assert source.count("PRAGMA") == 2


def test_case_import_writes_rows_batch_audit_and_quarantine(region):
    result = _import_cases(region, _cases([3, 5, 1]), "a", _problems())

    assert (result.rows_read, result.rows_accepted, result.rows_quarantined) == (
        5,
        3,
        2,
    )
    assert result.inserted == 3
    assert result.totals == {"positif": 9, "dirawat": 3}
    frame = store.case_counts(region, REGION)
    assert list(frame.columns) == [
        "kode",
        "keterangan",
        "tanggal",
        "positif",
        "dirawat",
        "isolasi",
        "sembuh",
        "meninggal",
    ]
    assert frame["kode"].dtype == "string"
    assert frame["positif"].dtype == "Int64"
    assert frame["tanggal"].dtype == "datetime64[ns]"
    assert frame["positif"].tolist() == [3, 5, 1]
    assert frame["kode"].isna().tolist() == [False, False, True]
    assert frame["keterangan"].iloc[2] == "BELUM DIKETAHUI"
    assert frame["isolasi"].isna().all()


def test_quarantined_rows_are_kept_and_ready_to_reimport(region):
    result = _import_cases(region, _cases([3]), "a", _problems())

    problems = store.quarantine(region, result.id)
    rows = store.quarantined_rows(region, result.id)

    assert problems["row"].tolist() == [5, 5, 7]
    assert problems["original"].iloc[2] == {"kelurahan": "Kedungsarii", "positif": "4"}
    assert rows.to_dict("records") == [
        {
            "kelurahan": "Barat",
            "positif": "1,5",
            "baris": 5,
            "alasan": "baris 5: jumlah pecahan; baris 5: tanggal tidak ada",
        },
        {
            "kelurahan": "Kedungsarii",
            "positif": "4",
            "baris": 7,
            "alasan": (
                "baris 7: kelurahan 'Kedungsarii' tidak dikenal; mungkin 'Kedungsari'?"
            ),
        },
    ]


def test_same_file_twice_changes_nothing(region):
    first = _import_cases(region, _cases([3, 5]), "a", _problems())
    before = _snapshot(region)

    again = _import_cases(region, _cases([3, 5]), "a", _problems())

    assert again.is_duplicate
    assert again.id == first.id
    assert again.inserted == 0
    assert "sudah diimpor" in again.notes[0]
    assert _snapshot(region) == before
    assert store.find_batch(region, "kasus", REGION, _sha("a")).id == first.id
    assert store.find_batch(region, "kasus", REGION, _sha("z")) is None
    # new case rows are traced by their batch_id; the log holds the import itself
    assert store.audit_log(region, batch_id=first.id)["action"].tolist() == ["import"]


def test_same_file_for_another_kind_is_a_new_batch(region):
    _import_cases(region, _cases([3]), "a")

    other = store.write_import(
        region,
        "penduduk",
        REGION,
        pd.DataFrame({"kode": [K1], "penduduk": [1200]}),
        pd.DataFrame(),
        who=WHO,
        file_name="kasus_a.csv",
        file_sha256=_sha("a"),
        sumber="Uji",
        as_of=dt.date(2019, 12, 31),
    )

    assert not other.is_duplicate


def test_reimport_replaces_values_and_logs_them(region):
    first = _import_cases(region, _cases([3, 5]), "a")

    second = _import_cases(region, _cases([4, 5]), "b")

    assert (second.inserted, second.replaced, second.unchanged) == (0, 1, 1)
    assert "menggantikan" in second.notes[0]
    assert store.case_counts(region, REGION)["positif"].tolist() == [4, 5]
    entries = store.audit_log(region, table_name="case_count")
    assert entries["record_id"].tolist() == [f"{K1}@2020-10-01"]
    assert entries["before"].iloc[0]["positif"] == 3
    assert entries["after"].iloc[0]["positif"] == 4
    assert entries["batch_id"].iloc[0] == second.id
    # each value remembers the batch that set it: K1 changed, K2 did not
    with Session(region) as session:
        batch_ids = dict(
            session.execute(
                select(tables.CaseCount.kode, tables.CaseCount.batch_id)
            ).all()
        )
    assert batch_ids == {K1: second.id, K2: first.id}


def test_failure_mid_import_leaves_store_unchanged(region, monkeypatch):
    _import_cases(region, _cases([3, 5]), "a")
    before = _snapshot(region)

    def fail_after_rows_written(*_args):
        raise RuntimeError("disk full (injected)")

    # Quarantine rows are written after the case rows, batch and replacements.
    monkeypatch.setattr(store, "_write_quarantine", fail_after_rows_written)
    with pytest.raises(RuntimeError, match="injected"):
        _import_cases(region, _cases([9, 9, 9], "2020-10-02"), "b", _problems())
    with pytest.raises(RuntimeError, match="injected"):
        _import_cases(region, _cases([7, 8]), "c", _problems())

    assert _snapshot(region) == before


def test_bad_row_mid_import_leaves_store_unchanged(region):
    before = _snapshot(region)
    frame = _cases([3, 5])
    frame["positif"] = pd.array([3, -1], dtype="Int64")

    with pytest.raises(GeoInputError, match="'positif' berisi -1 pada baris data ke-2"):
        _import_cases(region, frame, "a")

    assert _snapshot(region) == before


@pytest.mark.parametrize(
    ("kind", "frame", "message"),
    [
        ("kasus", _cases([3]).drop(columns="tanggal"), "tidak punya kolom tanggal"),
        ("kasus", pd.concat([_cases([3]), _cases([4])]), "2 baris ganda|1 baris ganda"),
        (
            "kasus",
            _cases([3]).assign(positif=[2.5]),
            "'positif' berisi 2.5 .*bilangan bulat",
        ),
        (
            "kasus",
            _cases([3]).assign(kode=pd.array([None], dtype="string")),
            "tanpa keterangan|maupun keterangan",
        ),
        ("bencana", _cases([3]), "Jenis impor 'bencana' tidak dikenal"),
    ],
    ids=["missing-column", "duplicate-key", "fraction", "no-place", "unknown-kind"],
)
def test_import_rejects_bad_frames(region, kind, frame, message):
    with pytest.raises(GeoInputError, match=message):
        store.write_import(
            region,
            kind,
            REGION,
            frame,
            pd.DataFrame(),
            who=WHO,
            file_name="x.csv",
            file_sha256=_sha("x"),
        )


def test_import_needs_known_region_and_a_name(engine):
    with pytest.raises(GeoInputError, match="Wilayah '99.99' belum ada"):
        store.write_import(
            engine,
            "kasus",
            "99.99",
            _cases([1]),
            pd.DataFrame(),
            who=WHO,
            file_name="x.csv",
            file_sha256=_sha("x"),
        )
    with pytest.raises(GeoInputError, match="Nama pengguna masih kosong"):
        store.write_import(
            engine,
            "kasus",
            REGION,
            _cases([1]),
            pd.DataFrame(),
            who="  ",
            file_name="x.csv",
            file_sha256=_sha("x"),
        )


def test_rows_read_must_add_up(region):
    with pytest.raises(ValueError, match="must equal"):
        store.write_import(
            region,
            "kasus",
            REGION,
            _cases([1]),
            _problems(),
            who=WHO,
            file_name="x.csv",
            file_sha256=_sha("x"),
            rows_read=10,
        )


def _facilities() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "nama": ["RS Uji A", "Puskesmas Uji B"],
            "jenis": ["RS", "Puskesmas"],
            "alamat": ["Jl. Uji 1", None],
            "sumber": ["daftar uji", "daftar uji"],
            "lat": [-7.495, -7.495],
            "lon": [110.205, 110.215],
            "tempat_tidur_isolasi": pd.array([120, 0], dtype="Int64"),
            "is_valid": [True, True],
            "masalah": ["", ""],
        }
    )


def _import_facilities(engine, frame, letter="f"):
    return store.write_import(
        engine,
        "fasilitas",
        REGION,
        frame,
        pd.DataFrame(),
        who=WHO,
        file_name=f"fasilitas_{letter}.csv",
        file_sha256=_sha(letter),
    )


def test_facility_import_and_reader_shape(region):
    _import_facilities(region, _facilities())

    layer = store.facilities(region, REGION)

    assert layer.crs == "EPSG:4326"
    assert layer["nama"].tolist() == ["Puskesmas Uji B", "RS Uji A"]
    assert layer["tempat_tidur_isolasi"].tolist() == [0, 120]
    assert layer["tempat_tidur_icu"].isna().all()
    assert layer["is_valid"].all()
    assert not layer["is_example"].any()
    # coordinates are stored as given: exact round trip of the doubles
    assert layer.geometry.iloc[1].x == pytest.approx(110.205, abs=1e-12)


@pytest.mark.parametrize(
    ("lat", "lon", "message"),
    [
        (-0.0263, 109.3425, "di luar wilayah"),
        (110.2, -7.49, "Mungkin lat dan lon tertukar"),
        (7.495, 110.205, "di luar wilayah"),
    ],
    ids=["kalimantan", "swapped", "wrong-sign"],
)
def test_facility_outside_region_is_refused(region, lat, lon, message):
    frame = _facilities().iloc[:1].assign(lat=[lat], lon=[lon])

    with pytest.raises(GeoInputError, match=message):
        _import_facilities(region, frame)

    assert store.facilities(region, REGION).empty


def test_facility_flagged_invalid_is_refused(region):
    frame = _facilities().assign(is_valid=[True, False])

    with pytest.raises(GeoInputError, match="ditandai tidak valid"):
        _import_facilities(region, frame)


def test_facility_reimport_updates_by_name(region):
    _import_facilities(region, _facilities(), "f")
    frame = _facilities().assign(tempat_tidur_isolasi=[150, 0])

    result = _import_facilities(region, frame, "g")

    assert (result.inserted, result.replaced, result.unchanged) == (0, 1, 1)
    entry = store.audit_log(region, table_name="facility").iloc[0]
    assert entry["action"] == "replace"
    assert entry["before"]["tempat_tidur_isolasi"] == 120
    assert entry["after"]["tempat_tidur_isolasi"] == 150


def test_update_facility_logs_before_and_after(region):
    _import_facilities(region, _facilities())
    facility_id = int(store.facilities(region, REGION)["id"].iloc[1])

    after = store.update_facility(
        region, facility_id, {"tempat_tidur_icu": 8, "lat": -7.496}, "Dokter Jaga"
    )

    assert after["tempat_tidur_icu"] == 8
    entry = store.audit_log(region, table_name="facility", record_id=facility_id)
    assert entry["who"].iloc[0] == "Dokter Jaga"
    assert entry["before"].iloc[0]["tempat_tidur_icu"] is None
    assert entry["after"].iloc[0]["lat"] == pytest.approx(-7.496, abs=1e-12)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"warna": "merah"}, "Kolom 'warna' tidak dapat diubah"),
        ({"ventilator": 1.5}, "'ventilator' berisi 1.5"),
        ({"lat": -6.2, "lon": 106.8}, "di luar wilayah"),
    ],
    ids=["unknown-field", "fraction", "outside"],
)
def test_update_facility_rejects_bad_changes(region, changes, message):
    _import_facilities(region, _facilities())
    facility_id = int(store.facilities(region, REGION)["id"].iloc[0])
    entries_before = len(store.audit_log(region))

    with pytest.raises(GeoInputError, match=message):
        store.update_facility(region, facility_id, changes, WHO)

    assert len(store.audit_log(region)) == entries_before


def test_update_without_change_writes_no_audit(region):
    _import_facilities(region, _facilities())
    facility_id = int(store.facilities(region, REGION)["id"].iloc[0])
    entries_before = len(store.audit_log(region))

    store.update_facility(region, facility_id, {"jenis": "Puskesmas"}, WHO)

    assert len(store.audit_log(region)) == entries_before


def _magelang_store(engine) -> None:
    layer = gpd.read_file(MAGELANG / "kelurahan.geojson")
    store.save_region(engine, REGION, "Kota Magelang", "EPSG:32749", who=WHO)
    store.write_import(
        engine,
        "batas",
        REGION,
        layer,
        pd.DataFrame(),
        who=WHO,
        file_name="kelurahan.geojson",
        file_sha256=_sha("k"),
    )


def test_example_resources_import_labelled_contoh(engine):
    _magelang_store(engine)
    hospital = pd.DataFrame(
        {
            "nama": ["RSUD TIDAR KOTA MAGELANG"],
            "jenis": ["RS"],
            "lat": [-7.485396],
            "lon": [110.218277],
        }
    )
    _import_facilities(engine, hospital)
    examples = pd.read_csv(MAGELANG / "example_resources.csv", dtype=str)

    result = store.write_import(
        engine,
        "sumber-daya",
        REGION,
        examples,
        pd.DataFrame(),
        who="paket wilayah",
        file_name="example_resources.csv",
        file_sha256=_sha("e"),
    )

    layer = store.resources(engine, REGION)
    assert result.inserted == len(examples) == len(layer)
    assert layer["is_example"].all()
    assert set(layer["keterangan"]) == {"contoh"}
    assert set(layer["jenis"]) == set(store.RESOURCE_KINDS)
    assert layer.geometry.notna().all()
    tidar = layer[layer["nama"] == "Ambulans RSUD TIDAR KOTA MAGELANG"].iloc[0]
    assert tidar["nama_fasilitas"] == "RSUD TIDAR KOTA MAGELANG"
    assert tidar["label"] == "Ambulans"
    assert layer["updated_at"].iloc[0] == pd.Timestamp("2020-10-06")
    # four ambulances name hospitals not imported here: placed by their own point
    assert sum("tidak ditemukan" in note for note in result.notes) == 4


def test_own_resources_replace_the_examples(engine):
    _magelang_store(engine)
    examples = pd.read_csv(MAGELANG / "example_resources.csv", dtype=str)
    store.write_import(
        engine,
        "sumber-daya",
        REGION,
        examples,
        pd.DataFrame(),
        who=WHO,
        file_name="example_resources.csv",
        file_sha256=_sha("e"),
    )
    own = pd.DataFrame(
        {
            "jenis": ["Ambulans", "Kit tes"],
            "nama": ["Ambulans Dinkes 1", "Gudang Dinkes"],
            "jumlah": [2, 1500],
            "lat": [-7.48, -7.47],
            "lon": [110.218, 110.222],
        }
    )

    result = store.write_import(
        engine,
        "sumber-daya",
        REGION,
        own,
        pd.DataFrame(),
        who=WHO,
        file_name="sumber_daya.xlsx",
        file_sha256=_sha("s"),
    )

    layer = store.resources(engine, REGION)
    assert (result.inserted, result.removed) == (2, len(examples))
    assert any("contoh dihapus" in note for note in result.notes)
    assert layer["jenis"].tolist() == ["ambulans", "kit_tes"]
    assert not layer["is_example"].any()
    deleted = store.audit_log(engine, table_name="resource").query("action == 'delete'")
    assert len(deleted) == len(examples)


def test_resource_imports_log_the_date_of_each_count(engine):
    _magelang_store(engine)
    examples = pd.read_csv(MAGELANG / "example_resources.csv", dtype=str)
    recounted = examples.head(1).assign(jumlah="5", diperbarui="2020-10-08")
    for name, frame in (("e", examples), ("r", recounted)):
        store.write_import(
            engine,
            "sumber-daya",
            REGION,
            frame,
            pd.DataFrame(),
            who=WHO,
            file_name=f"{name}.csv",
            file_sha256=_sha(name),
        )

    # the log keeps when each count was made, not only when it was imported
    replaced = store.audit_log(engine, table_name="resource").iloc[0]
    assert replaced["action"] == "replace"
    assert replaced["before"]["updated_at"] == "2020-10-06T00:00:00"
    assert replaced["after"]["updated_at"] == "2020-10-08T00:00:00"
    assert replaced["after"]["jumlah"] == 5


def test_resource_edits_are_audited(region):
    _import_facilities(region, _facilities())
    facility_id = int(store.facilities(region, REGION)["id"].iloc[1])

    resource_id = store.add_resource(
        region,
        REGION,
        {
            "jenis": "ambulans",
            "nama": "Ambulans 1",
            "jumlah": 2,
            "facility_id": facility_id,
        },
        WHO,
    )
    store.update_resource(region, resource_id, {"jumlah": 3}, WHO)
    placed = store.resources(region, REGION).iloc[0]
    store.delete_resource(region, resource_id, WHO)

    # an unplaced resource stands at its facility
    assert placed["lon"] == pytest.approx(110.205, abs=1e-12)
    assert store.resources(region, REGION).empty
    entries = store.audit_log(region, table_name="resource", record_id=resource_id)
    assert entries["action"].tolist() == ["delete", "update", "insert"]
    assert entries["before"].iloc[1]["jumlah"] == 2
    assert entries["after"].iloc[1]["jumlah"] == 3


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"jenis": "helikopter", "nama": "H", "jumlah": 1},
            "'helikopter' tidak dikenal",
        ),
        ({"jenis": "apd", "nama": "Stok", "jumlah": 5}, "tidak punya koordinat"),
        (
            {"jenis": "apd", "nama": "Stok", "jumlah": 5, "lat": -7.495},
            "hanya terisi sebagian",
        ),
        ({"jenis": "apd", "nama": "Stok", "jumlah": 5, "facility_id": 999}, "999"),
    ],
    ids=["unknown-kind", "no-position", "half-position", "unknown-facility"],
)
def test_add_resource_rejects_bad_values(region, values, message):
    with pytest.raises(GeoInputError, match=message):
        store.add_resource(region, REGION, values, WHO)


def test_population_newest_per_kelurahan(region):
    def import_population(persons, as_of, letter):
        return store.write_import(
            region,
            "penduduk",
            REGION,
            pd.DataFrame({"kode": [K1, K2], "penduduk": persons}),
            pd.DataFrame(),
            who=WHO,
            file_name=f"penduduk_{letter}.csv",
            file_sha256=_sha(letter),
            sumber="Dukcapil uji",
            as_of=as_of,
        )

    import_population([1000, 2000], dt.date(2019, 12, 31), "p")
    import_population([1100, 2100], dt.date(2020, 12, 31), "q")
    replaced = import_population([1111, 2100], dt.date(2020, 12, 31), "r")

    series = store.population(region, REGION)
    assert replaced.replaced == 1
    assert series.name == "penduduk"
    assert series.to_dict() == {K1: 1111, K2: 2100}
    assert series.dtype == "Int64"


def test_population_absent_is_empty_not_invented(region):
    assert store.population(region, REGION).empty


def test_population_needs_date_and_source(region):
    with pytest.raises(GeoInputError, match="Tanggal keadaan data penduduk"):
        store.write_import(
            region,
            "penduduk",
            REGION,
            pd.DataFrame({"kode": [K1], "penduduk": [10]}),
            pd.DataFrame(),
            who=WHO,
            file_name="p.csv",
            file_sha256=_sha("p"),
            sumber="Dukcapil uji",
        )


def test_boundaries_reader_and_replacement(region, two_kelurahan):
    layer = store.kelurahan(region, REGION)
    # 0.01 deg squares at 7.5 S: about 1.103 km by 1.106 km, 1.22 km2 in UTM 49S
    assert layer["area_km2"].tolist() == [
        pytest.approx(1.22, rel=0.01),
        pytest.approx(1.22, rel=0.01),
    ]
    assert list(layer.columns[:7]) == [*store.KELURAHAN_COLUMNS, "area_km2"]

    result = store.write_import(
        region,
        "batas",
        REGION,
        two_kelurahan.iloc[:1],
        pd.DataFrame(),
        who=WHO,
        file_name="batas_baru.geojson",
        file_sha256=_sha("1"),
    )

    assert (result.unchanged, result.removed) == (1, 1)
    assert store.kelurahan(region, REGION)["kode"].tolist() == [K1]


def test_boundaries_without_crs_are_refused(region, two_kelurahan):
    layer = two_kelurahan.set_crs(None, allow_override=True)

    with pytest.raises(GeoInputError, match="tidak punya sistem koordinat"):
        store.write_import(
            region,
            "batas",
            REGION,
            layer,
            pd.DataFrame(),
            who=WHO,
            file_name="b.geojson",
            file_sha256=_sha("2"),
        )


def test_occupancy_recorded_and_imported(region):
    _import_facilities(region, _facilities())
    store.record_occupancy(region, 1, dt.date(2020, 10, 1), {"terisi_isolasi": 80}, WHO)
    frame = pd.DataFrame(
        {"fasilitas": ["RS Uji A"], "tanggal": ["2020-10-01"], "terisi_isolasi": [90]}
    )

    result = store.write_import(
        region,
        "okupansi",
        REGION,
        frame,
        pd.DataFrame(),
        who=WHO,
        file_name="okupansi.csv",
        file_sha256=_sha("o"),
    )

    table = store.occupancy(region, REGION)
    assert result.replaced == 1
    assert table["terisi_isolasi"].tolist() == [90]
    assert table["nama"].tolist() == ["RS Uji A"]


def test_scenarios_one_adopted_per_region(region):
    first = store.save_scenario(
        region,
        REGION,
        "Skenario A",
        author="Kepala Bidang",
        parameters={"tempat_tidur": 120, "ambulans": 8},
        results={"alokasi": pd.DataFrame({"kode": [K1], "jumlah": [3]})},
        data_date=dt.date(2020, 10, 6),
    )
    second = store.save_scenario(
        region, REGION, "Skenario B", author="Analis", parameters={}, results={}
    )

    store.adopt_scenario(region, first, "Kepala Bidang")
    adopted = store.adopt_scenario(region, second, "Wali Kota")

    assert adopted.is_adopted and adopted.adopted_by == "Wali Kota"
    assert store.adopted_scenario(region, REGION).id == second
    listing = store.list_scenarios(region, REGION)
    assert listing.set_index("id")["is_adopted"].to_dict() == {
        first: False,
        second: True,
    }
    saved = store.get_scenario(region, first)
    assert saved.results == {"alokasi": [{"kode": K1, "jumlah": 3}]}
    assert saved.data_date == dt.date(2020, 10, 6)
    actions = store.audit_log(region, table_name="scenario")["action"].tolist()
    assert actions == ["adopt", "unadopt", "adopt", "insert", "insert"]


def test_database_itself_refuses_two_adopted_scenarios(region):
    ids = [
        store.save_scenario(region, REGION, name, author=WHO, parameters={}, results={})
        for name in ("A", "B")
    ]

    with Session(region) as session, pytest.raises(IntegrityError):
        session.execute(
            update(tables.Scenario)
            .where(tables.Scenario.id.in_(ids))
            .values(is_adopted=True)
        )
        session.commit()


def test_unknown_scenario(region):
    with pytest.raises(GeoInputError, match="Skenario nomor 42 tidak ada"):
        store.get_scenario(region, 42)


def _example_script():
    path = ROOT / "scripts" / "make_example_resources.py"
    spec = importlib.util.spec_from_file_location("make_example_resources", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_file_is_what_the_seeded_script_writes(tmp_path):
    script = _example_script()
    output = tmp_path / "example.csv"

    script.write_rows(script.example_rows(script.DEFAULT_SEED), output)

    committed = (MAGELANG / "example_resources.csv").read_text(encoding="utf-8")
    assert output.read_text(encoding="utf-8") == committed


def test_example_points_lie_inside_magelang_kelurahan():
    layer = gpd.read_file(MAGELANG / "kelurahan.geojson")
    examples = pd.read_csv(
        MAGELANG / "example_resources.csv", dtype={"kode_kelurahan": str}
    )
    points = gpd.GeoDataFrame(
        examples,
        geometry=gpd.points_from_xy(examples["lon"], examples["lat"]),
        crs="EPSG:4326",
    )

    joined = gpd.sjoin(points, layer[["kode", "geometry"]], predicate="within")

    assert (examples["status"] == "contoh").all()
    assert len(joined) == len(examples)
    assert (joined["kode"] == joined["kode_kelurahan"]).all()


def test_sqlite_file_is_readable_without_the_app(tmp_path):
    engine = store.open_store(f"sqlite:///{tmp_path / 'own.sqlite'}")
    store.save_region(engine, REGION, "Kota Uji", "EPSG:32749", who=WHO)
    _import_cases(engine, _cases([3]), "a")

    with sqlite3.connect(tmp_path / "own.sqlite") as connection:
        count = connection.execute("SELECT count(*) FROM case_count").fetchone()[0]

    assert count == 1


def test_facility_without_coordinates_is_stored_but_not_valid(region):
    frame = _facilities().assign(lat=[None, -7.495], lon=[None, 110.215])

    _import_facilities(region, frame)

    layer = store.facilities(region, REGION).set_index("nama")
    assert not layer.loc["RS Uji A", "is_valid"]
    assert layer.loc["RS Uji A", "masalah"] == "koordinat tidak ada"
    assert layer.loc["RS Uji A", "geometry"] is None
    assert layer.loc["Puskesmas Uji B", "is_valid"]


def _sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_real_magelang_cases_through_the_import_path(engine):
    _magelang_store(engine)
    path = MAGELANG / "covid" / "3371_kota_magelang_covid_scrape.csv"
    raw = pd.read_csv(path, dtype=str)
    frame = pd.DataFrame(
        {
            "kode": raw["kode_wilayah_match"].astype("string"),
            "keterangan": pd.array([None] * len(raw), dtype="string"),
            "tanggal": pd.to_datetime(raw["date_update"]),
            "positif": raw["total_positif"].astype("Int64"),
            "dirawat": raw["positif_dirawat"].astype("Int64"),
            "isolasi": raw["positif_isolasi"].astype("Int64"),
            "sembuh": raw["positif_sembuh"].astype("Int64"),
            "meninggal": raw["positif_meninggal"].astype("Int64"),
        }
    )

    def import_file(sha: str):
        return store.write_import(
            engine,
            "kasus",
            REGION,
            frame,
            pd.DataFrame(),
            who=WHO,
            file_name=path.name,
            file_sha256=sha,
        )

    first = import_file(_sha256_of(path))
    again = import_file(_sha256_of(path))
    edited = import_file(_sha("e"))

    stored = store.case_counts(engine, REGION)
    assert first.inserted == len(raw) == len(stored) == 170
    assert stored["kode"].nunique() == 17
    assert first.totals["positif"] == raw["total_positif"].astype(int).sum()
    assert again.is_duplicate
    assert (edited.inserted, edited.replaced, edited.unchanged) == (0, 0, 170)


def test_real_jakarta_population_through_the_import_path(engine):
    path = ROOT / "data" / "jakarta" / "population"
    path = next(path.glob("kelurahan_population_dukcapil_*.csv"))
    raw = pd.read_csv(path, dtype={"kode": str})
    store.save_region(engine, "31", "DKI Jakarta", "EPSG:32748", who=WHO)

    result = store.write_import(
        engine,
        "penduduk",
        "31",
        raw[["kode", "jumlah_penduduk"]].rename(
            columns={"jumlah_penduduk": "penduduk"}
        ),
        pd.DataFrame(),
        who=WHO,
        file_name=path.name,
        file_sha256=_sha256_of(path),
        sumber="Dukcapil DKI Jakarta, Desember 2019",
        as_of=dt.date(2019, 12, 31),
    )

    series = store.population(engine, "31")
    assert result.inserted == len(raw) == len(series) == 267
    assert series["31.01.01.1001"] == 6947
    assert int(series.sum()) == int(raw["jumlah_penduduk"].sum())


def test_file_with_every_row_quarantined_still_gets_its_batch(region):
    result = _import_cases(region, pd.DataFrame(), "a", _problems())

    assert (result.rows_read, result.rows_accepted, result.rows_quarantined) == (
        2,
        0,
        2,
    )
    assert store.batches(region, REGION, kind="kasus")["id"].tolist() == [result.id]
    assert len(store.quarantine(region, result.id)) == 3
    assert store.case_counts(region, REGION).empty


def test_file_hash_must_be_a_sha256(region):
    with pytest.raises(ValueError, match="64 hex digits"):
        store.write_import(
            region,
            "kasus",
            REGION,
            _cases([1]),
            pd.DataFrame(),
            who=WHO,
            file_name="x.csv",
            file_sha256="abc",
        )


def test_every_text_key_the_store_uses_is_in_the_catalogue():
    source = (ROOT / "geo" / "store.py").read_text(encoding="utf-8")
    keys = set(re.findall(r'\bt\(\s*"([a-z0-9_]+)"', source))
    keys |= {f"sumber_daya_{kind}" for kind in store.RESOURCE_KINDS}

    assert keys - set(TEXT) == set()
    assert len(keys) > 20


def test_resource_cannot_be_homed_at_another_regions_facility(region):
    store.save_region(region, "31", "DKI Jakarta", "EPSG:32748", who=WHO)
    store.write_import(
        region,
        "fasilitas",
        "31",
        pd.DataFrame(
            {"nama": ["RS Jakarta"], "jenis": ["RS"], "lat": [-6.2], "lon": [106.8]}
        ),
        pd.DataFrame(),
        who=WHO,
        file_name="f.csv",
        file_sha256=_sha("jakarta"),
    )
    jakarta_id = int(store.facilities(region, "31")["id"].iloc[0])

    with pytest.raises(GeoInputError, match=f"Fasilitas nomor {jakarta_id} tidak"):
        store.add_resource(
            region,
            REGION,
            {"jenis": "apd", "nama": "Stok", "jumlah": 5, "facility_id": jakarta_id},
            WHO,
        )


@pytest.mark.parametrize(
    "scenario_id", [0, -1, 10**23], ids=["nol", "negatif", "terlalu-besar"]
)
def test_impossible_scenario_id_is_unknown_not_a_crash(tmp_path, scenario_id):
    engine = store.open_store(f"sqlite:///{tmp_path / 'cc.sqlite'}")
    with pytest.raises(GeoInputError, match="tidak ditemukan|tidak ada"):
        store.get_scenario(engine, scenario_id)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("bukan-alamat", "bukan alamat basis data yang sah"),
        ("postgresql+tidakada://u@localhost/cc", "belum terpasang"),
    ],
    ids=["malformed", "no-driver"],
)
def test_a_bad_database_url_is_explained_not_a_traceback(url, message):
    with pytest.raises(GeoInputError, match=message):
        store.open_store(url)


def test_a_database_that_cannot_be_opened_is_explained(tmp_path):
    # a folder where the SQLite file should be
    with pytest.raises(GeoInputError, match="tidak dapat dibuka"):
        store.open_store(f"sqlite:///{tmp_path}")
