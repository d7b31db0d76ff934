"""Long texts in bounded pieces: where they are cut, and that spans come back at document offsets."""
from __future__ import annotations

from onrecord import analysis
from onrecord.extract import pieces

PARAGRAPH = "The council met on Monday. “The port will close next year,” Anna Berg said.\n\n"


def test_short_text_is_one_piece():
    assert pieces.bounds("A short text.") == [(0, 13)]


def test_pieces_cover_the_text_and_cut_at_paragraphs():
    text = PARAGRAPH * 50
    spans = pieces.bounds(text, size=1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(e - s <= 1000 for s, e in spans)
    assert all(text[s - 2:s] == "\n\n" for s, _ in spans[1:])


def test_giant_paragraph_is_cut_at_a_sentence_end_outside_quotes():
    text = "“He said it will rain. It will,” she said. " * 60
    for s, _ in pieces.bounds(text, size=500)[1:]:
        assert text[s:].startswith("“He said")


def test_spans_are_shifted_across_pieces(monkeypatch):
    text = PARAGRAPH * 8
    whole = pieces.bounds
    monkeypatch.setattr(analysis.pieces, "bounds", lambda t: whole(t, size=300))
    a = analysis.analyze(text, published="2024-01-01")
    assert len(a.quotes) == 8
    for q in a.quotes:
        assert text[q.span[0]:q.span[1]] == q.text
    assert [p.name for p in a.people] == ["Anna Berg"]
    assert {q.speaker.person for q in a.quotes} == {a.people[0].id}
    for f in a.forecasts:
        assert text[f.span[0]:f.span[1]] == f.text
