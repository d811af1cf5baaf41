"""Write a file atomically: a temporary file in the same folder, then :func:`os.replace`.

A reader never sees a half-written file, two writers at once leave one of the
two complete files, and a failed write (disk full, no permission) leaves the
previous file as it was and no temporary file behind. :func:`atomic_folder` does
the same for a whole folder (a report, a folder of profiles).

Examples
--------
>>> import tempfile
>>> from essgraph.errors import SnapshotError
>>> path = Path(tempfile.mkdtemp()) / "sub" / "graph.json"
>>> atomic_write(path, b"{}", error=SnapshotError, hint="choose another path") == path
True
>>> path.read_bytes(), [p.name for p in path.parent.iterdir()]
(b'{}', ['graph.json'])
>>> _ = atomic_write(path, iter([b"[1,", b"2]"]), error=SnapshotError, hint="choose another path")
>>> path.read_bytes()
b'[1,2]'
>>> with atomic_folder(path.parent / "out", marker=".mine", what="my folder", error=SnapshotError) as work:
...     _ = (work / "a.txt").write_text("a")
>>> sorted(p.name for p in (path.parent / "out").iterdir())
['.mine', 'a.txt']
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from essgraph.errors import EssgraphError

__all__ = ["atomic_write", "atomic_folder"]


def atomic_write(path: str | Path, data: bytes | Iterable[bytes], *, error: type[EssgraphError], hint: str) -> Path:
    """Write ``data`` to ``path`` atomically, creating its folder if needed.

    Parameters
    ----------
    path : str or Path
        Destination file.
    data : bytes or iterable of bytes
        The whole content (text is encoded by the caller, as UTF-8), or its
        parts in order (written as they come, so the whole never sits in memory).
    error : type of EssgraphError
        Raised, with ``hint`` appended, when the file cannot be written.
    hint : str
        How the user can fix a failed write ("choose another path with --snapshot").

    Returns
    -------
    Path
        ``path``.

    A ``path`` that is a symbolic link is followed: the link stays and the file it
    points to is replaced. A ``path`` that exists and is not a regular file (a
    device such as ``/dev/null``, a folder, a pipe) is refused: replacing it would
    destroy it.

    >>> import tempfile
    >>> atomic_write("/dev/null", b"x", error=EssgraphError, hint="choose a file")
    Traceback (most recent call last):
    ...
    essgraph.errors.EssgraphError: cannot write /dev/null: it is not a regular file (a device, folder or pipe); choose a file
    """
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    if path.exists() and not path.is_file():
        raise error(f"cannot write {path}: it is not a regular file (a device, folder or pipe); {hint}")
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as handle:
            for part in [data] if isinstance(data, bytes) else data:
                handle.write(part)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:  # a failed write, or a part that could not be made: no temporary file left
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if not isinstance(exc, OSError):
            raise
        reason = exc.strerror or str(exc)
        raise error(f"cannot write {path}: {reason}; check free disk space and write permission, or {hint}") from exc
    return path


@contextlib.contextmanager
def atomic_folder(path: str | Path, *, marker: str, what: str, error: type[EssgraphError],
                  replace: bool = False) -> Iterator[Path]:
    """Write a folder whole: fill the temporary folder this yields; at the end it takes the place of ``path``.

    Parameters
    ----------
    path : str or Path
        The folder. It must not exist, be empty, or be an earlier folder of the
        same kind (it holds ``marker``), which is replaced whole: the new folder
        keeps no file of the old one. Anything else is refused, never deleted.
    marker : str
        Name of the file that marks the folder as one of this kind (written last).
    what : str
        The kind of folder, for messages ("an essgraph report folder").
    error : type of EssgraphError
        Raised when ``path`` is refused or cannot be written.
    replace : bool
        Replace a folder that holds something else too (the caller checked that
        it may: ``essgraph import --force`` replaces a data folder).

    The temporary folder is a hidden sibling of ``path``; a failed or interrupted
    write removes it and leaves ``path`` as it was. The swap is two renames (the
    old folder aside, the new one in place), then the old folder is removed.
    """
    out = Path(path)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not replace and not (out / marker).is_file())):
        raise error(f"{out} exists and is not {what}: choose an empty or new folder (nothing was written)")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.essgraph-", dir=out.parent))
    except OSError as exc:
        raise error(f"cannot write {out}: {exc.strerror or exc}; check write permission, or choose another folder"
                    ) from exc
    try:
        work.chmod(0o755)  # the folder is shared: readable like any folder (mkdtemp makes it private)
        yield work
        (work / marker).write_text(f"{what}\n", encoding="utf-8")
        _swap(work, out, error)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _swap(work: Path, out: Path, error: type[EssgraphError]) -> None:
    """Put the finished folder ``work`` in the place of ``out`` (two renames; the old one is then removed)."""
    old = out.with_name(f".{out.name}.essgraph-old") if out.exists() else None
    try:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out, old)
        os.replace(work, out)
    except OSError as exc:
        if old is not None and not out.exists():
            os.replace(old, out)
        raise error(f"cannot write {out}: {exc.strerror or exc}; check free disk space and write "
                    "permission, or choose another folder") from exc
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
