"""Actors: who the article's phrases denote.

`people.find_people(view)` finds the people an article names (fullest names, titles, countries,
and the entry the actor `dictionary` has for them, with dated codes);
`resolver.ActorResolver(view, people)` then tells which actor (person, country, organisation or
group) a noun phrase denotes, with `coreference` (surnames, pronouns, "the president", "the
country"), `affiliations` (the country or organisation a modifier names), `organizations`
(organisations, institutions, companies), `groups` (sectors: "Russian troops", "rebels") and
`countries` (the country lexicon; `country_code` and `country_name` are public); `dictionary`
(people, bodies and groups with their dated CAMEO codes, the shipped and the user's).
"""
