"""Read an RDF file (Turtle or RDF/XML) safely: one clear error for a file that cannot be read, no hang.

A hostile or broken file gives one :class:`~essgraph.loaders.readers.ReadError`
(``rdf-unparsable`` with the line, ``rdf-too-large``, ``rdf-unsupported-format``,
``unreadable``) and no triples. Brackets nested past Python's recursion limit
are such an error, not a crash; RDF/XML is read by expat with its text
buffered (see :class:`_BufferedExpat`), so that neither an entity expanded many
times nor a long text of short lines makes rdflib's parser quadratic.
Turtle text still is: a literal of 400,000 lines takes rdflib ~10 s.
"""
from __future__ import annotations

import contextlib
import io
import logging
import re
from pathlib import Path
from typing import Iterator
from xml.sax import SAXParseException
from xml.sax.expatreader import ExpatParser
from xml.sax.xmlreader import InputSource

from rdflib import Graph
from rdflib.plugins.parsers.rdfxml import RDFXMLHandler

from essgraph.loaders.readers import ReadError

__all__ = ["MAX_BYTES", "parse_rdf_file"]

#: Largest RDF file read (it is parsed whole into memory).
MAX_BYTES = 64 * 1024 * 1024

_SUFFIXES = {".ttl": "turtle", ".turtle": "turtle", ".nt": "turtle", ".rdf": "xml", ".owl": "xml", ".xml": "xml"}
_SYNTAX_NAMES = {"turtle": "Turtle", "xml": "RDF/XML"}


def parse_rdf_file(path: str | Path) -> Graph:
    """The triples of a Turtle or RDF/XML file, or one :class:`~essgraph.loaders.readers.ReadError` saying why not.

    The suffix chooses the syntax (``.ttl``, ``.turtle``, ``.nt``; ``.rdf``,
    ``.owl``, ``.xml``); another name is read as its first character says.
    JSON-LD is refused (its ``@context`` may name a remote document, which
    would be fetched), and so is a file over :data:`MAX_BYTES`. RDF/XML never
    fetches an external entity, and expat stops entity "bombs".

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.ttl"
    >>> _ = path.write_text('<http://x/a> <http://x/b> "c" .', encoding="utf-8")
    >>> len(parse_rdf_file(path))
    1
    >>> _ = path.write_text('<http://x/a> <http://x/b> "c', encoding="utf-8")
    >>> parse_rdf_file(path)
    Traceback (most recent call last):
    ...
    essgraph.loaders.readers.ReadError: cannot read a.ttl as Turtle: Quote expected in string...
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".jsonld", ".json"):
        raise ReadError("rdf-unsupported-format", file=path.name, suffix=suffix)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError("rdf-too-large", file=path.name, size_mb=round(size / 2**20), limit_mb=MAX_BYTES // 2**20)
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError("unreadable", file=path.name, reason=exc.strerror or str(exc)) from exc
    syntax = _SUFFIXES.get(suffix) or ("xml" if data.lstrip()[:1] == b"<" else "turtle")
    graph = Graph(bind_namespaces="none")
    try:
        with _quiet("rdflib"):
            if syntax == "xml":
                _parse_xml(data, graph, path.resolve().as_uri())
            else:
                graph.parse(data=data, format="turtle", publicID=path.resolve().as_uri())
    except RecursionError as exc:
        raise ReadError("rdf-unparsable", file=path.name, format=_SYNTAX_NAMES[syntax],
                        reason="brackets or lists nested too deeply") from exc
    except Exception as exc:  # rdflib's parsers also raise AssertionError, IndexError… on malformed input
        raise ReadError("rdf-unparsable", file=path.name, format=_SYNTAX_NAMES[syntax], reason=_reason(exc)) from exc
    return graph


class _BufferedExpat(ExpatParser):
    """The SAX reader for rdflib's RDF/XML handler, with expat's text buffering on.

    Without it expat hands over each line and each entity of a text separately
    and rdflib joins the pieces one by one, in quadratic time: a 1 MB literal of
    short lines took minutes, an entity expanded a million times longer still.
    """

    def reset(self) -> None:
        super().reset()
        self._parser.buffer_text = True  # type: ignore[attr-defined]  # made by ExpatParser.reset


def _parse_xml(data: bytes, graph: Graph, base: str) -> None:
    """Parse RDF/XML into ``graph``: external entities are never fetched, expat stops entity bombs."""
    source = InputSource(base)
    source.setByteStream(io.BytesIO(data))
    reader = _BufferedExpat(namespaceHandling=1)
    handler = RDFXMLHandler(graph)
    handler.setDocumentLocator(source)  # type: ignore[arg-type]  # rdflib reads the base URI from it
    reader.setContentHandler(handler)  # type: ignore[arg-type]  # rdflib's annotations differ from typeshed's
    reader.parse(source)


@contextlib.contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """rdflib logs a traceback for each odd literal of a hostile file; the problems say what matters."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _reason(exc: Exception) -> str:
    if isinstance(exc, SAXParseException):
        return f"line {exc.getLineNumber()}, column {exc.getColumnNumber()}: {exc.getMessage()}"
    text = str(getattr(exc, "message", None) or exc)
    found = re.search(r"at line (\d+).*?\((.+?)\) at \^", text, re.DOTALL)
    return f"line {found[1]}: {found[2]}" if found else " ".join(text.split())[:300]
