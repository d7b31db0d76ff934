"""Article structure of plain text: captions, credits, subheadings, related links, pull quotes."""
from onrecord.extract.structure import detect

ARTICLE = """The council could approve the bridge next spring, a planner said.

Workers inspect the old bridgePhoto: Ana Leit / City Press / Images Ltd

The vote is close, the planner said.

Money is the problem

Funding has not been agreed. “We will find it,” the mayor said.

PHOTO: Harbour Photos / Press Service

“A bridge is a promise to the next generation.”

Read also:

  • Mayor says “no new taxes” for the bridge
  • The ferry strike: what we know
"""


def texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_caption_with_glued_credit():
    st = detect(ARTICLE)
    assert texts(ARTICLE, st.captions) == ["Workers inspect the old bridge"]
    assert texts(ARTICLE, st.photo_credits) == ["Ana Leit / City Press / Images Ltd", "Harbour Photos / Press Service"]


def test_subheading_between_blank_lines():
    st = detect(ARTICLE)
    assert texts(ARTICLE, st.subheadings) == ["Money is the problem"]


def test_related_links_after_header_without_bullets():
    st = detect(ARTICLE)
    assert texts(ARTICLE, st.related_links) == ["Mayor says “no new taxes” for the bridge", "The ferry strike: what we know"]


def test_pull_quote_standing_alone():
    st = detect(ARTICLE)
    assert texts(ARTICLE, st.pull_quotes) == ["“A bridge is a promise to the next generation.”"]


def test_related_links_without_bullets_end_at_blank_line():
    text = "Body text here, long enough to be a paragraph of the article.\n\nSee also:\nFirst headline\nSecond headline\n\nA last paragraph of body text that is long and ends with a full stop."
    st = detect(text)
    assert texts(text, st.related_links) == ["First headline", "Second headline"]


def test_bullet_without_header_is_not_a_related_link():
    text = "Intro paragraph of the story.\n\n  • When will it end? “Soon,” – Ada Brown\n\nMore text follows here."
    assert detect(text).related_links == []


def test_short_first_line_is_the_title():
    text = "Bridge vote delayed\n\nThe council delayed the vote, officials said on Monday."
    st = detect(text)
    assert texts(text, [st.title]) == ["Bridge vote delayed"]
    assert st.subheadings == []


def test_datelines_in_capitals_with_and_without_an_agency():
    for text, place in [("OTTAWA — The budget passed on Monday, the minister said.", "OTTAWA —"),
                        ("WASHINGTON (AP) — Lawmakers met on Friday.", "WASHINGTON (AP) —"),
                        ("LONDON (Reuters) - Shares fell on Tuesday.", "LONDON (Reuters) -"),
                        ("ST. PAUL, Minn. -- The team won again.", "ST. PAUL, Minn. --"),
                        ("NEW DELHI: Nearly 200 workers returned home on Friday.", "NEW DELHI:")]:
        assert texts(text, detect(text).datelines) == [place]


def test_dateline_in_ordinary_case_only_on_the_first_line():
    text = "Springfield, Ill. — The council met.\n\nThe Harbour Trust - A group of sailors - objected."
    assert texts(text, detect(text).datelines) == ["Springfield, Ill. —"]


def test_dash_inside_a_sentence_is_no_dateline():
    for text in ("The deal – set to be the largest this year – closed.", "I know — it looks good.",
                 "Two hostages — an American and a Briton — were freed."):
        assert detect(text).datelines == []


def test_colon_after_capitals_later_in_the_story_is_a_turn_not_a_dateline():
    text = "The debate began at nine.\n\nPRICE: We will cut taxes next year."
    assert detect(text).datelines == []


def test_contributor_lines():
    text = ("The river rose overnight, officials said.\n\n"
            "Jane Roe in Leeds contributed to this report.\n\n"
            "(Reporting by Sam Poe; Editing by Ann Lee)")
    assert texts(text, detect(text).contributors) == ["Jane Roe in Leeds contributed to this report.",
                                                      "(Reporting by Sam Poe; Editing by Ann Lee)"]
    assert detect(text).contributors[0] in [tuple(x) for x in detect(text).excluded()]


