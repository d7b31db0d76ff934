"""The words forecasts.py reads: future markers, hedges, and what marks a non-forecast."""

WILL = {"will", "wo", "'ll", "’ll", "shall"}
WILL_CLASS = {"will", "would", "is going to", "is set to", "shall"}
MODALS = {"could", "may", "might"}
EXPECT_WORDS = {"expected": "is expected to", "set": "is set to", "poised": "is poised to", "bound": "is bound to",
                "likely": "likely", "unlikely": "unlikely", "certain": "certainly", "sure": "certainly",
                "destined": "is bound to", "tipped": "is expected to", "track": "is expected to",
                "due": "is set to", "slated": "is set to"}
# the negated likelihood word: "are not likely to alter" is "unlikely"
NEGATED_EXPECT = {"likely": "unlikely", "expected": "not likely", "certain": "not likely", "sure": "not likely",
                  "unlikely": "likely"}
ADVERB_HEDGES = {"probably", "likely", "undoubtedly", "certainly", "definitely", "surely", "possibly", "perhaps",
                 "maybe", "inevitably", "almost certainly", "most likely", "very likely", "very probably"}
DEGREE = {"almost", "very", "most", "highly", "virtually", "quite", "all but"}
# "will always be the king", "you'll usually have": what is habitually so, not a prediction
HABITUAL = {"always", "usually", "often", "sometimes", "typically", "generally", "normally", "frequently", "rarely",
            "seldom", "occasionally", "routinely"}
# "could hear his voice": past ability of perception and cognition
ABILITY = {"hear", "see", "feel", "smell", "taste", "sense", "tell", "remember", "recall", "understand", "notice",
           "recognize", "recognise", "read", "watch", "imagine"}
# "a plan that would allow": what a proposal contains, not what will happen
PROPOSALS = {"plan", "proposal", "bill", "law", "measure", "legislation", "amendment", "provision", "rule", "policy",
             "program", "programme", "scheme", "initiative", "order", "regulation", "act", "platform", "budget"}
# a belief framing a prediction: "I think X will …" is the believer's "likely"
BELIEF = {"think", "believe", "suspect", "guess", "bet", "reckon", "figure", "feel"}
PROPOSE_VERBS = {"propose", "suggest", "offer", "seek", "demand", "want", "call", "push", "draft", "introduce",
                 "unveil", "outline", "recommend", "request", "envision", "design"}
CHANCE_NOUNS = {"chance", "chances", "odds", "possibility", "likelihood", "probability", "prospect"}
CONDITION_MARKS = {"if", "unless", "provided", "once", "as long as"}
# first-person "will" with these is a prediction; with any other verb it is a commitment
PERCEPTION = {"see", "witness", "find", "face", "lose", "win", "have", "get", "feel", "watch", "hear", "need"}
SCHEDULE_VERBS = {"hold", "take", "begin", "start", "open", "close", "meet", "convene", "vote", "travel", "visit",
                  "attend", "host", "launch", "release", "publish", "air", "run", "speak", "address", "testify",
                  "sign", "announce", "resume", "end", "arrive", "depart", "return", "debate", "hear", "rule",
                  "perform", "play", "sing", "appear", "headline", "tour", "premiere", "debut", "campaign", "compete",
                  "face", "broadcast", "stream", "screen", "unveil", "present", "deliver", "keynote"}
# verbs that report a statement about the future: "said the plant would close"
REPORTING = {"say", "tell", "predict", "warn", "forecast", "expect", "estimate", "project", "claim", "announce",
             "state", "write", "argue", "insist", "add", "note", "caution", "promise", "vow", "pledge", "believe"}
DENYING = {"mean", "imply", "guarantee", "suggest", "think", "believe", "expect"}
SUBJECTS = ("nsubj", "nsubjpass", "expl")
