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


# -- issue 10: constructions that are forecasts ------------------------------------------------
@pytest.mark.parametrize("text, needle, lo, hi", [
    ("Officials said the refinery would close by the end of the year.", "refinery would close", 0.95, 1.0),
    ("Analysts are bound to revise their figures.", "revise their figures", 0.9, 1.0),
    ("The coalition is certain to lose its majority.", "lose its majority", 0.9, 1.0),
    ("The senator is tipped to win the nomination.", "win the nomination", 0.6, 0.85),
    ("The company is poised to overtake its rival.", "overtake its rival", 0.6, 0.85),
    ("The economist expects inflation to fall below two percent.", "inflation to fall", 0.6, 0.85),
    ("It is increasingly unlikely that the treaty will be ratified.", "treaty will be ratified", 0.1, 0.3),
    ("Perhaps the committee will demand more documents.", "committee will demand", 0.25, 0.5),
    ("There is a 50-50 chance that the bill will pass the senate.", "bill will pass", 0.45, 0.55),
    ("Odds are that the mayor will lose the runoff.", "mayor will lose", 0.6, 0.85),
    ("The new rules are not likely to alter the outcome.", "alter the outcome", 0.1, 0.3),
    ("I think the governor will veto the measure.", "governor will veto", 0.6, 0.85),
    ("Ministers signed a deal that will reshape trade across the region.", "deal that will reshape", 0.95, 1.0),
    ("If the rains fail, the harvest would probably shrink by a third.", "harvest would probably shrink", 0.6, 0.85),
    ("By 2030, the drought would cost the farmers billions of dollars.", "drought would cost", 0.6, 0.9),
    ("She was sure the incumbent would triumph.", "incumbent would triumph", 0.9, 1.0),
    ("“I'll be able to raise what the campaign needs,” the candidate said.", "be able to raise", 0.9, 1.0),
    ("“I still think she’s going to win,” the organiser said.", "going to win", 0.6, 0.85),
    # a chance frame makes its clause a forecast in any tense
    ("There is a 50-50 chance the bill passes the senate.", "bill passes the senate", 0.45, 0.55),
    ("The economy is on track to grow three percent this year.", "economy is on track to grow", 0.6, 0.85),
])
def test_forecast_constructions(run, text, needle, lo, hi):
    fs = [f for f in forecasts(run, text) if needle in f.text]
    assert fs, [f.to_dict() for f in forecasts(run, text)]
    assert lo - 1e-9 <= fs[0].probability <= hi + 1e-9, fs[0].to_dict()


@pytest.mark.parametrize("text", [
    "The trade minister refused to say whether the government will agree to remove the tariffs.",
    "Nobody knows what he might be concealing.",
    "Nobody knows exactly what he will be working for.",
    "The new system may be expensive, but it works.",
    "Standing in the hall, she could hear the crowd chanting outside.",
    "The champion will always be the king of the court.",
    "Parents will usually have the talent to succeed without help.",
    "Lawmakers unveiled a plan that would allow farmers to sell directly.",
    "We will hold a vote on the budget next week.",
    "The singer will perform at the stadium on Nov. 5.",
    "You could borrow a bit more or save a bit more.",
    "Most parents wish they could go back and change what they spent.",
    "Developers merged the districts so they could use the federal funds.",
    "If the agency wanted the files, it would just go get them.",
    "You'd like to pay cash for the house.",
    "Leaders have proposed jointly owned drones that could supplement the deployments.",
])
def test_issue_non_forecasts(run, text):
    assert forecasts(run, text) == [], [f.to_dict() for f in forecasts(run, text)]


def test_unnamed_source_owns_as_a_group(run):
    fs = forecasts(run, "The currency will fall further next year, analysts said.")
    assert fs and fs[0].owner_name and fs[0].owner_kind in ("group", "person")
    if fs[0].owner_kind == "group":
        assert "analysts" in fs[0].owner_name.lower() and fs[0].to_dict()["owner"]["mention_text"]


