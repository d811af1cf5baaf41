"""The HTML file itself: offline, escaped, UTF-8, and without personal data unless asked."""
from __future__ import annotations

import json
import re
from html import unescape
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from render_helpers import HOSTILE, ORG_PHONE, PERSON_NAME, PERSON_PHONE, embedded_data

from essgraph.errors import RenderError
from essgraph.render import VIEWS, ViewRequest, render
from essgraph.render.page import json_for_html
from essgraph.graphmodel.privacy import PHONE_PATTERN

NODE_FIELDS = {"id", "label", "shape", "size", "marks", "color", "borderWidth", "shapeProperties", "font", "degree",
               "name", "acronym", "aliases", "kind", "status", "description", "region", "macro_region", "sector",
               "networks", "web", "note", "f", "q", "x", "y", "outside", "quiet"}
EDGE_FIELDS = {"id", "from", "to", "marks", "type", "evidence", "section", "quote", "year", "note", "arrows",
               "dashes", "width", "color", "smooth", "uncounted"}
REMOTE = re.compile(r"""<(?:script|link|img|iframe|source|embed)\b[^>]*\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//"""
                    r"""|url\(\s*["']?\s*(?:https?:)?//|@import""", re.I)


def _focus(view: str) -> str | None:
    return {"ego": "coop-andina", "network": "red-sur", "region": "cusco"}.get(view)


@pytest.fixture()
def pages(graph, tmp_path) -> dict[str, Path]:
    return {view: render(graph, tmp_path / f"{view}.html", ViewRequest(view=view, focus=_focus(view))).path for view in VIEWS}


def test_no_page_loads_anything_from_the_network(pages) -> None:
    for view, path in pages.items():
        html = path.read_text(encoding="utf-8")
        assert not REMOTE.search(html), view
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        assert policy and "default-src 'none'" in unescape(policy[1]) and "connect-src 'none'" in unescape(policy[1])


def test_hostile_strings_never_appear_raw(pages) -> None:
    for view, path in pages.items():
        html = path.read_text(encoding="utf-8")
        for attack in HOSTILE:
            assert attack not in html, (view, attack)
        assert html.count("</script>") == 3, view  # the data block and the two scripts
        assert r"\u003cimg src=x onerror=alert(1)\u003e" in html, view  # shown, as escaped JSON


def _texts(data: dict) -> list[str]:
    """Every text a page shows from the data (names, quotes, details), colours and ids aside."""
    out = []
    for record in data["nodes"] + data["edges"] + data["proposals"]:
        for key, value in record.items():
            if isinstance(value, (str, list)) and key not in ("id", "from", "to", "f", "marks"):
                out += [str(v) for v in value] if isinstance(value, list) else [value]
    return out


def test_node_ids_are_opaque(pages) -> None:
    data = embedded_data(pages["whole"].read_text(encoding="utf-8"))
    assert all(re.fullmatch(r"n-\d+", n["id"]) for n in data["nodes"])
    assert all(re.fullmatch(r"[ep]-\d+", e["id"]) for e in data["edges"] + data["proposals"])


def test_heading_is_escaped(graph, tmp_path) -> None:
    html = render(graph, tmp_path / "ego.html", ViewRequest(view="ego", focus="evil")).path.read_text(encoding="utf-8")
    assert "<h1 id=\"title\">Vecindario de &lt;img src=x onerror=alert(1)&gt; (vínculos directos)</h1>" in html
    assert "<title>Vecindario de &lt;img" in html


def test_public_page_has_no_personal_data(pages) -> None:
    for view, path in pages.items():
        html = path.read_text(encoding="utf-8")
        data = embedded_data(html)
        text = "\n".join(_texts(data))
        assert PERSON_NAME not in html and PERSON_NAME not in text and "Rosa" not in text, view
        assert not PHONE_PATTERN.search(text), (view, PHONE_PATTERN.search(text))
        assert ORG_PHONE not in text and PERSON_PHONE not in text and "gresp@example.org" not in text
        assert "CONFIDENCIAL" not in html
        for node in data["nodes"]:
            assert set(node) <= NODE_FIELDS, set(node) - NODE_FIELDS
        for edge in data["edges"]:
            assert set(edge) <= EDGE_FIELDS, set(edge) - EDGE_FIELDS
    assert not list(pages["whole"].parent.glob("*CONFIDENCIAL*"))


def test_personal_data_only_when_asked(graph, tmp_path) -> None:
    path = render(graph, tmp_path / "red.html", ViewRequest(include_personal_data=True)).path
    assert path == tmp_path / "red-CONFIDENCIAL.html"
    html = path.read_text(encoding="utf-8")
    assert 'id="confidential"' in html and "CONFIDENCIAL – contiene datos personales" in html
    names = {n["name"] for n in embedded_data(html)["nodes"]}
    assert PERSON_NAME in names
    assert render(graph, path, ViewRequest(include_personal_data=True)).path == path  # the suffix is added once


def test_page_is_utf8_whatever_the_locale(graph, tmp_path) -> None:
    out = tmp_path / "red.html"
    code = ("import warnings, pickle, sys; warnings.filterwarnings('error', category=EncodingWarning, "
            "module='essgraph'); from essgraph.render import render; "
            "render(pickle.load(sys.stdin.buffer), sys.argv[1])")
    import pickle

    env = {"PATH": "/usr/bin:/bin", "LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run([sys.executable, "-X", "warn_default_encoding", "-c", code, str(out)],
                          input=pickle.dumps(graph), capture_output=True, env=env)
    assert done.returncode == 0, done.stderr.decode()
    raw = out.read_bytes()
    assert raw.startswith(b"<!DOCTYPE html>") and b'<meta charset="utf-8">' in raw
    html = raw.decode("utf-8")
    assert "Economía Social y Solidaria del Perú" in html and "Grupo Red de Economía Solidaria" in html


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"view": "nope"}, "unknown view 'nope': use one of whole, ego, network, region, gaps, geo"),
    ({"view": "ego"}, "the ego view needs an organization to centre on, e.g. gresp"),
    ({"view": "ego", "focus": "zzz"}, "no organization 'zzz': give an id or a name from the data (e.g. gresp)"),
    ({"view": "network", "focus": "coop-andina"},
     "'coop-andina' is not a network, platform or mesa: try the ego view centred on it"),
    ({"view": "region", "focus": "atlantis"}, "no region 'atlantis': use a region or macro-region id"),
    ({"color_by": "sector"}, "unknown colour 'sector': use one of kind, macro_region"),
    ({"size_by": "pagerank"}, "unknown size measure 'pagerank': use one of degree, betweenness, eigenvector"),
    ({"lang": "fr"}, "unsupported language 'fr'; use one of es, en"),
])
def test_bad_requests_say_how_to_fix_them(graph, tmp_path, kwargs, message) -> None:
    with pytest.raises(RenderError) as info:
        render(graph, tmp_path / "x.html", ViewRequest(**kwargs)).path
    assert str(info.value).startswith(message)


def test_unwritable_path_is_a_render_error(graph, tmp_path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(RenderError, match="cannot write .*choose another -o path"):
        render(graph, tmp_path / "file" / "x.html").path


def test_english_page(graph, tmp_path) -> None:
    html = render(graph, tmp_path / "en.html", ViewRequest(view="gaps", lang="en")).path.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Gaps: disconnected groups" in html and "Legend" in html
    assert "Leyenda" not in html


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                    max_leaves=20))
def test_embedded_json_round_trips_and_cannot_close_the_script(value) -> None:
    text = json_for_html(value)
    assert json.loads(text) == value
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
