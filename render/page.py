"""One self-contained HTML file: our template, vis-network inline, the data as escaped JSON.

We own the template (Jinja2 with autoescaping on) instead of pyvis's, which
renders headings raw and links Bootstrap from a CDN; from pyvis we take only its
bundled copy of vis-network 9.1.2 (pyvis is pinned at 0.3.2). The page:

* loads nothing: every script and style is inline, and a Content-Security-Policy
  allows only those exact scripts (by SHA-256) and no connection at all, so
  markup smuggled into the data could not run an inline handler even if it
  reached the DOM;
* embeds the data as JSON in a ``<script type="application/json">`` block with
  ``<``, ``>`` and ``&`` written ``\\u003c``, ``\\u003e``, ``\\u0026``;
* is written as UTF-8 whatever the system's locale.

Examples
--------
>>> json_for_html({"name": "</script><b>&"})
'{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
>>> confidential_path(Path("red.html"))
PosixPath('red-CONFIDENCIAL.html')
"""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from essgraph.files import atomic_write
from essgraph.jsonbytes import json_bytes
from essgraph.errors import RenderError

__all__ = ["VIS_VERSION", "CONFIDENTIAL_SUFFIX", "json_for_html", "confidential_path", "csp", "css_string",
           "print_css", "asset", "template", "write_html"]

#: The vis-network build inlined in every page (bundled with pyvis 0.3.2).
VIS_VERSION = "9.1.2"

#: Suffix of the file name of any output that holds personal data.
CONFIDENTIAL_SUFFIX = "-CONFIDENCIAL"

_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def json_for_html(data: Any) -> str:
    """``data`` as compact JSON that is safe inside an HTML ``<script>`` element."""
    text = json_bytes(data, sort_keys=False, default=str).decode("utf-8")
    for char, escape in _ESCAPES:  # str.replace: str.translate takes seconds on a 20 MB page
        text = text.replace(char, escape)
    return text


def confidential_path(path: Path) -> Path:
    """``path`` with ``-CONFIDENCIAL`` before the extension (once)."""
    if path.stem.endswith(CONFIDENTIAL_SUFFIX):
        return path
    return path.with_name(f"{path.stem}{CONFIDENTIAL_SUFFIX}{path.suffix}")


def csp(scripts: list[str]) -> str:
    """A Content-Security-Policy that allows exactly these inline scripts and no network.

    >>> csp(["alert(1)"]).split("; ")[:2]
    ["default-src 'none'", "script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
    >>> csp([]).split("; ")[1]
    "script-src 'none'"
    """
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in scripts
    ) or "'none'"
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string whose characters other than letters, digits and spaces are escapes.

    Safe inside a ``<style>`` element whatever the text: no quote, backslash, ``<`` or line break is
    left as written (each escape ends with the one space CSS swallows after it).

    >>> print(css_string('Perú "2018" </style>'))
    "Per\\fa  \\22 2018\\22  \\3c \\2f style\\3e "
    """
    return '"' + "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):x} " for c in text) + '"'


def print_css(footer: str, header: str = "") -> str:
    """The page-margin texts of a printed page: ``footer`` (the source) bottom left, ``header`` top centre.

    The page size, margins and page numbers are in each page's style sheet; these
    texts depend on the data and the language, so they are written here, escaped
    (Chromium draws CSS page-margin boxes since version 131).

    >>> print_css("Fuente: x", header="CONFIDENCIAL").count("@top-center")
    1
    """
    rules = [f"@bottom-left {{ content: {css_string(footer)}; }}"]
    if header:
        rules.append(f"@top-center {{ content: {css_string(header)}; color: #b00020; font-weight: bold; }}")
    return "\n@page { " + " ".join(rules) + " }\n"


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """Text of a bundled asset: ``vis-network.min.js`` (from pyvis) or a file of ``render/static``."""
    if name == "vis-network.min.js":
        spec = find_spec("pyvis")  # its folder, without importing pyvis (a second of imports)
        if spec is None or not spec.submodule_search_locations:
            raise RenderError("pyvis is not installed: pip install 'pyvis==0.3.2' (its vis-network is inlined)")
        folder = Path(next(iter(spec.submodule_search_locations)))
        return (folder / "lib" / f"vis-{VIS_VERSION}" / name).read_text(encoding="utf-8")
    else:
        source = files("essgraph.render") / "static" / name
    return source.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("essgraph.render", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )


def template(name: str) -> jinja2.Template:
    """A template of ``render/templates`` (autoescaping on)."""
    return _environment().get_template(name)


def write_html(path: Path, name: str, *, scripts: dict[str, str], **context: Any) -> Path:
    """Render template ``name`` and write it to ``path`` as UTF-8, atomically (a full disk leaves the old page).

    ``scripts`` maps template variables to inline script texts: they are inserted
    verbatim and allowed by the page's Content-Security-Policy.
    """
    for key, code in scripts.items():
        if "</script" in code.lower():
            raise RenderError(f"inline script {key} contains '</script': refusing to write a broken page")
    html = template(name).render(
        csp=csp(list(scripts.values())), **{k: Markup(v) for k, v in scripts.items()}, **context)
    return atomic_write(path, html.encode("utf-8"), error=RenderError, hint="choose another -o path")
