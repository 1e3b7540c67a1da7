"""Facility occupancy and resource stock read from the store for the export charts.

Magelang's bundled resources are examples (``data/magelang/example_resources.csv``,
all "diperbarui" 2020-10-06); its facilities have no bed capacities, so the
tests give some a capacity before recording their occupancy.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from geo import export_region, regions, store
from geo.store_charts import occupancy_at, stock_history, store_charts
from geo.text import local_day

MAGELANG = "33.71"
DATA_DATE = pd.Timestamp("2020-10-06")
# kit_tes rows of example_resources.csv: 900 + 930 + 750
MAGELANG_KIT_TES = 2580


def _charts(engine, tanggal=DATA_DATE):
    region = regions.load_region(MAGELANG, engine=engine)
    return region, *store_charts(engine, region, pd.Timestamp(tanggal))


def _facility_id(engine, nama: str) -> int:
    stored = store.facilities(engine, MAGELANG)
    return int(stored.loc[stored["nama"] == nama, "id"].iloc[0])


def _kit_tes_id(engine) -> int:
    resources = store.resources(engine, MAGELANG)
    kits = resources[resources["jenis"] == "kit_tes"]
    return int(kits.loc[kits["jumlah"] == 900, "id"].iloc[0])


def test_bundled_example_resources_give_a_stock_chart_labelled_as_examples(
    magelang_store,
):
    engine, _ = magelang_store
    region, occupancy, stock = _charts(engine)

    assert stock.is_drawn and stock.is_example
    table = stock.table.set_index("jenis")
    assert table.loc["kit_tes", "stok"] == MAGELANG_KIT_TES
    assert table.loc["kit_tes", "jumlah_catatan"] == 3
    assert table.loc["kit_tes", "sumber_daya"] == "Kit tes (contoh)"
    assert set(stock.table["tanggal"]) == {DATA_DATE}  # the file's "diperbarui"
    assert "contoh" in stock.subtitle

    inputs = export_region.inputs_from_region(
        region, "2020-10-06", occupancy=occupancy, stock=stock
    )
    assert export_region.available_charts(inputs)[-1] == "stok"
    figure = export_region.chart_figure(inputs, "stok", public=False)
    assert "contoh" in figure.layout.title.text
    assert all(trace.name.endswith("(contoh)") for trace in figure.data)


def test_without_occupancy_records_the_occupancy_chart_is_absent_and_says_so(
    magelang_store,
):
    engine, _ = magelang_store
    region, occupancy, stock = _charts(engine)

    assert not occupancy.is_drawn
    assert occupancy.absent == (
        "belum ada data keterisian tempat tidur untuk wilayah ini"
    )
    inputs = export_region.inputs_from_region(
        region, "2020-10-06", occupancy=occupancy, stock=stock
    )
    assert export_region.absent_charts(inputs) == (("keterisian", occupancy.absent),)


def test_stock_before_its_first_record_is_absent_and_says_since_when(magelang_store):
    engine, _ = magelang_store
    _, _, stock = _charts(engine, "2020-10-05")

    assert not stock.is_drawn
    assert stock.absent == (
        "stok sumber daya baru tercatat sejak 6 Okt 2020, sesudah tanggal data "
        "5 Okt 2020"
    )


def test_an_edit_of_jumlah_is_a_second_point_of_the_stock_line(magelang_store):
    engine, _ = magelang_store
    store.update_resource(engine, _kit_tes_id(engine), {"jumlah": 100}, "Sari")
    # the edit's day in the command center's zone (WIB), not in UTC
    today = local_day(dt.datetime.now(dt.UTC))

    _, _, later = _charts(engine, today + pd.Timedelta(days=1))
    _, _, at_data_date = _charts(engine)

    kits = later.table[later.table["jenis"] == "kit_tes"]
    assert kits["tanggal"].tolist() == [DATA_DATE, today]
    assert kits["stok"].tolist() == [MAGELANG_KIT_TES, MAGELANG_KIT_TES - 800]
    # the other kinds did not change: one point each
    assert len(later.table) == 7
    kits = at_data_date.table[at_data_date.table["jenis"] == "kit_tes"]
    assert kits["stok"].tolist() == [MAGELANG_KIT_TES]
    assert at_data_date.notes == (
        "1 perubahan stok sesudah 6 Okt 2020 tidak digambar.",
    )


def test_a_position_edit_is_not_a_stock_change(magelang_store):
    engine, _ = magelang_store
    store.update_resource(
        engine, _kit_tes_id(engine), {"lat": -7.48, "lon": 110.22}, "Sari"
    )

    _, _, stock = _charts(engine, "2030-01-01")

    assert len(stock.table) == 6  # one point per kind, as before the edit
    assert stock.notes == ()


def test_occupancy_is_the_latest_record_and_a_facility_without_one_is_not_drawn(
    magelang_store,
):
    engine, _ = magelang_store
    with_record = _facility_id(engine, "Budi Rahayu")
    without_record = _facility_id(engine, "Gladiool")
    only_later = _facility_id(engine, "Lestari Raharja")
    for facility_id in (with_record, without_record, only_later):
        store.update_facility(engine, facility_id, {"tempat_tidur_isolasi": 40}, "Sari")
    record = store.record_occupancy
    record(engine, with_record, dt.date(2020, 10, 3), {"terisi_isolasi": 12}, "Sari")
    record(engine, with_record, dt.date(2020, 10, 5), {"terisi_isolasi": 30}, "Sari")
    record(engine, only_later, dt.date(2020, 10, 7), {"terisi_isolasi": 10}, "Sari")

    region, occupancy, stock = _charts(engine)

    assert occupancy.table["fasilitas"].tolist() == ["Budi Rahayu"]
    row = occupancy.table.iloc[0]
    assert (row["terisi"], row["kapasitas"]) == (30, 40)
    assert row["tanggal"] == pd.Timestamp("2020-10-05")
    assert occupancy.subtitle == "keterisian per 5 Okt 2020"
    assert occupancy.notes == (
        "Tidak digambar karena belum ada catatan keterisian sampai 6 Okt 2020: "
        "2 fasilitas (isolasi).",
    )
    inputs = export_region.inputs_from_region(
        region, "2020-10-06", occupancy=occupancy, stock=stock
    )
    figure = export_region.chart_figure(inputs, "keterisian", public=False)
    assert list(figure.data[0].y) == ["Budi Rahayu (isolasi)"]
    assert figure.data[0].x[0] == pytest.approx(75.0, abs=1e-9)  # 30 of 40 beds
    assert "2 fasilitas (isolasi)" in figure.layout.annotations[0].text


def test_occupancy_of_a_flagged_facility_or_without_capacity_is_not_drawn(
    magelang_store,
):
    engine, _ = magelang_store
    flagged = _facility_id(engine, "Dr.Soedjono Army")  # a duplicate on the check
    no_beds = _facility_id(engine, "Gladiool")
    store.update_facility(engine, flagged, {"tempat_tidur_isolasi": 40}, "Sari")
    record = store.record_occupancy
    record(engine, flagged, dt.date(2020, 10, 5), {"terisi_isolasi": 30}, "Sari")
    record(engine, no_beds, dt.date(2020, 10, 5), {"terisi_isolasi": 5}, "Sari")

    _, occupancy, _ = _charts(engine)

    assert not occupancy.is_drawn
    assert occupancy.absent.startswith("ada catatan keterisian tempat tidur sampai")


def test_jakarta_without_resources_says_it_has_none(bundled_store):
    region = regions.load_region("31", engine=bundled_store)
    occupancy, stock = store_charts(bundled_store, region, pd.Timestamp("2021-07-31"))

    assert stock.absent == "wilayah ini belum punya catatan sumber daya"
    assert (
        occupancy.absent == "belum ada data keterisian tempat tidur untuk wilayah ini"
    )


# --- the replay on hand-made logs ---
def _resources(rows: list[tuple[int, str, int, str, bool]]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["id", "jenis", "jumlah", "updated_at", "is_example"]
    ).assign(updated_at=lambda frame: pd.to_datetime(frame["updated_at"]))


def _log(entries: list[tuple]) -> pd.DataFrame:
    """Entries (at, action, record_id, before, after, batch_id), ids in order."""
    rows = [
        {
            "id": number,
            "who": "uji",
            "at": pd.Timestamp(at),
            "action": action,
            "table_name": "resource",
            "record_id": str(record_id),
            "before": before,
            "after": after,
            "batch_id": batch_id,
        }
        for number, (at, action, record_id, before, after, batch_id) in enumerate(
            entries, start=1
        )
    ]
    frame = pd.DataFrame(rows)
    frame["batch_id"] = frame["batch_id"].astype("Int64")
    return frame


def _row(jenis: str, jumlah: int, **extra) -> dict:
    return {"jenis": jenis, "nama": f"{jenis} 1", "jumlah": jumlah, **extra}


def test_an_import_logged_before_dates_were_kept_takes_the_resource_s_date():
    # the insert was logged on 1 Dec without its "diperbarui" (6 Oct)
    log = _log([("2020-12-01 08:00", "insert", 1, None, _row("apd", 500), 7)])
    resources = _resources([(1, "apd", 500, "2020-10-06", False)])

    stock = stock_history(resources, log, DATA_DATE, batch_ids={7}, facility_ids=set())

    assert stock.table[["tanggal", "stok"]].values.tolist() == [[DATA_DATE, 500]]
    assert stock.source.endswith("menurut log audit")


def test_other_regions_and_a_reused_id_are_kept_apart():
    log = _log(
        [
            # id 1: another region's import, deleted, then the id reused here by hand
            ("2020-10-01", "insert", 1, None, _row("apd", 900), 3),
            ("2020-10-02", "delete", 1, _row("apd", 900), None, None),
            ("2020-10-03", "insert", 1, None, _row("apd", 50, facility_id=11), None),
            # id 2: this region's, added by hand at its facility 11 and deleted
            ("2020-10-03", "insert", 2, None, _row("apd", 20, facility_id=11), None),
            ("2020-10-05", "delete", 2, _row("apd", 20, facility_id=11), None, None),
        ]
    )
    resources = _resources([(1, "apd", 50, "2020-10-03", False)])

    stock = stock_history(resources, log, DATA_DATE, batch_ids={8}, facility_ids={11})

    assert stock.table[["tanggal", "stok", "jumlah_catatan"]].values.tolist() == [
        [pd.Timestamp("2020-10-03"), 70, 2],
        [pd.Timestamp("2020-10-05"), 50, 1],
    ]


def test_a_log_that_does_not_end_at_the_stored_resources_gives_current_stock_only():
    resources = _resources(
        [
            (1, "apd", 500, "2020-10-04", False),
            (2, "apd", 100, "2020-10-05", False),
            (3, "kit_tes", 40, "2020-10-09", False),
        ]
    )
    foreign_log = _log([("2020-10-01", "insert", 9, None, _row("apd", 1), 99)])

    stock = stock_history(
        resources, foreign_log, DATA_DATE, batch_ids={8}, facility_ids=set()
    )

    # one point per kind at its latest update, never a made-up history
    assert stock.table[["tanggal", "jenis", "stok"]].values.tolist() == [
        [pd.Timestamp("2020-10-05"), "apd", 600]
    ]
    assert stock.source.endswith("stok saat ini")
    assert stock.notes == (
        "Log audit tidak memuat seluruh riwayat stok wilayah ini; hanya stok saat "
        "ini yang digambar, pada tanggal pembaruan terakhir tiap jenis.",
        "1 jenis sumber daya diperbarui sesudah 6 Okt 2020, tidak digambar.",
    )


def test_example_and_real_resources_of_one_kind_are_separate_lines():
    log = _log(
        [
            ("2020-10-01", "insert", 1, None, _row("apd", 500, is_example=True), 7),
            ("2020-10-02", "insert", 2, None, _row("apd", 80), 7),
        ]
    )
    resources = _resources(
        [(1, "apd", 500, "2020-10-01", True), (2, "apd", 80, "2020-10-02", False)]
    )

    stock = stock_history(resources, log, DATA_DATE, batch_ids={7}, facility_ids=set())

    assert stock.table[["sumber_daya", "stok"]].values.tolist() == [
        ["APD (contoh)", 500],
        ["APD", 80],
    ]
    assert stock.is_example


def test_occupancy_without_any_facility_table_is_not_drawn():
    occupancy = pd.DataFrame(
        {
            "facility_id": [1],
            "nama": ["RS Uji"],
            "tanggal": pd.to_datetime(["2020-10-05"]),
            "terisi_isolasi": pd.array([3], dtype="Int64"),
            "terisi_icu": pd.array([pd.NA], dtype="Int64"),
            "terisi_ventilator": pd.array([pd.NA], dtype="Int64"),
        }
    )

    chart = occupancy_at(occupancy, None, DATA_DATE)

    assert not chart.is_drawn
    assert "tercatat kapasitas tempat tidur isolasi atau ICU" in chart.absent