def test_forecast_about_the_speaker_is_not_theirs(run):
    fs = forecasts(run, "The envoy is likely to face tough questions in the capital.")
    assert fs and fs[0].owner_name is None


def test_restatement_is_one_forecast_with_also(run):
    text = ("The regional pipeline will not be finished this year, the operator's chief engineer, Ana Ruiz, "
            "said on Monday.\n\nCrews are short of steel. The pipeline will not be finished before the year is "
            "out, Ruiz repeated.")
    fs = forecasts(run, text)
    assert len(fs) == 1, [f.to_dict() for f in fs]
    assert fs[0].also and fs[0].deadline == "2023-12-31"


@pytest.mark.parametrize("text, deadline, basis", [
    # the article's own date for the event
    ("Voters will judge the candidates at Monday night's debate. The challenger is going to attack "
     "the governor's record at the debate.", "2023-06-05", "Monday night's debate"),
    # US federal Election Day: the Tuesday after the first Monday of November, of the next even year
    ("The senator will not be the next president, the pollster said, as the election nears.", "2024-11-05",
     "US federal Election Day"),
    ("The campaign is expected to intensify leading up to election day, in the coming weeks.", "2024-11-05",
     "US federal Election Day"),
])
def test_deadlines_from_event_anchors(run, text, deadline, basis):
    fs = forecasts(run, text)
    assert fs and fs[-1].deadline == deadline and fs[-1].horizon.basis == basis, [f.to_dict() for f in fs]


def test_deadline_never_before_publication(run):
    fs = forecasts(run, "The new switch will be faster than the switch in 1972.")
    assert fs and fs[0].deadline is None
    fs = forecasts(run, "U.S. output will expand by 1.6 percent, less than forecast in July.", published="2016-10-01")
    assert fs and fs[0].deadline is None
    fs = forecasts(run, "The idea may only be a concept today.")
    assert not fs or fs[0].deadline is None


@pytest.mark.parametrize("text, needle", [
    # who wins, in an article about an election, is settled on its day
    ("The governor's race is tight before the election.\n\n“I still think she’s going to win,” the strategist said.",
     "going to win"),
    # what its voters will do, too
    ("The election is in the fall. Without the records, voters will have no way of judging the candidate.",
     "voters will have"),
])
def test_election_outcome_in_the_forecast_is_settled_on_election_day(run, text, needle):
    fs = [f for f in forecasts(run, text) if needle in f.text]
    assert fs and fs[0].deadline == "2024-11-05" and fs[0].horizon.basis == "US federal Election Day", \
        [f.to_dict() for f in forecasts(run, text)]


def test_winning_a_debate_is_no_election_outcome(run):
    text = "The election is in the fall.\n\nThe challenger will win the debate on points, aides said."
    fs = [f for f in forecasts(run, text) if "win the debate" in f.text]
    assert fs and fs[0].horizon is None or fs[0].horizon.basis != "US federal Election Day"


def test_voters_as_object_are_no_election_outcome(run):
    text = "The election is in the fall.\n\nThe ruling will force officials to put voters back on the rolls."
    fs = forecasts(run, text)
    assert fs and all(f.deadline is None for f in fs), [f.to_dict() for f in fs]


def test_a_quote_paragraph_continues_the_paragraph_that_introduces_it(run):
    text = ("The mayor praised the moderator of Thursday night's debate, Ann Lee.\n\n"
            "“I think Ann Lee will be very fair,” the mayor said at a rally.")
    fs = [f for f in forecasts(run, text) if "will be very fair" in f.text]
    assert fs and fs[0].deadline == "2023-06-01", [f.to_dict() for f in forecasts(run, text)]


def test_a_relative_clause_on_a_reported_object_is_the_reporters(run):
    text = "Mayors say they support some of the changes lawmakers are expected to consider."
    fs = [f for f in forecasts(run, text) if "expected to consider" in f.text]
    assert fs and fs[0].owner_name is None, [f.to_dict() for f in forecasts(run, text)]


def test_reported_content_itself_stays_the_speakers(run):
    fs = forecasts(run, "Mayors say lawmakers are expected to consider the changes.")
    assert fs and fs[0].owner_name == "Mayors", [f.to_dict() for f in fs]


