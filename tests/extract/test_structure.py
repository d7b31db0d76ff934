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
