"""Draw DOT as SVG or PNG with Graphviz, called as a program (Debian's ``graphviz`` package).

This is the only module that runs Graphviz. Graphviz is optional: without
it, :func:`draw` raises :class:`~cyberkg.errors.MissingToolError` with an
install hint, and ``cyberkg build`` skips the pictures with a note.
"""

from __future__ import annotations

import shutil
import subprocess

from ..errors import CyberkgError, MissingToolError

#: How to install Graphviz, for the error message.
INSTALL_HINT = "install Graphviz (Debian/Ubuntu: apt-get install graphviz fonts-wqy-zenhei; macOS: brew install graphviz)"

# A picture that takes longer than this is not a picture anyone will read.
_TIMEOUT_S = 120


def graphviz_available() -> bool:
    """Tell whether Graphviz's ``dot`` program is on the PATH."""
    return shutil.which("dot") is not None


def draw(dot_source: str, fmt: str, *, engine: str = "dot", pinned: bool = False) -> bytes:
    """Lay out and draw ``dot_source`` as ``svg`` or ``png``.

    ``engine="dot"`` ranks the graph top-down; ``engine="neato"`` lays it out
    by force, from the seed the DOT gives (``start``), or keeps the positions
    the DOT gives its nodes when ``pinned``.

    Raises:
        MissingToolError: Graphviz is not installed.
        CyberkgError: Graphviz failed on the input.
    """
    if fmt not in ("svg", "png"):
        raise ValueError(f"cannot draw {fmt!r}: use svg or png")
    exe = shutil.which("dot")
    if exe is None:
        raise MissingToolError(f"drawing {fmt.upper()} needs Graphviz's 'dot' program: {INSTALL_HINT}")
    args = [exe, f"-K{engine}", f"-T{fmt}"]
    if pinned:
        args.append("-n")
    if fmt == "png":
        args.append("-Gdpi=110")
    try:
        proc = subprocess.run(args, input=dot_source.encode("utf-8"), capture_output=True, timeout=_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise CyberkgError(f"Graphviz took more than {_TIMEOUT_S} s to draw the picture; use GraphML or HTML for a graph this big") from None
    if proc.returncode != 0:
        message = " ".join(proc.stderr.decode("utf-8", "replace").split())[:300]
        raise CyberkgError(f"Graphviz could not draw the picture: {message or f'exit code {proc.returncode}'}")
    return proc.stdout
