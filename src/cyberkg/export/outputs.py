"""Write a build's files as one set: all into a staging folder, then moved into place together.

A build writes graph.ttl, graph.nq, validation.ttl and views/ into a hidden
staging folder inside the output folder. Only when every file is written does
:meth:`OutputSet.commit` move them into place, holding a lock on the output
folder so that two builds into the same folder cannot interleave their moves:
the folder holds one build's set or the other's, never a mix. A build that
stops early (an error, a full disk, SIGTERM turned into an exception) removes
its staging folder and leaves the previous outputs as they were. Every
failure to write becomes an :class:`~cyberkg.errors.OutputError`.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..errors import OutputError

STAGING_PREFIX = ".cyberkg-staging-"


class _Digesting:
    """A binary file that hashes and counts what is written to it.

    The hash runs in a thread of its own, beside the writes (both release the
    GIL on large blocks): on a graph of hundreds of megabytes it costs no time.
    """

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.digest = hashlib.sha256()
        self.size = 0
        self._hasher = ThreadPoolExecutor(max_workers=1)  # one thread: the blocks are hashed in order
        self._pending: deque[Future] = deque()

    def write(self, data: bytes) -> int:
        self._pending.append(self._hasher.submit(self.digest.update, data))
        if len(self._pending) > 8:  # a few blocks ahead at most: the memory stays that of a few blocks
            self._pending.popleft().result()
        self.size += len(data)
        return self.fh.write(data)

    def hexdigest(self) -> str:
        """The SHA-256 of all that was written, once every block is hashed."""
        self._hasher.shutdown(wait=True)
        return self.digest.hexdigest()


class OutputSet:
    """The files of one build, staged in ``out`` and committed together."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.names: list[str] = []
        self._facts: dict[str, tuple[int, str]] = {}
        try:
            out.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
        except OSError as exc:
            raise OutputError(str(out), _reason(exc)) from None

    def __enter__(self) -> OutputSet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def discard(self) -> None:
        """Remove the staging folder and whatever is left in it."""
        shutil.rmtree(self.staging, ignore_errors=True)

    @contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        """A binary file to write, staged as ``name`` (a path relative to the output folder).

        Its size and SHA-256 are taken as it is written (:meth:`facts`), so the
        build record need not read hundreds of megabytes back.
        """
        path = self.staging / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as fh:
                digesting = _Digesting(fh)
                try:
                    yield digesting  # type: ignore[misc]
                finally:
                    digest = digesting.hexdigest()
            os.chmod(path, 0o644)
        except OSError as exc:
            raise OutputError(str(self.out / name), _reason(exc)) from None
        self.names.append(name)
        self._facts[name] = (digesting.size, digest)

    def facts(self, name: str) -> tuple[int, str]:
        """The size in bytes and the SHA-256 (hex) of a staged file, as it was written."""
        return self._facts[name]

    def write(self, name: str, data: bytes) -> None:
        with self.open(name) as fh:
            fh.write(data)

    def staged(self, name: str) -> Path:
        return self.staging / name

    def commit(self, *, replace_folders: tuple[str, ...] = (), remove: tuple[str, ...] = ()) -> tuple[Path, ...]:
        """Move every staged file into place, under a lock on the output folder.

        Each name in ``replace_folders`` (such as ``views``) is replaced as a
        whole: an old folder of that name goes even when this build wrote
        nothing into it, so no stale file is left beside the new graph. Each
        file in ``remove`` (such as a graph.trig this build did not write) that
        this build did not stage is removed, for the same reason.

        Raises:
            OutputError: a target is in the way (``views`` is a file, ``graph.ttl`` a folder) or a move fails.
        """
        tops = sorted({Path(n).parts[0] for n in self.names} | set(replace_folders))
        for top in tops:
            target = self.out / top
            staged = self.staging / top
            if target.exists() or target.is_symlink():
                if top in replace_folders and not target.is_dir():
                    raise OutputError(str(target), "is a file, and the build writes a folder there")
                if top not in replace_folders and target.is_dir():
                    raise OutputError(str(target), "is a folder, and the build writes a file there")
            elif staged.is_dir() and top not in replace_folders:
                raise OutputError(str(target), "unexpected folder in the build")
        with _locked(self.out):
            try:
                for top in tops:
                    target, staged = self.out / top, self.staging / top
                    if top in replace_folders:
                        if target.is_dir():
                            os.replace(target, self.staging / f".old-{top}")
                        if staged.exists():
                            os.replace(staged, target)
                    elif staged.exists():
                        os.replace(staged, target)
                for name in remove:
                    target = self.out / name
                    if name not in self.names and target.is_file() and not target.is_symlink():
                        os.remove(target)
            except OSError as exc:
                raise OutputError(str(self.out), _reason(exc)) from None
        return tuple(self.out / n for n in sorted(self.names, key=lambda n: (len(Path(n).parts), n)))


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` itself (no lock file is left behind)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise OutputError(str(folder), _reason(exc)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
