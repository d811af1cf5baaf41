"""Style sheets reach the page as written: escaping their quotes made the fonts fall back to Times."""
from __future__ import annotations

import re

from essgraph.render.page import asset, print_css, write_html


def test_the_style_sheet_is_inserted_verbatim(tmp_path) -> None:
    css = asset("report.css")
    assert '"Segoe UI"' in css  # the rule that escaping broke
    page = write_html(tmp_path / "p.html", "base.html", scripts={}, css=css, lang="es", title="t",
                      confidential=None)
    style = re.search(r"<style>(.*?)</style>", page.read_text(encoding="utf-8"), re.S)
    assert style is not None and style[1] == css
    assert "&#34;" not in style[1]


def test_the_printed_source_line_cannot_leave_its_css_string(tmp_path) -> None:
    hostile = 'Perú "2018" \\"; } </style><script>alert(1)</script>\n@import url(x);'
    rule = print_css(hostile, header="CONFIDENCIAL")
    body = rule.split("content: ", 1)[1].split(";", 1)[0]
    assert body.startswith('"') and body.endswith('"') and '"' not in body[1:-1]
    assert not set('<>{}\n;:()') & set(body)
    page = write_html(tmp_path / "p.html", "base.html", scripts={}, css=asset("report.css") + rule, lang="es",
                      title="t", confidential=None)
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and html.count("</style>") == 1
