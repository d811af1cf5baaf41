"""Loaders: read data files, validate them, build the graph, save and load its snapshot, export it.

The public API, one function per CLI command:

* :func:`validate` — every problem of a data folder, as a report;
* :func:`build` — validate, build the graph, save the snapshot;
* :func:`load_graph` — the graph every other command uses;
* :func:`stats` — counts of a graph;
* :func:`export` — JSON, GraphML, GEXF or CSV, without personal data unless asked.

>>> from essgraph.loaders import validate
>>> validate.__module__
'essgraph.loaders.validation'
"""
from .builder import BuildResult, build, load_graph
from .dataset import Dataset, load_dataset, to_model
from .exporters import EXPORT_FORMATS, export
from .layout import bundled_data_dir
from .readers import ReadError, Row, Table, read_table
from .report import Problem, ValidationReport
from .snapshot import read_snapshot, write_snapshot
from .counts import stats
from .validation import validate

__all__ = [
    "BuildResult", "build", "load_graph", "Dataset", "load_dataset", "to_model", "EXPORT_FORMATS", "export",
    "bundled_data_dir", "ReadError", "Row", "Table", "read_table", "Problem", "ValidationReport",
    "read_snapshot", "write_snapshot", "stats", "validate",
]
