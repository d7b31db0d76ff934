"""`onrecord batch`: the Dask job (onrecord.batch.job) as a command."""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..sources.files import DEFAULT_MAX_BYTES, EXIT_SOME_FAILED, EXIT_USAGE
from .app import app
from .common import err, fail, valid_date


@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(help="Files and directories: .txt, .html(.gz), .jsonl(.gz) shards, "
                                               "RSS/Atom feeds, WARC (.warc, .warc.gz) shards.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet datasets (articles, quotes, forecasts, "
                                      "mentions); on a cluster, storage every worker can write.",
                                      show_default=False)],
    scheduler: Annotated[str, typer.Option(help="`local` (a LocalCluster on this machine) or a Dask scheduler "
                                           "address such as tcp://10.0.0.5:8786.")] = "local",
    workers: Annotated[Optional[int], typer.Option(help="Worker processes of the local cluster (default: every "
                                                   "core); ignored with a scheduler address.", min=1,
                                                   show_default=False)] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for articles that "
                                                     "state none.", callback=valid_date)] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest article accepted, in bytes.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Analyse corpora on a Dask cluster into Parquet, for `onrecord ingest OUT` to load without the NLP.

    Each worker process loads the model once and analyses whole partitions (ranges of a shard,
    or groups of files); the results equal `onrecord analyze` on the same inputs.

    \b
    Examples:
      onrecord batch CC-NEWS-*.warc.gz --out ccnews/ --workers 2
      onrecord batch s3-mounted/shards/ --out /shared/ccnews --scheduler tcp://10.0.0.5:8786
      onrecord ingest ccnews/ --db ledger.db
    Exit codes: 0 all analysed; 2 bad usage or no scheduler at the address; 6 some inputs failed
    (counted in OUT/onrecord-batch.json and listed in the articles dataset, status "failed").
    """
    from ..batch.job import run
    from ..ledger.workers import cores

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        fail(f"{missing[0]}: no such file or directory")
    if out.exists() and not out.is_dir():
        fail(f"{out}: exists and is not a folder", EXIT_USAGE)
    start = time.perf_counter()

    def progress(done: int, total: int, c: dict) -> None:
        if sys.stderr.isatty():
            err.print(f"partition {done}/{total}: {c['analysed']} analysed, {c['not_english']} not English, "
                      f"{c['failed']} failed", highlight=False)

    try:
        c = run(paths, str(out), scheduler=scheduler, workers=workers or cores(), max_bytes=max_bytes,
                published=published, on_progress=progress)
    except OSError as e:  # distributed raises OSError when no scheduler answers
        fail(f"{scheduler}: no Dask scheduler answers there ({e})", EXIT_USAGE)
    elapsed = time.perf_counter() - start
    n = c["analysed"] + c["not_english"] + c["failed"]
    print(f"{c['analysed']} analysed, {c['not_english']} skipped (not English), {c['failed']} failed "
          f"({n / max(elapsed, 1e-9):.1f} articles/s) → {out}")
    if c["failed"]:
        raise typer.Exit(EXIT_SOME_FAILED)