def test_the_chance_is_not_part_of_the_outcome(run):
    fs = forecasts(run, "There is a 50-50 chance the bill passes the senate.")
    assert fs and fs[0].text == "the bill passes the senate"


def test_a_past_course_is_no_forecast(run):
    assert forecasts(run, "The economy was on track to grow three percent.") == []


@pytest.mark.parametrize("text, deadline", [
    # a date that bounds the outcome is a deadline, even on a verb of schedules
    ("The court will rule before Nov. 8, lawyers said.", "2023-11-07"),
    ("The council will vote by June 20, aides said.", "2023-06-20"),
    # the end of a named month
    ("The premier said the country would formally declare its exit by the end of March.", "2024-03-31"),
    # pushed into a period: settled once it begins
    ("The launch could now be pushed into next year, officials said.", "2024-01-01"),
    ("The vote may be delayed until September, aides said.", "2023-09-01"),
])
def test_deadlines_of_issue_10(run, text, deadline):
    fs = forecasts(run, text)
    assert fs and fs[0].deadline == deadline, [f.to_dict() for f in fs]


def test_a_schedule_on_a_date_stays_a_schedule(run):
    assert forecasts(run, "The court will rule on Nov. 8, lawyers said.") == []


def test_a_speaker_label_before_a_colon_is_not_the_outcome(run):
    text = ("Forecasters weighed in.\n\nJohn Smith, The Daily Post: “The currency will fall further next year.”\n\n"
            "Anna Lee, Radio North: “Rates will rise again.”")
    assert [f.text for f in forecasts(run, text)] == ["The currency will fall further next year", "Rates will rise again"]


def test_certainty_inside_a_relative_clause_is_a_forecast(run):
    text = "She spoke of the coming vote, in which she was sure the mayor would triumph."
    assert any("mayor would triumph" in f.text for f in forecasts(run, text)), [f.to_dict() for f in forecasts(run, text)]


def test_to_be_sure_has_no_holder(run):
    text = "Pay the premium, which you pay just to be sure you'll have access to the capital."
    assert not any("have access" in f.text for f in forecasts(run, text)), [f.to_dict() for f in forecasts(run, text)]


def test_winning_something_else_is_no_election_outcome(run):
    text = "The election is in the fall.\n\nThe council will win approval for the bridge, aides said."
    fs = [f for f in forecasts(run, text) if "win approval" in f.text]
    assert fs and fs[0].deadline is None, [f.to_dict() for f in fs]


def test_winning_the_state_is_an_election_outcome(run):
    text = "The election is in the fall.\n\nThe challenger will win the state, aides said."
    fs = [f for f in forecasts(run, text) if "win the state" in f.text]
    assert fs and fs[0].deadline == "2024-11-05", [f.to_dict() for f in fs]


# -- issue 10, finished: attributions inside the sentence, colon lists, the outer cue, schedules --
def test_with_analysts_saying_is_its_own_forecast(run):
    text = "Prices will keep rising this winter, with analysts saying the central bank will raise rates by March."
    fs = forecasts(run, text, published="2016-10-01")
    assert [f.text for f in fs] == ["Prices will keep rising this winter", "the central bank will raise rates by March"]
    reporter, analysts = fs
    assert reporter.owner_name is None
    assert analysts.owner_name == "analysts" and analysts.owner_kind == "group"
    assert text[slice(*analysts.owner_mention)] == "analysts" and analysts.deadline == "2017-03-31"


def test_with_analysts_saying_after_a_past_fact(run):
    fs = forecasts(run, "Shares fell on Monday, with analysts saying the merger will collapse.")
    assert [f.text for f in fs] == ["the merger will collapse"] and fs[0].owner_name == "analysts"


def test_a_fronted_with_saying_is_not_the_main_clause(run):
    fs = forecasts(run, "With analysts saying the merger will collapse, shares will slide further.")
    assert sorted((f.text, f.owner_name) for f in fs) == [
        ("shares will slide further", None), ("the merger will collapse", "analysts")]


