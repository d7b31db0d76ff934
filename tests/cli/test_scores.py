"""`onrecord scores` with its n and void columns and `--plot FILE.svg|png`, on both backends."""
import json

import pytest

from onrecord.cli.common import EXIT_OUTPUT, EXIT_USAGE
from tests.cli.ledger_cli import ledger_cli

TEXT = "Tom Berg, an economist, said that inflation will probably fall below 2% by next year.\n"


@pytest.fixture
def cli(nlp, db_url, tmp_path):
    invoke = ledger_cli(db_url, tmp_path, TEXT)
    [f] = json.loads(invoke("forecasts", "--json").stdout)
    assert invoke("resolve", f["id"], "--outcome", "yes", "--evidence", "it fell").exit_code == 0
    return invoke


def test_scores_table_shows_n_and_void(cli):
    [row] = json.loads(cli("scores", "--json").stdout)
    assert (row["owner"], row["n"], row["void"], row["resolved"]) == ("Tom Berg", 1, 0, 1)
    table = cli("scores").stdout
    assert "Tom Berg" in table and "void" in table and "(n=1)" in table
    assert json.loads(cli("scores", "--owner", "nobody", "--json").stdout) == []


def test_scores_plot_svg_and_png(cli, tmp_path):
    r = cli("scores", "--plot", tmp_path / "cal.svg")
    assert r.exit_code == 0 and "calibration plot of 1 forecasts" in r.stderr
    svg = (tmp_path / "cal.svg").read_text(encoding="utf-8")
    assert "Calibration of Tom Berg (n=1)" in svg and "n=1" in svg and 'class="diagonal"' in svg
    assert cli("scores", "--plot", tmp_path / "cal.png").exit_code == 0
    assert (tmp_path / "cal.png").read_bytes()[:4] == b"\x89PNG"
    assert cli("scores", "--plot", tmp_path / "cal.gif").exit_code == EXIT_USAGE
    assert cli("scores", "--plot", tmp_path / "missing" / "cal.svg").exit_code == EXIT_OUTPUT
