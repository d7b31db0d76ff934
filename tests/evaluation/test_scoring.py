"""`onrecord eval`: scoring by FORMAT.md, agreement with the reference scorer, the PolNeAR reader."""
import importlib.util
import json

import pytest

from onrecord.evaluation import evaluate, gold as gold_sets, scoring


def test_scoring_rules_on_a_toy_gold():
    gold = [{"id": "a", "text": "x" * 100,
             "quotes": [{"span": [0, 10], "speaker": "Volodymyr Zelensky", "speaker_mention": [20, 30]},
                        {"span": [40, 60], "speaker": None}],
             "forecasts": [{"span": [0, 10], "owner": None, "probability": [0.5, 1.0], "deadline": "2024-11-30",
                            "deadline_tolerance_days": 31},
                           {"span": [70, 80], "required": False}]}]
    pred = {"a": {"quotes": [{"span": [2, 9], "speaker": {"name": "Zelenskyi", "mention": [25, 28]}},
                             {"span": [90, 99]}],
                  "forecasts": [{"span": [1, 10], "owner": None, "probability": 0.9, "deadline": "2024-12-20"},
                                {"span": [71, 79]}]}}
    f = scoring.score(gold, pred, 0.3).figures
    assert f["quotes"]["tp"] == 1 and f["quotes"]["P"] == 0.5 and f["quotes"]["R"] == 0.5
    assert f["quotes"]["speaker_acc"] == 1.0 and f["quotes"]["mention_acc"] == 1.0
    assert f["forecasts"]["P"] == 1.0 and f["forecasts"]["optional_pred"] == 1
    assert f["forecasts"]["deadline_acc"] == 1.0 and f["forecasts"]["prob_acc"] == 1.0


def test_precision_by_kind_and_speech_scope():
    gold = [{"id": "all", "text": "x" * 100, "quotes": [{"span": [0, 10], "speaker": "Ann Lee"}]},
            {"id": "speech", "text": "x" * 100, "quote_scope": "speech", "quotes": [{"span": [0, 10]}]}]
    quotes = [{"span": [0, 10], "kind": "speech", "speaker": {"name": "Ann Lee"}},
              {"span": [50, 60], "kind": "stance"}, {"span": [70, 80]}]
    f = scoring.score(gold, {"all": {"quotes": quotes}, "speech": {"quotes": quotes}}, 0.3).figures["quotes"]
    assert f["by_kind"]["speech"] == {"P": 0.5, "speaker_acc": 1.0, "pred": 2, "tp_pred": 1}  # no kind is speech
    assert f["by_kind"]["stance"] == {"P": 0.0, "speaker_acc": None, "pred": 1, "tp_pred": 0}
    assert f["pred"] == 5  # the speech-scope row sets its stance prediction aside


@pytest.mark.parametrize("a, b, same", [("Zelenskyi", "Volodymyr Zelensky", True), ("President Zelenskiy", "Zelenskyy", True),
                                        ("Michael Botsyurkiv", "Botsyurkiv", True), ("John Smith", "Mary Smith", False),
                                        ("Smith", "Jones", False)])
def test_same_person(a, b, same):
    assert scoring.same_person(a, b) is same


def test_brat_reader(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "The mayor said the bridge is safe. Critics disagree."
    (tmp_path / "text" / "site_2016-09-01_bridge.txt").write_text(text)
    ann = ("T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 33\tthe bridge is safe\n"
           "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    (tmp_path / "attributions" / "site_2016-09-01_bridge_ab12.ann").write_text(ann)
    rows = gold_sets.load_polnear(tmp_path)
    assert rows == [{"id": "site_2016-09-01_bridge", "text": text, "published": "2016-09-01",
                     "quotes": [{"span": [15, 33], "speaker": None, "speaker_mention": [0, 9]}]}]


def _reference_scorer(shared):
    spec = importlib.util.spec_from_file_location("reference_score", shared / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_agrees_with_the_reference_scorer(shared, nlp):
    ref = _reference_scorer(shared)
    gold = gold_sets.load_gold(shared / "samples" / "moscow-drone-analysis.gold.json")
    gold += [json.loads(line) for line in (shared / "eval" / "polnear-speakers" / "dev20.jsonl").read_text().splitlines()[:5]]
    preds = evaluate.predict(gold)
    for thr in (0.3, 0.8):
        ours = scoring.score(gold, preds, thr).figures
        theirs = ref.score(gold, preds, thr)
        assert "by_kind" in ours["quotes"]
        ours["quotes"].pop("by_kind")  # ours alone: the reference scores every kind together
        assert ours == theirs
