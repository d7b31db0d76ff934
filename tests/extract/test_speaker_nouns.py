"""Sources that are not people: documents, events, bodies, groups of named members."""


def speaker(a, i=-1):
    return a.quotes[i].speaker


def test_study_by_a_named_researcher_is_his(run):
    a = run("Voting rules vary widely.\n\n"
            "A 2019 study by Harbour University professor Tomas Lindqvist found that few ballots were forged.")
    assert speaker(a).name == "Tomas Lindqvist"


def test_data_from_a_named_survey_is_the_survey_s(run):
    a = run("Pay gaps persist.\n\nData from the National Wage Survey show that women earn less than men.")
    assert "Survey" in (speaker(a).name or "")


def test_study_that_appeared_in_a_journal_is_the_journal_s(run):
    a = run("Diets are contested.\n\n"
            "A 2014 study that appeared in the Nordic Medical Journal found that half of the advice was wrong.")
    assert "Journal" in (speaker(a).name or "")


def test_the_study_after_a_named_survey_is_that_survey(run):
    a = run("The rules help one party, according to a recent Reuters survey of voter lists. "
            "The study found that voters were removed at twice the rate in some districts.")
    assert speaker(a).name == "Reuters"


def test_another_slide_is_from_the_same_presentation(run):
    a = run("Peter Okafor, the trade minister, travels often.\n\n"
            "A slide from a presentation that Mr. Okafor carries shows that exports have doubled. "
            "Another slide shows that eight of 10 avocados come from Mexico.")
    assert [q.speaker.name for q in a.quotes[-2:]] == ["Peter Okafor", "Peter Okafor"]


def test_a_news_conference_speaks_with_the_voice_of_who_held_it(run):
    a = run("Maria Lund spoke on Monday.\n\n"
            "“We will get there,” she said at a news conference announcing that the port would be sued.")
    sp = speaker(a)
    assert sp.name == "Maria Lund"
    assert sp.mention_text == "she"


def test_a_policy_someone_established_is_theirs(run):
    a = run("Peter Okafor, the secretary general, vowed not to repeat that mistake and established "
            "a policy urging employees to report abuses.")
    assert all(q.speaker.name == "Peter Okafor" for q in a.quotes)


def test_the_ruling_is_the_court_s_that_ruled(run):
    a = run("The Harbour Court of Appeals ruled on Friday that the strike was legal.\n\n"
            "“A union cannot be punished for voting,” the ruling said.")
    assert "Court of Appeals" in (speaker(a).name or "")


def test_a_court_named_in_two_pieces_keeps_its_circuit(run):
    a = run("A three-judge panel of the U.S. Court of Appeals for the Sixth Circuit heard the case.\n\n"
            "The appeals court ruled that the state's practices were unlawful.")
    assert speaker(a).name == "U.S. Court of Appeals for the Sixth Circuit"


def test_the_head_of_a_company_is_not_the_company(run):
    a = run("The head of Nordhavn Shipping indicated as much in an email.")
    assert all(q.speaker is None or q.speaker.name != "Nordhavn Shipping" for q in a.quotes)


def test_coordinated_subjects_are_one_group(run):
    a = run("Fighting continues in the north as China and Russia support the government.")
    sp = speaker(a)
    assert sp.mention_text == "China and Russia" and sp.person is None and sp.kind == "group"


def test_a_person_and_his_aides_is_the_person(run):
    a = run("Tom Hill met voters. The candidate and his aides said that the debate would be fair.")
    assert speaker(a).name == "Tom Hill" or speaker(a).kind != "group"


def test_relative_pronoun_is_the_mention_its_antecedent_the_speaker(run):
    text = "The bill was opposed by Maria Lund, who said that it would close the port."
    a = run(text)
    sp = speaker(a)
    assert sp.name == "Maria Lund"
    assert text[sp.mention[0]:sp.mention[1]] == "who"


def test_unresolved_group_has_kind_group_and_no_person(run):
    a = run("Officials said that the talks had failed.")
    sp = speaker(a)
    assert sp.person is None and sp.kind == "group" and sp.mention_text == "Officials"
    assert a.to_dict()["quotes"][0]["speaker"]["kind"] == "group"


def test_named_speaker_has_kind_person(run):
    a = run("Lena Park said that the vote was fair.")
    assert speaker(a).kind == "person"


def test_coordinated_antecedent_of_which_is_the_group(run):
    a = run("The push came from China and the United States, the two biggest polluters, "
            "which together vowed to cut their emissions.")
    sp = speaker(a)
    assert sp.kind == "group" and sp.mention_text == "China and the United States"


def test_the_data_just_after_a_body_spoke_is_that_body_s(run):
    a = run("The Harbour Statistics Office said that exports fell in May.\n\n"
            "According to the data, imports rose by a third.")
    assert "Harbour Statistics Office" in (speaker(a).name or "")


def test_the_data_long_after_is_not_a_body_s(run):
    a = run("The Harbour Statistics Office said that exports fell in May.\n\n" + "The port was busy. " * 30 +
            "\n\nAccording to the data, imports rose by a third.")
    assert speaker(a).name is None


def test_a_body_of_a_named_country_is_named_by_its_phrase(run):
    a = run("Two soldiers died in a crash, the US military said in a statement.")
    assert speaker(a).name == "US military" and speaker(a).kind == "organisation"


def test_the_statement_after_a_body_spoke_in_one_is_that_body_s(run):
    a = run("Two soldiers died in a crash, the US military said in a statement.\n\n"
            "“The cause is under investigation,” the statement said.")
    assert speaker(a).name == "US military"


def test_a_top_court_of_a_union_is_the_court_not_the_union(run):
    a = run("The European Union's top court ruled that products must be labelled.")
    assert speaker(a).name == "European Union's top court"


def test_an_unnamed_office_speaks_as_an_institution_not_a_person(run):
    a = run("The United Nations High Commissioner for Human Rights said the decision did not change the law.")
    sp = speaker(a)
    assert sp.name == "United Nations High Commissioner for Human Rights" and sp.kind == "organisation"
    assert all(p.kind != "person" for p in a.people)


def test_a_title_before_a_name_is_still_the_person(run):
    a = run("Prime Minister Theresa May said that the country would leave.")
    assert speaker(a).name == "Theresa May" and speaker(a).kind == "person"


def test_plural_bodies_of_a_country_are_a_group(run):
    a = run("Israeli courts have said that most settlements are legal.")
    assert speaker(a).kind == "group" and speaker(a).person is None
