"""The parse stage: the English model, with paragraph breaks as sentence boundaries."""

from timeline.nlp.model import MODEL_PACKAGES, load_model, parse


def test_one_of_the_model_packages_is_loaded():
    nlp = load_model()
    assert f"{nlp.meta['lang']}_{nlp.meta['name']}" in MODEL_PACKAGES
    assert nlp.meta["version"] == "3.8.0"
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_a_blank_line_ends_a_sentence():
    doc = parse("Airbus wins Qatar order\n\nAirbus said on Monday it had won the order.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Airbus wins Qatar order"
    assert sentences[-1] == "Airbus said on Monday it had won the order."


def test_a_single_line_break_does_not():
    doc = parse("Russia and China signed\na trade agreement on Monday.")
    assert len(list(doc.sents)) == 1


# The model's attribute_ruler is replaced by TokenRules, which must annotate exactly as it does.

SENTENCES = [
    "Secretary of State Rex Tillerson arrived in Moscow on Tuesday for talks with Sergei Lavrov.",
    "There is no deal yet, and there were protests outside the Kremlin; it's not over.",
    "\"I ain't gonna sign it,\" he said. Let's see what they've got. C'mon, y'all!",
    "She gets results: he got 3.5 million votes, and nothin' else matters to Mr. Putin's aides.",
    "The U.N. Security Council will meet in New York.\n\n  Russia's envoy didn't attend.",
    "Gotta go -- the ceasefire, which NATO had backed, collapsed at 10:30 a.m. (local time).",
    "The ministries were studying the geese's flight; bigger armies fought hardest in the cities.",
]


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_token_rules_annotate_as_the_models_attribute_ruler(nlp):
    import spacy

    from timeline.nlp.model import TokenRules

    assert "attribute_ruler" not in nlp.pipe_names
    assert "timeline_token_rules" in nlp.pipe_names
    reference = spacy.load(f"{nlp.meta['lang']}_{nlp.meta['name']}")
    ruler = reference.get_pipe("attribute_ruler")
    fast = TokenRules(ruler)
    before = ["attribute_ruler", "lemmatizer", "ner"]
    for doc in reference.pipe(SENTENCES, disable=before):
        expected, got = doc.copy(), doc.copy()
        ruler(expected)
        fast(got)
        assert _annotations(got) == _annotations(expected)
        assert got.to_bytes() == expected.to_bytes()
    # and the whole pipeline: the same tags, lemmas, parse and entities as the model's own
    for ours, theirs in zip(nlp.pipe(SENTENCES), reference.pipe(SENTENCES), strict=True):
        assert _annotations(ours) == _annotations(theirs)
        assert [(e.start, e.end, e.label_) for e in ours.ents] == [
            (e.start, e.end, e.label_) for e in theirs.ents
        ]


def test_token_rules_apply_rules_in_order_as_spacy_does():
    """Rules of every kind the fast path handles, overlapping so that order decides: a later rule
    wins, multi-token rules interleave with one-token rules by their position in the list."""
    import spacy
    from spacy.tokens import Doc

    from timeline.nlp.model import TokenRules

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(
        [
            {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
            {"patterns": [[{"TAG": "NN", "LOWER": "talks"}]], "attrs": {"MORPH": "Number=Plur"}},
            {"patterns": [[{"LOWER": {"IN": ["talks", "said"]}}]], "attrs": {"LEMMA": "talk"}},
            {"patterns": [[{"LOWER": "said"}, {"LOWER": "it"}]], "attrs": {"LEMMA": "say"}},
            {"patterns": [[{"LOWER": "he"}, {"LOWER": "said"}]], "attrs": {"POS": "AUX"},
             "index": 1},
            {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB"}},
            {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
            {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"},
             "index": 1},
            {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
            {"patterns": [[{"TAG": {"NOT_IN": ["NN", "VBD"]}, "LOWER": "there"}]],
             "attrs": {"POS": "PRON"}},
        ]
    )  # fmt: skip
    fast = TokenRules(ruler)
    assert fast.has_matcher  # the two-token rules
    words = ["he", "said", "it", ":", "talks", "nothin'", "there", "is", "\n", "more", "talks"]
    tags = ["PRP", "VBD", "PRP", ":", "NN", "NN", "EX", "VBZ", "", "JJR", "NNS"]
    deps = ["nsubj", "ROOT", "dobj", "punct", "dep", "dep", "expl", "ROOT", "", "amod", "dobj"]
    expected = Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=list(range(len(words))))
    got = expected.copy()
    ruler(expected)
    fast(got)
    assert _annotations(got) == _annotations(expected)
    # what spaCy's ruler gives, spelled out: a later rule overrides an earlier one
    said = got[1]
    assert (said.pos_, said.lemma_) == ("VERB", "say")
    assert str(got[4].morph) == "Number=Plur" and got[4].lemma_ == "talk"
    assert got[5].lemma_ == "nothing" and got[7].pos_ == "VERB" and got[8].tag_ == "_SP"
    assert got[6].pos_ == "PRON" and str(got[10].morph) == ""


def test_the_lemmatizer_looks_its_known_words_up_in_sets(nlp):
    """The rule lemmatizer's word lists become sets (same answers to `in`, no list scans)."""
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table and all(isinstance(words, frozenset) for words in table.values())
    lemmas = [t.lemma_ for t in nlp("The ministries were studying the talks and the armies.")]
    assert lemmas == ["the", "ministry", "be", "study", "the", "talk", "and", "the", "army", "."]
