"""``essgraph survey``: the mapping rounds — make the forms, check the answers.

>>> [c.name for c in COMMANDS], sorted(survey.commands)
(['survey'], ['check', 'make'])
"""
from __future__ import annotations

from pathlib import Path

import click

import essgraph.loaders as loaders
from essgraph.errors import ValidationFailed
from essgraph.i18n import Catalog
from essgraph.loaders.survey import check_responses
from essgraph.render.survey_form import make_survey

from essgraph.cli.options import echo_json, graph_options, json_flag, lang_option

__all__ = ["COMMANDS", "survey"]

_TEXT = Catalog({
    "made": ("{forms} formularios, el índice y un formulario en blanco en {path} (ábralo: {index})",
             "{forms} forms, the index and a blank form in {path} (open {index})"),
    "checked": ("{n} respuesta(s) correctas", "{n} correct response(s)"),
})


@click.group()
def survey() -> None:
    """Mapping rounds: ask the organizations for their ties and check the answers.

    Example: essgraph survey make -o encuesta/ --round ronda-2027
    """


@survey.command("make")
@graph_options
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the forms (one HTML file per organization, index.html, a blank form).")
@click.option("--round", "round_name", required=True, help="Name of the survey round, e.g. ronda-2027.")
@click.option("--org", "orgs", multiple=True, help="Only these organizations (ids); repeatable.")
@click.option("--region", default=None, help="Only the organizations of this region (id).")
@lang_option
def make(data_dir: Path | None, snapshot: Path | None, out_dir: Path, round_name: str, orgs: tuple[str, ...],
         region: str | None, lang: str) -> None:
    """Write the offline survey forms of a round, pre-filled from the map.

    Example: essgraph survey make -o encuesta/ --round ronda-2027 --region cusco
    """
    G = loaders.load_graph(data_dir=data_dir, snapshot=snapshot)
    kit = make_survey(G, out_dir, round_name=round_name, orgs=orgs or None, region=region, lang=lang)
    click.echo(_TEXT.t("made", lang, forms=len(kit.forms), path=out_dir, index=kit.index))


@survey.command("check")
@graph_options
@click.argument("responses", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@json_flag
@lang_option
def check(data_dir: Path | None, snapshot: Path | None, responses: tuple[Path, ...], as_json: bool, lang: str) -> None:
    """Check response files: every problem of every file, located by file and field.

    Exits 0 when there is no error, 1 otherwise.

    Example: essgraph survey check respuestas/*.json
    """
    G = loaders.load_graph(data_dir=data_dir, snapshot=snapshot)
    checked, report = check_responses(responses, G)
    if as_json:
        echo_json(report.to_dict(lang))
        raise click.exceptions.Exit(int(not report.valid))
    if not report.valid:
        raise ValidationFailed(report.summary(lang), report)
    click.echo((report.render(lang) + "\n" if report.problems else "") + _TEXT.t("checked", lang, n=len(checked)))


COMMANDS = [survey]