def test_labelled_related_lines_inside_the_body():
    text = ("The vote was delayed, the clerk said.\n\nREAD MORE: Council says “no” to the ferry plan\n\n"
            "WATCH: The mayor speaks to reporters\n\nClick here to sign up for our newsletter.\n\n"
            "Also read: Why the bridge costs so much\n\nThe next vote is in May.")
    assert texts(text, detect(text).related_links) == [
        "READ MORE: Council says “no” to the ferry plan", "WATCH: The mayor speaks to reporters",
        "Click here to sign up for our newsletter.", "Also read: Why the bridge costs so much"]


def test_section_labels_each_once():
    text = ("The plan covers three areas.\n\nENERGY: The grid gets new lines.\n\n"
            "TRADE: Tariffs fall by half.\n\nPUBLIC HEALTH: Clinics open longer.")
    assert texts(text, detect(text).section_labels) == ["ENERGY:", "TRADE:", "PUBLIC HEALTH:"]


def test_repeated_labels_are_a_transcript_not_sections():
    text = "LANE: We will win.\n\nMOSS: You will not.\n\nLANE: Watch us."
    assert detect(text).section_labels == []


def test_embedded_post_and_its_account_line():
    text = ("The coach left on Tuesday.\n\nThank you for everything, coach. See you soon! pic.twitter.com/Ab12Cd\n\n"
            "— Jo Day (@joday_official) November 19, 2026\n\nThe club is 12th.")
    st = detect(text)
    assert texts(text, st.embedded_posts) == ["Thank you for everything, coach. See you soon!"]
    assert texts(text, st.post_authors) == ["Jo Day"]


def test_short_label_over_an_embed_is_not_the_post():
    text = "The club spoke on Monday.\n\nClub statement\n\n— Rovers FC (@RoversFC) May 2, 2026\n\nMore follows."
    assert detect(text).embedded_posts == []


def test_pull_quote_repeating_a_body_quote():
    text = ("“We will rebuild the harbour before winter,” Mayor Jane Roe said on Monday.\n\n"
            "“We will rebuild the harbour before winter.” — Jane Roe, mayor\n\n"
            "The storm hit on Friday.\n\n“A bridge is a promise.”")
    st = detect(text)
    assert texts(text, st.repeated_quotes) == ["“We will rebuild the harbour before winter.” — Jane Roe, mayor"]
    assert texts(text, st.pull_quotes) == ["“A bridge is a promise.”"]


def test_pull_quote_signed_on_the_line_under_it():
    text = ("The storm hit the town on Friday.\n\n“The harbour comes first, then the houses.”\n"
            "— Jane Roe, mayor of the town\n\nRepairs start in May.")
    st = detect(text)
    assert texts(text, st.signed_quotes) == ["“The harbour comes first, then the houses.”"]
    assert texts(text, st.signers) == ["Jane Roe"]


def test_capitals_and_a_dash_later_in_the_text_are_a_heading_not_a_dateline():
    text = "The alliance met on Monday.\n\nNATO – The alliance has 32 members.\n\nBRUSSELS (AP) — Talks resumed."
    assert texts(text, detect(text).datelines) == ["BRUSSELS (AP) —"]


def test_first_label_of_a_transcript_is_no_dateline():
    text = "PENCE: We will win this state.\n\nKAINE: You will not.\n\nPENCE: Watch us."
    assert detect(text).datelines == []


def test_instagram_post_line():
    text = ("The singer thanked her fans.\n\nBest night of my life, thank you all!\n\n"
            "A post shared by Mia Lund (@mialund) on Nov 30, 2026 at 9:12pm PST\n\nThe tour ends in May.")
    st = detect(text)
    assert texts(text, st.embedded_posts) == ["Best night of my life, thank you all!"]
    assert texts(text, st.post_authors) == ["Mia Lund"]
