"""Loaders: read data files, validate them, build the graph, save and load its snapshot, export it.

The public API, one function per CLI command:

* :func:`validate` — every problem of a data folder, as a report;
* :func:`build` — validate, build the graph, save the snapshot;
* :func:`load_graph` — the graph every other command uses;
* :func:`stats` — counts of a graph;
* :func:`export` — JSON, GraphML, GEXF, CSV, Murmurations profiles or ESSGlobal, without personal data unless asked;
* :func:`read_murmurations` — a folder of Murmurations profiles as data-folder rows.

:func:`essgraph.loaders.essglobal.read_essglobal` reads an ESSGlobal file (another
map's, or essgraph's) as data-folder rows; it is imported from its module, so that
the commands that do not read or write linked data do not load rdflib.

>>> from essgraph.loaders import validate
>>> validate.__module__
'essgraph.loaders.validation'
"""
from essgraph.loaders.building import BuildResult, build, load_graph
from essgraph.loaders.dataset import Dataset, load_dataset, to_model
from essgraph.loaders.exporters import DEFAULT_BASE_URL, EXPORT_FORMATS, check_export_options, export
from essgraph.loaders.folder import bundled_data_dir
from essgraph.loaders.murmurations import read_murmurations
from essgraph.loaders.murmurations_export import check_base_url
from essgraph.loaders.readers import ReadError, Row, Table, read_table
from essgraph.loaders.problems import Problem, ValidationReport
from essgraph.loaders.snapshot import read_snapshot, write_snapshot
from essgraph.loaders.statistics import stats
from essgraph.loaders.validation import validate

__all__ = [
    "BuildResult", "build", "load_graph", "Dataset", "load_dataset", "to_model", "DEFAULT_BASE_URL", "EXPORT_FORMATS",
    "export",
    "check_export_options",
    "bundled_data_dir", "check_base_url", "read_murmurations", "ReadError", "Row", "Table", "read_table", "Problem",
    "ValidationReport",
    "read_snapshot", "write_snapshot", "stats", "validate",
]
