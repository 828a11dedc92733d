"""The article view: tokens, sentences, paragraphs, entities, dateline and the places named."""

from __future__ import annotations

from timeline.nlp.article import read_article


def test_token_columns_and_text_of_a_range(nlp):
    doc = nlp("Russia's envoy met U.S. officials in Moscow.")
    view = read_article(doc)
    assert view.words == [t.text for t in doc]
    assert view.idx == [t.idx for t in doc]
    assert view.pos == [t.pos_ for t in doc]
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert view.span_text(start, end) == doc[start:end].text
    assert view.span_text(3, 3) == ""
    assert view.end_char(len(doc)) == len(doc.text)


def test_sentences_and_the_sentence_of_each_token(nlp):
    doc = nlp("Airbus wins Qatar order\n\nAirbus said it had won. Boeing did not comment.")
    view = read_article(doc)
    assert [s.text.strip() for s in view.sentences] == [s.text.strip() for s in doc.sents]
    assert view.has_sentences
    for token in doc:
        assert view.sentence(token) == token.sent
    assert [(e.start, e.end, e.label_) for e in view.entities] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    second = view.sentences[1]
    assert view.entities_in(second) == list(second.ents)


def test_a_doc_without_sentence_boundaries_is_one_sentence(nlp):
    view = read_article(nlp.make_doc("Russia and Syria met in Moscow."))
    assert not view.has_sentences
    assert len(view.sentences) == 1 and set(view.sentence_of) == {0}


def test_paragraphs_start_after_blank_lines(nlp):
    text = "First paragraph.\n\nSecond one.\n \nThird.\nStill third."
    view = read_article(nlp(text))
    assert view.paragraphs == [0, text.index("Second"), text.index("Third")]
    assert view.paragraph_index(0) == 0
    assert view.paragraph_index(text.index("one")) == 1
    assert view.paragraph_index(text.index("Still")) == 2


def test_dateline(nlp):
    text = "MOSCOW (Reuters) - Russia said on Monday it would respond."
    view = read_article(nlp(text))
    start, end = view.dateline
    assert text[start:end] == "MOSCOW"
    text = "BEIRUT, Lebanon (AP) \u2014 Talks resumed."
    start, end = read_article(nlp(text)).dateline
    assert text[start:end] == "BEIRUT, Lebanon"
    assert read_article(nlp("Russia said on Monday it would respond.")).dateline is None


def test_countries_and_states_the_article_names(nlp):
    view = read_article(
        nlp("Russian troops left Syria. Moscow and the U.S. talked in Austin, Texas, and N.J.")
    )
    named = view.named
    assert named.country_counts["RUS"] == 2  # "Russian", "Moscow"
    assert named.country_counts["SYR"] == 1 and named.country_counts["USA"] >= 1
    assert named.capital_mentions[("RUS", "moscow")] == 1
    assert named.country_forms["USA"] == ["U.S."]
    assert {"TX", "NJ"} <= named.states
    assert named.mentions_country("SYR") and not named.mentions_country("FRA")
    assert not named.mentions_country(None)
    assert [code for _, code in named.country_positions][:2] == ["RUS", "SYR"]


def test_trim_and_conjuncts(nlp):
    doc = nlp("The US and Russia signed the deal.")
    view = read_article(doc)
    assert view.trim(0, 4) == (1, 4)
    assert view.conjuncts(doc[0:4]) == [(0, 2), (3, 4)]  # the determiner is trimmed later
