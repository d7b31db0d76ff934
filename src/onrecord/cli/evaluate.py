"""`onrecord eval`: a gold set analysed and scored by the rules of FORMAT.md section 3."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .app import app
from .common import err, progress


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
    from ..evaluation.evaluate import evaluate
    from ..evaluation.gold import load_gold, load_polnear
    if (gold is None) == (polnear is None):
        raise typer.BadParameter("give either GOLD or --polnear DIR")
    src = polnear or gold
    if not src.exists():
        err.print(f"[red]error[/red]: {src}: no such file or directory")
        raise typer.Exit(3)
    rows = load_polnear(src) if polnear else load_gold(src)
    with progress(len(rows)) as bar:
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
