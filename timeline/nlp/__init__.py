"""The NLP stages that turn an article's text into time expressions and coded events.

An article goes through them in this order, each reading the results of the ones before:

1. `model`: the spaCy English pipeline parses the text (tokens, tags, dependencies, entities).
2. `dates`: the temporal expressions of the text, resolved against the publication time (or
   the article's own date line).
3. `article`: the article view, built once: tokens, sentences, paragraphs, entities, dateline,
   and the countries and US states the article names.
4. `actors`: the people the article names (`actors.people`), and who its phrases denote
   (`actors.resolver`: people, coreference, countries, organisations, groups).
5. `places`: the places its locative phrases name (the lexicons in `gazetteer`).
6. `frames`: event frames: a predicate, its arguments, its places and its status.
7. `coding`: the CAMEO code of each frame (and its PLOVER type).
8. `dating`: the date of each event, from its own clause, its sentence (how clauses relate in
   time: `clauses`), the narrative's reference time (`narrative`) or the publication; then
   mentions of one happening share their dates (`happenings`).

`events.extract_events` runs stages 3 to 8 over a parsed article. `lookup` folds names to the
keys the lexicons are indexed by; `words` holds the word classes the event rules test. The word
lists and code tables are data files under timeline/data.

This package imports nothing itself: the listing commands must not load spaCy.
"""
