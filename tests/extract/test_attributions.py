"""Attribution cues on synthetic sentences: which constructions attribute what to whom."""
import pytest


def quotes_of(a, **match):
    return [q for q in a.quotes if all(getattr(q, k) == v for k, v in match.items())]


def only(a, **match):
    found = quotes_of(a, **match)
    assert found, [q.to_dict() for q in a.quotes]
    return found[0]


# a content that only names a thing (a noun phrase, no verb, no quotation marks) reports no words:
# its kind is stance whatever the cue (quotes._noun_phrase_only); a clause or a gerund stays speech
@pytest.mark.parametrize("sentence, content, kind", [
    ("Maria Lund spoke of the long history of the harbour strikes.", "the long history of the harbour strikes",
     "stance"),
    ("Peter Okafor railed against the new tax on fishing boats.", "the new tax on fishing boats", "stance"),
    ("Anna Berg talked about rebuilding the old harbour.", "rebuilding the old harbour", "speech"),
    ("The union campaigned for higher wages for nurses.", "higher wages for nurses", "stance"),
    ("Maria Lund voted against the harbour budget.", "the harbour budget", "stance"),
])
def test_object_of_a_preposition_after_a_verb_of_talking_or_taking_sides(run, sentence, content, kind):
    q = only(run(sentence), text=content)
    assert q.kind == kind and q.speaker is not None


def test_a_verb_of_talking_without_its_preposition_is_no_cue(run):
    assert not run("Maria Lund spoke to reporters at the harbour on Monday.").quotes


@pytest.mark.parametrize("sentence", [
    "Two harbour officials spoke on condition of anonymity.",
    "The mayor spoke on the phone with reporters.",
])
def test_speaking_on_a_manner_of_speaking_names_no_topic(run, sentence):
    assert not run(sentence).quotes


@pytest.mark.parametrize("sentence, content", [
    ("Peter Okafor noted the sharp rise in fuel prices.", "the sharp rise in fuel prices"),
    ("The mayor agreed to reopen the harbour next spring.", "to reopen the harbour next spring"),
    ("The fishing company declared bankruptcy last week.", "bankruptcy last week"),
])
def test_object_of_a_cue_that_takes_one(run, sentence, content):
    only(run(sentence), text=content)


# cues read off PolNeAR train's cue rates (benchmarks/cue_rates.py)
@pytest.mark.parametrize("sentence, content", [
    ("Maria Lund decried the closure of the fish market.", "the closure of the fish market"),
    ("Peter Okafor reminded voters that the harbour had flooded twice.", "the harbour had flooded twice"),
    ("The mayor expressed deep regret over the strike.", "deep regret over the strike"),
    ("Anna Berg referred to the new levy as a tax on sailors.", "the new levy as a tax on sailors"),
    ("The council deemed the old pier unsafe.", "the old pier unsafe"),
    ("Most fishermen prefer a smaller quota to no quota at all.", "a smaller quota to no quota at all"),
    ("The mayor retweeted a video of the flooded harbour.", "a video of the flooded harbour"),
    ("Maria Lund bemoaned the loss of the ferry service.", "the loss of the ferry service"),
    ("The union lashed out at the new shift rules.", "the new shift rules"),
    ("Peter Okafor downplayed the risk of another flood.", "the risk of another flood"),
    ("The council embraced the plan for a second pier.", "the plan for a second pier"),
])
def test_object_of_a_cue_learned_from_train(run, sentence, content):
    q = only(run(sentence), text=content)
    assert q.speaker is not None


@pytest.mark.parametrize("sentence, content", [
    ("Anna Berg voiced support for the harbour tax.", "the harbour tax"),
    ("Several fishermen expressed frustration that the bridge was still closed.", "the bridge was still closed"),
    ("The mayor expressed interest in buying the old ferry.", "buying the old ferry"),
])
def test_what_an_expressed_feeling_is_about(run, sentence, content):
    q = only(run(sentence), text=content)
    assert q.kind == "stance" and q.speaker is not None


