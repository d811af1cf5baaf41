"""Write a file atomically: a temporary file in the same folder, then :func:`os.replace`.

A reader never sees a half-written file, two writers at once leave one of the
two complete files, and a failed write (disk full, no permission) leaves the
previous file as it was and no temporary file behind.

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

"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterable

from essgraph.errors import EssgraphError

__all__ = ["atomic_write"]


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
