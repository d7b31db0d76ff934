"""A line break starts a sentence at the next word, wherever the break sits among whitespace."""
from __future__ import annotations

from onrecord.extract.pipeline import load_model, paragraphs

TEXTS = [
    "Strike ends\nDockers return to work on Monday",
    "Photo: Staff\n\n\n  The port reopened.\r\nIt was quiet. \n Then busy.",
    "\nA heading\nand its line\n",
    "No break at all here.",
    "",
    "\n",
]


def _by_each_token(doc):
    """The rule as stated, token by token: the word after a token holding a line break."""
    return [i for i in range(1, len(doc)) if "\n" in doc[i - 1].text and not doc[i].is_space]


def test_the_word_after_each_line_break_starts_a_sentence():
    nlp = load_model()
    for text in TEXTS:
        doc = paragraphs(nlp.make_doc(text))
        expected = _by_each_token(doc)
        assert [t.i for t in doc if t.is_sent_start and t.i > 0] == expected, text
    doc = paragraphs(nlp.make_doc("Strike ends\nDockers return"))
    assert [t.text for t in doc if t.is_sent_start] == ["Strike", "Dockers"]
