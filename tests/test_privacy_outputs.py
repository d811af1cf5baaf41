"""No public output names a person or carries a personal phone or e-mail, however they are written.

Every public output is decoded (HTML-embedded JSON, exports, query results, the analysis JSON and
Markdown) and searched accent-, case- and space-insensitively (issue 12, "privacy that survives a
determined reader").
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import zipfile

import networkx as nx
import openpyxl
import pytest

from essgraph.analysis import analyze
from essgraph.render.markdown import to_markdown
from essgraph.graphmodel import Node, Redactor, Relationship, build_graph, has_label, public_graph
from essgraph.loaders import export, load_graph
from essgraph.loaders.folder import bundled_data_dir
from essgraph.queries.library import list_queries
from essgraph.queries.run import query
from essgraph.render import ViewRequest, render
from essgraph.render.kumu import kumu_export


def _fold(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return " ".join(bare.lower().split())


def _digits(text: str) -> str:
    return re.sub(r"(?<=\d)[\s().+-]+(?=\d)", "", text)


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return load_graph(data_dir=bundled_data_dir())


@pytest.fixture(scope="module")
def secrets(G) -> tuple[list[str], list[str], list[str]]:
    people = [n for n in G if has_label(G, n, "Person")]
    names = sorted({_fold(str(G.nodes[p]["name"])) for p in people if len(str(G.nodes[p]["name"]).split()) >= 2})
    phones = sorted({_digits(str(a["phone"])) for _, a in G.nodes(data=True) if a.get("phone")})
    mails = sorted({str(G.nodes[p]["email"]).split("@")[0].lower() for p in people if G.nodes[p].get("email")})
    assert len(names) > 100 and len(phones) > 20 and "wgranda" in mails
    return names, phones, mails


def _leaks(text: str, secrets) -> list[str]:
    names, phones, mails = secrets
    folded, digits = _fold(text), _digits(text)
    return ([n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", folded)]
            + [p for p in phones if len(re.sub(r"\D", "", p)) >= 6 and p in digits]
            + [m for m in mails if re.search(rf"(?<![\w]){re.escape(m)}@", text.lower())])


def _outputs(G, tmp_path) -> dict[str, str]:
    out = {}
    for fmt in ("json", "graphml", "gexf"):
        out[f"export {fmt}"] = export(G, fmt, tmp_path / f"g.{fmt}").read_text(encoding="utf-8")
    with zipfile.ZipFile(export(G, "csv", tmp_path / "g.zip")) as archive:
        out["export csv"] = "".join(archive.read(n).decode("utf-8-sig") for n in archive.namelist())
    folder = export(G, "murmurations", tmp_path / "perfiles", base_url="https://example.org/perfiles/")
    out["export murmurations"] = "".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))
    result = analyze(G)
    out["analysis json"] = json.dumps(result.to_json(), ensure_ascii=False)
    out["analysis markdown"] = to_markdown(result, "es")
    kumu = openpyxl.load_workbook(kumu_export(G, tmp_path / "g.xlsx", result=result), read_only=True)
    out["export kumu"] = "\n".join(str(v) for ws in kumu.worksheets for row in ws.values for v in row if v is not None)
    page = render(G, tmp_path / "whole.html", ViewRequest(view="whole")).path.read_text(encoding="utf-8")
    out["view data"] = json.dumps(json.loads(page.split('id="essgraph-data">', 1)[1].split("</script>", 1)[0]),
                                  ensure_ascii=False)
    for spec in list_queries():
        params = {p.name: (int(p.example) if p.type == "int" else p.example) for p in spec.params}
        out[f"query {spec.name}"] = json.dumps(query(spec.name, params, graph=G).rows, ensure_ascii=False, default=str)
    return out


def test_no_public_output_carries_a_person(G, secrets, tmp_path) -> None:
    outputs = _outputs(G, tmp_path)
    assert len(outputs) > 15
    private = export(G, "json", tmp_path / "private.json", include_personal_data=True).read_text(encoding="utf-8")
    assert len(_leaks(private, secrets)) > 100  # the search finds them where they are
    leaks = {name: _leaks(text, secrets) for name, text in outputs.items()}
    assert {name: found for name, found in leaks.items() if found} == {}


def test_interviewees_are_marks_with_no_link_to_a_name(G) -> None:
    P = public_graph(G)
    people = sorted(n for n in P if has_label(P, n, "Person"))
    assert people and all(re.fullmatch(r"entrevistado-\d+", p) for p in people)
    rows = query("shared_interviewees", graph=G).rows
    assert rows and all(re.fullmatch(r"entrevistado-\d+", row[0]) for row in rows)


@pytest.mark.parametrize("text, expected", [
    ("entrevista a Rosa Quispe Mamani", "entrevista a [persona]"),
    ("entrevista a ROSA  QUISPE mamani", "entrevista a [persona]"),        # case, double space
    ("entrevista a Rosa Quíspe Mamaní", "entrevista a [persona]"),         # accents the name lacks
    ("llamar al 01 - 423 - 4567", "llamar al [teléfono]"),
    ("desde 2016-2017 y 2016 - 2017", "desde 2016-2017 y 2016 - 2017"),
    ("correo rquispe@example.org o wgranda@…", "correo [correo] o [correo]"),
])
def test_one_redaction_for_every_spelling(text, expected) -> None:
    assert Redactor(["Rosa Quispe Mamani"])(text) == expected


def test_every_text_field_is_redacted_sections_and_webs_too(tmp_path) -> None:
    ev = {"section": "3.1 entrevista a Rosa  Quispe", "quote": "q", "evidence": "stated"}
    G = build_graph([Node("person-rosa-quispe", ("Person",), {"name": "Rosa Quispe", "phone": "984 316 053"}),
                     Node("coop", ("Organization",), {"name": "Coop", "web": "tel 984-316-053", **ev,
                                                      "note": "escribir a rquispe@mail.pe",
                                                      "note_es": "llamar a Rosa Quispe al 984 316 053"}),
                     Node("ong", ("Organization",), {"name": "ONG", **ev})],
                    [Relationship("REPRESENTS", "person-rosa-quispe", "coop", {**ev, "note_es": "habla Rosa"}),
                     Relationship("ALLIED_WITH", "coop", "ong", {**ev, "note": "según ROSA QUISPE",
                                                                 "note_es": "según rosa quíspe"})])
    text = export(G, "json", tmp_path / "g.json").read_text(encoding="utf-8")
    assert "rosa" not in _fold(text) and "984" not in text and "rquispe" not in text
    assert text.count("[persona]") >= 3 and "habla" not in text  # note_es redacted; a person's tie loses its notes
    page = render(G, tmp_path / "g.html", ViewRequest(view="whole")).path.read_text(encoding="utf-8")
    assert "llamar a [persona] al [teléfono]" in page and "rosa" not in _fold(page)
    rows = query("tie_evidence", {"id": "coop"}, graph=G).rows
    assert "rosa" not in _fold(json.dumps(rows, ensure_ascii=False))


def test_web_addresses_keep_their_numbers(real_graph) -> None:
    """A Facebook page number is no phone: every web address of the bundled data is public unchanged."""
    public = public_graph(real_graph)
    webs = {n: a["web"] for n, a in real_graph.nodes(data=True) if a.get("web")}
    assert any(re.search(r"\d{6,}", w) for w in webs.values())  # the case exists in the data
    assert {n: public.nodes[n].get("web") for n in webs} == webs
    assert Redactor([])("llamar al 385 3144, ver www.x.org/p/3853144") == "llamar al [teléfono], ver www.x.org/p/3853144"
