"""Language identification: the English fast path decides only on plainly English samples."""
from onrecord.sources import language

ENGLISH = ("The harbour board said on Monday that the new pier would open in the spring, and its chair "
           "told reporters that the cost of the work had been higher than the town was told. She said "
           "it was not clear who would pay for the repairs, which have been delayed by the storms.")
FRENCH = ("Le conseil du port a déclaré lundi que la nouvelle jetée ouvrirait au printemps, et sa "
          "présidente a expliqué aux journalistes que le coût des travaux avait été plus élevé que prévu. "
          "Elle a ajouté qu'on ne savait pas encore qui paierait les réparations retardées par les tempêtes.")
GERMAN = ("Die Hafenbehörde teilte am Montag mit, dass der neue Anleger im Frühjahr eröffnet werde, und "
          "ihre Vorsitzende sagte den Reportern, die Kosten der Arbeiten seien höher gewesen als der Stadt "
          "gesagt worden war. Wer die Reparaturen bezahlen werde, sei noch nicht klar, sagte sie.")


def test_plain_english_takes_the_fast_path():
    assert language.looks_english(ENGLISH) and language.detect(ENGLISH) == "en"


def test_other_languages_are_left_to_langdetect():
    assert not language.looks_english(FRENCH) and language.detect(FRENCH) == "fr"
    assert not language.looks_english(GERMAN) and language.detect(GERMAN) == "de"


def test_a_few_english_words_in_another_language_do_not_make_it_english():
    mixed = FRENCH + " The end."
    assert not language.looks_english(mixed) and language.detect(mixed) == "fr"


def test_too_short_to_tell_is_english():
    assert language.detect("Bonjour.") == "en"
    assert not language.looks_english("the of and to in")  # under the fast path's minimum of words