@pytest.mark.parametrize("sentence", [
    "He would not let her leave the room.",
    "The town found itself a symbol of the crisis.",
    "She made him carry the nets to the harbour.",
    "In a tradition she has kept for 40 years, Maria Lund threw open her family's sprawling back yard "
    "for a Labor Day cookout.",
    "Among the voters in the north, Lund’s lead is the same: She leads Berg by 49 percent to 47 percent.",
])
def test_a_verb_with_a_person_subject_and_a_clause_is_no_cue_by_itself(run, sentence):
    assert not run(sentence).quotes


def test_a_tensed_clause_of_a_verb_outside_the_lexicon_is_attributed(run):
    q = only(run("Maria Lund insinuated that the harbour budget had been raided."))
    assert q.text == "the harbour budget had been raided" and q.speaker.name == "Maria Lund"


def test_a_person_who_suggests_is_a_source_not_evidence(run):
    q = only(run("He suggested that the harbour tax was a good idea."))
    assert q.text == "the harbour tax was a good idea" and q.cue_text == "suggested"


def test_evidence_that_suggests_is_not_a_source(run):
    assert not run("They suggest that the harbour tax was a good idea.").quotes


def test_a_cue_verb_tagged_as_a_noun_keeps_its_subject_and_clause(run):
    q = only(run("But Trump claims that he should be the exception."))
    assert q.text == "he should be the exception" and q.speaker.mention_text == "Trump"


@pytest.mark.parametrize("sentence, content, kind", [
    ("The senator raised questions about the funding of the new bridge.", "the funding of the new bridge", "stance"),
    ("Critics expressed doubts that the harbour would reopen soon.", "the harbour would reopen soon", "stance"),
    ("Maria Lund made the case that the tax would hurt small firms.", "the tax would hurt small firms", "speech"),
    ("Peter Okafor made the case for a new harbour tax.", "a new harbour tax", "stance"),
    ("Anna Berg has serious misgivings about the new bridge.", "the new bridge", "stance"),
    ("The union's criticism of the harbour budget grew louder.", "the harbour budget", "stance"),
    ("The mayor's opposition to the new bridge is well known.", "the new bridge", "stance"),
    ("The union's endorsement of Anna Berg came late.", "Anna Berg", "stance"),
    ("The council's plan to sell the ferry was leaked.", "to sell the ferry", "stance"),
    ("Maria Lund spoke on Monday. Her support for the harbour tax is firm.", "the harbour tax", "stance"),
])
def test_what_a_noun_of_saying_or_thinking_is_about(run, sentence, content, kind):
    q = only(run(sentence), text=content)
    assert q.kind == kind and q.speaker is not None


def test_the_claims_of_an_owner_are_not_about_the_owner(run):
    assert not run("The claims of the company were old and well known.").quotes


def test_a_quoted_phrase_someone_expresses_is_a_mixed_quote(run):
    q = only(run("Anna Berg expressed “deep concern” about the harbour vote."), type="mixed")
    assert q.text == "“deep concern” about the harbour vote" and q.speaker.name == "Anna Berg"


def test_a_refusal_to_comment_on_a_topic_reports_nothing(run):
    assert not run("The harbour board would not comment on the new tax.").quotes


def test_a_claim_over_territory_is_not_a_claim_about_it(run):
    assert not run("The king's claims over the northern islands were old.").quotes


def test_it_as_the_source_of_a_cue_verb(run):
    q = only(run("The harbour board met on Monday. It also said the port would reopen in May."))
    assert q.text == "the port would reopen in May" and q.speaker.mention_text == "It"


@pytest.mark.parametrize("sentence, content", [
    ("Mr. Okafor seemed to overstay his welcome in the town.", "Mr. Okafor seemed to overstay his welcome in the town"),
    ("The idea seems like something of a contradiction.", "The idea seems like something of a contradiction"),
    ("Mayor Hill seemed irritated by the question.", "Mayor Hill seemed irritated by the question"),
    ("She appeared tired after the long debate.", "She appeared tired after the long debate"),
])
def test_an_evidential_seem_is_an_impression_no_one_is_named_for(run, sentence, content):
    q = only(run(sentence), text=content)
    assert q.kind == "stance" and q.speaker is None


def test_seeming_to_say_leaves_the_saying_to_its_subject(run):
    q = only(run("Anna Berg seemed to suggest that the tax would rise."), text="the tax would rise")
    assert q.speaker.mention_text == "Anna Berg"


