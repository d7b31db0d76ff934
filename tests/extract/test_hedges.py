"""Hedge → probability, from the CAPphrase medians."""
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from onrecord.extract import hedges

from ..conftest import ROOT


def test_anchors_from_the_survey():
    assert hedges.probability("could") == pytest.approx(0.4)
    assert hedges.probability("likely") == pytest.approx(0.75)
    assert hedges.probability("unlikely") == pytest.approx(0.2)
    assert hedges.probability("will") == pytest.approx(1.0)
    assert hedges.probability("almost certainly") == pytest.approx(0.95)


def test_order_of_strength():
    p = hedges.probability
    assert p("highly unlikely") < p("unlikely") < p("might") <= p("could") < p("likely") < p("very likely") \
        < p("almost certainly") < p("undoubtedly") <= p("will")


def test_adverb_qualifies_the_modal():
    assert hedges.strongest(["will", "undoubtedly"]) == "undoubtedly"
    assert hedges.strongest(["will"]) == "will"
    assert hedges.strongest(["nonsense"]) is None


def test_committed_table_is_what_the_script_derives(shared, tmp_path):
    script = ROOT / "scripts" / "derive_hedges.py"
    out = subprocess.run([sys.executable, str(script), str(shared / "data" / "capphrase")],
                         capture_output=True, text=True, check=True).stdout
    committed = json.loads(resources.files("onrecord.extract").joinpath("data", "hedges.json").read_text())
    assert json.loads(out) == committed