def test_name_and_outlet_before_a_colon_own_the_quote(run):
    text = ("Forecasters weighed in.\n\nJane Roe, Harbour Weekly: “Prices will fall by the end of the year.”\n\n"
            "Sam Lee: “Rates will rise again in the spring.”")
    fs = forecasts(run, text)
    assert [(f.text, f.owner_name, f.owner_kind) for f in fs] == [
        ("Prices will fall by the end of the year", "Jane Roe", "person"),
        ("Rates will rise again in the spring", "Sam Lee", "person")]


def test_a_heading_word_before_a_colon_is_no_speaker(run):
    fs = forecasts(run, "Markets are calm.\n\nVerdict: “Rates will rise again before long.”")
    assert all(f.owner_name != "Verdict" for f in fs), [f.to_dict() for f in fs]


def test_the_outer_verb_of_saying_owns_the_reported_clause(run):
    # "declare" is a cue too, but it is what May said, not who said it
    text = "Theresa May said on Sunday the country would formally declare its exit by the end of March."
    fs = forecasts(run, text, published="2016-10-02")
    assert len(fs) == 1 and fs[0].owner_name == "Theresa May", [f.to_dict() for f in fs]
    assert fs[0].text == "the country would formally declare its exit by the end of March"
    assert fs[0].deadline == "2017-03-31" and fs[0].horizon.text == "by the end of March"


def test_a_quoted_estimate_of_when_is_the_speakers_forecast(run):
    fs = forecasts(run, '"The bridge will open next year," Ada Brown said.', published="2016-10-01")
    assert len(fs) == 1 and fs[0].owner_name == "Ada Brown" and fs[0].deadline == "2017-12-31"


@pytest.mark.parametrize("text", [
    "Perry will perform on Nov. 5.",
    "The band will play the arena on Friday.",
    "The minister will speak at 8 p.m.",
    "The summit will take place in June.",
    "The film will premiere next month.",
])
def test_a_third_party_schedule_in_a_calendar_slot_is_no_forecast(run, text):
    assert forecasts(run, text, published="2016-10-01") == [], text


def test_a_parenthetical_speaker_owns_the_forecast_they_interrupt(run):
    fs = forecasts(run, "The plan, officials said, will fail by June.", published="2016-10-01")
    assert len(fs) == 1 and fs[0].owner_name == "officials" and fs[0].owner_kind == "group"
    assert fs[0].deadline == "2017-06-30"


def test_a_past_clause_of_the_sentence_gives_no_deadline(run):
    fs = forecasts(run, "Shares fell on Monday, with analysts saying the merger will collapse.", published="2016-10-01")
    assert len(fs) == 1 and fs[0].deadline is None, [f.to_dict() for f in fs]


def test_another_forecasts_horizon_is_not_this_ones(run):
    fs = forecasts(run, "With analysts saying the merger will collapse, shares will slide further this week.",
                   published="2016-10-01")
    merger = next(f for f in fs if "merger" in f.text)
    assert merger.deadline is None, [f.to_dict() for f in fs]


def test_a_deadline_word_the_parse_hangs_from_the_cue_still_bounds(run):
    fs = forecasts(run, "Prices will fall, she said on Sunday, by the end of next year.", published="2016-10-01")
    assert fs and fs[0].deadline == "2017-12-31" and fs[0].horizon.text == "by the end of next year"


# -- the audit of issue 10's list: constructions no test named before ---------------------------
@pytest.mark.parametrize("text, needle, lo, hi", [
    ("If turnout stays low, she'd lose the seat, the pollster said.", "she'd lose the seat", 0.6, 0.85),
    ("Voters face a Senate that could be on a knife's edge after the vote.", "could be on a knife's edge", 0.35, 0.45),
])
def test_contracted_would_and_relative_could(run, text, needle, lo, hi):
    fs = [f for f in forecasts(run, text) if needle in f.text]
    assert fs and lo - 1e-9 <= fs[0].probability <= hi + 1e-9, [f.to_dict() for f in forecasts(run, text)]


