"""Forecast detection: constructions that are forecasts and statements that are not."""
import pytest


def forecasts(run, text, published="2023-05-31"):
    return run(text, published=published).forecasts


@pytest.mark.parametrize("text, hedge, prob", [
    ("The central bank will raise rates again.", "will", 1.0),
    ("The central bank is going to raise rates again.", "is going to", 1.0),
    ("The central bank is expected to raise rates again.", "is expected to", 0.75),
    ("The central bank could raise rates again.", "could", 0.4),
    ("The central bank may raise rates again.", "may", 0.4),
    ("The central bank might raise rates again.", "might", 0.4),
    ("The central bank is likely to raise rates again.", "likely", 0.75),
    ("The central bank is set to raise rates again.", "is set to", 1.0),
    ("The central bank will very likely raise rates again.", "very likely", None),
    ("The central bank will undoubtedly raise rates again.", "undoubtedly", 0.98),
])
def test_markers_and_hedges(run, text, hedge, prob):
    fs = forecasts(run, text)
    assert len(fs) == 1, [f.to_dict() for f in fs]
    f = fs[0]
    assert "raise rates again" in f.text
    if hedge != "very likely":
        assert f.hedge == hedge
    if prob is not None:
        assert f.probability == pytest.approx(prob, abs=0.01)


def test_negated_forecast_keeps_polarity(run):
    f = forecasts(run, "Russia will not retreat from the coast.")[0]
    assert f.polarity == "negative" and f.probability == 1.0


def test_condition_is_recorded_apart(run):
    text = "If the army keeps this momentum, the enemy's claims will soon be exposed as lies."
    f = forecasts(run, text)[0]
    assert f.condition_text == "If the army keeps this momentum"
    assert f.text == "the enemy's claims will soon be exposed as lies"


def test_forecast_in_quote_belongs_to_speaker(run):
    a = run("“Prices will fall before the end of the year,” Peter Okafor said.", published="2023-05-31")
    f = a.forecasts[0]
    assert f.owner_name == "Peter Okafor" and f.quote == 0 and f.deadline == "2023-12-31"


def test_predicted_that_belongs_to_subject(run):
    f = forecasts(run, "Peter Okafor predicted that inflation will fall within two years.")[0]
    assert f.owner_name == "Peter Okafor" and f.deadline == "2025-05-31"


def test_authors_own_forecast_has_no_owner(run):
    f = forecasts(run, "Inflation will soon fall below two percent.")[0]
    assert f.owner_name is None and f.deadline is None and f.horizon.text == "soon"


def test_answered_question(run):
    text = "Intro of the story.\n\n  • When will the war end? “Next spring, a year at the most.” – Ada Brown"
    fs = forecasts(run, text)
    f = next(f for f in fs if f.text.startswith("Next spring"))
    assert f.owner_name == "Ada Brown" and f.deadline == "2024-05-31" and f.also


def test_no_publication_date_keeps_the_offset(run):
    f = forecasts(run, "Prices will fall within two years.", published=None)[0]
    assert f.deadline is None and f.horizon.latest == "P2Y"


@pytest.mark.parametrize("text", [
    "Russia must be defeated.",
    "The government should cut taxes.",
    "Prices rose sharply last year.",
    "The bank is losing control of inflation.",
    "When will the war end?",
    "We will hold a vote on the budget next week.",
    "The summit will be held on June 12.",
    "The team could have won the match.",
    "He could not answer the questions.",
    "It is not clear what is going to happen.",
])
def test_not_forecasts(run, text):
    assert forecasts(run, text) == [], text


def test_nothing_from_captions_or_related_links(run):
    text = ("The port reopened on Monday.\n\nThe port will close again soonPhoto: Ana Leit / Press\n\n"
            "Read also:\n\n  • Prices will fall next year, economists say\n")
    assert forecasts(run, text) == []


def test_degree_word_stays_with_its_hedge(run):
    f = forecasts(run, "Freight rates will almost certainly rise before the end of the year.")[0]
    assert f.hedge == "almost certainly" and f.probability == pytest.approx(0.95)


@pytest.mark.parametrize("text", [
    "I'm going to take them to court.",
    "The run is set to end on January 10.",
    "The trial is expected to resume Monday.",
])
def test_commitments_and_schedules_without_publication_date(run, text):
    assert forecasts(run, text, published=None) == [], text