def test_appearing_somewhere_is_no_impression(run):
    assert not run("The senator appeared on three news shows on Sunday.").quotes


def test_it_holds_no_view_by_a_bare_clause(run):
    """"It seems that …" reports an impression no one is named for, not a view "it" holds."""
    [q] = run("It seems that the port would reopen in May.").quotes
    assert q.text == "the port would reopen in May" and q.kind == "stance" and q.speaker is None


def test_nested_report_of_a_named_source_is_a_quote_of_its_own(run):
    a = run("The harbour board said that Maria Lund told the council the port would close.")
    outer = only(a, text="Maria Lund told the council the port would close")
    inner = only(a, text="the port would close")
    assert outer.speaker.mention_text == "The harbour board" and inner.speaker.name == "Maria Lund"


def test_a_belief_inside_a_report_stays_inside_it(run):
    a = run("Maria Lund said that she believes the port will close.")
    assert [q.text for q in a.quotes] == ["she believes the port will close"]


def test_said_yes_reports_the_answer(run):
    a = run("The union said a majority of its members said yes to the deal.")
    assert only(a, text="yes to the deal").speaker.mention_text != "The union"
    assert only(a, text="a majority of its members said yes to the deal").speaker.mention_text == "The union"


@pytest.mark.parametrize("sentence", [
    "The harbour, Maria Lund says, will reopen next week.",
    "The harbour, Maria Lund said on Monday, will reopen next week.",
])
def test_an_indirect_quote_interrupted_by_its_attribution_has_two_parts(run, sentence):
    q = only(run(sentence))
    assert [sentence[a:b] for a, b in q.parts] == ["The harbour", "will reopen next week"]
    assert q.speaker.name == "Maria Lund" and q.type == "indirect"


def test_the_clause_a_cue_reports_is_not_one_across_a_semicolon(run):
    q = only(run("The closure is unlikely; the harbour board says the port will stay open this winter."))
    assert q.text == "the port will stay open this winter"


def test_told_someone_to_do_something(run):
    q = only(run("Maria Lund told her advisers to find a way to reopen the port."), cue_text="told")
    assert q.text == "her advisers to find a way to reopen the port"


def test_a_name_right_before_a_cue_the_parser_left_without_subject(run):
    a = run("At a meeting with the board of the Harbour Gazette Trump said that the port would close.")
    q = only(a, text="the port would close")
    assert q.speaker is not None and "Trump" in q.speaker.mention_text


@pytest.mark.parametrize("sentence, content", [
    ("The harbour had been closed for years, as Peter Okafor pointed out.", "The harbour had been closed for years"),
    ("As Maria Lund noted, the port is older than the town.", "the port is older than the town"),
])
def test_an_attribution_by_as(run, sentence, content):
    q = only(run(sentence))
    assert q.text == content and q.parts is None


def test_a_mixed_quote_keeps_the_closing_mark_of_its_quoted_words(run):
    q = only(run("The mayor called the plan “a disaster for the whole town”."), type="mixed")
    assert q.text == "the plan “a disaster for the whole town”"


def test_surface_fallback_when_the_tagger_reads_name_and_cue_as_nouns(run):
    q = only(run("Donald Trump spoke in Ohio on Monday. "
                 "Trump charges that countries that stand to benefit from the deal donated millions to the fund."),
             cue_text="charges")
    assert q.text == "countries that stand to benefit from the deal donated millions to the fund"
    assert q.cue_text == "charges" and q.speaker.mention_text == "Trump"


def test_surface_fallback_leaves_nouns_of_saying_alone(run):
    assert not run("The claims that he made were false.").quotes
    assert not run("Harbour charges that the board set last year were high.").quotes


