"""Other maps' formats: ``import`` (a Kumu workbook, the filled-in template… as a data folder) and ``template``.

Each command calls one function of :mod:`essgraph.loaders` of the same name
(:func:`~essgraph.loaders.interchange.import_data`, :func:`~essgraph.loaders.data_entry.template`)
and prints its result. ``export --format kumu`` is in :mod:`essgraph.cli.data`.

>>> [c.name for c in COMMANDS]
['import', 'template']
"""
from __future__ import annotations

from pathlib import Path

import click

from essgraph.i18n import Catalog
from essgraph.loaders.data_entry import template as write_template
from essgraph.loaders.interchange import IMPORT_FORMATS, import_data

from essgraph.cli.options import lang_option

__all__ = ["COMMANDS", "import_", "template"]

_TEXT = Catalog({
    "imported": ("Importado de {source} ({fmt}) en {path}: {counts}", "Imported from {source} ({fmt}) into {path}: {counts}"),
    "count": ("{file}: {n}", "{file}: {n}"),
    "next": ("Siguiente paso: essgraph build --data {path}", "Next: essgraph build --data {path}"),
    "template": ("Plantilla escrita en {path}; al completarla: essgraph import template {path} -o datos/",
                 "Template written to {path}; once filled in: essgraph import template {path} -o data/"),
})


@click.command("import")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(sorted(IMPORT_FORMATS)))
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Data folder to write (new or empty).")
@click.option("--force", is_flag=True,
              help="Replace a data folder that already holds data files (a folder holding anything else is refused).")
@lang_option
def import_(fmt: str, source: Path, out_dir: Path, force: bool, lang: str) -> None:
    """Import another map as a data folder, validated first: nothing is written while there are errors.

    \b
    FORMAT (docs/formats.md describes each):
      essglobal     an ESSGlobal file: Turtle (.ttl) or RDF/XML (.rdf)
      kumu          a Kumu workbook (.xlsx) with Elements and Connections sheets
      murmurations  a folder of Murmurations profiles (.json)
      template      the workbook of essgraph template, filled in

    Every problem is listed at once with where it is in SOURCE (sheet, row, column).

    Example: essgraph import kumu mapa.xlsx -o datos/ && essgraph build --data datos/
    """
    result = import_data(fmt, source, out_dir, force=force)
    counts = ", ".join(_TEXT.t("count", lang, file=name, n=n) for name, n in result.counts.items())
    if result.report.warnings:
        click.echo(result.report.render(lang))
    click.echo(_TEXT.t("imported", lang, source=source.name, fmt=fmt, path=result.data_dir, counts=counts))
    click.echo(_TEXT.t("next", lang, path=result.data_dir))


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The workbook to write (.xlsx).")
@lang_option
def template(output: Path, lang: str) -> None:
    """Write an empty data-entry workbook: one sheet per data file, drop-down lists, instructions.

    Fill it in a spreadsheet, then import it (it is checked sheet by sheet, row by row).

    Example: essgraph template -o plantilla.xlsx && essgraph import template plantilla.xlsx -o datos/
    """
    path = write_template(output, lang=lang)
    click.echo(_TEXT.t("template", lang, path=path))


COMMANDS = [import_, template]
