"""The calibration plot on a person's page: ledger.plot draws it (as `onrecord scores --plot`
does); here it is only marked safe for the template, every text in it being escaped there."""
from __future__ import annotations

from markupsafe import Markup

from ..ledger import plot


def calibration_svg(bins: list[dict], title: str = "Calibration") -> Markup:
    """`bins` are ledger.scoring.calibration rows: {"bin", "n", "stated", "observed"}."""
    return Markup(plot.svg(bins, title))  # noqa: S704 - ledger.plot escapes every text it writes
