"""A forecast the article states twice (lede and body) is one forecast, so one ledger row."""
from onrecord import analyze
from onrecord.ledger import store
from onrecord.ledger.db import open_ledger

RESTATED = ("The regional pipeline will not be finished this year, the operator's chief engineer, Ana Ruiz, "
            "said on Monday.\n\nCrews are short of steel. The pipeline will not be finished before the year is "
            "out, Ruiz repeated.\n")


def test_a_restated_forecast_is_one_row(db_url, nlp):
    a = analyze(RESTATED, published="2023-05-31").to_dict()
    assert len(a["forecasts"]) == 1 and a["forecasts"][0]["also"]
    Session = open_ledger(db_url)
    with Session.begin() as s:
        store.add_analysis(s, a)
    with Session() as s:
        rows = store.forecasts(s)
    assert len(rows) == 1 and rows[0]["deadline"] == "2023-12-31", rows
