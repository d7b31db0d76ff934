"""Acceptance on the article that defined the mission (../shared/samples), scored by FORMAT.md."""
import pytest

from onrecord import analyze
from onrecord.evaluation import gold as gold_sets, scoring


@pytest.fixture(scope="module")
def seed(shared, nlp):
    gold = gold_sets.load_gold(shared / "samples" / "moscow-drone-analysis.gold.json")[0]
    a = analyze(gold["text"], published=gold["published"], id=gold["id"])
    return gold, a


def test_structure_spans_are_exact(seed):
    gold, a = seed
    text = a.article.text
    st = a.article.structure
    for key in ("captions", "photo_credits", "subheadings", "related_links"):
        assert [text[s:e] for s, e in getattr(st, key)] == gold["structure"][key], key


def test_people(seed):
    _, a = seed
    people = {p.name: p for p in a.people}
    for name in ("Michael Botsyurkiv", "Armand Gauchu", "Con Coughlin", "Zelenskyi"):
        assert name in people
    assert "a senior fellow at the Atlantic Council" in people["Michael Botsyurkiv"].descriptions


def test_quotes_and_speakers(seed):
    gold, a = seed
    f = scoring.score([gold], {gold["id"]: a.to_dict()}).figures["quotes"]
    assert f["F1"] >= 0.9 and f["speaker_acc"] == 1.0 and f["not_quote_hits"] == 0


def test_forecasts(seed):
    gold, a = seed
    f = scoring.score([gold], {gold["id"]: a.to_dict()}).figures["forecasts"]
    assert f["R"] == 1.0 and f["pred"] - f["optional_pred"] - f["tp_gold"] <= 1
    assert f["owner_acc"] == 1.0 and f["prob_acc"] == 1.0
    assert f["deadline_acc"] == 1.0 and f["no_deadline_acc"] == 1.0 and f["not_forecast_hits"] == 0
