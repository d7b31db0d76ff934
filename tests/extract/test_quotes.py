"""Quote detection on synthetic sentences, one construction per test."""
import pytest


def only(a, **match):
    found = [q for q in a.quotes if all(getattr(q, k) == v for k, v in match.items())]
    assert found, [q.to_dict() for q in a.quotes]
    return found[0]


def test_direct_quote_with_trailing_attribution(run):
    a = run("“The harbour will reopen next week,” Maria Lund said.")
    q = only(a, type="direct")
    assert q.text == "“The harbour will reopen next week,”"
    assert q.speaker.name == "Maria Lund" and q.cue_text == "said"


def test_inverted_attribution(run):
    a = run("“Prices are falling fast,” said Peter Okafor, an economist at the central bank.")
    assert only(a, type="direct").speaker.name == "Peter Okafor"


def test_indirect_said_that(run):
    a = run("Maria Lund said that the harbour would reopen after the storm.")
    q = only(a, type="indirect")
    assert q.text == "the harbour would reopen after the storm"
    assert q.speaker.name == "Maria Lund"


def test_indirect_with_attribution_after(run):
    a = run("The harbour will reopen after the storm, Maria Lund said.")
    q = only(a, type="indirect")
    assert q.text == "The harbour will reopen after the storm"


def test_according_to(run):
    a = run("According to Maria Lund, the harbour will reopen after the storm.")
    q = only(a, speaker=a.quotes[0].speaker)
    assert "harbour will reopen" in q.text and q.speaker.name == "Maria Lund"


def test_told_outlet(run):
    a = run("Peter Okafor told Harbour Radio that prices were falling.")
    q = a.quotes[0]
    assert q.text == "prices were falling" and q.speaker.name == "Peter Okafor"


def test_speaking_to_outlet(run):
    a = run("Speaking to Harbour Radio, Peter Okafor, a senior economist, said the crisis was over.")
    q = a.quotes[0]
    assert q.text == "the crisis was over" and q.speaker.name == "Peter Okafor"


def test_wrote_in_newspaper(run):
    a = run("The reform is a mistake, Anna Berg wrote in The Daily Ledger.")
    q = a.quotes[0]
    assert q.speaker.name == "Anna Berg" and q.cue_text == "wrote"


@pytest.mark.parametrize("verb", ["warned", "argued", "added", "insisted", "predicted"])
def test_cue_verbs(run, verb):
    a = run(f"Peter Okafor {verb} that the bank would raise rates again.")
    assert a.quotes and a.quotes[0].text == "the bank would raise rates again"


def test_mixed_quote(run):
    a = run("Maria Lund said the closure was an “unforgivable mistake by the port”.")
    q = only(a, type="mixed")
    assert q.text == "the closure was an “unforgivable mistake by the port”"


def test_interrupted_quote_is_one_quote(run):
    a = run("“We will not give up,” Maria Lund said. “Not this year, not ever.”")
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert q.type == "direct" and len(q.parts) == 2 and q.speaker.name == "Maria Lund"


def test_short_quoted_sentence_after_the_attribution_continues_the_quote(run):
    a = run("“I would,” Maria Lund said to the crowd. “I would, Peter.”")
    assert len(a.quotes) == 1 and a.quotes[0].parts and len(a.quotes[0].parts) == 2


def test_short_scare_quote_after_an_attribution_is_not_speech(run):
    a = run("“The harbour will reopen soon,” Maria Lund said. The “plan” is old.")
    assert [q.text for q in a.quotes] == ["“The harbour will reopen soon,”"]


def test_a_participle_qualifying_the_cue_does_not_take_the_next_quotation(run):
    a = run("“The port is in their heads,” said Maria Lund, speaking of the fishermen. "
            "“It is all they talk about.”")
    q = only(a, type="direct")
    assert q.cue_text == "said" and len(q.parts) == 2 and q.speaker.name == "Maria Lund"


def test_quote_over_paragraphs(run):
    text = ("“The first thing we learned is that nobody was ready for it.\n\n"
            "“The second is that we will need years to recover,” Maria Lund said.")
    a = run(text)
    assert len(a.quotes) == 1 and a.quotes[0].span == (0, text.index(" Maria"))


def test_dash_attribution(run):
    a = run("Intro line of the story.\n\n“Nothing will change until the vote,” – Maria Lund")
    q = a.quotes[0]
    assert q.speaker.name == "Maria Lund" and q.cue_text == "–"


def test_floating_quote_takes_previous_speaker(run):
    a = run("“Prices are falling,” Peter Okafor said.\n\n“And they will fall further, because demand is weak this year.”")
    assert [q.speaker.name for q in a.quotes] == ["Peter Okafor", "Peter Okafor"]


