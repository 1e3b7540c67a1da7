"""Skenario widgets without a server: differences between saved inputs."""

from __future__ import annotations

from types import SimpleNamespace

from ui.scenario import parameter_differences


def _saved(number: int, masukan: dict) -> SimpleNamespace:
    parameters = {"tanggal": "2020-10-06", "masukan": masukan, "tabel": {}}
    return SimpleNamespace(id=number, nama=f"S{number}", parameters=parameters)


def test_a_road_file_differs_but_no_speed_column_and_no_roads_do_not():
    with_roads = _saved(
        1, {"lok_jalan": "jalan.geojson (8c03dc72e57a)", "lok_kolom_kecepatan": ""}
    )
    straight = _saved(2, {"lok_jalan": None})

    table = parameter_differences([with_roads, straight]).set_index("Masukan")

    assert table.index.tolist() == ["Jaringan jalan"]
    assert table.loc["Jaringan jalan", "#1 S1"] == "jalan.geojson (8c03dc72e57a)"
    assert table.loc["Jaringan jalan", "#2 S2"] == "–"