@pytest.mark.parametrize("sentence, content, holder", [
    ("Harbour officials are concerned that the port will close.", "the port will close", "Harbour officials"),
    ("Maria Lund has been critical of the harbour plan.", "the harbour plan", "Maria Lund"),
    ("Local residents were worried about the new quotas.", "the new quotas", "Local residents"),
    ("The mayor is determined to reopen the pier.", "to reopen the pier", "The mayor"),
    ("Union leaders were coy about whether they would strike.", "whether they would strike", "Union leaders"),
    ("Harbour officials were confident the pier would reopen.", "the pier would reopen", "Harbour officials"),
    # groups of people by what they do or side with, and quantities of them
    ("Loyalists were adamant that the mayor has no plans to run.", "the mayor has no plans to run", "Loyalists"),
    ("The voters were acutely aware that the ferry might be late.", "the ferry might be late", "The voters"),
    ("Many of the fishermen were worried about the new quotas.", "the new quotas", "Many of the fishermen"),
])
def test_a_stance_adjective_holds_its_subjects_view(run, sentence, content, holder):
    q = only(run(sentence), text=content)
    assert q.kind == "stance" and q.speaker.mention_text == holder


def test_making_clear_is_saying(run):
    q = only(run("The governor made it clear that she would veto the bill."), text="she would veto the bill")
    assert q.kind == "speech" and q.speaker.mention_text == "The governor"
    q = only(run("Maria Lund made it clear she had serious doubts about the plan."),
             text="she had serious doubts about the plan")
    assert q.kind == "speech" and q.speaker.name == "Maria Lund"


@pytest.mark.parametrize("sentence", [
    "The weather was clear on Monday.",
    "The pier is ready to reopen.",
    "The report was critical of nothing in particular, analysts noted.",
])
def test_an_adjective_of_a_thing_or_without_a_view_is_no_cue(run, sentence):
    assert not [q for q in run(sentence).quotes if (q.cue_text or "").lower() in ("clear", "ready", "critical")]


@pytest.mark.parametrize("sentence, content", [
    ("Asked whether he would run again, Tom Hill smiled.", "whether he would run again"),
    ("When asked about the strike, the mayor left the room.", "the strike"),
])
def test_a_question_put_by_no_one_named_is_speech_without_a_source(run, sentence, content):
    q = only(run(sentence), text=content)
    assert q.speaker is None


def test_a_noun_of_saying_inside_a_quotation_is_the_quoted_persons_words(run):
    a = run("“He makes blanket statements about people he knows nothing about.” ― Pamela Ortiz\n")
    assert [q.speaker.name for q in a.quotes] == ["Pamela Ortiz"]


def test_seeing_something_as_something_is_a_view(run):
    q = only(run("Most residents see the new pier as a waste of money."), text="the new pier as a waste of money")
    assert q.kind == "stance" and q.speaker.mention_text == "Most residents"


def test_as_someone_put_it_is_saying(run):
    a = run("As Maria Lund, a tax lawyer, recently put it, “Did the board lower its taxes or evade them?”")
    assert [q.speaker.name for q in a.quotes] == ["Maria Lund"]
    assert not run("She put it on the table before the vote.").quotes


def test_what_a_poll_found(run):
    q = only(run("In the latest Harbour Radio poll, Tom Hill held a ten-point lead over Maria Lund."),
             text="Tom Hill held a ten-point lead over Maria Lund")
    assert q.kind == "stance" and q.speaker.name == "Harbour Radio"
    assert not run("Tom Hill lives in a survey town near the harbour.").quotes


def test_calling_someone_a_quoted_name(run):
    q = only(run("Maria Lund called both Hill and Berg “reckless” on Monday."), text="both Hill and Berg “reckless” on Monday")
    assert q.speaker.mention_text == "Maria Lund"
    assert not run("The lake is called Blue Water by the locals.").quotes


def test_a_headline_names_its_speaker_before_a_colon(run):
    a = run("Lund: Harbour Strike Will End by May.\n\nMaria Lund spoke to reporters on Sunday.")
    q = only(a, text="Harbour Strike Will End by May")
    assert q.speaker.name == "Maria Lund"


@pytest.mark.parametrize("text", [
    "The Latest: Hill urges supporters to vote early.\n\nTom Hill spoke on Sunday.",
    "Stealth Over Health: the harbour closes early.\n\nThe harbour closed on Sunday.",
])
def test_a_series_label_or_a_phrase_before_a_headline_colon_names_no_one(run, text):
    assert not [q for q in run(text).quotes if q.cue_text == ":"]


