"""Quotation-mark stretches: balanced, multi-paragraph, stray marks."""
from onrecord.extract.quotemarks import names_a_thing, stretches


def found(text):
    return [text[s:e] for s, e in stretches(text)]


def test_curly_and_straight_marks():
    assert found('He said "a b c" and “d e”.') == ['"a b c"', "“d e”"]


def test_quote_running_over_paragraphs():
    text = "“First part of the quote.\n\n“Second part,” she said. Then “more”."
    assert found(text) == ["“First part of the quote.\n\n“Second part,”", "“more”"]


def test_stray_opening_mark_does_not_swallow_the_article():
    text = "A stray “mark here.\n\nNext paragraph has “a real quote” in it.\n\nAnd “another”."
    assert found(text) == ["“a real quote”", "“another”"]


def test_stray_closing_mark_is_ignored():
    assert found("Odd” mark, then “a quote”.") == ["“a quote”"]


def test_inch_mark_glued_to_a_number_opens_nothing():
    assert found('He is 6\'2" tall and said "hello there".') == ['"hello there"']


def test_doubled_apostrophes_as_marks():
    text = "''There's always resistance,'' said Mr. Schmidt. It's ''fine.''"
    assert found(text) == ["''There's always resistance,''", "''fine.''"]


def test_guillemets_are_marks():
    assert found("Elle a dit «nous reviendrons demain» hier.") == ["«nous reviendrons demain»"]


def test_unclosed_quote_continues_only_into_a_paragraph_opening_with_a_mark():
    text = "“We will build the road next year.\n\n“And the bridge after it,” the mayor said."
    assert found(text) == ["“We will build the road next year.\n\n“And the bridge after it,”"]
    text = "“We will build the road next year.\n\nThe council met on Monday and “voted no” on it."
    assert found(text) == ["“voted no”"]


def test_stray_straight_mark_does_not_swallow_the_next_paragraph():
    text = 'The sign read "closed for repairs.\n\nWorkers said "it will open soon" today.'
    assert found(text) == ['"it will open soon"']


def test_apostrophes_inside_words_are_not_marks():
    text = "Fans of ’90s rock ’n’ roll said “it was the best decade” for music."
    assert found(text) == ["“it was the best decade”"]


def test_two_curly_single_marks_close_a_double_quote():
    text = "“It was an attempt to fool people,’’ the analyst told the paper. “It failed.”"
    assert found(text) == ["“It was an attempt to fool people,’’", "“It failed.”"]


def test_two_curly_single_marks_open_and_close():
    text = "‘‘We are ready,’’ she said."
    assert found(text) == ["‘‘We are ready,’’"]


def test_quotation_naming_a_thing_in_a_noun_phrase():
    text = "While the “Fix It Now, Pay Later” campaign did not convince her, the mayor's “Back to Work” plan did."
    assert [names_a_thing(text, s) for s in stretches(text)] == [True, True]


def test_quotation_that_continues_the_sentence_is_not_a_name():
    text = "He called it the “worst week of my life” and left. It was the “best one yet,” he said."
    assert [names_a_thing(text, s) for s in stretches(text)] == [False, False]


def test_single_marks_british_style():
    text = "‘We won’t give up on the town’s harbour,’ the mayor said. She said it was ‘a long fight’."
    assert found(text) == ["‘We won’t give up on the town’s harbour,’", "‘a long fight’"]


def test_single_marks_inside_double_marks_are_nested():
    text = "“He told me ‘never again’ and left,” she said."
    assert found(text) == ["“He told me ‘never again’ and left,”"]


def test_elisions_with_an_opening_single_mark_are_not_quotes():
    assert found("Fans of ‘90s rock ‘n’ roll met on Friday.") == []


def test_a_straight_mark_after_a_word_closes_a_curly_opening():
    text = 'There was “no evidence" yet of sabotage.\n\n"We see no link to the strike," the mayor said.'
    assert found(text) == ["“no evidence\"", "\"We see no link to the strike,\""]


def test_a_straight_mark_before_a_word_does_not_close_a_curly_opening():
    assert found("“He called it \"a joke\" and left,” she said.") == ["“He called it \"a joke\" and left,”"]


def test_a_paragraph_opening_with_another_kind_of_mark_does_not_continue_a_quote():
    # an excerpt opened with a straight mark and never closed; the next paragraph's curly quote is
    # a quotation of its own, not the excerpt's continuation
    text = '"The harbour master walked onto the pier, waving.\n\n“That’s right, the port is open,” Maria Lund said.'
    assert found(text) == ["“That’s right, the port is open,”"]


def test_a_continuation_opens_with_the_same_mark():
    text = '"The first part of the letter.\n\n"The second part," she said.'
    assert found(text) == ['"The first part of the letter.\n\n"The second part,"']
