"""The ``cyberkg`` command: a thin adapter over :mod:`cyberkg.pipeline` and :mod:`cyberkg.query`.

This is the one place where errors become messages and exit codes:

* 0 — the graph was built and conforms to the shapes (or the query ran);
* 1 — the graph was built but violates the shapes (graph and report are written);
* 2 — bad input or usage: one line on stderr naming what is wrong, nothing written;
* 3 — the graph was built and conforms, but some inputs were rejected (listed in the summary);
* 4 — the outputs could not be written (one line; the previous outputs are left as they were).
* 5 — a query refused: it calls a remote SERVICE without --allow-service;
* 70 — an internal error (a bug): one line, and the traceback with --debug;
* 143 — stopped by SIGTERM (staging folders and temporaries removed).
"""

from __future__ import annotations

import functools
import os
import signal
import sys
import time
from pathlib import Path

import click

from . import __version__
from .errors import CyberkgError, OutputError, QueryRefusedError, UsageError
from .parse import MAX_TRANSCRIPT_MB
from .resources import SAMPLE
from .vocab import DEFAULT_BASE

EXIT_OK, EXIT_VIOLATIONS, EXIT_USAGE, EXIT_REJECTED, EXIT_WRITE, EXIT_REFUSED, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5, 70
EXIT_TERMINATED = 128 + signal.SIGTERM


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="cyberkg")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def cli(debug: bool) -> None:
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
    help="Folder to write graph.ttl and validation.ttl into (created if missing); - writes the graph alone to standard output.",
)
@click.option(
    "--format",
    "-f",
    "formats",
    multiple=True,
    metavar="FMT[,FMT]",
    help="Also write the graph as nt (graph.nt), trig (graph.trig, one named graph per conference) or jsonld "
    "(graph.jsonld), each streamed conference by conference; repeatable or comma-separated. graph.ttl (turtle) and "
    "graph.nq (nquads) are always written. With --out -, the one syntax to print. [default: turtle]",
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
    help="Take every INPUT as a page of one conference, in the order given (by default, pages join only "
    "when they share a title and a date, or a page says it continues a conference).",
)
@click.option("--views/--no-views", default=True, show_default=True, help="Also write graph views into OUT/views/.")
@click.option(
    "--encoding",
    default=None,
    help="Encoding of the INPUT files (utf-8, utf-16, gb18030 ...). [default: detected]",
)
@click.option(
    "--validator",
    type=click.Choice(["pyshacl-turbo", "pyshacl"]),
    default="pyshacl-turbo",
    show_default=True,
    help="SHACL engine: pyshacl-turbo (compiled, fast) or pyshacl (the validator of record); same shapes, same results.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Map conferences in this many processes. [default: the number of cores]",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    default=None,
    help="Map conferences on this Dask scheduler instead (needs: pip install 'cyberkg[dask]').",
)
@click.option(
    "--cache",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of the build cache. [default: OUT/.cyberkg-cache]",
)
@click.option("--no-cache", is_flag=True, help="Map every conference again, and keep no cache.")
@click.option(
    "--max-transcript-mb",
    type=click.FloatRange(min=0, min_open=True),
    default=MAX_TRANSCRIPT_MB,
    show_default=True,
    help="Reject a transcript larger than this many MB (one transcript needs about 2 GB of memory per MB to build).",
)
@click.option(
    "--min-figure-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    metavar="P",
    help="Keep a figure the confidence model judges (a length of time; a count, people or a fraction in words) "
    "only when it scores at least P; the others are rejected candidates ('uncertain figure'). 0 keeps every "
    "figure the rules find (more found, fewer right); 1 drops every judged one. [default: the model's threshold, "
    "see README 'Figure confidence']",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors: no progress, no summary.")
def build(
    inputs: tuple[Path, ...],
    out: Path,
    base: str,
    one_conference: bool,
    views: bool,
    encoding: str | None,
    validator: str,
    jobs: int | None,
    scheduler: str | None,
    cache: Path | None,
    no_cache: bool,
    quiet: bool,
    formats: tuple[str, ...],
    max_transcript_mb: float,
    min_figure_confidence: float | None,
) -> None:
    """Build the knowledge graph of transcripts.

    INPUT is a UTF-8 text transcript, a folder of them (*.txt), or - for
    standard input (named <stdin> in messages and in the graph). With no
    INPUT, the bundled sample transcript is built. Each transcript is a
    conference, unless the text says pages belong together: pages 2..N that
    repeat the title (with no date or roster of their own, or a "Page N"
    marker) join page 1: `cyberkg build p1.txt p2.txt p3.txt`. Files with the
    same bytes are built once.

    \b
    Writes (all moved into place together when every file is written):
      OUT/graph.ttl        the knowledge graph (Turtle, same bytes on every run)
      OUT/graph.nq         the same graph as N-Quads: one named graph per
                           conference, shared nodes in the default graph
      OUT/graph.nt, OUT/graph.trig, OUT/graph.jsonld
                           the same graph in the syntaxes asked for with --format
      OUT/validation.ttl   the SHACL validation report
      OUT/record.ttl       the record of the build: VoID and DCAT for the
                           data set and its files, PROV for the build (tool
                           version, settings, each input's SHA-256); a time
                           only when SOURCE_DATE_EPOCH is set
      OUT/views/           entities.graphml, entities.gexf (Gephi, yEd,
                           Cytoscape), orgchart.svg (needs Graphviz) and
                           explorer.html (open it in a browser)

    \b
    Corpora: conferences are mapped in --jobs processes (or on a Dask
    cluster with --scheduler) and kept in a build cache, OUT/.cyberkg-cache
    or --cache DIR: a rebuild maps only the conferences whose bytes, the
    code, the ontology, the shapes, --base or --min-figure-confidence changed. Clear the cache by
    deleting its folder; --no-cache builds without one.

    \b
    Exits 0 when the graph conforms to the shapes, 1 when it has violations
    (all files are still written), 2 on bad input (nothing is written),
    3 when the graph conforms but some inputs were rejected (the rest is
    built and the rejected are listed), 4 when the outputs cannot be written.

    \b
    Standard output: `cyberkg build talk.txt --format nt --out -` prints the
    graph in one syntax and nothing else; the summary goes to stderr, the
    exit code still says whether it conforms, and nothing is written to
    disk (no views, no validation.ttl, no record, no cache unless --cache).
    """
    from .pipeline import STDIN, build_to_stream
    from .pipeline import build as run_build
    from .record import build_time_from_env
    from .validate import Validator, format_result

    wanted = [f.strip() for item in formats for f in item.split(",") if f.strip()]
    to_stdout = str(out) == "-"
    if to_stdout and len(set(wanted)) > 1:
        raise UsageError("--out - prints one graph: give one --format")
    stdin = sys.stdin.buffer.read(int(max_transcript_mb * 1e6) + 1) if STDIN in inputs else None  # one byte more tells it is too long
    started = time.perf_counter()
    progress = None if quiet else _progress_reporter()
    options = dict(
        base=base,
        one_conference=one_conference,
        progress=progress,
        jobs=jobs or os.cpu_count() or 1,
        scheduler=scheduler,
        encoding=encoding,
        validator=Validator(validator),
        stdin=stdin,
        max_transcript_mb=max_transcript_mb,
        min_figure_confidence=min_figure_confidence,
    )
    try:
        if to_stdout:
            result = build_to_stream(list(inputs), sys.stdout.buffer, fmt=wanted[0] if wanted else "turtle", cache=None if no_cache else cache, **options)
        else:
            try:
                build_time = build_time_from_env(os.environ)
            except ValueError as exc:
                raise UsageError(str(exc)) from None
            result = run_build(list(inputs), out=out, views=views, cache=cache, use_cache=not no_cache, formats=wanted, build_time=build_time, **options)
    finally:
        if progress is not None:
            progress.close()
    elapsed = time.perf_counter() - started
    if not quiet:
        echo = functools.partial(click.echo, err=to_stdout)
        source = ", ".join("<stdin>" if p == STDIN else str(p) for p in inputs) if inputs else f"bundled sample ({SAMPLE})"
        if len(source) > 200:
            source = f"{len(inputs)} inputs"
        echo(f"Built {source}")
        for label, count in result.counts:
            echo(f"  {label:<20} {count:>6}")
        echo(f"  {'triples':<20} {result.triples:>6}")
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
        if result.rejected:
            echo(f"Rejected: {len(result.rejected)} input(s), not in the graph:")
            for item in result.rejected:
                echo(f"  {item.where}: {item.reason}")
        for path in result.outputs:
            echo(f"Wrote {path}")
        explorer = next((p for p in result.outputs if p.name == "explorer.html"), None)
        if explorer is not None:
            echo(f"Views in {explorer.parent}: open {explorer.name} in a browser; the .graphml and .gexf open in Gephi, yEd or Cytoscape")
        for note in result.notes:
            echo(f"Note: {note}")
        cached = result.conferences - result.mapped
        echo(f"Took {elapsed:.2f} s" + (f" ({cached} conference(s) from the cache)" if cached > 0 else ""))
    if not result.conforms:
        sys.exit(EXIT_VIOLATIONS)
    sys.exit(EXIT_REJECTED if result.rejected else EXIT_OK)


class _progress_reporter:
    """Report conferences done on stderr: a bar on a terminal, else a log line every 5%."""

    def __init__(self) -> None:
        self.bar = None
        self.started = time.perf_counter()
        self.logged = -1
        self.done = 0
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int, where: str) -> None:
        self.done = done
        if total < 2:
            return
        if self.tty:
            if self.bar is None:
                self.bar = click.progressbar(length=total, label="Conferences", file=sys.stderr, show_pos=True, show_eta=True, item_show_func=lambda _: self._rate())
                self.bar.__enter__()
            self.bar.update(1, where)
            return
        step = max(1, total // 20)
        if done == total or done // step > self.logged:
            self.logged = done // step
            elapsed = time.perf_counter() - self.started
            left = elapsed / done * (total - done) if done else 0.0
            click.echo(f"cyberkg: {done}/{total} conferences, {self._rate()}, about {left:.0f} s left", err=True)

    def _rate(self) -> str:
        elapsed = time.perf_counter() - self.started
        return f"{self.done / elapsed:.1f}/s" if elapsed > 0 else ""

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@cli.command()
@click.argument("query", metavar="QUERY")
@_data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "xml", "csv", "tsv", "turtle", "nt", "json-ld"]),
    default="table",
    show_default=True,
    help="SELECT/ASK: table or a W3C results format (json, xml, csv, tsv). CONSTRUCT/DESCRIBE: turtle, nt or json-ld.",
)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE (repeatable). VALUE is typed as written (2021^^xsd:integer, \"text\"@en, <iri>, ckg:Turn) or by its form.",
)
@click.option("--allow-service", is_flag=True, help="Allow SERVICE clauses, which make the query call remote endpoints.")
@click.option("--show", is_flag=True, help="Print the query's SPARQL text instead of running it.")
def query(query: str, data: Path, fmt: str, params: tuple[str, ...], allow_service: bool, show: bool) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) over a built graph.

    QUERY is the name of a bundled query, a path ending in .rq, or SPARQL text.
    The default graph is the union of every graph in the data (TriG and N-Quads
    included). The prefixes ckg, org, schema, oa, prov, skos, dcterms, rdfs,
    rdf, owl, xsd, sh, qb, unit, void, dcat, time, qudt and foaf are declared
    unless the query declares them. Cells are cut to fit only on a terminal.

    \b
    Parameters are bound by the query engine, never pasted into the text:
      --param year=2021              an xsd:integer (2021^^xsd:integer)
      --param name='"Zhao Lan"'    a string ("2021" is a string too)
      --param body='<https://…>'     an IRI; ckg:Turn is an IRI too
      --param day=2022-08-19         an xsd:date; 1.5 an xsd:decimal
    A SELECT query must name each parameter's variable in its SELECT clause.

    \b
    SERVICE (federation) is refused unless --allow-service is given, so a
    shared .rq file cannot reach other hosts.

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
    Competency questions (columns in the README): posts_held,
    measure_over_time, laws_cited, questions_answered, speaking_time,
    body_hierarchy, named_together, fines, rankings, conferences,
    where_named, unresolved, rejected, event_editions, acronyms.

    \b
    Examples:
      cyberkg query people
      cyberkg query turns --data cyberkg-out --format csv > turns.csv
      cyberkg query figures --data cyberkg-out --format json
      cyberkg query 'ASK { ?p a schema:Person }'
      cyberkg query 'CONSTRUCT WHERE { ?p schema:name ?n ; org:holds ?post }' -p n='"Zhao Lan"'

    Exits 0 when the query ran, 2 when it or the data cannot be read, 4 when
    it is refused.
    """
    import shutil

    from .query import format_result, parse_params, query_text, run_query

    if show:
        click.echo(query_text(query), nl=False)
        return
    result = run_query(query, data=data, params=parse_params(params), allow_service=allow_service)
    width = min(60, max(20, shutil.get_terminal_size().columns // 3)) if sys.stdout.isatty() else None
    click.echo(format_result(result, fmt, width=width), nl=False)


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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="PATH...")
@click.option("--store", type=click.Path(path_type=Path), default=None, help="Folder of an embedded Oxigraph store (created if missing).")
@click.option("--endpoint", default=None, metavar="URL", help="Graph Store Protocol URL of a SPARQL server, such as http://127.0.0.1:7878/store.")
def load(paths: tuple[Path, ...], store: Path | None, endpoint: str | None) -> None:
    """Load built graphs into a triple store, one named graph per conference.

    PATH is a build folder or an RDF file (.ttl, .nt, .jsonld, .nq, .trig).
    Each conference goes in the named graph of its IRI; loading it again
    replaces that graph, so a reload never duplicates triples.

    \b
    Give exactly one of:
      --store DIR     an embedded Oxigraph store on disk; serve it with
                      `cyberkg serve --store DIR`
      --endpoint URL  a server's SPARQL 1.1 Graph Store Protocol URL (one
                      HTTP PUT per conference graph):
                        Oxigraph  http://HOST:7878/store
                        Fuseki    http://HOST:3030/DATASET/data
                        GraphDB   http://HOST:7200/repositories/REPO/rdf-graphs/service

    \b
    Example:
      cyberkg build --out kg && cyberkg load kg --store kg-store
    """
    from .store import load_endpoint, load_store

    if (store is None) == (endpoint is None):
        raise click.UsageError("give exactly one of --store and --endpoint")
    loaded = load_store(list(paths), store=store) if store is not None else load_endpoint(list(paths), endpoint=endpoint)
    target = store if store is not None else endpoint
    for graph in loaded:
        click.echo(f"Loaded {graph.triples:>7} triples into <{graph.name}>")
    click.echo(f"{len(loaded)} conference graph(s) in {target}")


@cli.command()
@click.option("--store", type=click.Path(path_type=Path), required=True, help="Folder of a store made by `cyberkg load --store`.")
@click.option("--port", type=int, default=7878, show_default=True, help="Port to listen on, on 127.0.0.1 only.")
def serve(store: Path, port: int) -> None:
    """Serve a store over SPARQL on 127.0.0.1, read-only, until interrupted.

    Runs the Oxigraph server (pip install 'cyberkg[serve]'). The default graph
    of every query is the union of the conference graphs.

    \b
    Endpoints:
      http://127.0.0.1:PORT/query   SPARQL 1.1 Protocol (GET or POST)
      http://127.0.0.1:PORT/        a query editor in the browser

    \b
    The bundled queries run there as they are; print one with
      cyberkg query people --show   (or read src/cyberkg/queries/NAME.rq)
    and post it, for example:
      curl -H 'Accept: text/csv' --data-urlencode query@people.rq http://127.0.0.1:7878/query

    \b
    Bundled queries (cyberkg query --help lists their columns): people,
    organizations, turns, laws, documents, campaigns, events, media,
    mentions, figures, posts_held, measure_over_time, laws_cited,
    questions_answered, speaking_time, body_hierarchy, named_together,
    fines, rankings, conferences, where_named, unresolved, rejected,
    event_editions, acronyms.
    """
    import os

    from .store import serve_command

    command = serve_command(store, port=port)
    click.echo(f"Serving {store} at http://127.0.0.1:{port}/query (Ctrl-C to stop)", err=True)
    sys.stderr.flush()
    sys.stdout.flush()
    # The server takes this process's place, so its PID is this command's PID:
    # stopping it stops the server, and no child is left behind.
    os.execv(command[0], command)


def _terminate(signum, frame):  # noqa: ARG001 - signal handler signature
    """SIGTERM: unwind like an exception, so staging folders and temporaries are removed."""
    raise SystemExit(EXIT_TERMINATED)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; turn cyberkg's errors into one line and an exit code (see the module docstring)."""
    args = sys.argv[1:] if argv is None else argv
    previous = signal.signal(signal.SIGTERM, _terminate) if _main_thread() else None
    try:
        cli.main(args=args, prog_name="cyberkg", standalone_mode=False)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    except QueryRefusedError as exc:
        click.echo(f"cyberkg: refused: {exc}", err=True)
        return EXIT_REFUSED
    except OutputError as exc:
        click.echo(f"cyberkg: error: {exc}", err=True)
        return EXIT_WRITE
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
    except Exception as exc:  # a bug: one line, the traceback only on request
        if "--debug" in args[: args.index("--") if "--" in args else len(args)]:
            raise
        message = " ".join(str(exc).split()) or "no message"
        click.echo(f"cyberkg: internal error: {type(exc).__name__}: {message} (run with --debug for the traceback)", err=True)
        return EXIT_INTERNAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return EXIT_OK


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


__all__ = ["cli", "main"]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
