"""Event frames: a predicate with its code, arguments, places and status.

`predicates.FrameFinder` finds the frames of an article (verbs and event nouns the CAMEO lexicons
code), `arguments` their sources and targets, `phrases` the actors and places of a phrase,
`locations` where the event happens, `status` whether it is asserted, planned, negated,
hypothetical or reported (or only possible: no act), `earlier` the frames found before (what
"the talks" refers back to, who did an act of violence told without its doer), `countries` the
countries of groups and the targets a place or a source gives, and `grammar` the tests of a
predicate's own words they share (an event noun that introduces a happening, a participle that
stands for people, a wish that someone else act).
"""
