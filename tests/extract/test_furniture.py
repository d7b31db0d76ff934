"""Page furniture through the whole analysis: no quote, speaker or person comes from it, and an
embedded post is its account holder's words. Synthetic articles, one construction per test."""


def speakers_of(a):
    return [q.speaker.name if q.speaker else None for q in a.quotes]


def names_of(a):
    return [p.name for p in a.people]


def test_dateline_place_is_not_the_speaker(run):
    a = run("BRAMPTON, Ont. — Hours before the vote, council leader Mara Quist expressed doubt about "
            "the plan, saying it would cost the town too much.")
    assert speakers_of(a) and set(speakers_of(a)) == {"Mara Quist"}
    assert not any("BRAMPTON" in n for n in names_of(a))


def test_agency_dateline_is_not_a_person(run):
    a = run("HALIFAX (AP) — The port will reopen on Monday, harbour master Tom Reyes said.")
    assert speakers_of(a) == ["Tom Reyes"]
    assert not any("HALIFAX" in n for n in names_of(a))


def test_colon_dateline_is_not_a_transcript_turn(run):
    a = run("NEW DELHI: Nearly 200 workers returned home on Friday after months abroad, officials said.")
    assert all(q.speaker is None or "DELHI" not in (q.speaker.name or "") for q in a.quotes)


def test_embedded_post_is_the_account_holders_quote(run):
    text = ("The coach left the club on Tuesday after six years.\n\n"
            "I can’t thank this man enough. He taught me everything and I wish him well. pic.twitter.com/Ab12Cd\n\n"
            "— Jo Day (@joday_official) November 19, 2026\n\n"
            "The club is 12th in the league.")
    a = run(text)
    assert [(q.text, q.speaker.name) for q in a.quotes] == [
        ("I can’t thank this man enough. He taught me everything and I wish him well.", "Jo Day")]


def test_contributor_line_names_no_person(run):
    text = ("The river rose by two metres overnight, officials in the town said.\n\n"
            "(Reporting by Samuel Poe; Editing by Anna Leeds)")
    a = run(text)
    assert not any(n in ("Samuel Poe", "Anna Leeds") for n in names_of(a))


def test_related_line_gives_no_quote(run):
    text = ("The council delayed the vote on the ferry, the clerk said on Monday.\n\n"
            "READ MORE: Mayor Ida Brun says the ferry plan will cost more than expected\n\n"
            "The next vote is in May.")
    a = run(text)
    assert [q.text for q in a.quotes] == ["The council delayed the vote on the ferry"]


def test_section_labels_are_no_speakers(run):
    text = ("The plan covers three areas, the minister said.\n\n"
            "ENERGY: The grid will get new lines by 2028 and prices will fall.\n\n"
            "TRADE: Tariffs on steel will fall by half in the spring.")
    a = run(text)
    assert all(q.speaker is None or q.speaker.name not in ("ENERGY", "TRADE") for q in a.quotes)


def test_pull_quote_repeating_a_body_quote_is_one_quote(run):
    text = ("“We will rebuild the harbour before winter,” Mayor Jane Roe said on Monday.\n\n"
            "“We will rebuild the harbour before winter.” — Jane Roe, mayor\n\n"
            "The storm hit the town on Friday night.")
    a = run(text)
    assert [(q.text, q.speaker.name) for q in a.quotes] == [
        ("“We will rebuild the harbour before winter,”", "Jane Roe")]


def test_quoted_campaign_name_is_no_quote(run):
    text = ("While the “Fix It Now, Pay Later” campaign did not convince her, the critic said the "
            "city had spent its money well.")
    a = run(text)
    assert all("Fix It Now" not in q.text or q.type != "direct" for q in a.quotes)


def test_quote_closed_by_two_curly_single_marks(run):
    text = "“It was an attempt to fool voters,’’ the analyst Ken Mori told the paper. “It failed badly.”"
    a = run(text)
    assert a.quotes and a.quotes[0].text.startswith("“It was an attempt to fool voters,’’")
    assert a.quotes[0].speaker.name == "Ken Mori"


def test_signed_pull_quote_is_the_signers(run):
    text = ("The storm hit the town on Friday night.\n\n“The harbour comes first, then the houses.”\n"
            "— Jane Roe, mayor of the town\n\nRepairs start in May.")
    a = run(text)
    assert [(q.text, q.speaker.name) for q in a.quotes] == [("“The harbour comes first, then the houses.”", "Jane Roe")]
