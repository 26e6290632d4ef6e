"""The ``cyberkg`` command: a thin adapter over :mod:`cyberkg.pipeline` and :mod:`cyberkg.query`.

This is the one place where errors become messages and exit codes:

* 0 — the graph was built and conforms to the shapes (or the query ran);
* 1 — the graph was built but violates the shapes (graph and report are written);
* 2 — bad input or usage: one line on stderr naming what is wrong, nothing written.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from . import __version__
from .errors import CyberkgError
from .resources import SAMPLE
from .vocab import DEFAULT_BASE

EXIT_OK, EXIT_VIOLATIONS, EXIT_USAGE = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="cyberkg")
def cli() -> None:
    """Turn press-conference transcripts into a validated RDF knowledge graph.

    \b
    Typical use:
      cyberkg build                      # the bundled sample → ./cyberkg-out/
      cyberkg build talks/*.txt --out kg # your transcripts
      cyberkg query people --data kg     # who spoke, in which post, for which body
      cyberkg view --kind orgchart --format svg --data kg

    Every person, body, post and turn in the graph links to evidence: the
    character offsets in the transcript and the exact words found there.
    """


#: ``--data`` of the commands that read a build: a folder or an RDF file.
_data_option = click.option(
    "--data",
    "-d",
    type=click.Path(path_type=Path),
    default=Path("cyberkg-out"),
    show_default=True,
    help="A build folder (its graph.ttl is read) or an RDF file (.ttl, .nt, .rdf, .trig, .nq, .jsonld).",
)


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path), metavar="[INPUT ...]")
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    default=Path("cyberkg-out"),
    show_default=True,
    help="Folder to write graph.ttl and validation.ttl into (created if missing).",
)
@click.option(
    "--base",
    default=DEFAULT_BASE,
    show_default=True,
    help="Namespace for the IRIs of people, bodies, posts, turns and evidence.",
)
@click.option(
    "--one-conference",
    is_flag=True,
    help="Take every INPUT as a page of one conference (by default, consecutive inputs with the same title are).",
)
@click.option("--views/--no-views", default=True, show_default=True, help="Also write graph views into OUT/views/.")
@click.option(
    "--validator",
    type=click.Choice(["pyshacl-turbo", "pyshacl"]),
    default="pyshacl-turbo",
    show_default=True,
    help="SHACL engine: pyshacl-turbo (compiled, fast) or pyshacl (the validator of record); same shapes, same results.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(
    inputs: tuple[Path, ...], out: Path, base: str, one_conference: bool, views: bool, validator: str, quiet: bool
) -> None:
    """Build the knowledge graph of transcripts.

    INPUT is a UTF-8 text transcript or a folder of them (*.txt). With no
    INPUT, the bundled sample transcript is built. Pages 2..N of a conference
    (the same title again) join page 1: `cyberkg build p1.txt p2.txt p3.txt`.

    \b
    Writes:
      OUT/graph.ttl        the knowledge graph (Turtle, same bytes on every run)
      OUT/validation.ttl   the SHACL validation report
      OUT/views/           entities.graphml, entities.gexf (Gephi, yEd,
                           Cytoscape), orgchart.svg (needs Graphviz) and
                           explorer.html (open it in a browser)

    Exits 0 when the graph conforms to the shapes, 1 when it has violations
    (both files are still written), 2 on bad input (nothing is written).
    """
    from .pipeline import build as run_build
    from .validate import Validator, format_result

    started = time.perf_counter()
    progress = None
    if not quiet and sys.stderr.isatty() and (len(inputs) > 1 or any(p.is_dir() for p in inputs)):
        progress = _progress
    result = run_build(
        list(inputs),
        out=out,
        base=base,
        one_conference=one_conference,
        progress=progress,
        views=views,
        validator=Validator(validator),
    )
    elapsed = time.perf_counter() - started
    if not quiet:
        echo = click.echo
        source = ", ".join(str(p) for p in inputs) if inputs else f"bundled sample ({SAMPLE})"
        echo(f"Built {source}")
        for label, count in result.counts:
            echo(f"  {label:<20} {count:>6}")
        echo(f"  {'triples':<20} {len(result.graph):>6}")
        if result.unresolved:
            echo(f"Unresolved mentions: {result.unresolved} (query them: ckg:UnresolvedMention)")
        else:
            echo("Unresolved mentions: 0")
        echo(f"Figures: {result.figures} observations, {result.rejected_figures} rejected candidates")
        if result.conforms:
            echo("SHACL: conforms")
        else:
            echo(f"SHACL: {len(result.report.violations)} violation(s)")
            for res in result.report.violations[:20]:
                echo(format_result(res))
            if len(result.report.violations) > 20:
                echo(f"... and {len(result.report.violations) - 20} more in validation.ttl")
        for path in result.outputs:
            echo(f"Wrote {path}")
        explorer = next((p for p in result.outputs if p.name == "explorer.html"), None)
        if explorer is not None:
            echo(f"Views in {explorer.parent}: open {explorer.name} in a browser; the .graphml and .gexf open in Gephi, yEd or Cytoscape")
        for note in result.notes:
            echo(f"Note: {note}")
        echo(f"Took {elapsed:.2f} s")
    sys.exit(EXIT_OK if result.conforms else EXIT_VIOLATIONS)


def _progress(items):
    """Show a progress bar on stderr while transcripts are parsed."""
    with click.progressbar(list(items), label="Parsing", file=sys.stderr, show_pos=True) as bar:
        yield from bar


@cli.command()
@click.argument("query", metavar="QUERY")
@_data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="How to print the rows.",
)
def query(query: str, data: Path, fmt: str) -> None:
    """Run a SPARQL SELECT query over a built graph.

    QUERY is the name of a bundled query, a path ending in .rq, or SPARQL text.

    \b
    Bundled queries and their columns:
      people         name, title, organization, role
      organizations  name, acronym, parent
      turns          order, speaker, role, start, end
      laws           name
      documents      name
      campaigns      name
      events         name
      media          name
      mentions       speaker, kind, name
      figures        value, unit, measure, period, qualifier, quote

    \b
    Examples:
      cyberkg query people
      cyberkg query turns --data cyberkg-out --format csv > turns.csv
      cyberkg query figures --data cyberkg-out --format csv > figures.csv
      cyberkg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from .query import format_result, run_query

    result = run_query(query, data=data)
    click.echo(format_result(result, fmt), nl=False)


@cli.command()
@click.option(
    "--kind",
    "-k",
    type=click.Choice(["entities", "orgchart", "comention", "speakers"]),
    default="entities",
    show_default=True,
    help="Which view of the graph.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf", "json", "cytoscape", "dot", "svg", "png", "html"]),
    default="graphml",
    show_default=True,
    help="File format of the view.",
)
@_data_option
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None, help="File to write. [default: KIND.SUFFIX here]")
def view(kind: str, fmt: str, data: Path, out: Path | None) -> None:
    """Write a view of a built graph for Gephi, yEd, Cytoscape, Graphviz or a browser.

    \b
    Views:
      entities   people, bodies, laws, documents, campaigns, events, outlets;
                 edges: holds post in, part of, mentions, asks, answers
      orgchart   bodies and their units, with people in their posts
      comention  entities named in the same turn, weighted by how often
      speakers   speaker -> what they named (bipartite)

    \b
    Formats:
      graphml    Gephi, yEd, Cytoscape, networkx     gexf  Gephi
      json       networkx node-link (D3)             cytoscape  Cytoscape.js
      dot        Graphviz source                     svg, png   pictures (Graphviz)
      html       self-contained interactive explorer, opens offline

    Every node and edge carries its IRI, type, label, evidence count and
    first evidence quote. The same graph gives the same bytes every time.

    \b
    Examples:
      cyberkg view --kind orgchart --format svg --out orgchart.svg
      cyberkg view --kind comention --format gexf --data kg
    """
    from .export.bundle import render_view, view_file_name
    from .export.views import read_graph

    target = out or Path(view_file_name(kind, fmt))
    if target.is_dir():
        target = target / view_file_name(kind, fmt)
    payload = render_view(read_graph(data), kind, fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(payload)
    click.echo(f"Wrote {target}")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; turn cyberkg's errors and usage errors into one line and exit code 2."""
    try:
        cli.main(args=argv, prog_name="cyberkg", standalone_mode=False)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    except CyberkgError as exc:
        click.echo(f"cyberkg: error: {exc}", err=True)
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("cyberkg: aborted", err=True)
        return 130
    except click.ClickException as exc:
        context = f"{exc.ctx.command_path}: " if getattr(exc, "ctx", None) else ""
        click.echo(f"cyberkg: error: {context}{exc.format_message()}", err=True)
        return EXIT_USAGE
    return EXIT_OK


__all__ = ["cli", "main"]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