@pytest.mark.parametrize("sentence, content, kind", [
    ("The harbour board is reportedly planning a new pier.", "The harbour board is reportedly planning a new pier", "speech"),
    ("Support for the strike appears to have fallen since May.", "Support for the strike appears to have fallen since May", "stance"),
    ("More voters appear to be moving behind Hill.", "More voters appear to be moving behind Hill", "stance"),
])
def test_reported_and_apparent_states_without_a_source(run, sentence, content, kind):
    q = only(run(sentence), text=content)
    assert q.kind == kind and q.speaker is None


def test_a_text_reads_its_words(run):
    a = run("“The pier must close before the winter storms arrive,” the statement read.")
    assert [q.speaker.mention_text for q in a.quotes] == ["the statement"]
    assert not run("He read a book about the war on the ferry.").quotes


def test_hoping_to_do_something_is_a_stance(run):
    q = only(run("Maria Lund hopes to reopen the harbour by May."), text="to reopen the harbour by May")
    assert q.kind == "stance" and q.speaker.name == "Maria Lund"


def test_a_clause_the_parser_hangs_on_the_occasion_is_what_was_said(run):
    q = only(run("Maria Lund, who chairs the board, said in a statement that the harbour would reopen in May."),
             text="the harbour would reopen in May")
    assert q.speaker.name == "Maria Lund"


@pytest.mark.parametrize("sentence, parts", [
    # the parser hangs the parenthetical cue on the first clause, or on the subject before it
    ("Peter Okafor spoke on Monday. Though the strike was short, he said, reopening the port would take weeks.",
     ["Though the strike was short", "reopening the port would take weeks"]),
    ("Peter Okafor spoke on Monday. The difference now, he told me on Friday, is that the port has a new owner.",
     ["The difference now", "is that the port has a new owner"]),
])
def test_an_interrupted_indirect_quote_runs_to_the_end_of_its_sentence(run, sentence, parts):
    q = only(run(sentence), cue_text="said" if "said" in sentence else "told")
    assert [sentence[a:b] for a, b in q.parts] == parts


def test_a_clause_joined_by_and_after_a_fronted_report_continues_it(run):
    sentence = "Ferry fares rose 8 percent, the harbour board said in a June report, and bus fares fell 2 percent."
    q = only(run(sentence), cue_text="said")
    assert q.text.startswith("Ferry fares rose 8 percent") and q.text.endswith("bus fares fell 2 percent")


def test_a_cue_joined_by_and_is_not_a_continuation(run):
    a = run("Ferry fares rose 8 percent, the harbour board said, and it announced a new timetable.")
    assert only(a, cue_text="said").text == "Ferry fares rose 8 percent"


@pytest.mark.parametrize("sentence, parts, text", [
    ("At the harbour, the strike is over, according to the port authority, although talks go on.",
     ["At the harbour, the strike is over", "although talks go on"], None),
    ("Ferry fares rose 8 percent, according to the harbour board.", None, "Ferry fares rose 8 percent"),
    ("Now, according to the harbour board, the ferries are full.", None, "the ferries are full"),
])
def test_according_to_in_the_middle_of_a_sentence_interrupts_it(run, sentence, parts, text):
    q = only(run(sentence), cue_text="according")
    assert ([sentence[a:b] for a, b in q.parts] if q.parts else None) == parts
    if text is not None:
        assert q.text == text


@pytest.mark.parametrize("sentence, content, speaker", [
    # the subject given to the participle that modifies it
    ("Harbour activists clamoring to block the sale say they are suddenly winning.", "they are suddenly winning",
     "Harbour activists"),
    # a gerund subject of the reported clause, parsed as the cue's complement
    ("Maria Lund said closing the pier in winter would cost the town dearly.",
     "closing the pier in winter would cost the town dearly", "Maria Lund"),
    # a postposed attribution the parser coordinated with what it reports
    ("The plan includes a new ferry to the islands, Harbour Secretary Anna Berg told a council panel Wednesday.",
     "The plan includes a new ferry to the islands", "Anna Berg"),
])
def test_said_clause_after_a_parse_that_lost_the_frame(run, sentence, content, speaker):
    q = only(run(sentence), text=content)
    assert speaker in q.speaker.mention_text


def test_a_coordinated_clause_with_its_own_conjunction_is_not_the_content(run):
    a = run("The ferry left on time, and Anna Berg told the council about the new timetable.")
    assert not quotes_of(a, text="The ferry left on time")


