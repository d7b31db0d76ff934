"""People of an article: merged mentions, descriptions, syntax-based fixes of the model's labels."""


def by_name(a):
    return {p.name: p for p in a.people}


def test_full_name_and_surname_are_one_person(run):
    a = run("Maria Lund, a port engineer, inspected the cranes. Lund said they were old.")
    people = by_name(a)
    assert list(people) == ["Maria Lund"]
    assert len(people["Maria Lund"].mentions) == 2
    assert "a port engineer" in people["Maria Lund"].descriptions


def test_title_is_a_description_not_part_of_the_name(run):
    a = run("Gen. Ada Brown inspected the troops on Monday.")
    p = by_name(a)["Ada Brown"]
    assert "Gen." in p.descriptions


def test_subject_of_wrote_is_a_person_whatever_the_label(run):
    # en_core_web_sm tags "Con Coughlin" as ORG; as the subject of "wrote" it is a person
    a = run("There was general agreement that the war would end soon, Con Coughlin wrote in The Telegraph.")
    assert "Con Coughlin" in by_name(a)


def test_transliterations_of_a_surname_are_one_person(run):
    a = run("President Volodymyr Zelenskyy spoke in Kyiv. Zelenskyi said the front was holding.")
    assert [p.name for p in a.people if p.kind == "person"] == ["Volodymyr Zelenskyy"]


def test_two_people_with_different_surnames_stay_apart(run):
    a = run("Maria Lund met Peter Okafor on Monday. Lund and Okafor disagreed.")
    assert set(by_name(a)) == {"Maria Lund", "Peter Okafor"}


def test_names_only_in_related_links_are_not_people(run):
    a = run("The port reopened on Monday.\n\nRead also:\n\n  • Gen. Ada Brown Says The Port Is Safe\n")
    assert a.people == []


def test_platform_after_on_is_not_a_person(run):
    a = run("Maria Lund wrote on Twitter that the cranes were old. Twitter later removed the post.")
    names = [p.name for p in a.people if p.kind == "person"]
    assert names == ["Maria Lund"]


def test_listed_non_person_names_are_not_people(run):
    a = run("Peter Okafor said Brexit would hurt the port. Brexit was a mistake, Okafor said.")
    assert [p.name for p in a.people if p.kind == "person"] == ["Peter Okafor"]


def test_possessive_is_not_part_of_the_name(run):
    a = run("Maria Lund’s plan was rejected. Lund said she would try again.")
    assert [p.name for p in a.people if p.kind == "person"] == ["Maria Lund"]


def test_epithet_in_front_goes_to_descriptions(run):
    a = run("Crooked Hillary will lose, he said. Hillary Clinton did not answer the crooked remark.")
    names = [p.name for p in a.people if p.kind == "person"]
    assert not any(n.startswith("Crooked") for n in names)


def test_pageant_title_goes_to_descriptions(run):
    a = run("Former Miss Universe Alicia Machado said she was humiliated by the remarks.")
    p = by_name(a)["Alicia Machado"]
    assert any("Miss Universe" in d for d in p.descriptions)


def test_called_on_a_person_is_still_a_person(run):
    a = run("The senator called on President Obama to act. Obama said he would.")
    assert "Obama" in by_name(a)


def test_possessive_inside_a_span_keeps_the_person(run):
    a = run("Readers of Harbour Weekly’s Maria Lund know the port. Maria Lund said the cranes were old.")
    names = [p.name for p in a.people if p.kind == "person"]
    assert names == ["Maria Lund"]
