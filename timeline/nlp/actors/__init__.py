"""Actors: who the article's phrases denote.

`people.find_people(view)` finds the people an article names (fullest names, titles, countries);
`resolver.ActorResolver(view, people)` then tells which actor (person, country, organisation or
group) a noun phrase denotes, with `coreference` (surnames, pronouns, "the president", "the
country"), `affiliations` (the country or organisation a modifier names), `organizations`
(organisations, institutions, companies), `groups` (sectors: "Russian troops", "rebels") and
`countries` (the country lexicon; `country_code` and `country_name` are public).
"""