def test_a_fronted_subject_hung_on_a_parenthetical_cue(run):
    sentence = "Fishermen, Maria Lund suggested, do not have to worry about the new quota."
    q = only(run(sentence), cue_text="suggested")
    assert [sentence[a:b] for a, b in q.parts] == ["Fishermen", "do not have to worry about the new quota"]
    assert q.speaker.name == "Maria Lund"


def test_a_parenthetical_cue_after_an_adverb_reports_what_follows(run):
    q = only(run("Even then, others insist, the harbour will be hard to sell."), cue_text="insist")
    assert q.text == "the harbour will be hard to sell"


def test_people_pronouns_hold_views_that_evidence_cues_report(run):
    q = only(run("Some have suggested that the mayor is an imperfect messenger."), cue_text="suggested")
    assert q.text == "the mayor is an imperfect messenger"


def test_quoted_as_saying_quotes_the_saying_not_the_person(run):
    a = run("Anna Berg was quoted by Harbour Radio as saying the talks were constructive.")
    assert [q.text for q in a.quotes] == ["the talks were constructive"]


def test_a_short_quoted_question_is_no_subject_of_the_cue_after_it(run):
    a = run("Maria Lund runs the harbour.\n\n“Appeal?” asked Peter Okafor. “On what grounds?”")
    assert not [q for q in a.quotes if q.speaker is not None and q.speaker.mention_text == "Appeal"]


def test_declining_to_say_is_one_attribution(run):
    a = run("Officials in Oslo declined to say whether the ferry would resume.")
    assert len(a.quotes) == 1 and a.quotes[0].cue_text == "declined"


@pytest.mark.parametrize("text, content", [
    ("Hugh Hewitt covered the debate.\n\nHewitt writes:\n\nThe movie mentions neither the mayor nor the deal.\n",
     "The movie mentions neither the mayor nor the deal."),
    ("Soerens argued that:\n\nRather than a flood of boats, the harbour takes in very few each year.\n",
     "Rather than a flood of boats, the harbour takes in very few each year."),
])
def test_a_colon_ending_the_cues_phrase_introduces_the_next_paragraph(run, text, content):
    assert only(run(text), text=content).speaker is not None


def test_a_cue_inside_a_condition_introduces_nothing_after_a_colon(run):
    a = run("Scholars modeled what would happen if the towns were to reply in kind: fares would double.")
    assert not quotes_of(a, text="fares would double.")


@pytest.mark.parametrize("sentence, cue, content", [
    ("While she acknowledged money was a major reason she felt demoralized, she also noted several intangibles "
     "left her further disillusioned.", "noted", "several intangibles left her further disillusioned"),
    ("Should the ferry company run into financial trouble, some worry that the cost of reclaiming the pier could "
     "fall to taxpayers.", "worry", "the cost of reclaiming the pier could fall to taxpayers"),
])
def test_the_clause_after_the_cue_beats_a_fronted_one(run, sentence, cue, content):
    q = only(run(sentence), cue_text=cue)
    assert q.text == content


def test_a_sentence_before_a_colon_is_not_what_the_cue_reports(run):
    q = only(run("We have been here before: Maria Lund declared war on the harbour board."), cue_text="declared")
    assert q.text == "war on the harbour board"


@pytest.mark.parametrize("sentence, content", [
    ("Lund tweeted in the early morning hours that Okafor was “dishonest” and “a fraud” and urged people to "
     "“check out” his old boat.", "Okafor was “dishonest” and “a fraud”"),
    ("In Tromsø last week, she told a meeting of Arctic fishing leaders that few people understood the stakes of "
     "the quota better than residents of their part of the coast.", "few people understood the stakes of the quota"),
])
def test_a_that_clause_the_parser_hung_elsewhere_is_still_reported(run, sentence, content):
    assert any(q.text.startswith(content) and q.cue_text in ("tweeted", "told") for q in run(sentence).quotes)


def test_a_clause_before_the_cue_stays_its_own_when_a_colon_opens_a_quotation_after(run):
    a = run('Maria Lund runs the harbour board.\n\nThe ferry will probably run again by May, Lund said: '
            '"I feel like the worst is over."')
    assert "The ferry will probably run again by May" in [q.text for q in a.quotes]
