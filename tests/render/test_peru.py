"""The map of Peru: every department of the data has its real shape, mended labels, escaped SVG."""
from __future__ import annotations

import csv
from xml.etree import ElementTree as ET

from essgraph.loaders.folder import bundled_data_dir
from essgraph.render.peru import centroid, departments, map_svg


def _data_regions() -> set[str]:
    with open(bundled_data_dir() / "regions.csv", encoding="utf-8-sig") as handle:
        return {row["id"] for row in csv.DictReader(handle)}


def test_every_department_of_the_data_has_one_shape_and_no_other() -> None:
    assert set(departments()) == _data_regions()


def test_the_mislabelled_shapes_land_where_the_departments_are() -> None:
    shapes = departments()
    lon, lat = centroid(shapes["puno"])
    assert -71.5 < lon < -68.5 and -17 < lat < -13  # the altiplano by Lake Titicaca
    lon, lat = centroid(shapes["callao"])
    assert -77.3 < lon < -76.9 and -12.2 < lat < -11.8  # the port beside Lima
    assert len(shapes["lima"]) == 2  # the Lima region and Lima Province, both in the data's "lima"


def test_the_svg_is_well_formed_accessible_and_escapes_data() -> None:
    attack = '<script>alert(1)</script>"&'
    svg = map_svg({"cusco": "#e15759"}, titles={"cusco": attack}, title=attack, description="d",
                  arcs=[("lima", "cusco", 3.0), ("lima", "nowhere", 1.0)], outside=f"Sin región\n{attack}")
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby")
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == attack
    assert "<script" not in svg
    paths = root.findall(f"{ns}path")
    assert len(paths) == len(departments()) + 1  # one arc: the unknown region is skipped


def test_the_report_s_tie_graph_draws_the_same_map_with_or_without_names(real_graph) -> None:
    from essgraph.render.interactive import prepared
    from essgraph.render.peru import departments_map
    alone = departments_map(real_graph, "es")
    for personal in (False, True):
        assert departments_map(real_graph, "es", tie=prepared(real_graph, include_personal_data=personal).tie) == alone