def test_asked_if_is_an_embedded_question(run):
    assert forecasts(run, "The committee asked if the bill would pass.") == []


def test_a_verb_of_fearing_gives_its_subject_the_forecast(run):
    text = "Some analysts fear that the currency will collapse."
    fs = forecasts(run, text)
    assert len(fs) == 1 and fs[0].owner_name == "Some analysts" and fs[0].owner_kind == "group"
    assert text[slice(*fs[0].owner_mention)] == "Some analysts"


def test_analysts_say_gives_a_group_with_its_mention(run):
    text = "The currency will fall further next year, analysts say."
    fs = forecasts(run, text)
    assert fs and fs[0].owner_name == "analysts" and fs[0].owner_kind == "group" and fs[0].owner_person is None
    assert text[slice(*fs[0].owner_mention)] == "analysts"


@pytest.mark.parametrize("text, deadline, basis", [
    ("The judge will rule as soon as Monday, lawyers said.", "2016-10-03", "as soon as Monday"),
    ("Sales will jump before Christmas, the owner said.", "2016-12-25", "Christmas"),
    ("The company will cut jobs by year-end, analysts said.", "2016-12-31", "by year-end"),
    ("The company will cut jobs in two years, analysts said.", "2018-10-01", "in two years"),
    ("By 2019, the trade war would cost the farmers billions.", "2019-12-31", "By 2019"),
    ("Prices will fall by spring, she said.", "2017-05-31", "by spring"),
    ("The vote is set for Oct. 12.\n\nThe mayor is likely to lose the vote, aides said.", "2016-10-12", "vote"),
])
def test_deadline_cases_keep_their_basis(run, text, deadline, basis):
    fs = forecasts(run, text, published="2016-10-01")
    f = fs[-1]
    assert f.deadline == deadline, [x.to_dict() for x in fs]
    assert basis in (f.horizon.text, f.horizon.basis), f.horizon


def test_a_headline_restated_in_the_lede_is_one_forecast(run):
    text = ("Harbour tolls will double next year, port says\n\n"
            "The harbour's tolls will double next year, the port authority said on Monday.\n\nShippers are angry.")
    fs = forecasts(run, text, published="2016-10-01")
    assert len(fs) == 1, [f.to_dict() for f in fs]
    assert fs[0].text == "The harbour's tolls will double next year" and fs[0].also == [(0, 35)]
    assert fs[0].owner_name == "the port authority"


@pytest.mark.parametrize("text, mine, theirs, group", [
    ("The index will open lower, with traders predicting a sell-off will follow.",
     "The index will open lower", "a sell-off will follow", "traders"),
    ("Oil rose on Tuesday, with economists warning that supplies will tighten by winter.",
     None, "supplies will tighten by winter", "economists"),
    ("Bond yields climbed, with some analysts expecting the bank to raise rates in March.",
     None, "the bank to raise rates in March", "some analysts"),
])
def test_with_a_group_and_a_cue_in_ing(run, text, mine, theirs, group):
    fs = forecasts(run, text, published="2016-10-01")
    assert sorted((f.text, f.owner_name) for f in fs) == sorted(
        [(theirs, group)] + ([(mine, None)] if mine else [])), [f.to_dict() for f in fs]


def test_a_past_expecting_is_no_forecast(run):
    assert forecasts(run, "Analysts were expecting the bank to raise rates in March.") == []


@pytest.mark.parametrize("text, hedge, prob", [
    ("Many analysts doubt the merger will go through.", "doubtful", 0.2),
    ("I don't doubt the merger will go through.", "likely", 0.75),
])
def test_doubting_the_complement_is_its_hedge(run, text, hedge, prob):
    fs = forecasts(run, text)
    assert len(fs) == 1 and fs[0].text == "the merger will go through"
    assert fs[0].hedge == hedge and fs[0].probability == pytest.approx(prob, abs=0.01)


@pytest.mark.parametrize("text", [
    "The firm could once sell its shares freely.",
    "Two years ago, anyone could buy a ticket at the door.",
    "Last year the firm could still sell its shares freely.",
])
def test_could_with_a_past_time_is_past_ability(run, text):
    assert forecasts(run, text) == [], [f.to_dict() for f in forecasts(run, text)]


