"""Options shared by several commands, written once.

>>> import click
>>> @click.command()
... @lang_option
... def hello(lang): click.echo(lang)
>>> from click.testing import CliRunner
>>> CliRunner().invoke(hello, ["--lang", "en"]).output
'en\\n'
"""
from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import click

from essgraph.i18n import DEFAULT_LANG, LANGS

__all__ = ["lang_option", "data_option", "snapshot_option", "json_flag", "graph_options", "quiet_option", "echo_json",
           "progress_bar"]

F = TypeVar("F", bound=Callable[..., Any])


def _remember_lang(ctx: click.Context, _param: click.Parameter, value: str) -> str:
    ctx.meta["essgraph.lang"] = value
    return value


def lang_option(f: F) -> F:
    """``--lang es|en``: language of what a planner reads (default Spanish)."""
    return click.option(
        "--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, show_default=True,
        envvar="ESSGRAPH_LANG", callback=_remember_lang, is_eager=True,
        help="Language of messages, reports and graphs.",
    )(f)


def data_option(f: F) -> F:
    """``--data DIR``: a data folder (default: the bundled data)."""
    return click.option(
        "--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
        envvar="ESSGRAPH_DATA", help="Data folder (default: the data bundled with essgraph).",
    )(f)


def snapshot_option(f: F) -> F:
    """``--snapshot PATH``: where ``build`` saves the graph and later commands read it."""
    return click.option(
        "--snapshot", type=click.Path(dir_okay=False, path_type=Path), default=None,
        envvar="ESSGRAPH_SNAPSHOT",
        help="Graph snapshot file (default: .essgraph/graph.json in the current folder).",
    )(f)


def json_flag(f: F) -> F:
    """``--json``: machine-readable output on stdout."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(f)


def graph_options(f: F) -> F:
    """``--data`` and ``--snapshot``: where a command gets its graph."""
    return data_option(snapshot_option(f))


def _remember_no_progress(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta["essgraph.quiet"] = True


def _quiet(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    return bool(value or ctx.meta.get("essgraph.quiet"))


def quiet_option(f: F) -> F:
    """``-q/--quiet``: no progress bar (``--no-progress``, its old spelling, still works, hidden).

    >>> @click.command()
    ... @quiet_option
    ... def work(quiet): click.echo(quiet)
    >>> from click.testing import CliRunner
    >>> [CliRunner().invoke(work, args).output for args in ([], ["-q"], ["--no-progress"])]
    ['False\\n', 'True\\n', 'True\\n']
    """
    f = click.option("-q", "--quiet", is_flag=True, callback=_quiet, help="No progress bar.")(f)
    return click.option("--no-progress", is_flag=True, hidden=True, expose_value=False, is_eager=True,
                        callback=_remember_no_progress)(f)


def echo_json(data: Any) -> None:
    """Print ``data`` as indented, key-sorted JSON on stdout."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str))


#: Seconds of work before a bar appears (quick runs show none).
BAR_AFTER = 1.5


def _terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def progress_bar(desc: str, quiet: bool = False, after: float | None = None, unit: str = "step"
                 ) -> Iterator[Callable[[int, int], None] | None]:
    """A ``progress(done, total)`` callback drawing a tqdm bar on stderr, or ``None``.

    ``None`` (no bar) with ``quiet`` or when stderr is not a terminal; the bar
    appears at the first step done ``after`` seconds (default :data:`BAR_AFTER`)
    or more from the start, so quick runs show none. ``unit`` names what is counted (``" rows"`` scales to k, M).

    >>> with progress_bar("analyze", quiet=True) as progress:
    ...     progress is None
    True
    """
    if quiet or not _terminal():
        yield None
        return
    after = BAR_AFTER if after is None else after
    from tqdm import tqdm

    start = time.monotonic()
    bars: list[Any] = []

    def progress(done: int, total: int) -> None:
        if not bars:
            if time.monotonic() - start < after:
                return
            bars.append(tqdm(total=total, desc=desc, unit=unit, unit_scale=unit != "step", file=sys.stderr, leave=False))
        bar = bars[0]
        if bar.total != total:
            bar.reset(total=total)
        bar.update(done - bar.n)
        if done == total:  # drawn at the end whatever tqdm's refresh interval skipped
            bar.refresh()

    try:
        yield progress
    finally:
        for bar in bars:
            bar.close()
