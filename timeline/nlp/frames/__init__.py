"""Event frames: a predicate with its code, arguments, places and status.

`predicates.FrameFinder` finds the frames of an article (verbs and event nouns the CAMEO lexicons
code), `arguments` their sources and targets, `phrases` the actors and places of a phrase,
`locations` where the event happens and `status` whether it is asserted, planned, negated,
hypothetical or reported.
"""
