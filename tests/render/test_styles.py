"""Style sheets reach the page as written: escaping their quotes made the fonts fall back to Times."""
from __future__ import annotations

import re

from essgraph.render.page import asset, write_html


def test_the_style_sheet_is_inserted_verbatim(tmp_path) -> None:
    css = asset("report.css")
    assert '"Segoe UI"' in css  # the rule that escaping broke
    page = write_html(tmp_path / "p.html", "base.html", scripts={}, css=css, lang="es", title="t",
                      confidential=None)
    style = re.search(r"<style>(.*?)</style>", page.read_text(encoding="utf-8"), re.S)
    assert style is not None and style[1] == css
    assert "&#34;" not in style[1]