def test_could_with_a_coming_time_is_a_forecast(run):
    fs = forecasts(run, "Next year the firm could sell its shares freely.", published="2016-10-01")
    assert fs and fs[0].hedge == "could" and fs[0].deadline == "2017-12-31"


def test_a_bulleted_list_of_calls_with_outlets_in_brackets(run):
    text = ("Calls for the year.\n\n• Jane Roe (Harbour Weekly): “Prices will fall by the end of the year.”\n\n"
            "• Sam Lee, Radio North: “Rates will rise again in the spring.”")
    fs = forecasts(run, text, published="2016-10-01")
    assert [(f.text, f.owner_name) for f in fs] == [
        ("Prices will fall by the end of the year", "Jane Roe"), ("Rates will rise again in the spring", "Sam Lee")]


@pytest.mark.parametrize("text, hedge, lo, hi", [
    ("The mayor is very likely to win a second term.", "very likely", 0.85, 0.95),
    ("The mayor is highly unlikely to win a second term.", "highly unlikely", 0.0, 0.1),
    ("The mayor is almost certain to win a second term.", "almost certainly", 0.9, 0.97),
    ("The mayor is all but certain to win a second term.", "all but certain", 0.9, 0.97),
    ("It is very likely that the mayor will win a second term.", "very likely", 0.85, 0.95),
    ("The mayor has a good chance of winning a second term.", "good chance", 0.7, 0.9),
    ("The mayor's chances of winning a second term are slim.", "slim chance", 0.0, 0.2),
])
def test_a_likelihood_word_keeps_its_degree(run, text, hedge, lo, hi):
    fs = forecasts(run, text)
    assert len(fs) == 1 and "win" in fs[0].text and fs[0].hedge == hedge, [f.to_dict() for f in fs]
    assert lo <= fs[0].probability <= hi


@pytest.mark.parametrize("text", [
    "He spoke of the prospect of tampering with election returns.",
    "He had a good chance of winning the race.",  # a chance that was
])
def test_a_topic_or_a_past_chance_is_no_chance_frame(run, text):
    assert forecasts(run, text) == [], [f.to_dict() for f in forecasts(run, text)]


@pytest.mark.parametrize("text, deadline", [
    ("The bridge will open next year.", "2017-12-31"),
    ("The bridge will open in the spring.", "2017-05-31"),
])
def test_a_year_or_a_season_estimates_when_so_it_is_a_forecast(run, text, deadline):
    fs = forecasts(run, text, published="2016-10-01")
    assert len(fs) == 1 and fs[0].deadline == deadline, [f.to_dict() for f in fs]


@pytest.mark.parametrize("text, owner", [
    ("The currency is expected to fall further, analysts said.", "analysts"),
    ("Analysts said the currency is expected to fall further.", "Analysts"),
    ("The currency is expected to fall further.", None),
])
def test_a_sourced_quote_wins_over_an_unsourced_is_expected(run, text, owner):
    fs = forecasts(run, text)
    assert len(fs) == 1 and fs[0].owner_name == owner and fs[0].hedge == "is expected to", [f.to_dict() for f in fs]


def test_a_with_saying_inside_the_clause_keeps_both_forecasts(run):
    fs = forecasts(run, "Prices, with analysts saying the bank will act soon, will keep rising.")
    assert sorted(f.owner_name or "" for f in fs) == ["", "analysts"], [f.to_dict() for f in fs]
    assert next(f for f in fs if f.owner_name).text == "the bank will act soon"
    assert next(f for f in fs if not f.owner_name).horizon is None  # "soon" is the analysts'


def test_a_hedged_slot_is_a_forecast_not_a_schedule(run):
    # the likelihood word weighs a chance; a schedule states a fact
    fs = forecasts(run, "The court is very likely to rule on Nov. 8.", published="2016-10-01")
    assert len(fs) == 1 and fs[0].hedge == "very likely" and fs[0].deadline == "2016-11-08"