def test_pull_quote_has_no_speaker(run):
    text = "Maria Lund spoke on Monday.\n\n“A harbour is the heart of a town.”\n\nThe rest of the story follows here."
    q = run(text).quotes[-1]
    assert q.text == "“A harbour is the heart of a town.”" and q.speaker is None


def test_unbalanced_mark_keeps_the_rest(run):
    text = ("Maria Lund said the port was “closed.\n\n"
            "Peter Okafor said that prices were falling.\n\n"
            "“Demand is weak,” Peter Okafor said.")
    a = run(text)
    assert any(q.text == "prices were falling" for q in a.quotes)
    assert any(q.text == "“Demand is weak,”" for q in a.quotes)


def test_scare_quotes_are_not_quotes(run):
    a = run("The so-called “peace plan” was published on Monday.")
    assert a.quotes == []


def test_related_links_give_no_quotes(run):
    text = ("The port reopened on Monday.\n\nRead also:\n\n"
            "  • Minister Says Port Is “Safe” / Why Workers Disagree\n"
            "  • “We will strike again”: dockers warn the city\n")
    assert run(text).quotes == []


def test_cue_inside_a_quote_is_not_a_new_quote(run):
    a = run("“I think the port will close, and I said so,” Maria Lund said.")
    assert len(a.quotes) == 1 and a.quotes[0].speaker.name == "Maria Lund"


def test_doubled_apostrophe_quotes(run):
    a = run("''There's always resistance,'' said Tom Schmidt, who bought the course.")
    q = a.quotes[0]
    assert q.text == "''There's always resistance,''" and q.speaker.name == "Tom Schmidt"


# -- kind: what was said (speech) apart from what is thought, wanted or found (stance) ----------
@pytest.mark.parametrize("sentence, content, kind", [
    ("She said the plan would fail.", "the plan would fail", "speech"),
    ("The report says prices rose.", "prices rose", "speech"),
    ("Prices will rise next year, according to the ministry.", "Prices will rise next year", "speech"),
    ("He believes the plan will fail.", "the plan will fail", "stance"),
    ("Analysts fear a recession.", "a recession", "stance"),
    ("Officials decided that the school would close.", "the school would close", "stance"),
    ("The study found that sleep improves memory.", "sleep improves memory", "stance"),
])
def test_kind_from_the_cue(run, sentence, content, kind):
    q = only(run(sentence), text=content)
    assert q.kind == kind


def test_a_quotation_borrowing_a_neighbours_speaker_is_speech(run):
    a = run("Maria Lund believes the harbour will reopen. “We have waited long enough for the boats to return.”")
    assert only(a, text="the harbour will reopen").kind == "stance"
    q = only(a, type="direct")
    assert q.speaker.name == "Maria Lund" and q.kind == "speech"


def test_json_contract_carries_kind(run):
    from onrecord.model import analysis_from_dict
    a = run("Maria Lund said that the harbour would reopen. Peter Okafor thinks the strike will last.")
    d = a.to_dict()
    assert [q["kind"] for q in d["quotes"]] == ["speech", "stance"]
    assert [q.kind for q in analysis_from_dict(d).quotes] == ["speech", "stance"]
    del d["quotes"][1]["kind"]  # written before kind existed: read as speech
    assert analysis_from_dict(d).quotes[1].kind == "speech"


def test_cue_lexicon_kinds():
    from onrecord.extract.lexicon import CUES
    assert {CUES[w].kind for w in ("say", "tweet", "announce", "write", "tell")} == {"speech"}
    assert {CUES[w].kind for w in ("believe", "fear", "want", "find", "show")} == {"stance"}
    assert CUES["fear"].takes_object and CUES["point"].particles == {"out", "to"}  # markers in any order


def test_noun_saying_clause_is_the_nouns_words(run):
    a = run("Rates fell sharply, with analysts saying the decline would last.")
    q = only(a, cue_text="saying")
    assert q.text == "the decline would last" and q.speaker.mention_text == "analysts"


def test_statement_saying_is_the_issuers(run):
    a = run("The union issued a statement saying the strike would continue.")
    q = only(a, cue_text="saying")
    assert q.text == "the strike would continue" and q.speaker.mention_text == "The union"


def test_quoted_as_saying(run):
    a = run("Tomas Berne was quoted as saying the deal was dead.")
    q = only(a, cue_text="saying")
    assert q.text == "the deal was dead" and q.speaker.name == "Tomas Berne"


def test_by_saying_takes_the_subject_of_the_main_verb(run):
    a = run("Tomas Berne began by saying he would never sign the treaty.")
    q = only(a, cue_text="saying")
    assert q.text == "he would never sign the treaty" and q.speaker.name == "Tomas Berne"


def test_participle_without_a_cue_is_no_quote(run):
    assert not run("The dog lying on the rug barked at the door.").quotes


