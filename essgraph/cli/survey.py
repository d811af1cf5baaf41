"""``essgraph survey``: the mapping rounds — make the forms, check the answers.

>>> [c.name for c in COMMANDS], sorted(survey.commands)
(['survey'], ['check', 'make', 'merge', 'status'])
"""
from __future__ import annotations

from pathlib import Path

import click

import essgraph.loaders as loaders
from essgraph.graphmodel import carries_label
from essgraph.errors import ValidationFailed
from essgraph.i18n import Catalog
from essgraph.loaders.folder import bundled_data_dir
from essgraph.loaders.survey import check_responses
from essgraph.loaders.survey_rounds import merge_responses
from essgraph.render.survey_form import make_survey

from essgraph.cli.options import echo_json, graph_options, json_flag, lang_option

__all__ = ["COMMANDS", "survey"]

_TEXT = Catalog({
    "made": ("{forms} formularios, el índice y un formulario en blanco en {path} (ábralo: {index})",
             "{forms} forms, the index and a blank form in {path} (open {index})"),
    "workbooks": ("{n} libros XLSX con las mismas preguntas, uno por formulario",
                  "{n} XLSX workbooks with the same questions, one per form"),
    "checked": ("{n} respuesta(s) correctas", "{n} correct response(s)"),
    "merged": ("Ronda {round}: {responses} respuesta(s); {new_ties} vínculo(s) nuevo(s); {mutual} confirmado(s) por "
               "ambas partes, {one_sided} por una sola, {disputed} en disputa; {denied} vínculo(s) del informe "
               "negado(s) (marcados, no borrados); organizaciones por revisar: {review}",
               "Round {round}: {responses} response(s); {new_ties} new tie(s); {mutual} confirmed by both sides, "
               "{one_sided} by one side, {disputed} disputed; {denied} tie(s) of the report denied (flagged, not "
               "deleted); organizations to review: {review}"),
    "unchanged": ("nada cambió: esas respuestas ya estaban combinadas", "nothing changed: those responses were already merged"),
    "bundled": ("--data debe ser su propia carpeta de datos: la de essgraph no se modifica (cópiela primero)",
                "--data must be your own data folder: essgraph's bundled data is not modified (copy it first)"),
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
@click.option("--xlsx", is_flag=True, help="Also write each form as an XLSX workbook with dropdowns (<id>.xlsx).")
@lang_option
def make(data_dir: Path | None, snapshot: Path | None, out_dir: Path, round_name: str, orgs: tuple[str, ...],
         region: str | None, xlsx: bool, lang: str) -> None:
    """Write the offline survey forms of a round, pre-filled from the map (--xlsx: also as workbooks).

    Example: essgraph survey make -o encuesta/ --round ronda-2027 --region cusco --xlsx
    """
    G = loaders.load_graph(data_dir=data_dir, snapshot=snapshot)
    kit = make_survey(G, out_dir, round_name=round_name, orgs=orgs or None, region=region, lang=lang, xlsx=xlsx)
    click.echo(_TEXT.t("made", lang, forms=len(kit.forms), path=out_dir, index=kit.index))
    if kit.workbooks:
        click.echo(_TEXT.t("workbooks", lang, n=len(kit.workbooks)))


@survey.command("check")
@graph_options
@click.argument("responses", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@json_flag
@lang_option
def check(data_dir: Path | None, snapshot: Path | None, responses: tuple[Path, ...], as_json: bool, lang: str) -> None:
    """Check response files: every problem of every file, located by file and field.

    Exits 0 when there is no error, 1 otherwise.

    RESPONSES are the JSON files the forms save or the filled XLSX workbooks.

    Example: essgraph survey check respuestas/*.json respuestas/*.xlsx
    """
    G = loaders.load_graph(data_dir=data_dir, snapshot=snapshot)
    checked, report = check_responses(responses, G)
    if as_json:
        echo_json(report.to_dict(lang))
        raise click.exceptions.Exit(int(not report.valid))
    if not report.valid:
        raise ValidationFailed(report.summary(lang), report)
    click.echo((report.render(lang) + "\n" if report.problems else "") + _TEXT.t("checked", lang, n=len(checked)))


@survey.command("merge")
@click.argument("responses", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--data", "data_dir", type=click.Path(file_okay=False, exists=True, path_type=Path), required=True,
              help="The data folder the answers are merged into.")
@click.option("--round", "round_name", required=True, help="The round the responses answer, e.g. ronda-2027.")
@lang_option
def merge(responses: tuple[Path, ...], data_dir: Path, round_name: str, lang: str) -> None:
    """Merge checked responses into a data folder as reported ties (all or nothing, idempotent).

    Example: essgraph survey merge respuestas/*.json --data mis-datos/ --round ronda-2027
    """
    if data_dir.resolve() == bundled_data_dir().resolve():
        raise click.UsageError(_TEXT.t("bundled", lang))
    G = loaders.load_graph(data_dir=data_dir)
    checked, report = check_responses(responses, G)
    if not report.valid:
        raise ValidationFailed(report.summary(lang), report)
    summary = merge_responses(checked, data_dir, round_name=round_name, entities=_names(G))
    if not summary.changed_files:
        click.echo(_TEXT.t("unchanged", lang))
    click.echo(_TEXT.t("merged", lang, round=round_name, responses=summary.responses, new_ties=summary.new_ties,
                       mutual=summary.mutual, one_sided=summary.one_sided, disputed=summary.disputed,
                       denied=summary.denied_on_record, review=", ".join(summary.to_review) or "-"))


@survey.command("status")
@graph_options
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many to suggest asking next.")
@json_flag
@lang_option
def status(data_dir: Path | None, snapshot: Path | None, top: int, as_json: bool, lang: str) -> None:
    """Who has answered, who has not (by region), and whom to ask next, with the reason.

    Example: essgraph survey status --data mis-datos/
    """
    from dataclasses import asdict

    from essgraph.analysis import tie_graph
    from essgraph.analysis.coverage import coverage
    from essgraph.render.rounds import coverage_text

    G = loaders.load_graph(data_dir=data_dir, snapshot=snapshot)
    found = coverage(G, tie_graph(G)[0], top=top)
    if as_json:
        echo_json(asdict(found))
        return
    regions = {n: str(a.get("name", n)) for n, a in G.nodes(data=True) if carries_label(a, "Region")}
    click.echo(coverage_text(found, lang, region_names=regions))


def _names(G) -> list[tuple[str, str]]:
    """``(id, text)`` for every id, name, alias and acronym of the map (to catch near-duplicates)."""
    out = []
    for node, attrs in G.nodes(data=True):
        for text in (node, attrs.get("name"), attrs.get("acronym"), *(attrs.get("aliases") or ())):
            if text:
                out.append((node, str(text)))
    return out


COMMANDS = [survey]
