"""The one error family of cyberkg.

Library code raises these; only the CLI turns them into a message and an exit
code. Each message is one line that names what is wrong and where.
"""

from __future__ import annotations


class CyberkgError(Exception):
    """Base class of every error cyberkg raises on purpose."""


class InputError(CyberkgError):
    """An input transcript cannot be read or holds no transcript.

    >>> str(InputError("talk.txt", "file is empty"))
    'talk.txt: file is empty'
    """

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")

    def __reduce__(self):  # so that a worker process can raise it to the build
        return (type(self), (self.where, self.problem))


class UsageError(CyberkgError):
    """An option or argument has a value cyberkg cannot use."""


class QueryError(CyberkgError):
    """A SPARQL query cannot be found, parsed or run."""


class MissingToolError(CyberkgError):
    """An optional program or library that a requested output needs is not installed."""


class QueryRefusedError(QueryError):
    """A query asks for something cyberkg does not do unless told to, such as calling a remote SERVICE."""


class StoreError(CyberkgError):
    """A triple store or SPARQL endpoint cannot be loaded, reached or served."""


class OutputError(CyberkgError):
    """The outputs cannot be written: the folder is not writable, a target is in the way, the disk is full.

    >>> str(OutputError("out/graph.ttl", "No space left on device"))
    'cannot write out/graph.ttl: No space left on device'
    """

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"cannot write {where}: {problem}")

    def __reduce__(self):  # so that a worker process can raise it to the build
        return (type(self), (self.where, self.problem))