def test_a_noun_of_feeling_expressed_by_someone_is_their_stance(nlp):
    """"expressed concern that …": the noun's content, held by whoever expressed it, a stance."""
    from onrecord import analyze
    a = analyze("Republicans have expressed concern that the bill will fail in the Senate.", published="2024-03-06")
    [q] = a.quotes
    assert q.text == "the bill will fail in the Senate" and q.kind == "stance"
    assert q.speaker.mention_text == "Republicans"
    [f] = a.forecasts
    assert f.owner_name == "Republicans"  # the clause is the noun's content, not the reporter's description


def test_a_claim_that_is_speech(nlp):
    from onrecord import analyze
    [q] = analyze("Trump's claim that the wall will be built by May was false.", published="2017-01-02").quotes
    assert q.kind == "speech" and q.speaker.name == "Trump"


def test_transcript_turns_inside_an_opening_mark_per_paragraph(run):
    text = ("Partial transcript as follows:\n\n"
            "\"WALLACE: Will the harbour reopen next week, after the long storm in the spring?\n\n"
            "\"LUND: Well, the harbour will reopen when the storm has passed, and not before.\n\n"
            "\"WALLACE: And the fishing fleet, will it be back by then?\n")
    a = run(text)
    turns = [q for q in a.quotes if q.speaker is not None]
    assert [q.speaker.mention_text for q in turns] == ["WALLACE", "LUND", "WALLACE"], [q.to_dict() for q in a.quotes]
    assert turns[1].text == "Well, the harbour will reopen when the storm has passed, and not before."


def test_a_transcript_turn_holds_the_cues_inside_it(run):
    text = ("Partial transcript as follows:\n\n"
            "WALLACE: Maria Lund released a statement on Friday talking about the harbour. I think it matters.\n\n"
            "LUND: Well, I believe the harbour will reopen when the storm has passed.\n\n"
            "WALLACE: And the fishing fleet, will it be back by then?\n")
    a = run(text)
    assert [(q.speaker.mention_text, q.text[:12]) for q in a.quotes] == [
        ("WALLACE", "Maria Lund r"), ("LUND", "Well, I beli"), ("WALLACE", "And the fish")]


def test_a_named_sources_report_inside_a_turn_stays_its_own_quote(run):
    text = ("Partial transcript as follows:\n\nWALLACE: The harbour board said on Friday that the port would reopen next week.\n\n"
            "LUND: That is right, and the fleet will be back by then.\n\nWALLACE: Thank you for your time today.\n")
    a = run(text)
    assert any(q.text == "the port would reopen next week" and q.speaker.mention_text == "The harbour board"
               for q in a.quotes), [q.to_dict() for q in a.quotes]


def test_a_place_word_the_parser_takes_for_a_verb_stays_in_the_speakers_phrase(run):
    # the model tags "Tulsa" VB here and hangs the rest of the sentence on it
    text = ("The U.S. Department of Justice is investigating the shooting.\n"
            "“I will just make this promise to you: We will achieve justice in this case,” Tulsa police Chief "
            "Chuck Jordan said Monday.")
    a = run(text)
    q = next(q for q in a.quotes if "achieve justice" in text[q.span[0]:q.span[1]])
    assert q.speaker is not None and q.speaker.name == "Chuck Jordan"


def test_a_subject_inside_the_quotation_does_not_hide_the_speaker_after_it(run):
    # the parser gives "said" two subjects: "it" of the quotation and the name after it
    text = ("The board met on Monday.\n\n\"If it does not reopen the pier yet, it will at some point, probably sooner "
            "rather than later,\" said Maria Lund, a lawyer who is co-director of the Harbour Policy Program at the "
            "Institute for Ports. \"People disagree about the timing.\"\n")
    q = next(q for q in run(text).quotes if "reopen the pier" in q.text)
    assert q.speaker is not None and q.speaker.name == "Maria Lund"


def test_a_no_break_space_before_the_dash_of_a_signed_quote(run):
    text = ("“I am so ashamed of the harbour board and of all it has done to us this year, and I say so loudly.”"
            "\u00a0― Jacklyn Ashley\u00a0\n")
    [q] = run(text).quotes
    assert q.speaker.name == "Jacklyn Ashley" and q.speaker.mention_text == "Jacklyn Ashley"


def test_a_fronted_quotation_ends_where_its_mark_closes(run):
    # the parser takes "Tulsa" for a verb of the quoted clause; the quote is still the marked stretch
    text = "“I will just make this promise to you: We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday."
    [q] = run(text).quotes
    assert q.type == "direct" and q.text == text[:text.index("”") + 1]


@pytest.mark.parametrize("sentence", [
    "On Tuesday’s episode of “The Harbour Morning Show,” the mayor said the ferry would run again.",
    "In her 2002 book, “Make Your Town a Harbour,” Maria Lund suggested looking at the old maps.",
])
def test_the_title_of_a_work_is_not_speech(run, sentence):
    assert not any("Harbour Morning" in q.text or "Make Your Town" in q.text for q in run(sentence).quotes)
