"""The parse stage: the English model, with paragraph breaks as sentence boundaries."""

from timeline.parse import MODEL_PACKAGES, load_model, parse


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
