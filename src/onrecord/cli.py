"""The `onrecord` command. Each command is a thin adapter over a Python function."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from . import __version__, sources
from .analysis import analyze_each
from .sources import EXIT_NOT_ENGLISH, EXIT_SOME_FAILED, InputError, Item

app = typer.Typer(
    help="onrecord: who said what, who predicted what, and whether they were right.\n\n"
         "Start with `onrecord analyze ARTICLE.txt --published YYYY-MM-DD`.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, soft_wrap=True)  # one problem, one line: never wrapped


def _version(value: bool) -> None:
    if value:
        print(f"onrecord {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    pass


def _count(paths: list[str]) -> int:
    n = 0
    for p in paths:
        if sources.kind_of(p) == "jsonl" and not p.endswith(".gz") and Path(p).is_file():
            with open(p, "rb") as f:
                n += sum(1 for line in f if line.strip())
        else:
            n += 1
    return n


def _progress(total: int):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    return Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.speed} art/s"),
                    TimeRemainingColumn(), console=err, transient=True, disable=not sys.stderr.isatty() or total < 2)


def _valid_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    import datetime
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Articles: .txt, .html, .htm, .html.gz, .jsonl; - reads stdin.",
                                               show_default=False)],
    published: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD: anchors 'Tuesday', "
                         "'next year' and deadlines. A JSONL record's own \"published\" wins.",
                         callback=_valid_date)] = None,
    url: Annotated[Optional[str], typer.Option(help="The article's URL, recorded with it.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON of FORMAT.md, indented "
                                          "(an array when there is more than one article).")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one JSON object per line, per article.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Largest article accepted, in bytes.")] = sources.DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.")] = 32,
) -> None:
    """Extract quotes, speakers and forecasts from articles.

    \b
    Examples:
      onrecord analyze examples/ukraine-outlook.txt --published 2024-03-02
      onrecord analyze page.html --json
      onrecord analyze corpus.jsonl --jsonl > analyses.jsonl

    \b
    Exit codes: 0 all analysed; 2 usage; 3 unreadable input (missing, empty, binary,
    undecodable); 4 over --max-bytes; 5 not English; 6 some JSONL lines failed (the rest
    were analysed). Each problem is one line on stderr.
    """
    if as_json and as_jsonl:
        raise typer.BadParameter("--json and --jsonl exclude each other")
    out = Console(soft_wrap=False) if not (as_json or as_jsonl) else None
    codes: list[int] = []
    results: list[dict] = []

    def items() -> Iterator[Item]:
        for p in paths:
            for item in sources.read(p, published=published, url=url, max_bytes=max_bytes):
                if item.note:
                    err.print(f"[yellow]note[/yellow]: {item.note}", highlight=False)
                yield item

    def failed(item: Item, e: InputError) -> None:
        err.print(f"[red]error[/red]: {e}", highlight=False)
        codes.append(EXIT_SOME_FAILED if item.line is not None else e.code)
        if as_jsonl and item.request is not None:
            print(json.dumps({"id": item.request.id, "error": str(e)}, ensure_ascii=False))

    total = _count(paths)
    with _progress(total) as bar:
        task = bar.add_task("analyse", total=total)
        pairs = ((i, i.request if i.error is None else None) for i in items())
        for item, analysis in analyze_each(pairs, chunk=batch_size):
            bar.advance(task)
            if analysis is None:
                failed(item, item.error)
                continue
            if isinstance(analysis, Exception):  # a bug of ours: say so, keep going
                failed(item, InputError(f"{item.where}: analysis failed ({type(analysis).__name__}: {analysis}); "
                                        "please report this article", EXIT_SOME_FAILED))
                continue
            if analysis.article.language != "en":
                err.print(f"[red]error[/red]: {item.where}: the article is in '{analysis.article.language}'; "
                          "onrecord analyses English only, so nothing was extracted", highlight=False)
                codes.append(EXIT_NOT_ENGLISH)
            d = analysis.to_dict()
            if as_jsonl:
                print(json.dumps(d, ensure_ascii=False))
            elif as_json:
                results.append(d)
            elif analysis.article.language == "en":
                from .report import render
                render(analysis, out)
    if as_json and results:
        print(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=1))
    sys.stdout.flush()
    if codes:
        raise typer.Exit(codes[0] if len(set(codes)) == 1 else max(codes))


@app.command("eval")
def eval_(
    gold: Annotated[Optional[Path], typer.Argument(help="Gold JSON Lines in the format of FORMAT.md section 2.",
                                                   show_default=False)] = None,
    polnear: Annotated[Optional[Path], typer.Option(help="A PolNeAR split directory (text/ and attributions/) "
                                                    "instead of GOLD.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses, false alarms and wrong speakers.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Analyse a gold set and print P/R/F1 at 30% and 80% overlap, speaker and mention accuracy.

    \b
    Examples:
      onrecord eval ../shared/eval/polnear-speakers/dev20.jsonl
      onrecord eval --polnear ../shared/eval/polnear/dev -v
    """
    from .evaluate import evaluate, load_gold, load_polnear
    if (gold is None) == (polnear is None):
        raise typer.BadParameter("give either GOLD or --polnear DIR")
    src = polnear or gold
    if not src.exists():
        err.print(f"[red]error[/red]: {src}: no such file or directory")
        raise typer.Exit(3)
    rows = load_polnear(src) if polnear else load_gold(src)
    with _progress(len(rows)) as bar:
        task = bar.add_task("eval", total=len(rows))
        at30, at80 = evaluate(rows, progress=lambda: bar.advance(task))
    figures = {"articles": len(rows), "overlap_0.3": at30.figures, "overlap_0.8": at80.figures}
    if as_json:
        print(json.dumps(figures))
    else:
        from .report import render_eval
        render_eval(figures, Console())
    if verbose:
        for title, rows_ in (("missed", at30.misses), ("false alarms", at30.false_alarms)):
            print(f"\n## {title} ({len(rows_)})")
            for aid, t in rows_:
                print(f"{aid}\t{' '.join(t.split())[:200]}")
        print(f"\n## wrong speakers ({len(at30.wrong_speakers)})")
        for aid, t, g, p in at30.wrong_speakers:
            print(f"{aid}\tgold={g}\tpredicted={p}\t{' '.join(t.split())[:120]}")


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `onrecord analyze … | head`
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    main()


from . import cli_ledger  # noqa: E402,F401  (registers the ledger commands on `app`)
